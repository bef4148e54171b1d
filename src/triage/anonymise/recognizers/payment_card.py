"""Payment card numbers of 15 to 19 digits, Luhn-checked, in any language.

Presidio's own recognizer stops at 16 digits; cards of 17-19 digits (Visa, Maestro, JCB, China
UnionPay) and 15-digit JCB cards starting with 2131/1800 exist. 14-digit numbers are left to the
SIRET recognizer (both are Luhn-valid by construction) and 13-digit ones to the tax number.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer
from .checksums import digits_only, luhn_ok

ENTITY = "CREDIT_CARD"
CONTEXT = [
    "carte",
    "bancaire",
    "cb",
    "visa",
    "mastercard",
    "amex",
    "paiement",
    "payé",
    "card",
    "credit",
    "débit",
    "debit",
    "maestro",
]
_PREFIX = r"(?:4|5[1-5]|2[2-7]|3[47]|6|35|2131|1800|62)"
PATTERNS = [
    (
        "Card",
        rf"(?<![\w\-])(?={_PREFIX})\d{{4}}(?:[ \-]?\d{{3,4}}){{2,3}}(?:[ \-]?\d{{1,4}})?(?![\w\-])",
        0.3,
    ),
]


def is_card_number(text: str) -> bool:
    """15 to 19 digits passing Luhn."""
    digits = digits_only(text)
    return 15 <= len(digits) <= 19 and luhn_ok(digits)


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Card recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="PaymentCardRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
        check=is_card_number,
    )
