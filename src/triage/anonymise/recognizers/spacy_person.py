"""spaCy NER, keeping one-word names only when spaCy also tags the word a proper noun.

French models often tag a capitalised common noun at the start of a line as a person
("Gérante de la société...", "Livraison au 3 chemin..."); its part-of-speech tag is NOUN.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

__all__ = ["ProperNounSpacyRecognizer"]


class ProperNounSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer minus one-word entities that are not proper nouns."""

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
            if len(ent) == 1 and ent[0].pos_ and ent[0].pos_ != "PROPN"
        }
        return [result for result in results if (result.start, result.end) not in common]
