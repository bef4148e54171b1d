"""Frozen records passed between stages, with ``to_dict``; persisted ones carry a version."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["SCHEMA_VERSION", "Entity", "Redaction"]

#: Version of the dictionaries written by ``to_dict``; bumped on any incompatible change.
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Entity:
    """A detected piece of personal data, by type and offsets into the original text.

    The value itself is never stored: ``text[start:end]`` recovers it for whoever holds the text.
    """

    type: str
    start: int
    end: int
    score: float
    placeholder: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary (no raw value)."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "placeholder": self.placeholder,
        }


@dataclass(frozen=True, slots=True)
class Redaction:
    """The result of anonymising one text.

    Attributes
    ----------
    anonymised_text
        The text with every entity replaced by a typed, numbered placeholder (``<PERSON_1>``).
    language
        The language used for analysis (``"fr"``, ``"en"``...).
    entities
        The detected entities, in original-text offsets, sorted by start.
    pseudonyms
        Placeholder to ciphertext, filled only when a pseudonymisation key was given; the key is
        needed to recover the original values (:meth:`triage.Anonymiser.reidentify`).
    warnings
        Human-readable notes about this text (language guessed, text chunked, HTML converted).
    """

    anonymised_text: str
    language: str
    entities: tuple[Entity, ...] = ()
    pseudonyms: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    source_format: str = "text"

    @property
    def entity_counts(self) -> dict[str, int]:
        """Number of entities per type."""
        return dict(Counter(entity.type for entity in self.entities))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary, safe to persist (no raw personal data)."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "language": self.language,
            "anonymised_text": self.anonymised_text,
            "entities": [entity.to_dict() for entity in self.entities],
        }
        if self.source_format != "text":
            out["source_format"] = self.source_format
        if self.pseudonyms:
            out["pseudonyms"] = dict(self.pseudonyms)
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
