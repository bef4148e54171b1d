"""French social security number (NIR): 13 digits and a 2-digit key, Corsica 2A/2B."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer
from .checksums import is_valid_nir

ENTITY = "FR_NIR"
CONTEXT = [
    "sécurité",
    "securite",
    "sociale",
    "sécu",
    "secu",
    "nir",
    "insee",
    "vitale",
    "ss",
    "immatriculation",
    "social",
    "security",
    "assuré",
    "assure",
]
_SEP = r"[ .\-]?"
PATTERNS = [
    (
        "NIR",
        rf"(?<![\w])[1-478]{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}(?:\d{{2}}|2[AaBb]){_SEP}"
        rf"\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{2}}(?![\w])",
        0.5,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """NIR recognizer: a match counts only when its key is right."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="FrNirRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
        check=is_valid_nir,
    )
