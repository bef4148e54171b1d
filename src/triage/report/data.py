"""One streaming pass over the audit trail: the period's activity and the trail's integrity.

Only aggregates leave this module: counts, shares, histograms, and the words that pushed
requests to a department when they occur in at least ``min_support`` explanations, so that a
rare word (a name the anonymiser missed, say) never reaches a report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from triage.audit import AuditRecord, AuditStore, VerifyResult
from triage.exceptions import InputError
from triage.taxonomy import HUMAN_REVIEW

from .summary import CONFIDENCE_BINS, Activity, Integrity, WordStat

__all__ = ["Activity", "Integrity", "WordStat", "collect", "period_bounds"]

_PLACEHOLDER = re.compile(r"^<([A-Z][A-Z_]*?)_\d+>$")
_WORD = re.compile(r"\w", re.UNICODE)


def period_bounds(
    start: date | datetime | str | None, end: date | datetime | str | None
) -> tuple[str | None, str | None]:
    """ISO bounds ``[start, end)`` comparable with ``created_at``; a date ``end`` counts whole."""
    return _bound(start, inclusive_day=False), _bound(end, inclusive_day=True)


def _bound(value: date | datetime | str | None, *, inclusive_day: bool) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError as exc:
            raise InputError(f"{value!r} is not a date (YYYY-MM-DD) or ISO date-time") from exc
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="microseconds")
    if inclusive_day and value == date.max:
        return None  # up to the end of time: no upper bound
    day = value + timedelta(days=1) if inclusive_day else value
    return day.isoformat()


def collect(
    audit: AuditStore,
    *,
    start: date | datetime | str | None = None,
    end: date | datetime | str | None = None,
    min_support: int = 5,
    top_words: int = 10,
) -> tuple[Activity, Integrity]:
    """Aggregate the trail in one pass (the period's activity, the whole trail's integrity)."""
    low, high = period_bounds(start, end)
    if low is not None and high is not None and low >= high:
        raise InputError(f"the period starts ({start}) after it ends ({end})")
    accumulator = _Accumulator(low, high)
    accumulator.consume(audit.records())
    return accumulator.activity(min_support, top_words), accumulator.integrity(audit.verify())


class _Accumulator:
    """Running totals; each record is seen once and forgotten (only counters are kept)."""

    def __init__(self, low: str | None, high: str | None) -> None:
        self.low, self.high = low, high
        self.kinds: Counter[str] = Counter()
        self.first: AuditRecord | None = None
        self.last: AuditRecord | None = None
        self.n = 0
        self.first_at: str | None = None
        self.last_at: str | None = None
        self.counters: dict[str, Counter[str]] = {
            name: Counter()
            for name in (
                "queues",
                "days",
                "languages",
                "reasons",
                "predicted",
                "entities",
                "anonymiser_configs",
                "models",
                "explained",
            )
        }
        self.confidence = [0] * CONFIDENCE_BINS
        self.with_entities = 0
        self.last_review: dict[str, tuple[str | None, str]] = {}
        self.explained_ids: set[str] = set()
        self.word_sums: dict[str, dict[str, list[float]]] = {}
        self.retention_days: int | None = None

    def consume(self, records: Iterable[AuditRecord]) -> None:
        """Add every record of the trail."""
        handlers = {
            "decision": self._decision,
            "review": self._review,
            "explanation": self._explanation,
            "retention": self._retention,
        }
        for record in records:
            self.kinds[record.kind] += 1
            if self.first is None:
                self.first = record
            self.last = record
            if self._in_period(record.created_at):
                handlers[record.kind](record)

    def _in_period(self, created_at: str) -> bool:
        return (self.low is None or created_at >= self.low) and (
            self.high is None or created_at < self.high
        )

    def _decision(self, record: AuditRecord) -> None:
        payload, c = record.payload, self.counters
        self.n += 1
        self.first_at = self.first_at or record.created_at
        self.last_at = record.created_at
        c["queues"][payload.get("queue") or HUMAN_REVIEW] += 1
        c["days"][record.created_at[:10]] += 1
        c["languages"][payload.get("language") or "?"] += 1
        c["reasons"][payload.get("reason") or "auto"] += 1
        scores = payload.get("scores") or {}
        if scores:
            c["predicted"][max(scores, key=scores.__getitem__)] += 1
            confidence = float(payload.get("confidence") or 0.0)
            self.confidence[min(int(confidence * CONFIDENCE_BINS), CONFIDENCE_BINS - 1)] += 1
        entity_counts = payload.get("entity_counts") or {}
        c["entities"].update(entity_counts)
        self.with_entities += bool(entity_counts)
        c["anonymiser_configs"][payload.get("anonymiser_config_hash") or "?"] += 1
        model = payload.get("model") or {}
        c["models"][f"{model.get('created') or '?'} {(model.get('hash') or '?')[:12]}"] += 1
        self._explained(record.decision_id, payload.get("explanation"))

    def _review(self, record: AuditRecord) -> None:
        payload = record.payload
        self.last_review[record.decision_id] = (
            payload.get("previous_department"),
            payload["department"],
        )

    def _explanation(self, record: AuditRecord) -> None:
        self._explained(record.decision_id, record.payload.get("explanation"))

    def _retention(self, record: AuditRecord) -> None:
        self.retention_days = record.payload.get("days")

    def _explained(self, decision_id: str, explanation: dict[str, Any] | None) -> None:
        if not explanation or "words" not in explanation or decision_id in self.explained_ids:
            return
        self.explained_ids.add(decision_id)
        label = explanation["label"]
        self.counters["explained"][label] += 1
        sums = self.word_sums.setdefault(label, {})
        seen: set[str] = set()
        for text, _start, _end, weight in explanation["words"]:
            word = _word_key(text)
            if weight <= 0 or word is None or word in seen:
                continue
            seen.add(word)
            entry = sums.setdefault(word, [0.0, 0])
            entry[0] += weight
            entry[1] += 1

    def activity(self, min_support: int, top_words: int) -> Activity:
        """The period's aggregates."""
        c = self.counters
        reviews, assigned = _review_tables(self.last_review)
        return Activity(
            start=self.low,
            end=self.high,
            decisions=self.n,
            first_at=self.first_at,
            last_at=self.last_at,
            queues=dict(c["queues"].most_common()),
            days=dict(sorted(c["days"].items())),
            languages=dict(c["languages"].most_common()),
            reasons=dict(c["reasons"].most_common()),
            predicted=dict(c["predicted"].most_common()),
            confidence=tuple(self.confidence),
            entities=dict(c["entities"].most_common()),
            with_entities=self.with_entities,
            anonymiser_configs=dict(c["anonymiser_configs"].most_common()),
            models=dict(c["models"].most_common()),
            reviews=reviews,
            assigned=assigned,
            explained=dict(c["explained"].most_common()),
            words=self._top_words(min_support, top_words),
            retention_days=self.retention_days,
        )

    def _top_words(self, min_support: int, k: int) -> dict[str, tuple[WordStat, ...]]:
        out = {}
        for label, sums in sorted(self.word_sums.items()):
            n = self.counters["explained"][label]
            stats = [
                WordStat(word, total / n, count / n, int(count))
                for word, (total, count) in sums.items()
                if count >= min_support
            ]
            stats.sort(key=lambda s: (-s.mean_weight, s.word))
            if stats:
                out[label] = tuple(stats[:k])
        return out

    def integrity(self, verified: VerifyResult) -> Integrity:
        """The whole trail's counts and verification."""
        return Integrity(
            records=sum(self.kinds.values()),
            kinds=dict(self.kinds),
            first_seq=self.first.seq if self.first else None,
            first_at=self.first.created_at if self.first else None,
            last_seq=self.last.seq if self.last else None,
            last_at=self.last.created_at if self.last else None,
            verify=verified,
        )


def _word_key(text: str) -> str | None:
    """A word as counted: lower case; a placeholder becomes its entity type (``<PERSON>``)."""
    match = _PLACEHOLDER.match(text)
    if match:
        return f"<{match.group(1)}>"
    return text.lower() if _WORD.search(text) else None


def _review_tables(
    last_review: dict[str, tuple[str | None, str]],
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Reviews of automatic routings per department, and departments agents assigned."""
    reviews: dict[str, dict[str, int]] = {}
    assigned: Counter[str] = Counter()
    for previous, department in last_review.values():
        if previous is None:
            assigned[department] += 1
            continue
        row = reviews.setdefault(previous, {"reviewed": 0, "confirmed": 0, "overridden": 0})
        row["reviewed"] += 1
        row["confirmed" if department == previous else "overridden"] += 1
    return dict(sorted(reviews.items())), dict(assigned.most_common())
