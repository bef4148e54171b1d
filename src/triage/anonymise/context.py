"""Context enhancement on the characters around a match, not on lemmas.

Presidio's default enhancer compares spaCy lemmas of the five words before a match with the
recognizer's context words. French lemmas are unreliable on citizens' mail (typos, no accents,
"N° allocataire : 1234567"), so triage looks at a window of characters on both sides instead,
accent- and case-insensitively: a context word matches a whole word, or the start of a word
when it is at least five letters long ("allocataire" matches "allocataires").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

__all__ = ["WindowContextEnhancer", "fold"]


def fold(text: str) -> str:
    """Lower-case and strip accents (keeps string length for the characters we use)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=256)
def _context_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for word in words:
        folded = re.escape(fold(word))
        parts.append(rf"\b{folded}" + ("" if len(word) >= 5 else r"\b"))
    return re.compile("|".join(parts))


@lru_cache(maxsize=256)
def _specific_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The context regex of the specific words among ``words``; None when there are none."""
    specific = tuple(word for word in words if _specific(word))
    return _context_regex(specific) if specific else None


def _specific(word: str) -> bool:
    """A context word long and rare enough to count further away ("fiscal", not "carte")."""
    return len(word) >= 6 and fold(word) not in _COMMON_CONTEXT


#: Long context words that are common in other senses ("Assemblée nationale", "numéro").
_COMMON_CONTEXT = {"nationale", "numero", "number", "adresse", "address", "compte", "account"}


class WindowContextEnhancer(ContextAwareEnhancer):
    """Raise a match's score when a context word appears within a window around it.

    Parameters
    ----------
    before, after
        Characters looked at before the match's start and after its end.
    far_before
        Characters looked at before the match for specific context words (six letters or
        more and not common in other senses): "le numéro fiscal indiqué sur ma facture d'eau
        est erroné : il faut lire 1382…".
    """

    def __init__(
        self,
        *,
        context_similarity_factor: float = 0.35,
        min_score_with_context_similarity: float = 0.4,
        before: int = 50,
        after: int = 25,
        far_before: int = 120,
    ) -> None:
        super().__init__(
            context_similarity_factor=context_similarity_factor,
            min_score_with_context_similarity=min_score_with_context_similarity,
            context_prefix_count=0,
            context_suffix_count=0,
        )
        self.before = before
        self.after = after
        self.far_before = far_before

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Return the results, with scores raised where context supports them.

        The results are updated in place: the analyzer builds them afresh for each text.
        """
        results = raw_results
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        for result in results:
            metadata = result.recognition_metadata or {}
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recognizer is None or not recognizer.context:
                continue
            if metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            window = fold(
                text[max(0, result.start - self.before) : result.start]
                + " "
                + text[result.end : result.end + self.after]
            )
            found = _context_regex(tuple(recognizer.context)).search(window)
            if found is None:
                # a specific word ("fiscal", "identité") may stand a sentence earlier
                specific = _specific_regex(tuple(recognizer.context))
                far = fold(text[max(0, result.start - self.far_before) : result.start])
                found = specific.search(far) if specific is not None else None
            if found is None:
                continue
            result.score = min(
                ContextAwareEnhancer.MAX_SCORE,
                max(
                    result.score + self.context_similarity_factor,
                    self.min_score_with_context_similarity,
                ),
            )
            if result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(found.group(0))
                result.analysis_explanation.set_improved_score(result.score)
        return results
