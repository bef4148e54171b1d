"""A generated audit trail with planted personal data, and synthetic model folders."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from triage.audit import AuditEntry, AuditStore, keyed_hash
from triage.report.synthetic import synthetic_entries, write_synthetic_model

#: Raw values a request contained: the trail only ever sees placeholders instead.
PLANTED = {
    "PERSON": "Ysolde Quernadec",
    "PHONE_NUMBER": "06 58 21 47 93",
    "EMAIL_ADDRESS": "ysolde.quernadec@exemple.fr",
    "FR_NIR": "2 84 05 75 112 233 41",
}
#: An agent's identifier and free-text note on a review: neither belongs in a report or letter.
REVIEWER = "agent.barnabe.klotzinger"
REVIEW_NOTE = "rappeler Mme Tramontane au 07 66 12 39 85"
#: A name the anonymiser missed, in one explanation only.
LEAKED = "Zéphyrine"


def fake_anonymise(raw: str) -> tuple[str, dict[str, int]]:
    """Replace the planted values by numbered placeholders, as the anonymiser would."""
    counts: Counter[str] = Counter()
    for kind, value in PLANTED.items():
        if value in raw:
            counts[kind] += 1
            raw = raw.replace(value, f"<{kind}_1>")
    return raw, dict(counts)


def planted_payload(raw: str, *, department: str | None, leaked: bool = False) -> dict:
    """A decision payload as the pipeline records it for ``raw`` (never the raw text itself)."""
    text, counts = fake_anonymise(raw)
    if leaked:
        text = f"{text} {LEAKED}"
    words = [
        [m.group(), m.start(), m.end(), 0.3 if m.group() in ("lampadaire", LEAKED) else 0.01]
        for m in re.finditer(r"<[A-Z_]+_\d+>|\w[\w'-]*", text)
    ]
    return {
        "anonymiser_config_hash": "a" * 64,
        "entity_counts": counts,
        "input_length": len(raw),
        "raw_text_hmac": keyed_hash(raw, b"test-key"),
        "language": "fr",
        "department": department,
        "queue": department or "human_review",
        "confidence": 0.93 if department else 0.41,
        "scores": {"voirie": 0.93, "urbanisme": 0.05} if department else {"voirie": 0.41},
        "threshold": 0.74,
        "reason": None if department else "low_confidence",
        "explanation": {
            "label": "voirie",
            "words": words,
            "method": "test",
            "output": "p",
            "base_value": 0.1,
            "output_value": 0.5,
            "max_evals": 0,
        },
        "anonymised_text": text,
    }


RAW = (
    "Bonjour, je suis {PERSON}, tél {PHONE_NUMBER}, {EMAIL_ADDRESS}, NIR {FR_NIR} : "
    "le lampadaire devant chez moi est en panne."
).format(**PLANTED)


@pytest.fixture(scope="package")
def trail(tmp_path_factory) -> AuditStore:
    """300 synthetic decisions (with reviews), then three planted ones and their reviews."""
    store = AuditStore(tmp_path_factory.mktemp("audit") / "audit.db")
    store.append_many(synthetic_entries(300, seed=7, explained=0.5, reviewed=0.2))
    store.append_many(
        [
            AuditEntry("decision", "planted-auto", planted_payload(RAW, department="voirie")),
            AuditEntry("decision", "planted-review", planted_payload(RAW, department=None)),
            AuditEntry(
                "decision", "planted-leak", planted_payload(RAW, department="voirie", leaked=True)
            ),
        ]
    )
    store.record_review(
        "planted-auto", department="urbanisme", reviewer=REVIEWER, reason=REVIEW_NOTE
    )
    store.record_review(
        "planted-review", department="voirie", reviewer=REVIEWER, reason=REVIEW_NOTE
    )
    return store


@pytest.fixture(scope="package")
def model_folder(tmp_path_factory):
    """A model folder with every figure newer training stores."""
    return write_synthetic_model(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="package")
def old_model_folder(tmp_path_factory):
    """A model folder from before per-language metrics and the trade-off curve."""
    return write_synthetic_model(tmp_path_factory.mktemp("old-model"), full=False)


def number(text: str) -> float:
    """A number as the French report writes it (``1 234,5``)."""
    return float(text.replace("\u202f", "").replace("%", "").replace(",", ".").strip())


def decisions(store: AuditStore) -> list[dict]:
    return [r.payload for r in store.records(kind="decision")]


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
