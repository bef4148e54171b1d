"""French vehicle registration plates: SIV (AB-123-CD) and the older FNI (1234 AB 75)."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "FR_LICENSE_PLATE"
CONTEXT = [
    "immatriculation",
    "immatriculé",
    "immatriculée",
    "immatricule",
    "immat",
    "plaque",
    "véhicule",
    "vehicule",
    "voiture",
    "camion",
    "scooter",
    "moto",
    "camionnette",
    "fourgon",
    "plate",
    "car",
    "van",
    "registration",
    "garé",
    "garée",
    "stationné",
    "stationnée",
]
_L = "[A-HJ-NP-TV-Z]"  # SIV letters: no I, O or U
PATTERNS = [
    ("SIV", rf"(?<![\w])(?-i:{_L}{{2}})[ \-]\d{{3}}[ \-](?-i:{_L}{{2}})(?![\w])", 0.75),
    ("SIV compact", rf"(?<![\w])(?-i:{_L}{{2}}\d{{3}}{_L}{{2}})(?![\w])", 0.45),
    ("FNI", r"(?<![\w])\d{1,4}[ \-]?(?-i:[A-Z]{2,3})[ \-]?(?:\d{2}|2[AB]|97\d)(?![\w])", 0.3),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Plate recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="FrLicensePlateRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
    )
