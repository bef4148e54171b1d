"""The explainer stage as the pipeline sees it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from .record import Explanation

__all__ = ["Explainer"]


@runtime_checkable
class Explainer(Protocol):
    """Anything that explains the score of a label for anonymised texts."""

    @property
    def method(self) -> str:
        """Name and settings of the method, stored with every explanation."""
        ...

    def explain(
        self, texts: Sequence[str], labels: Sequence[str | None] | None = None
    ) -> list[Explanation]:
        """One explanation per text, for its label (default: its top class)."""
        ...
