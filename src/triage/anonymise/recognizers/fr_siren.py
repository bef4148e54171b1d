"""French company identifiers: SIREN (9 digits) and SIRET (14 digits), both Luhn-checked."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer
from .checksums import is_valid_siren, is_valid_siret

CONTEXT = [
    "siren",
    "siret",
    "rcs",
    "entreprise",
    "société",
    "societe",
    "auto-entrepreneur",
    "micro-entreprise",
    "établissement",
    "etablissement",
    "company",
    "registration",
    "kbis",
]
SIRET_PATTERNS = [("SIRET", r"(?<![\w])\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{5}(?![\w])", 0.5)]
# A 9-digit Luhn is right by chance once in ten: the match keeps its pattern score (above the
# default threshold), and context raises it further.
SIREN_PATTERNS = [("SIREN", r"(?<![\w])\d{3}[ .]?\d{3}[ .]?\d{3}(?![\w]|[ .]?\d)", 0.55)]


def build_siret(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """SIRET recognizer: 14 digits passing Luhn."""
    return make_pattern_recognizer(
        entity="FR_SIRET",
        name="FrSiretRecognizer",
        patterns=SIRET_PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
        check=is_valid_siret,
    )


def build_siren(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """SIREN recognizer: 9 digits passing Luhn."""
    return make_pattern_recognizer(
        entity="FR_SIREN",
        name="FrSirenRecognizer",
        patterns=SIREN_PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
        check=is_valid_siren,
        validated_score=None,
    )
