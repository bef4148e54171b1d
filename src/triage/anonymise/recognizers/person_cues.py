"""Person names announced by a cue the NER model can miss: titles, "je suis", family, signatures.

Complements spaCy's NER; the name itself must be capitalised (or all upper case), so
"Monsieur le Maire" or "je suis inquiète" are not names.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "PERSON"
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = (
    rf"(?:[{_UP}][{_LOW}’'\-]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*"
    rf"|O[’'][{_UP}][{_LOW}]+)"
)
_PARTICLE = r"(?:de|du|des|van|von|der|den|le|la|ben|ibn|el|al|da|di|dos|del|mac|mc|bin)"
_NOT_NAME = (
    r"(?:Le|La|Les|L|Maire|Madame|Monsieur|Adjoint|Adjointe|Directeur|Directrice|Président|"
    r"Présidente|Responsable|Conseiller|Conseillère|Préfet|Préfète|Mairie|Service|Services|"
    r"Bonjour|Merci|Cordialement|The|Mayor|Sir|Madam|Dear|Objet|Re|Tel|Tél|Mr|Mrs|Ms)\b"
)
_NAME = rf"(?-i:(?!{_NOT_NAME}){_WORD}(?:[ ](?:{_PARTICLE}[ ])?(?!{_NOT_NAME}){_WORD}){{0,3}})"
# A first and last name alone on a line (signature blocks, "Interlocuteur :" lines).
_FULL_NAME = rf"(?-i:(?!{_NOT_NAME}){_WORD}(?:[ ](?:{_PARTICLE}[ ])?(?!{_NOT_NAME}){_WORD}){{1,2}})"
_LOWER_NAME = r"(?-i:[a-zß-öø-ÿ][a-zß-öø-ÿ\-]+[ ][a-zß-öø-ÿ][a-zß-öø-ÿ\-]+)"
_TITLES = (
    r"madame|monsieur|mademoiselle|mme|mlle|mr|mrs|ms|miss|dr|docteur|maître|maitre|me|m\.|mr\."
    r"|mrs\.|ms\.|dr\.|mmes|mm\."
)
_SELF = (
    r"je suis|je m'appelle|je m’appelle|je me nomme|je soussigné|je soussignée|moi c'est"
    r"|my name is|i am|i'm|this is|signé|sign[ée]|c'est|c"
)
_KIN = (
    r"(?:mon|ma|mes|notre|nos|my|our)[ ]+(?:fils|fille|mari|femme|épouse|époux|epouse|epoux"
    r"|conjoint|conjointe|compagnon|compagne|mère|mere|père|pere|frère|frere|soeur|sœur|voisin"
    r"|voisine|enfant|enfants|petit-fils|petite-fille|neveu|nièce|oncle|tante|locataire"
    r"|son|daughter|husband|wife|partner|neighbour|neighbor|child|mother|father|brother|sister)"
)
_NAMED = r"(?:is|est|s'appelle|s’appelle|named|called|nommée?|prénommée?|prenommee?)"
_SIGN_OFF = (
    r"cordialement|bien cordialement|bien à vous|salutations|merci|merci d'avance|sincèrement"
    r"|respectueusement|distinguées|distingués|dévoués|regards|best regards|kind regards"
    r"|sincerely|thanks|thank you|many thanks|yours faithfully|yours sincerely|bonne journée"
)
PATTERNS = [
    ("Name line", rf"(?m)(?<=^[ ]*(?:[\w ]{{2,30}}[:–-][ ]*)?){_FULL_NAME}(?=[ ]*$)", 0.5),
    ("Last word", rf"(?<=[.!?\n][ ]*){_NAME}(?=[ ]*\Z)", 0.5),
    (
        "Lower-case signature",
        rf"(?<=\b(?:{_SIGN_OFF})[ ]*[,.!]*[ ]*\n[ \n]*){_LOWER_NAME}(?=[ ]*\Z)",
        0.5,
    ),
    ("After a title", rf"(?<=\b(?:{_TITLES})[ ]+){_NAME}", 0.6),
    ("Introduced", rf"(?<=\b(?:{_SELF})[ ]+){_NAME}", 0.55),
    ("Relative", rf"(?<=\b{_KIN}[ ]*,?[ ]+(?:{_NAMED}[ ]+)?){_NAME}", 0.55),
    (
        "Signature",
        rf"(?<=\b(?:{_SIGN_OFF})[ ]*[,.!]*[ ]*\n[ \n]*(?:(?:{_TITLES})[ ]+)?)"
        rf"{_NAME}(?=[ ]*(?:\n|$|,))",
        0.6,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Cue-based person recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="PersonCueRecognizer",
        patterns=PATTERNS,
        language=language,
        context=[] if context is None else context,
    )
