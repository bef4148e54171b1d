"""What the report aggregates from the trail: the period's activity and the trail's integrity."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from triage.audit import VerifyResult
from triage.taxonomy import HUMAN_REVIEW

__all__ = ["CONFIDENCE_BINS", "Activity", "Integrity", "WordStat"]

#: Equal-width confidence bins of the histograms (activity and training reference).
CONFIDENCE_BINS = 10


@dataclass(frozen=True)
class WordStat:
    """A word that pushed requests towards a department, over the period's explanations."""

    word: str
    mean_weight: float
    share: float
    count: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class Activity:
    """What the routing did over a period (decisions and reviews created in it)."""

    start: str | None
    end: str | None
    decisions: int = 0
    first_at: str | None = None
    last_at: str | None = None
    queues: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)
    confidence: tuple[int, ...] = (0,) * CONFIDENCE_BINS
    entities: dict[str, int] = field(default_factory=dict)
    with_entities: int = 0
    anonymiser_configs: dict[str, int] = field(default_factory=dict)
    models: dict[str, int] = field(default_factory=dict)
    reviews: dict[str, dict[str, int]] = field(default_factory=dict)
    assigned: dict[str, int] = field(default_factory=dict)
    explained: dict[str, int] = field(default_factory=dict)
    words: dict[str, tuple[WordStat, ...]] = field(default_factory=dict)
    retention_days: int | None = None

    @property
    def auto_routed(self) -> int:
        """Decisions that went straight to a department."""
        return self.decisions - self.queues.get(HUMAN_REVIEW, 0)

    @property
    def review_count(self) -> int:
        """Reviews by agents over the period (last review per decision)."""
        return sum(r["reviewed"] for r in self.reviews.values()) + sum(self.assigned.values())

    @property
    def override_count(self) -> int:
        """Automatic routings an agent corrected."""
        return sum(r["overridden"] for r in self.reviews.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = asdict(self)
        data["words"] = {k: [w.to_dict() for w in v] for k, v in self.words.items()}
        return data


@dataclass(frozen=True)
class Integrity:
    """The whole trail: how many records of each kind, first and last, chain verification."""

    records: int
    kinds: dict[str, int]
    first_seq: int | None
    first_at: str | None
    last_seq: int | None
    last_at: str | None
    verify: VerifyResult

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)
