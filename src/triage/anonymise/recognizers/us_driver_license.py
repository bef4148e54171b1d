"""US driver's licence numbers, where the text announces one ("my driver's license number is").

Formats differ by state (digits only, or one or two letters then digits, sometimes a final
letter), and bare, they look like any reference number: Presidio's own recognizer scores
them 0.01 to 0.3 and relies on context. Here the cue is part of the pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "US_DRIVER_LICENSE"
_CUE = (
    r"(?:\bdriv(?:er|ers|er's|er’s|ing)[ ]licen[cs]e|\bDL)"
    r"(?:[ ](?:number|no\.?|nr\.?|id))?(?:[ ]is|[ ]?[:#])?[ ]*"
)
PATTERNS = [
    (
        "Driver's licence after its name",
        rf"(?i)(?<={_CUE})(?=[a-z0-9]*\d)[a-z]{{0,2}}\d{{5,14}}[a-z]?(?![\w])",
        0.6,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """US driver's licence recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="UsDriverLicenseRecognizer",
        patterns=PATTERNS,
        language=language,
        context=[] if context is None else context,
    )
