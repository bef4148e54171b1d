"""Small building blocks shared by triage's recognizers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presidio_analyzer import Pattern, PatternRecognizer

__all__ = ["ValidatedPatternRecognizer", "make_pattern_recognizer"]


class ValidatedPatternRecognizer(PatternRecognizer):
    """A pattern recognizer whose matches are kept only if a check function accepts them.

    Parameters
    ----------
    check
        Called with the matched text; a falsy answer drops the match.
    validated_score
        Score given to a match the check accepts; ``None`` keeps the pattern's own score
        (for checks too weak to be sure on their own, like a 9-digit Luhn).
    """

    def __init__(
        self,
        *,
        check: Callable[[str], bool],
        validated_score: float | None = 1.0,
        **kwargs: object,
    ) -> None:
        self._check = check
        self._validated_score = validated_score
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Return True (score to max), None (keep score) or False (drop)."""
        if not self._check(pattern_text):
            return False
        return True if self._validated_score == 1.0 else None


def make_pattern_recognizer(
    *,
    entity: str,
    name: str,
    patterns: Sequence[tuple[str, str, float]],
    language: str,
    context: Sequence[str] | None,
    check: Callable[[str], bool] | None = None,
    validated_score: float | None = 1.0,
) -> PatternRecognizer:
    """Build a (validated) pattern recognizer for one language."""
    compiled = [Pattern(pattern_name, regex, score) for pattern_name, regex, score in patterns]
    kwargs = {
        "supported_entity": entity,
        "name": name,
        "patterns": compiled,
        "context": list(context or []),
        "supported_language": language,
    }
    if check is None:
        return PatternRecognizer(**kwargs)  # type: ignore[arg-type]
    return ValidatedPatternRecognizer(check=check, validated_score=validated_score, **kwargs)
