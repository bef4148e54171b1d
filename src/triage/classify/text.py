"""What the classifiers read: anonymised text with placeholders as single tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["model_text", "placeholder_tokens"]

_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)_\d+>")


def model_text(anonymised: str) -> str:
    """Replace ``<PERSON_1>`` by ``<PERSON>``: the number means nothing to a classifier."""
    return _PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", anonymised)


def placeholder_tokens(entity_types: Iterable[str]) -> list[str]:
    """The tokens added to a tokenizer so each placeholder stays one token."""
    return sorted({f"<{entity}>" for entity in entity_types})
