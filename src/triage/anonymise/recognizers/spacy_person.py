"""spaCy NER, minus one-word "names" that open a line or sentence and are not proper nouns.

French models often tag a capitalised common noun at the start of a line as a person
("Gérante de la société...", "Livraison au 3 chemin..."); its part-of-speech tag is NOUN.
Inside a sentence the capital is informative, so a one-word name there is kept whatever its
tag ("le génie comique de Molière"): on WikiNEuRal French, dropping every non-PROPN one-word
name lost 1.5 points of person recall, this rule about 0.

The French model also tags many lone first names MISC rather than PER ("inquiète pour
Josiane", "le dossier de crèche de Nina", "au pair, Emily, est"). A one-word MISC proper noun
becomes a person where a person is expected: after a preposition that takes one, between
commas, or opening a line before a comma or bracket ("Océane, 7 rue ...").

With a :class:`~triage.anonymise.lexicon.Lexicon` of the language's ordinary words, two more
rules: a line-opening one-word name tagged NOUN is kept when it is no known word ("Malik a
accepté"), and a lower-case word that is no known word is a name right after a relative, a
title or "called" ("mon fils ilyes", "m. vautrin", "is called dave"), with the unknown words
after it and one coordinated before it ("cindy et kevin").
"""

from __future__ import annotations

import copy
import re
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon

__all__ = ["LOWER_CASE_CUE", "ProperNounSpacyRecognizer"]

#: Source name of the lower-case names found after a cue: a cue, like PersonCueRecognizer's.
LOWER_CASE_CUE = "UnknownWordAfterCue"

#: Words after which a lone MISC proper noun is a person ("pour Josiane", "chez Nina").
_PERSON_PREPOSITIONS = {"pour", "de", "d'", "d’", "avec", "chez", "par", "à", "auprès"}
_MISC_SCORE = 0.6
#: Words after which an unknown lower-case word is a name: relatives, titles, "called".
_LOWER_NAME_CUES = {
    "fils", "fille", "mari", "femme", "épouse", "epouse", "époux", "epoux", "frère", "frere",
    "sœur", "soeur", "mère", "mere", "père", "pere", "voisin", "voisine", "fiancé", "fiancée",
    "fiance", "fiancee", "copain", "copine", "ami", "amie", "neveu", "nièce", "niece", "cousin",
    "cousine", "daughter", "husband", "wife", "brother", "sister", "neighbour",
    "neighbor", "friend", "mother", "father", "m.", "mr", "mr.", "mme", "mlle", "mrs", "mrs.",
    "ms", "ms.", "monsieur", "madame", "called", "named", "appelle", "prénommé", "prénommée",
    "c", "cest",  # text-message "c'est": "madame c fatima pour le rdv"
    "pote", "poto",
}  # fmt: skip
_COORDINATION = {"et", "and", "&"}
# Not "son": in French it is a possessive ("son velo").


def _opens_sentence(token: Token) -> bool:
    if token.i == 0:
        return True
    previous = token.nbor(-1)
    return "\n" in previous.text or previous.text in {".", "!", "?", ":", "…"}


def _opens_line(token: Token) -> bool:
    return token.i == 0 or "\n" in token.nbor(-1).text or "\n" in token.nbor(-1).whitespace_


def _misc_first_name(ent: Span) -> bool:
    """A one-word MISC proper noun in a place where a person's name is expected."""
    if ent.label_ != "MISC" or len(ent) != 1:
        return False
    token = ent[0]
    word = token.text.replace("-", "")
    if token.pos_ != "PROPN" or not (word.isalpha() and token.text.istitle()):
        return False
    doc = token.doc
    previous = doc[token.i - 1].text.casefold() if token.i > 0 else ""
    following = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    if previous in _PERSON_PREPOSITIONS:
        return True
    if previous == "," and following in {",", ")"}:
        return True  # apposition: "notre fille au pair, Emily, est anglaise"
    return _opens_line(token) and following in {",", "("}


def _unknown_lower(token: Token, lexicon: Lexicon) -> bool:
    text = token.text
    word = text.replace("-", "")  # "marie-claude"
    return len(text) >= 3 and word.isalpha() and text.islower() and text not in lexicon


#: A phone number or e-mail address after a closing signature ("ciaran dolan +353 87 ...").
_CONTACT = re.compile(r"[+()\d.\-/]+|[\w.+\-]+@[\w.\-]+")


def _after_cue(token: Token) -> bool:
    """The word before is a cue, or it is "c'est" / "c est" ("c est nadia du quartier")."""
    previous = token.nbor(-1).lower_
    if previous in _LOWER_NAME_CUES:
        return True
    return previous == "est" and token.i >= 2 and token.nbor(-2).lower_ in {"c", "c'", "c’"}


def _lower_case_names(doc: Doc, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of lower-case names after a cue ("mon fils ilyes", "m. vautrin")."""
    found = []
    for token in doc[1:]:
        if not _after_cue(token) or not _unknown_lower(token, lexicon):
            continue
        end = token.i + 1
        while end < len(doc) and _unknown_lower(doc[end], lexicon):
            end += 1
        found.append((token.i, end))
    for token in doc[2:]:
        # "momo et pierrick peuvent venir": two unknown lower-case words joined by "et"
        joined = token.nbor(-1).lower_ in _COORDINATION
        if joined and _unknown_lower(token, lexicon) and _unknown_lower(token.nbor(-2), lexicon):
            found += [(token.i - 2, token.i - 1), (token.i, token.i + 1)]
    closing = _closing_lower_name(doc, lexicon)
    if closing is not None:
        found.append(closing)
    for ent in doc.ents:
        if ent.text.islower() and ent.start >= 2 and doc[ent.start - 1].lower_ in _COORDINATION:
            before = doc[ent.start - 2]  # "cindy et kevin lambert"
            if _unknown_lower(before, lexicon):
                found.append((before.i, before.i + 1))
    return found


def _closing_lower_name(doc: Doc, lexicon: Lexicon) -> tuple[int, int] | None:
    """One to three unknown lower-case words closing the text after a full stop: a signature.

    A phone number or e-mail address may come after them.
    """
    end = len(doc)
    while end > 0 and (doc[end - 1].is_space or doc[end - 1].text in {".", "!"}):
        end -= 1
    # the writer's phone number or e-mail address may follow the name
    contact = end
    while contact > 0 and (doc[contact - 1].is_space or _CONTACT.fullmatch(doc[contact - 1].text)):
        contact -= 1
    if contact < end and any(char.isdigit() or char == "@" for char in doc[contact:end].text):
        end = contact
    start = end
    while start > 0 and end - start < 3 and _unknown_lower(doc[start - 1], lexicon):
        start -= 1
    if start == end or end - start > 3 or not _opens_sentence(doc[start]):
        return None
    return start, end


def _first_line(result: RecognizerResult, text: str) -> RecognizerResult:
    """A person spaCy runs across a line break, cut to its first line: no name spans two lines.

    "Soizic Le Bras" and the next line, her hamlet, make one spaCy entity. Cut here, it no
    longer hides the names the cue recognizer finds on the next lines (Presidio drops a result
    contained in a higher-scored one), such as "Jérôme" on the line after a link.
    """
    value = text[result.start : result.end]
    if result.entity_type != "PERSON" or "\n" not in value.strip():
        return result
    piece = copy.copy(result)
    piece.start = result.start + len(value) - len(value.lstrip())
    piece.end = piece.start + len(text[piece.start : result.end].split("\n", 1)[0].rstrip())
    return piece


def _cut_contact(result: RecognizerResult, text: str) -> RecognizerResult:
    """The name without the phone number spaCy ran into: "ciaran dolan +353" is "ciaran dolan"."""
    if result.entity_type != "PERSON":
        return result
    contact = _CONTACT_START.search(text, result.start, result.end)
    if contact is None or contact.start() == result.start:
        return result
    piece = copy.copy(result)
    piece.end = result.start + len(text[result.start : contact.start()].rstrip(" ,;:-–"))
    return piece


#: A word of a phone number after a name ("+353", "06").
_CONTACT_START = re.compile(r"(?<=[ ])[+(]?\d")


def _plausible_address(result: RecognizerResult, text: str) -> bool:
    """An address from a NER (a learned one, see ``learned_ner.py``) needs a number.

    The annotation guidelines leave a street, square or place named without a street number or
    postcode visible, and a NER fine-tuned on addresses tags many ("parc de la Roseraie",
    "Place des Cornières"): on test6 these were all its address false positives.
    """
    return (
        result.entity_type != "ADDRESS" or _DIGIT.search(text, result.start, result.end) is not None
    )


_DIGIT = re.compile(r"\d")


class ProperNounSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer minus one-token common nouns, plus MISC first names.

    Parameters
    ----------
    lexicon
        Ordinary words of the language, for the rules on unknown words; ``None`` turns them
        off.
    """

    name: str  # set by Presidio's constructor

    def __init__(self, *, lexicon: Lexicon | None = None, **kwargs: Any) -> None:
        self.lexicon = lexicon
        super().__init__(**kwargs)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Return spaCy's entities, without one-token common nouns."""
        results = super().analyze(text, entities, nlp_artifacts)
        if not nlp_artifacts:
            return results
        common = {
            (ent.start_char, ent.end_char)
            for ent in nlp_artifacts.entities
            if len(ent) == 1
            and ent[0].pos_ not in ("PROPN", "")
            and _opens_sentence(ent[0])
            and (self.lexicon is None or ent[0].text in self.lexicon)
        }
        results = [
            result
            for result in results
            if (result.start, result.end) not in common and _plausible_address(result, text)
        ]
        results = [_cut_contact(_first_line(result, text), text) for result in results]
        if "PERSON" in entities and "PERSON" in self.supported_entities:
            results.extend(self._misc_first_names(nlp_artifacts))
        return results

    def _misc_first_names(self, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens
        if doc is None or not hasattr(doc, "ents"):
            return []
        results = [
            self._result(ent.start_char, ent.end_char, self.name)
            for ent in doc.ents
            if _misc_first_name(ent)
        ]
        if self.lexicon is not None:
            results += [
                self._result(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), LOWER_CASE_CUE)
                for start, end in _lower_case_names(doc, self.lexicon)
            ]
        return results

    def _result(self, start: int, end: int, name: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type="PERSON",
            start=start,
            end=end,
            score=_MISC_SCORE,
            analysis_explanation=self.build_explanation(
                _MISC_SCORE, "Name where a person's name is expected"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
