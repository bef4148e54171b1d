"""French passport and identity card numbers, recognised with context."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

PASSPORT_CONTEXT = ["passeport", "passport", "passeports", "passports"]
ID_CARD_CONTEXT = [
    "cni",
    "identité",
    "identite",
    "carte",
    "card",
    "identity",
    "id",
    "titre",
    "pièce",
    "piece",
    "nationale",
]
# Two digits, two capitals, five digits is a rare enough shape to mask without context.
PASSPORT_PATTERNS = [("Passport", r"(?<![\w])(?-i:\d{2}[A-Z]{2}\d{5})(?![\w])", 0.5)]
ID_CARD_PATTERNS = [
    # Cards issued before 2021: 4 digits, 3 characters (department, office), 5 digits.
    ("CNI 1995", r"(?<![\w])\d{4}(?-i:[0-9A-Z]{3})\d{5}(?![\w])", 0.3),
    # Cards issued since 2021: 9 upper-case letters and digits, at least one of each.
    (
        "CNI 2021",
        r"(?<![\w])(?-i:(?=[A-Z0-9]{0,8}\d)(?=[A-Z0-9]{0,8}[A-Z])[A-Z0-9]{9})(?![\w])",
        0.2,
    ),
    # The 2021 format allows 9 letters and no digit ("JZQQXBGZV"): too common a shape for
    # context words nearby, so only right after the card's name and a number sign, a colon or
    # "c'est" ("carte d'identité n° …").
    (
        "CNI 2021 letters after its name",
        # Nine capitals first (cheap, fails at once almost everywhere), then the name before.
        r"(?<![\w])(?-i:(?=[A-Z]{9}(?![\w])))"
        r"(?<=(?i:carte[ ]+(?:nationale[ ]+)?d['’ ]?[ ]?identit[ée]|\bcni|identity[ ]+card)"
        r"[ ]*(?:(?i:n[°o]\.?|num[ée]ro|number|no\.)[ ]*:?|:|(?i:c'?[ ]?est|is))[ ]*)"
        r"(?-i:[A-Z]{9})(?![\w])",
        0.5,
    ),
]


def build_passport(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Passport-number recognizer: 2 digits, 2 letters, 5 digits."""
    return make_pattern_recognizer(
        entity="FR_PASSPORT",
        name="FrPassportRecognizer",
        patterns=PASSPORT_PATTERNS,
        language=language,
        context=PASSPORT_CONTEXT if context is None else context,
    )


def build_id_card(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Identity-card recognizer for both formats; needs context to pass the threshold."""
    return make_pattern_recognizer(
        entity="FR_ID_CARD",
        name="FrIdCardRecognizer",
        patterns=ID_CARD_PATTERNS,
        language=language,
        context=ID_CARD_CONTEXT if context is None else context,
    )
