"""Loading annotated PII corpora: triage's JSONL format and presidio-research's JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from triage.exceptions import InputError

__all__ = ["Corpus", "GoldSpan", "Sample", "load_corpus"]

#: presidio-research labels renamed to triage's entity types.
PRESIDIO_RESEARCH_LABELS = {
    "STREET_ADDRESS": "ADDRESS",
    "DOMAIN_NAME": "URL",
    "GPE": "LOCATION",
}
#: Gold types of presidio-research that are direct identifiers, in triage's default scope.
PRESIDIO_RESEARCH_SCORED = (
    "PERSON",
    "ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "US_SSN",
    "US_DRIVER_LICENSE",
)


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """An annotated span."""

    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sample:
    """One annotated text."""

    id: str
    text: str
    language: str
    spans: tuple[GoldSpan, ...]
    split: str = "all"


@dataclass(frozen=True, slots=True)
class Corpus:
    """Samples plus the gold types that are scored (others are neither hits nor misses)."""

    name: str
    samples: tuple[Sample, ...]
    scored_types: tuple[str, ...] | None = None


def load_corpus(path: str | Path, *, split: str = "all") -> Corpus:
    """Load a corpus; ``split`` filters triage corpora by split name (``test2``…) or ``all``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"corpus {path} does not exist")
    if path.suffix == ".json":
        return _load_presidio_research(path)
    samples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sample = Sample(
                id=str(record["id"]),
                text=record["text"],
                language=record["language"],
                split=record.get("split", "all"),
                spans=tuple(GoldSpan(s["type"], s["start"], s["end"]) for s in record["spans"]),
            )
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise InputError(f"corpus {path}: line {number} is not a valid sample ({exc})") from exc
        if split == "all" or sample.split == split:
            samples.append(sample)
    if not samples:
        raise InputError(f"corpus {path} has no sample in split {split!r}")
    return Corpus(name=f"{path.name} [{split}]", samples=tuple(samples))


def _load_presidio_research(path: Path) -> Corpus:
    records = json.loads(path.read_text(encoding="utf-8"))
    samples = tuple(
        Sample(
            id=str(index),
            text=record["full_text"],
            language="en",
            spans=tuple(
                GoldSpan(
                    PRESIDIO_RESEARCH_LABELS.get(span["entity_type"], span["entity_type"]),
                    span["start_position"],
                    span["end_position"],
                )
                for span in record["spans"]
            ),
        )
        for index, record in enumerate(records)
    )
    return Corpus(name=path.name, samples=samples, scored_types=PRESIDIO_RESEARCH_SCORED)
