"""Dates of birth: any date writing, kept only when birth context is near.

Other dates (appointments, deadlines) are not personal data worth masking and are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "DATE_OF_BIRTH"
CONTEXT = [
    "né", "née", "nés", "nées", "ne", "nee", "naître", "naitre", "naissance", "birth", "born",
    "dob", "birthday", "anniversaire", "âgé", "âgée",
]
_FR_MONTHS = (
    r"janvier|janv\.?|f[ée]vrier|f[ée]v\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|ao[uû]t"
    r"|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?"
)
_EN_MONTHS = (
    r"january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?"
    r"|august|aug\.?|september|sep\.?|sept\.?|october|oct\.?|november|nov\.?|december|dec\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:1er|1st|2nd|3rd|[0-3]?\d(?:th|st|nd|rd)?)"
# 0.3 is under the default threshold: only birth context (+0.35) makes a date a date of birth.
PATTERNS = [
    ("Numeric", rf"(?<![\w/.\-])[0-3]?\d[/.\-][01]?\d[/.\-]{_YEAR}(?![\w/])", 0.3),
    ("ISO", rf"(?<![\w])\b{_YEAR}-[01]\d-[0-3]\d\b", 0.3),
    ("French words", rf"(?<![\w])\b{_DAY}[ ]+(?:{_FR_MONTHS})[ ]+{_YEAR}\b", 0.3),
    ("English words", rf"(?<![\w])\b{_DAY}[ ]+(?:of[ ]+)?(?:{_EN_MONTHS})[ ]*,?[ ]+{_YEAR}\b", 0.3),
    ("English month first", rf"(?<![\w])\b(?:{_EN_MONTHS})[ ]+{_DAY},?[ ]+{_YEAR}\b", 0.3),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Date-of-birth recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY, name="DateOfBirthRecognizer", patterns=PATTERNS, language=language,
        context=CONTEXT if context is None else context,
    )
