"""The explanation record stored with each decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage.records import SCHEMA_VERSION

__all__ = ["Explanation", "WordWeight"]


@dataclass(frozen=True, slots=True)
class WordWeight:
    """One word of the anonymised text and how much it moved the explained score."""

    text: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class Explanation:
    """Why a text scored what it did for one department.

    ``base_value`` is the score with every word hidden; adding all word weights to it gives
    ``output_value``, the score of the full text (SHAP's additivity). Offsets refer to the
    anonymised text.
    """

    label: str
    output: str
    base_value: float
    output_value: float
    words: tuple[WordWeight, ...]
    method: str
    max_evals: int
    seconds: float = 0.0

    def top(self, k: int = 10, *, sign: int = 0) -> list[WordWeight]:
        """The ``k`` words that weigh most (``sign`` 1: only those pushing towards the label)."""
        words = [w for w in self.words if w.weight != 0 and w.weight * sign >= 0]
        return sorted(words, key=lambda w: abs(w.weight), reverse=True)[:k]

    def to_dict(self, top_k: int = 10) -> dict[str, Any]:
        """JSON-ready form: the top words, and every word to redraw the full picture."""
        return {
            "schema_version": SCHEMA_VERSION,
            "method": self.method,
            "label": self.label,
            "output": self.output,
            "base_value": round(self.base_value, 5),
            "output_value": round(self.output_value, 5),
            "max_evals": self.max_evals,
            "seconds": round(self.seconds, 4),
            "top": [{"word": w.text, "weight": round(w.weight, 5)} for w in self.top(top_k)],
            "words": [[w.text, w.start, w.end, round(w.weight, 5)] for w in self.words],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Explanation:
        """Rebuild an explanation from :meth:`to_dict` output."""
        return cls(
            label=data["label"],
            output=data["output"],
            base_value=float(data["base_value"]),
            output_value=float(data["output_value"]),
            words=tuple(
                WordWeight(str(t), int(a), int(b), float(w)) for t, a, b, w in data["words"]
            ),
            method=data["method"],
            max_evals=int(data["max_evals"]),
            seconds=float(data.get("seconds", 0.0)),
        )
