"""Clean Presidio's raw detections: allow-list, false positives, one mask per character."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Span", "normalise_value", "resolve"]

#: A person-like name right after these words names a place, not someone ("rue Victor Hugo").
_PLACE_BEFORE_NAME = re.compile(
    r"(?:\b(?:rue|avenue|av|boulevard|bd|(?<!la )place|impasse|allée|allee|chemin|quai|square|cours"
    r"|école|ecole|collège|college|lycée|lycee|gymnase|stade|salle|parc|jardin|crèche|creche"
    r"|résidence|residence|médiathèque|mediatheque|bibliothèque|piscine|hôpital|hopital"
    r"|centre|maison|groupe scolaire|espace|street|road|school|park)"
    r"(?:[ ]+(?:maternelle|élémentaire|elementaire|primaire|municipale?|publique|privée"
    r"|communale?|sportif|culturel|social|scolaire|nautique|aquatique))?"
    r"[ ]+(?:de[ ]+|du[ ]+"
    r"|des[ ]+|d'|d’|la[ ]+|le[ ]+)?)$",
    re.IGNORECASE,
)
_LEADING_TITLE = re.compile(
    r"(?:madame|monsieur|mademoiselle|mme|mlle|mr|mrs|ms|miss|dr|docteur|maître|maitre|me"
    r"|m\.|mr\.|mrs\.|ms\.|dr\.)\s+",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(_LEADING_TITLE.pattern + "$", re.IGNORECASE)
_TITLE_WITH_ARTICLE = re.compile(
    r"(?:monsieur|madame|mademoiselle|mr|mrs|ms|dear)\s+(?:le|la|les|l'|the)\b", re.IGNORECASE
)
_URL_WITH_PATH_OR_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.|/", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[\W_]+")
_FRENCH_PREFIX = re.compile(r"^(?:0033|33)0?(?=[1-9]\d{8}$)")


@dataclass(frozen=True, slots=True)
class Span:
    """A detection in text offsets (mutable copies are made with ``dataclasses.replace``)."""

    type: str
    start: int
    end: int
    score: float


def normalise_value(entity_type: str, value: str) -> str:
    """Key under which two writings of the same value share a placeholder."""
    folded = unicodedata.normalize("NFKD", value)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    if entity_type == "PERSON":
        return " ".join(folded.split())
    compact = _NON_ALNUM.sub("", folded)
    if entity_type == "PHONE_NUMBER":
        # +33 6..., 0033 6... and 06... are the same French number.
        compact = _FRENCH_PREFIX.sub("0", compact)
    return compact


def _trim(span: Span, text: str) -> Span | None:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:("):
        end -= 1
    if span.type == "PERSON":
        # Keep titles visible ("Madame <PERSON_1>"): they are not personal data, and the
        # NER model sometimes includes them in the name.
        if _TITLE_WITH_ARTICLE.match(text, start, end):
            return None  # "Monsieur le Maire", "Madame la Directrice"
        title = _LEADING_TITLE.match(text, start, end)
        if title is not None and title.end() < end:
            start = title.end()
    if span.type == "PERSON" and "\n" in text[start:end]:
        # NER spans running over a line break take the next line's first word along.
        end = start + text[start:end].index("\n")
        while end > start and text[end - 1].isspace():
            end -= 1
    if start >= end:
        return None
    return Span(span.type, start, end, span.score)


def _plausible(span: Span, text: str, allow: set[str]) -> bool:
    value = text[span.start : span.end]
    if value.strip().casefold() in allow:
        return False
    if span.type == "PERSON":
        # spaCy sometimes tags numbers, single letters or whole lower-case phrases as persons.
        letters = [char for char in value if char.isalpha()]
        if len(letters) < 2 or any(char.isdigit() for char in value) or "@" in value:
            return False
        after_title = _TITLE_BEFORE.search(text[max(0, span.start - 15) : span.start])
        if " " not in value.strip() and value.islower() and not after_title:
            return False  # a single lower-case word is a common word far more often than a name
        if _PLACE_BEFORE_NAME.search(text[max(0, span.start - 40) : span.start]):
            return False
    if span.type == "URL" and not _URL_WITH_PATH_OR_HOST.search(value):
        return False  # a bare domain ("gmail.com", "orange.fr") names a provider, not a person
    return True


def resolve(spans: Iterable[Span], text: str, allow_list: Sequence[str] = ()) -> list[Span]:
    """Drop allow-listed and implausible detections, then merge overlaps.

    Overlapping detections become one span covering all of them, typed after the best one
    (highest score, then longest), so every character is masked exactly once.
    """
    allow = {word.casefold() for word in allow_list}
    candidates = [
        trimmed
        for span in spans
        if (trimmed := _trim(span, text)) is not None and _plausible(trimmed, text, allow)
    ]
    candidates.sort(key=lambda span: (span.start, -span.end))
    merged: list[Span] = []
    best: list[Span] = []
    for span in candidates:
        if merged and span.start < merged[-1].end:
            group_best = max(best[-1], span, key=lambda s: (s.score, s.end - s.start))
            merged[-1] = Span(
                group_best.type, merged[-1].start, max(merged[-1].end, span.end), group_best.score
            )
            best[-1] = group_best
        else:
            merged.append(span)
            best.append(span)
    return merged
