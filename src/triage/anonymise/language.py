"""Language detection for requests whose language the caller does not give."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Protocol

__all__ = ["LanguageDetector", "LinguaLanguageDetector"]

#: Languages the detector can name, so a request in one triage is not configured for is
#: reported as such instead of being forced into French or English.
_CANDIDATES = ("fr", "en", "de", "es", "it", "pt", "nl", "ar", "tr", "pl", "ro")


class LanguageDetector(Protocol):
    """Anything that names the language of a text (ISO 639-1), or ``None`` when unsure."""

    def detect(self, text: str) -> str | None:
        """Return the ISO 639-1 code of the text's language, or None."""
        ...


class LinguaLanguageDetector:
    """Detector built on lingua (offline, accurate on short texts).

    Parameters
    ----------
    min_confidence
        Under this confidence for the best language, :meth:`detect` returns ``None``.
    """

    def __init__(self, *, min_confidence: float = 0.5) -> None:
        self.min_confidence = min_confidence

    @cached_property
    def _detector(self) -> Any:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, code.upper()) for code in _CANDIDATES]
        return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(self, text: str) -> str | None:
        """Return the ISO 639-1 code of the text's language, or None when unsure."""
        sample = text[:2000]
        if sum(char.isalpha() for char in sample) < 3:
            return None
        values = self._detector.compute_language_confidence_values(sample)
        if not values or values[0].value < self.min_confidence:
            return None
        return str(values[0].language.iso_code_639_1.name.lower())
