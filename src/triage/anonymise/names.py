"""Find the other mentions of a person once one mention is found.

Four rules, applied to the merged detections of one text:

- the same name elsewhere in the text ("Maël (10 ans) ... Maël ne sait pas nager");
- the first name of a full name used alone ("Nadia El Amrani ... (Nadia le 14 mars)");
- its last name used alone ("Josette Vacheresse ... vente Vacheresse / Oumarou");
- a capitalised name coordinated with a found one ("Chloé et Timéo", "Denis et Martine
  Chevrot", "Siobhán Ní Bhriain and Ciarán Ó Murchú", "Maël, Lou et Sacha").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .postprocess import _COMPANY_LAST_WORD, _JOB_WORDS, _PLACE_BEFORE_NAME, Span

__all__ = ["expand_persons"]

_NAME = (
    # a surname in capitals before the first name: "HUANG Yiling et HUANG Zimo"
    r"(?:\p{Lu}{2,}[ ](?=\p{Lu}\p{Ll}))?"
    r"(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}\p{Ll}+)*)"
    r"(?:[ ](?:(?i:de|du|van|von|der|le|la|ben|el|al|da|di|ní|ó|mac)[ ])?"
    r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}\p{Ll}+)*){0,2}"
)
# "Iain MacLeod instead of Ian McLeod": one of two names given as alternatives.
_AND = r"(?:[ ]*,|[ ]+(?:et|and|&|ou|or|instead of|rather than|au lieu de|plutôt que))[ ]+"
# ... maybe after a bracket about the first one: "Saoirse (born 12 April 2017) and Cillian".
_AFTER = regex.compile(rf"\G(?:[ ]*\([^)\n]{{1,40}}\))?{_AND}({_NAME})")
_BEFORE = regex.compile(rf"({_NAME}){_AND}$")
_NOT_NAMES = {
    "Madame",
    "Monsieur",
    "Mme",
    "Mr",
    "Mrs",
    "Ms",
    "Le",
    "La",
    "Les",
    "Merci",
    "Bonjour",
    "Mairie",
    "Maire",
    "Service",
    "Cordialement",
    "The",
    "And",
    "Et",
    "Nous",
    "Vous",
    "Je",
    # Sign-offs and greetings before a signature ("Thanks, Kate", "Regards, William Foster").
    "Thanks",
    "Thank",
    "Regards",
    "Cheers",
    "Best",
    "Hello",
    "Hi",
    "Dear",
    "Salut",
    "Bonsoir",
    "Bises",
    "Bisous",
    "Amicalement",
    "Amitiés",
    # Job titles after a signature ("Richard Ainsworth, Head of Partnerships").
    "Head",
    "Director",
    "Managing",
    "Manager",
    "Chief",
    "Deputy",
}
_SOURCE = "NameExpansion"


def expand_persons(spans: list[Span], text: str, allow_list: Sequence[str] = ()) -> list[Span]:
    """New PERSON spans for other mentions of the persons already found.

    Words of ``allow_list`` (case-insensitive, whole value) are never added.
    """
    allow = {word.casefold() for word in allow_list}

    def _ok(value: str) -> bool:
        words = value.split()
        if words[0] in _NOT_NAMES or value.casefold() in allow:
            return False
        # "Olivia Ashworth, Account Manager": a job title after the name, not a second person;
        # "Greenway Landscaping Ltd and Tom Ellery": a company beside a person.
        return words[-1].casefold() not in _JOB_WORDS and not _COMPANY_LAST_WORD.search(value)

    taken = [(s.start, s.end) for s in spans]
    found: list[Span] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int) -> None:
        if free(start, end):
            taken.append((start, end))
            found.append(Span("PERSON", start, end, 0.55, _SOURCE))

    queue = [s for s in spans if s.type == "PERSON"]
    while queue:
        span = queue.pop()
        after = _AFTER.match(text, span.end)
        if after and _ok(after.group(1)) and free(after.start(1), after.end(1)):
            add(after.start(1), after.end(1))
            queue.append(found[-1])
        before = _BEFORE.search(text[max(0, span.start - 60) : span.start])
        if before and _ok(before.group(1)):
            offset = max(0, span.start - 60)
            if free(offset + before.start(1), offset + before.end(1)):
                add(offset + before.start(1), offset + before.end(1))
                queue.append(found[-1])
    names = {text[s.start : s.end] for s in [*spans, *found] if s.type == "PERSON"}
    for name in sorted(n for n in names if len(n) >= 3 and n[0].isupper()):
        for start, end in _mentions(text, name, _WORD_BEFORE, _WORD_AFTER):
            add(start, end)
    for first in sorted(_first_names(names)):
        for start, end in _mentions(text, first, _FIRST_BEFORE, _FIRST_AFTER):
            if not _PLACE_BEFORE_NAME.search(text[max(0, start - 40) : start]):
                add(start, end)
    for last in sorted(_last_names(names)):
        for start, end in _mentions(text, last, _LAST_BEFORE, _LAST_AFTER):
            if not _PLACE_BEFORE_NAME.search(text[max(0, start - 40) : start]):
                add(start, end)
    return found


# What may not touch another mention of a name, checked on the 50 characters before it and at
# its end: patterns compiled once, not once per name and text (that cost a fifth of the time).
_WORD_BEFORE = regex.compile(r"\w\Z")
_WORD_AFTER = regex.compile(r"\w")
# The first name alone, not followed by another capitalised word ("Jean Moulin"); "Chez Mario"
# is a restaurant even when the owner Mario Rossi signs the letter.
_FIRST_BEFORE = regex.compile(r"[\w'’-]\Z|Chez[ ]\Z")
_FIRST_AFTER = regex.compile(r"[\w'’-]|[ ]+\p{Lu}")
# The last name alone ("vente Vacheresse / Oumarou"): not after another capitalised word (a
# first name: another person of the family, found on its own) nor before one, nor after a
# preposition of place ("Florence Paris ... déménager de Paris"), nor before "&" ("Pompes
# funèbres Ribeiro & Fils": a company).
_LAST_BEFORE = regex.compile(
    r"[\w'’-]\Z|\p{Lu}[\w'’-]*[ ]\Z|\b(?i:à|a|de|d['’]|en|au|in|from|to|at|near)[ ]?\Z"
)
_LAST_AFTER = regex.compile(r"[\w'’-]|[ ]+\p{Lu}|[ ]*&")


def _mentions(
    text: str, word: str, before: regex.Pattern[str], after: regex.Pattern[str]
) -> list[tuple[int, int]]:
    """Start and end of each occurrence of ``word`` that ``before`` and ``after`` allow."""
    found = []
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not before.search(text[max(0, start - 50) : start]) and not after.match(text, end):
            found.append((start, end))
        start = text.find(word, start + 1)
    return found


def _first_names(names: set[str]) -> set[str]:
    """First words of the full names found ("Nadia" of "Nadia El Amrani")."""
    firsts = set()
    for name in names:
        words = name.split()
        first = words[0]
        if len(words) >= 2 and len(first) >= 3 and first.istitle() and first not in _NOT_NAMES:
            if words[1][0].isupper() and first.replace("-", "").isalpha():
                firsts.add(first)
    return firsts


def _last_names(names: set[str]) -> set[str]:
    """Last words of the full names found ("Vacheresse" of "Josette Vacheresse")."""
    lasts = set()
    for name in names:
        words = name.split()
        if len(words) < 2 or words[0] in _NOT_NAMES:
            continue
        last = words[-1]
        if len(last) >= 4 and last[0].isupper() and last.replace("-", "").isalpha():
            if last not in _NOT_NAMES and last.casefold() not in _JOB_WORDS:
                lasts.add(last)
    return lasts
