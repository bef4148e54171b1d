"""Dates of birth: any date writing, kept only when a birth cue is near.

Other dates (appointments, deadlines, a date of death) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..context import fold

ENTITY = "DATE_OF_BIRTH"
CONTEXT = [
    "né",
    "née",
    "nés",
    "nées",
    "nee",
    "naissance",
    "naître",
    "birth",
    "born",
    "dob",
    "birthday",
    "anniversaire",
    "naiss",
]
_DEATH_CUE = re.compile(
    r"\b(?:decede|decedee|deces|mort|morte|disparu|disparue|inhume|inhumee|obseques|died"
    r"|death|deceased|passed away|funeral|buried)\b"
)
_FR_MONTHS = (
    r"janvier|janv\.?|f[ée]vrier|f[ée]v\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|ao[uû]t"
    r"|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?"
)
_EN_MONTHS = (
    r"january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?"
    r"|august|aug\.?|september|sep\.?|sept\.?|october|oct\.?|november|nov\.?|december|dec\.?"
)
# From 1800: a request about an ancestor ("my great-grandfather, born on 3 May 1889") names one.
_YEAR = r"(?:18|19|20)\d{2}"
_DAY = r"(?:1er|1st|2nd|3rd|[0-3]?\d(?:th|st|nd|rd)?)"
# 0.3 is under the default threshold: only birth context (+0.35) makes a date a date of birth.
PATTERNS = [
    ("Numeric", rf"(?<![\w/.\-])[0-3]?\d[/.\-][01]?\d[/.\-]{_YEAR}(?![\w/])", 0.3),
    # Two-digit years, as in text messages ("né le 3.4.52"); the same separator both times.
    ("Numeric, short year", r"(?<![\w/.\-])[0-3]?\d([/.\-])[01]?\d\1\d{2}(?![\w/.\-])", 0.3),
    ("ISO", rf"(?<![\w])\b{_YEAR}-[01]\d-[0-3]\d\b", 0.3),
    ("French words", rf"(?<![\w])\b{_DAY}[ ]+(?:{_FR_MONTHS})[ ]+{_YEAR}\b", 0.3),
    ("English words", rf"(?<![\w])\b{_DAY}[ ]+(?:of[ ]+)?(?:{_EN_MONTHS})[ ]*,?[ ]+{_YEAR}\b", 0.3),
    ("English month first", rf"(?<![\w])\b(?:{_EN_MONTHS})[ ]+{_DAY},?[ ]+{_YEAR}\b", 0.3),
]


class DateOfBirthRecognizer(PatternRecognizer):
    """Dates, minus those announced as a date of death ("décédé le ...")."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find dates; drop those with a death cue in the 30 characters before them."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [
            result
            for result in results
            if not _DEATH_CUE.search(fold(text[max(0, result.start - 30) : result.start]))
        ]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Date-of-birth recognizer for one language."""
    return DateOfBirthRecognizer(
        supported_entity=ENTITY,
        name="DateOfBirthRecognizer",
        patterns=[Pattern(name, regex, score) for name, regex, score in PATTERNS],
        context=list(CONTEXT if context is None else context),
        supported_language=language,
    )
