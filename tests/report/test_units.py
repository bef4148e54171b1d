"""The report's pieces: PSI, period bounds, texts in both languages, bulk appends."""

from __future__ import annotations

import string

import numpy as np
import pytest

from triage.audit import AuditEntry, AuditStore
from triage.report.data import collect, period_bounds
from triage.report.drift import psi
from triage.report.texts import LANGUAGES, load_texts


@pytest.mark.parametrize(
    ("expected", "observed", "low", "high"),
    [
        ([10, 20, 30], [10, 20, 30], 0.0, 1e-12),
        ([10, 20, 30], [20, 40, 60], 0.0, 1e-12),  # same shares, other volume
        ([50, 50], [45, 55], 0.005, 0.05),
        ([50, 50], [10, 90], 0.25, 5.0),
        ([50, 50, 0], [40, 40, 20], 0.25, 5.0),  # a new category appears
    ],
)
def test_psi_grows_with_the_shift(expected, observed, low, high):
    assert low <= psi(expected, observed) <= high


@pytest.mark.parametrize(
    ("start", "end", "low", "high"),
    [
        (None, None, None, None),
        ("2026-03-01", "2026-03-31", "2026-03-01", "2026-04-01"),
        ("2026-03-01T10:00:00+02:00", None, "2026-03-01T08:00:00.000000+00:00", None),
        ("2026-03-01", "9999-12-31", "2026-03-01", None),  # found by schemathesis: no overflow
    ],
)
def test_period_bounds_count_the_end_day_whole(start, end, low, high):
    assert period_bounds(start, end) == (low, high)


def test_a_malformed_date_is_an_input_error():
    from triage.exceptions import InputError

    with pytest.raises(InputError, match="not a date"):
        period_bounds("31/03/2026", None)


def _fields(value) -> set[str]:
    if isinstance(value, str):
        return {f for _, f, _, _ in string.Formatter().parse(value) if f}
    if isinstance(value, dict):
        return set().union(*(_fields(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(_fields(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize(
    "name",
    [
        "LABELS",
        "REASONS",
        "ENTITIES",
        "CHARTS",
        "LIMITS",
        "DRIFT",
        "LETTER",
        "LETTER_REASONS",
        "PROCESSING",
        "REGISTER",
        "INVENTORY",
        "AI_ACT",
        "LANGUAGES",
        "MONTHS",
        "NUMBERS",
    ],
)
def test_every_language_has_the_same_texts_and_placeholders(name):
    french = getattr(load_texts("fr"), name)
    for language in LANGUAGES:
        other = getattr(load_texts(language), name)
        if isinstance(french, dict):
            assert set(other) == set(french), language
            for key in french:
                assert _fields(other[key]) == _fields(french[key]), (language, key)
        else:
            assert len(other) == len(french), language
            assert _fields(other) == _fields(french), language


def test_bulk_appends_keep_the_chain_whole_between_single_appends(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    store.record_decision("d0", {"queue": "voirie"})
    entries = [AuditEntry("decision", f"d{i}", {"queue": "voirie"}) for i in range(1, 8)]
    assert store.append_many(entries, batch_size=3) == 7
    store.record_review("d3", department="finances", reviewer="a1")
    result = store.verify()
    assert result.ok and result.records == 9
    assert [r.seq for r in store.records()] == list(range(1, 10))
    assert [r.kind for r in store.history("d3")] == ["decision", "review"]


def test_collect_sees_every_record_once(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    store.append_many(
        AuditEntry("decision", f"d{i}", {"queue": "human_review", "reason": "out_of_scope"})
        for i in range(5)
    )
    activity, integrity = collect(store)
    assert activity.decisions == 5 and activity.auto_routed == 0
    assert activity.reasons == {"out_of_scope": 5}
    assert integrity.records == 5 and integrity.kinds == {"decision": 5}


def test_training_stores_the_curve_histogram_and_per_language_figures():
    from triage.training import held_out_figures

    probs = np.array([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.55, 0.45, 0.0]])
    y = np.array([0, 1, 2, 1])
    languages = np.array(["fr", "fr", "en", "en"])
    figures = held_out_figures(
        probs, y, languages, ["a", "b", "oos"], out_of_scope=2, threshold=0.6
    )
    curve = figures["tradeoff"]
    at = curve["threshold"].index(0.6)
    assert curve["coverage"][at] == 0.5 and curve["precision"][at] == 1.0
    assert curve["coverage"][0] == 0.75 and curve["precision"][0] == pytest.approx(2 / 3, abs=1e-4)
    assert curve["precision"][-1] is None  # nothing is that confident
    assert figures["confidence_histogram"]["counts"] == [0, 0, 0, 0, 1, 1, 0, 1, 0, 1]
    assert figures["metrics_by_language"]["fr"]["accuracy"] == 1.0
    assert figures["metrics_by_language"]["en"]["n"] == 2
