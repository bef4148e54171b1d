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
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokens import Span, Token

__all__ = ["ProperNounSpacyRecognizer"]

#: Words after which a lone MISC proper noun is a person ("pour Josiane", "chez Nina").
_PERSON_PREPOSITIONS = {"pour", "de", "d'", "d’", "avec", "chez", "par", "à", "auprès"}
_MISC_SCORE = 0.6


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


class ProperNounSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer minus one-token common nouns, plus MISC first names."""

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
            if len(ent) == 1 and ent[0].pos_ not in ("PROPN", "") and _opens_sentence(ent[0])
        }
        results = [result for result in results if (result.start, result.end) not in common]
        if "PERSON" in entities and "PERSON" in self.supported_entities:
            results.extend(self._misc_first_names(nlp_artifacts))
        return results

    def _misc_first_names(self, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens
        if doc is None or not hasattr(doc, "ents"):
            return []
        return [
            RecognizerResult(
                entity_type="PERSON",
                start=ent.start_char,
                end=ent.end_char,
                score=_MISC_SCORE,
                analysis_explanation=self.build_explanation(
                    _MISC_SCORE, "One-word MISC proper noun where a person's name is expected"
                ),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for ent in doc.ents
            if _misc_first_name(ent)
        ]
