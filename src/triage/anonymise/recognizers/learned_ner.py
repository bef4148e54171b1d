"""Persons and addresses found by the learned NER (``learned_ner`` in the config).

The entities come from ``doc.spans["triage_learned_ner"]``, filled by the pipeline component
of ``triage.anonymise.learned_ner``. They go through the same clean-up as the stock NER's
persons (cut at a line break and before a phone number), then through the anonymiser's merge and
plausibility checks like every recognizer's results.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..learned_ner import SPANS_KEY
from .spacy_person import cut_contact, first_line

__all__ = ["LearnedNerRecognizer"]

#: A learned address needs a number (street number, postcode): the annotation guidelines leave a
#: street, square or place named without one visible, and the NER tags many ("parc de la
#: Roseraie", "Place des Cornières"); on test6 these were all its address false positives.
_NUMBER = re.compile(r"\d")
NAME = "LearnedNer"
#: Score of a learned entity: spaCy's NER gives no calibrated score; Presidio's default for it.
SCORE = 0.85


class LearnedNerRecognizer(EntityRecognizer):
    """Turn the learned NER's span group into results, its labels mapped to entity types.

    Parameters
    ----------
    labels
        ``{NER label: entity type}``; other labels are dropped.
    """

    def __init__(self, *, labels: dict[str, str], supported_language: str) -> None:
        self.labels = dict(labels)
        super().__init__(
            supported_entities=sorted(set(self.labels.values())),
            name=NAME,
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Nothing to load: the NER runs in the spaCy pipeline."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Return the learned entities of the wanted types."""
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None or SPANS_KEY not in getattr(doc, "spans", {}):
            return []
        results = []
        for span in doc.spans[SPANS_KEY]:
            entity = self.labels.get(span.label_)
            if entity is None or entity not in entities:
                continue
            if entity == "ADDRESS" and not _NUMBER.search(span.text):
                continue
            result = RecognizerResult(
                entity_type=entity,
                start=span.start_char,
                end=span.end_char,
                score=SCORE,
                analysis_explanation=self.build_explanation(SCORE, "Learned NER"),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            results.append(cut_contact(first_line(result, text), text))
        return results

    def build_explanation(self, score: float, text: str) -> AnalysisExplanation:
        """Presidio's explanation record for a result."""
        return AnalysisExplanation(recognizer=NAME, original_score=score, textual_explanation=text)
