"""Score anonymisers on an annotated corpus: per-entity precision, recall and F2.

Scoring is about masking, character by character (letters and digits only):

- a gold span is *found* when every one of its characters is masked, by any detection of any
  type (a partly masked identifier still leaks);
- a detection is *correct* when at least half of its characters lie inside scored gold spans;
  detections lying mostly on unscored gold spans (presidio-research's organisations, for
  instance) are ignored.

Recall is per gold type; precision per detected type, after mapping the system's type names
onto the corpus's (plain Presidio's ``LOCATION`` counts as ``ADDRESS`` on triage's corpus).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .pii_corpus import Corpus, Sample, load_corpus

__all__ = ["Detection", "Scores", "SystemReport", "evaluate", "score"]

Detection = tuple[str, int, int]  # type, start, end
System = Callable[[Sequence[Sample]], list[list[Detection]]]


@dataclass
class Scores:
    """Counts for one entity type."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        """Found / gold."""
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        """Correct / predicted."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def f2(self) -> float | None:
        """F-beta with beta = 2 (recall weighs four times precision)."""
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 5 * p * r / (4 * p + r)

    def add(self, other: Scores) -> None:
        """Accumulate another type's counts."""
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct


@dataclass
class SystemReport:
    """The scores of one system on one corpus."""

    system: str
    per_type: dict[str, Scores]
    seconds: float
    misses: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Scores:
        """Micro-averaged counts over all types."""
        total = Scores()
        for scores in self.per_type.values():
            total.add(scores)
        return total


@dataclass
class Report:
    """Every system's report on one corpus."""

    corpus: str
    samples: int
    systems: list[SystemReport]

    def to_json(self) -> str:
        """The figures as JSON."""

        def figures(scores: Scores) -> dict[str, float | int | None]:
            return {
                "gold": scores.gold,
                "predicted": scores.predicted,
                "precision": scores.precision,
                "recall": scores.recall,
                "f2": scores.f2,
            }

        return json.dumps(
            {
                "corpus": self.corpus,
                "samples": self.samples,
                "systems": {
                    s.system: {
                        "overall": figures(s.overall),
                        "seconds": round(s.seconds, 2),
                        "per_type": {t: figures(v) for t, v in sorted(s.per_type.items())},
                    }
                    for s in self.systems
                },
            },
            indent=2,
        )


def _alnum_positions(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def score(
    samples: Sequence[Sample],
    detections: Sequence[Sequence[Detection]],
    *,
    scored_types: Sequence[str] | None = None,
    type_map: dict[str, str] | None = None,
    system: str = "system",
    seconds: float = 0.0,
) -> SystemReport:
    """Score detections (one list per sample) against the samples' gold spans."""
    type_map = type_map or {}
    per_type: dict[str, Scores] = {}
    misses: list[str] = []
    for sample, found in zip(samples, detections, strict=True):
        masked: set[int] = set()
        for _, start, end in found:
            masked |= _alnum_positions(sample.text, start, end)
        scored_chars: set[int] = set()
        unscored_chars: set[int] = set()
        for span in sample.spans:
            chars = _alnum_positions(sample.text, span.start, span.end)
            if scored_types is not None and span.type not in scored_types:
                unscored_chars |= chars
                continue
            scored_chars |= chars
            entry = per_type.setdefault(span.type, Scores())
            entry.gold += 1
            if chars <= masked:
                entry.found += 1
            else:
                misses.append(f"{sample.id} {span.type} [{span.start}:{span.end}]")
        for entity_type, start, end in found:
            chars = _alnum_positions(sample.text, start, end)
            if not chars:
                continue
            inside = len(chars & scored_chars) / len(chars)
            if inside < 0.5 and len(chars & unscored_chars) / len(chars) >= 0.5:
                continue
            entry = per_type.setdefault(type_map.get(entity_type, entity_type), Scores())
            entry.predicted += 1
            entry.correct += inside >= 0.5
    return SystemReport(system=system, per_type=per_type, seconds=seconds, misses=misses)


def _triage_system(config: Path | None) -> System:
    from triage.anonymise import Anonymiser

    anonymiser = Anonymiser(config)

    def run(samples: Sequence[Sample]) -> list[list[Detection]]:
        results = anonymiser.anonymise_batch(
            [s.text for s in samples], [s.language for s in samples]
        )
        return [
            [(e.type, e.start, e.end) for e in result.entities]  # type: ignore[union-attr]
            for result in results
        ]

    return run


def _plain_presidio_system(languages: Sequence[str]) -> System:
    """Presidio out of the box: predefined recognizers, spaCy NER, the same spaCy models."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from triage.anonymise.config import load_config
    from triage.anonymise.recognizers.generic import OfflineEmailRecognizer

    models = load_config().languages
    engine = SpacyNlpEngine(
        models=[{"lang_code": lang, "model_name": models[lang].spacy_model} for lang in languages]
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=list(languages))
    registry.load_predefined_recognizers(languages=list(languages), nlp_engine=engine)
    for language in languages:
        # Same regex and logic as Presidio's, without the suffix-list download (no network).
        registry.remove_recognizer("EmailRecognizer", language=language)
        registry.add_recognizer(OfflineEmailRecognizer(supported_language=language))
    # The reference evaluation of presidio-research runs the analyzer with threshold 0.4.
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=engine,
        supported_languages=list(languages),
        default_score_threshold=0.4,
    )

    def run(samples: Sequence[Sample]) -> list[list[Detection]]:
        return [
            [(r.entity_type, r.start, r.end) for r in analyzer.analyze(s.text, s.language)]
            for s in samples
        ]

    return run


def evaluate(
    corpus_path: str | Path,
    *,
    split: str = "test",
    config: Path | None = None,
    baseline: bool = True,
    limit: int | None = None,
) -> Report:
    """Score triage (and plain Presidio) on a corpus."""
    corpus: Corpus = load_corpus(corpus_path, split=split)
    samples = corpus.samples[:limit] if limit else corpus.samples
    gold_types = {span.type for s in samples for span in s.spans}
    systems: list[tuple[str, System, dict[str, str]]] = [("triage", _triage_system(config), {})]
    if baseline:
        languages = sorted({s.language for s in samples})
        location = "LOCATION" if "LOCATION" in gold_types else "ADDRESS"
        date = "DATE_OF_BIRTH" if "DATE_OF_BIRTH" in gold_types else "DATE_TIME"
        systems.append(
            (
                "presidio",
                _plain_presidio_system(languages),
                {"LOCATION": location, "DATE_TIME": date},
            )
        )
    reports = []
    for name, system, type_map in systems:
        started = time.perf_counter()
        detections = system(samples)
        reports.append(
            score(
                samples,
                detections,
                scored_types=corpus.scored_types,
                type_map=type_map,
                system=name,
                seconds=time.perf_counter() - started,
            )
        )
    return Report(corpus=corpus.name, samples=len(samples), systems=reports)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_report(report: Report, console: Console) -> None:
    """Print a side-by-side table, one row per entity type."""
    table = Table(title=f"PII detection on {report.corpus} ({report.samples} texts)")
    table.add_column("entity")
    table.add_column("gold", justify="right")
    for system in report.systems:
        for metric in ("P", "R", "F2"):
            table.add_column(f"{system.system} {metric}", justify="right")
    types = sorted({t for s in report.systems for t in s.per_type})
    rows = [(t, [s.per_type.get(t) for s in report.systems]) for t in types]
    rows.append(("ALL", [s.overall for s in report.systems]))
    for entity_type, per_system in rows:
        gold = max((s.gold for s in per_system if s is not None), default=0)
        cells = [entity_type, str(gold)]
        for scores in per_system:
            if scores is None:
                cells += ["—", "—", "—"]
            else:
                cells += [_fmt(scores.precision), _fmt(scores.recall), _fmt(scores.f2)]
        table.add_row(*cells, end_section=entity_type == types[-1])
    console.print(table)
    for system in report.systems:
        console.print(
            f"{system.system}: {report.samples / system.seconds:.1f} texts/s, "
            f"{len(system.misses)} gold spans not fully masked"
        )
