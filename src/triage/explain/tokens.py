"""Words as SHAP sees them: placeholders stay one token, punctuation is not a feature."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["WordTokenizer", "keep_words", "word_spans"]

_WORD = re.compile(r"<[A-Z][A-Z_]*_\d+>|\w+(?:['’]\w+)*", re.UNICODE)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each word or placeholder (``<PERSON_1>`` is one word)."""
    return [m.span() for m in _WORD.finditer(text)]


class WordTokenizer:
    """The minimal Hugging Face tokenizer interface shap's ``Text`` masker needs.

    A text with no word (the mask token itself, ``...``) is one token, so the masker can
    find its mask-token id; the empty string has none.
    """

    def __call__(self, text: str, return_offsets_mapping: bool = True) -> dict[str, Any]:
        """Words of ``text`` as ``input_ids`` (strings) and their ``offset_mapping``."""
        spans = word_spans(text) or ([(0, len(text))] if text else [])
        out: dict[str, Any] = {"input_ids": [text[a:b] for a, b in spans]}
        if return_offsets_mapping:
            # The masker rebuilds the text from these offsets: the first word takes what comes
            # before it and the last what follows, so the unmasked text is the original one.
            offsets = list(spans)
            if offsets:
                offsets[0] = (0, offsets[0][1])
                offsets[-1] = (offsets[-1][0], len(text))
            out["offset_mapping"] = offsets
        return out


def keep_words(text: str, spans: Sequence[tuple[int, int]], keep: Sequence[bool]) -> str:
    """The text with the words whose ``keep`` is false deleted (runs of spaces squeezed)."""
    parts = []
    cursor = 0
    for (start, end), kept in zip(spans, keep, strict=True):
        parts.append(text[cursor:start])
        if kept:
            parts.append(text[start:end])
        cursor = end
    parts.append(text[cursor:])
    return re.sub(r"\s+", " ", "".join(parts)).strip()
