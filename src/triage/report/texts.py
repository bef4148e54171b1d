"""The texts of one language, and how numbers and dates are written in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from types import ModuleType
from typing import Any, Literal

from triage.exceptions import InputError

__all__ = ["LANGUAGES", "Language", "Texts", "load_texts"]

Language = Literal["fr", "en"]

#: Language code -> (interface texts module, legal texts module), under ``triage.report``.
LANGUAGES: dict[str, tuple[str, str]] = {
    "fr": ("texts_fr", "legal_fr"),
    "en": ("texts_en", "legal_en"),
}


@dataclass(frozen=True)
class Texts:
    """Every fixed text of the report and the letter in one language, with its number style."""

    language: str
    ui: ModuleType
    legal: ModuleType

    def __getattr__(self, name: str) -> Any:
        """Upper-case names come from the language's modules (``LABELS``, ``LETTER``...)."""
        if name.isupper():
            for module in (self.ui, self.legal):
                if hasattr(module, name):
                    return getattr(module, name)
        raise AttributeError(name)

    def num(self, value: float | int | None, digits: int = 0) -> str:
        """A number with the language's separators (``12 345,6`` in French)."""
        if value is None:
            return "—"
        text = f"{value:,.{digits}f}"
        style = self.NUMBERS
        return (
            text.replace(",", "\0").replace(".", style["decimal"]).replace("\0", style["thousands"])
        )

    def pct(self, value: float | None, digits: int = 1) -> str:
        """A share as a percentage (``12,5 %`` in French)."""
        if value is None:
            return "—"
        return self.num(100 * value, digits) + self.NUMBERS["percent"]

    def date(self, iso: str | None) -> str:
        """A date for people (``26 novembre 2026``)."""
        if not iso:
            return "—"
        moment = datetime.fromisoformat(iso)
        return f"{moment.day} {self.MONTHS[moment.month - 1]} {moment.year}"

    def timestamp(self, iso: str | None) -> str:
        """A date and UTC time (``26 novembre 2026, 14:05 UTC``)."""
        if not iso:
            return "—"
        moment = datetime.fromisoformat(iso)
        return f"{self.date(iso)}, {moment:%H:%M} UTC"

    def language_name(self, code: str | None) -> str:
        """A language's name in this language."""
        return self.LANGUAGES.get(code or "?", code or "?")

    def entity_name(self, entity_type: str) -> str:
        """An entity type in plain words (``PHONE_NUMBER``: ``numéro de téléphone``)."""
        return self.ENTITIES.get(entity_type, entity_type)


def load_texts(language: str) -> Texts:
    """The texts of ``language`` (``fr`` or ``en``)."""
    if language not in LANGUAGES:
        raise InputError(f"no report texts in {language!r}; one of {sorted(LANGUAGES)}")
    ui, legal = LANGUAGES[language]
    return Texts(
        language,
        import_module(f"triage.report.{ui}"),
        import_module(f"triage.report.{legal}"),
    )
