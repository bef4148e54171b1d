"""French tax number (numéro fiscal / SPI): 13 digits starting with 0-3, recognised with context."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "FR_TAX_ID"
CONTEXT = [
    "fiscal",
    "fiscale",
    "fiscaux",
    "fiscales",
    "spi",
    "impôt",
    "impot",
    "impôts",
    "impots",
    "avis",
    "imposition",
    "contribuable",
    "tax",
    "taxpayer",
    "déclarant",
    "declarant",
]
# Too common a shape to trust alone: 0.3 is under the default threshold until context adds 0.35.
PATTERNS = [
    ("SPI", r"(?<![\w])[0-3]\d(?:[ ]?\d){11}(?![\w])", 0.3),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Tax-number recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="FrTaxIdRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
    )
