"""Population stability index: the period's predictions against the training distribution."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .modelcard import ModelCard
from .summary import CONFIDENCE_BINS, Activity

__all__ = ["MODERATE", "SIGNIFICANT", "Drift", "DriftResult", "drift", "psi"]

#: Usual PSI thresholds: under 0.1 stable, 0.1-0.25 moderate, above 0.25 significant.
MODERATE = 0.1
SIGNIFICANT = 0.25
#: Under this many decisions, a PSI is reported but not read as a warning.
MIN_DECISIONS = 100
_FLOOR = 1e-4


def psi(expected: Sequence[float], observed: Sequence[float]) -> float:
    """PSI between two histograms on the same bins (counts or shares; empty bins floored)."""
    if len(expected) != len(observed):
        raise ValueError("the two histograms need the same bins")
    e_total, o_total = sum(expected), sum(observed)
    if not e_total or not o_total:
        return 0.0
    total = 0.0
    for e, o in zip(expected, observed, strict=True):
        e_share, o_share = max(e / e_total, _FLOOR), max(o / o_total, _FLOOR)
        total += (o_share - e_share) * math.log(o_share / e_share)
    return total


@dataclass(frozen=True)
class DriftResult:
    """One PSI, the two distributions it compares and what it means."""

    psi: float
    labels: tuple[str, ...]
    expected: tuple[float, ...]
    observed: tuple[float, ...]
    level: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "psi": self.psi,
            "labels": list(self.labels),
            "expected": list(self.expected),
            "observed": list(self.observed),
            "level": self.level,
        }


@dataclass(frozen=True)
class Drift:
    """Drift of the predicted departments and of the confidence."""

    departments: DriftResult | None
    confidence: DriftResult | None
    confidence_source: str | None
    enough: bool

    @property
    def warning(self) -> bool:
        """Whether either PSI crosses the significant threshold on enough decisions."""
        levels = [r.level for r in (self.departments, self.confidence) if r is not None]
        return self.enough and "significant" in levels

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "departments": self.departments.to_dict() if self.departments else None,
            "confidence": self.confidence.to_dict() if self.confidence else None,
            "confidence_source": self.confidence_source,
            "enough": self.enough,
            "warning": self.warning,
        }


def _level(value: float) -> str:
    if value >= SIGNIFICANT:
        return "significant"
    return "moderate" if value >= MODERATE else "stable"


def _result(labels: Sequence[str], expected: Sequence[float], observed: Sequence[float]):
    e_total, o_total = sum(expected) or 1, sum(observed) or 1
    value = psi(expected, observed)
    return DriftResult(
        value,
        tuple(labels),
        tuple(e / e_total for e in expected),
        tuple(o / o_total for o in observed),
        _level(value),
    )


def training_confidence(card: ModelCard) -> tuple[list[float] | None, str | None]:
    """Test-split confidence histogram: stored at training, else rebuilt from reliability bins."""
    stored = card.metadata.get("confidence_histogram")
    if stored and len(stored.get("counts", [])) == CONFIDENCE_BINS:
        return [float(c) for c in stored["counts"]], "histogram"
    points = (card.metadata.get("reliability") or {}).get("after calibration")
    if not points:
        return None, None
    counts = [0.0] * CONFIDENCE_BINS
    for confidence, count in zip(points["confidence"], points["count"], strict=True):
        # a bin's mean lies inside its (low, high] interval
        counts[min(max(math.ceil(confidence * CONFIDENCE_BINS) - 1, 0), CONFIDENCE_BINS - 1)] += (
            count
        )
    return counts, "reliability"


def drift(activity: Activity, card: ModelCard) -> Drift:
    """Compare the period's predicted departments and confidences with the training data."""
    train = card.train_counts
    departments = None
    if train and activity.predicted:
        labels = card.labels
        departments = _result(
            labels,
            [float(train.get(label, 0)) for label in labels],
            [float(activity.predicted.get(label, 0)) for label in labels],
        )
    reference, source = training_confidence(card)
    scored = sum(int(c) for c in activity.confidence)
    confidence = None
    if reference is not None and scored:
        edges = [f"{i / CONFIDENCE_BINS:.1f}" for i in range(CONFIDENCE_BINS)]
        confidence = _result(edges, reference, [float(c) for c in activity.confidence])
    return Drift(departments, confidence, source, scored >= MIN_DECISIONS)
