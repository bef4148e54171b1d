"""CAF (family allowance office) allocataire numbers: 7 or 8 digits, recognised with context."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "FR_CAF_NUMBER"
CONTEXT = ["caf", "allocataire", "allocation", "allocations", "msa", "dossier"]
PATTERNS = [("CAF", r"(?<![\w])\d{7,8}(?![\w])", 0.2)]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """CAF-number recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="FrCafRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
    )
