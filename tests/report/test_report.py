"""The transparency report: sections, figures equal to the trail's, no personal data."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

import pytest

from triage.audit import AuditStore
from triage.exceptions import InputError
from triage.report import ServiceContact, build_report
from triage.report.synthetic import write_synthetic_store
from triage.report.texts import load_texts

from .conftest import LEAKED, PLANTED, REVIEW_NOTE, REVIEWER, decisions, number

SERVICE = ServiceContact(
    "Mairie de Villeneuve", "accueil@villeneuve.example", "dpo@villeneuve.example"
)


@pytest.fixture(scope="module")
def report(trail, model_folder) -> str:
    return build_report(trail, model_folder, service=SERVICE, pii_results=None)


def rows(html: str, attribute: str) -> dict[str, list[str]]:
    """Table rows tagged ``data-<attribute>``: key -> the text of each numeric cell."""
    out = {}
    pattern = rf'<tr data-{attribute}="([^"]+)">(.*?)</tr>'
    for key, body in re.findall(pattern, html, re.S):
        out[key] = re.findall(r'<td class="num">([^<]*)</td>', body)
    return out


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_section_and_annex_is_present(trail, model_folder, language):
    html = build_report(trail, model_folder, language=language, service=SERVICE)
    labels = load_texts(language).LABELS
    for key in (
        "s1",
        "s1_mention",
        "s1_items",
        "s1_item1",
        "s1_item2",
        "s1_item3",
        "s1_item4",
        "s2",
        "s2_calibration",
        "s2_threshold",
        "s2_limits",
        "s3",
        "s3_overrides",
        "s3_drift",
        "s4",
        "s4_eval",
        "s5",
        "s6",
        "s7",
        "s7_register",
        "s7_inventory",
        "s7_ai_act",
    ):
        assert labels[key].replace("'", "&#39;") in html, key
    assert f'<html lang="{language}">' in html
    assert "Mairie de Villeneuve" in html


def test_requests_per_department_equal_the_trail(trail, report):
    expected = Counter(p["queue"] for p in decisions(trail))
    table = rows(report, "queue")
    assert {q: number(cells[0]) for q, cells in table.items()} == expected
    total = sum(expected.values())
    for queue, cells in table.items():
        assert number(cells[1]) == pytest.approx(100 * expected[queue] / total, abs=0.05)


def test_auto_routed_and_review_reasons_equal_the_trail(trail, report):
    expected = Counter(p["reason"] or "auto" for p in decisions(trail))
    table = rows(report, "reason")
    assert {r: number(cells[0]) for r, cells in table.items()} == expected
    assert set(expected) >= {"auto", "low_confidence", "out_of_scope"}


def test_overrides_per_department_equal_the_agents_reviews(trail, report):
    last = {r.decision_id: r.payload for r in trail.records(kind="review")}
    expected: dict[str, Counter] = {}
    for review in last.values():
        if review["previous_department"] is not None:
            row = expected.setdefault(review["previous_department"], Counter())
            row["reviewed"] += 1
            row["overridden"] += review["department"] != review["previous_department"]
    table = rows(report, "department")
    assert set(table) == set(expected)
    for department, cells in table.items():
        reviewed, confirmed, overridden = (number(c) for c in cells[1:4])
        assert reviewed == expected[department]["reviewed"]
        assert overridden == expected[department]["overridden"]
        assert confirmed == reviewed - overridden
    assert number(rows(report, "department")["voirie"][3]) >= 1  # the planted correction


def test_entity_counts_equal_the_trail(trail, report):
    expected: Counter = Counter()
    for payload in decisions(trail):
        expected.update(payload["entity_counts"])
    assert {k: number(c[0]) for k, c in rows(report, "entity").items()} == expected


def test_integrity_section_counts_every_record_and_verifies_the_chain(trail, report):
    records = list(trail.records())
    assert number(re.search(r'id="records">([^<]+)<', report).group(1)) == len(records)
    assert f"n° {records[-1].seq} " in report
    assert load_texts("fr").LABELS["chain_ok"] in report


def test_a_tampered_trail_is_reported_as_such(tmp_path, model_folder):
    store = write_synthetic_store(tmp_path / "audit.db", 40)
    store.engine.dispose()
    with sqlite3.connect(tmp_path / "audit.db") as db:
        db.execute(
            "UPDATE audit_events SET payload = replace(payload, 'voirie', 'finances') "
            "WHERE seq = 12"
        )
    html = build_report(AuditStore(tmp_path / "audit.db"), model_folder)
    assert "ÉCHEC à l&#39;enregistrement n° 12" in html
    assert 'class="bad"' in html


def test_the_period_keeps_only_its_days(trail, model_folder):
    days = Counter(r.created_at[:10] for r in trail.records(kind="decision"))
    first, second = sorted(days)[3:5]
    html = build_report(trail, model_folder, start=first, end=second)
    shown = sum(number(cells[0]) for cells in rows(html, "queue").values())
    assert shown == days[first] + days[second]


def test_a_period_that_ends_before_it_starts_is_refused(trail, model_folder):
    with pytest.raises(InputError, match="starts"):
        build_report(trail, model_folder, start="2026-03-10", end="2026-03-01")


def test_no_raw_personal_data_reviewer_or_review_note_reaches_the_report(report):
    for secret in [*PLANTED.values(), REVIEWER, REVIEW_NOTE, "Tramontane", "Quernadec"]:
        assert secret not in report


def test_a_rare_word_never_reaches_the_global_explanations(report):
    assert LEAKED not in report
    assert "<td>lampadaire</td>" in report  # frequent department words do


def test_the_report_is_self_contained_with_no_script(report):
    assert "<script" not in report.lower()
    assert not re.search(r'(src|href)="(https?:)?//', report)
    assert "url(" not in report
    images = re.findall(r'<img src="([^"]+)"', report)
    assert len(images) >= 6 and all(i.startswith("data:image/png;base64,") for i in images)
    assert "@media print" in report


def test_a_model_without_newer_figures_says_they_are_not_available(trail, old_model_folder):
    html = build_report(trail, old_model_folder, pii_results=None)
    assert 'id="per-language-na"' in html and 'id="tradeoff-na"' in html
    assert 'id="pii-na"' in html
    assert 'id="per-language"' not in html


def test_newer_figures_and_pii_evaluation_are_shown_when_present(trail, model_folder, tmp_path):
    pii = tmp_path / "pii.json"
    pii.write_text(
        '{"corpus": "c", "samples": 3, "systems": {"triage": {"overall": '
        '{"gold": 10, "precision": 0.9, "recall": 0.8}, "per_type": {}}}}'
    )
    html = build_report(trail, model_folder, pii_results=pii)
    assert 'id="per-language"' in html and "tradeoff-na" not in html
    assert "80,0\u202f%" in html.split('id="pii-eval"')[1].split("</table>")[0]


def test_english_report_uses_english_numbers(trail, model_folder):
    html = build_report(trail, model_folder, language="en")
    total = len(decisions(trail))
    assert f"<strong>{total:,}</strong>" in html
