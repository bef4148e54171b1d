"""Typed, numbered placeholders and reversible pseudonyms, through Presidio's anonymizer."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult
from presidio_anonymizer.operators import Decrypt, Encrypt

from triage.exceptions import ConfigError

from .postprocess import Span, normalise_value

__all__ = ["assign_placeholders", "check_key", "decrypt", "encrypt", "replace"]

_KEY_LENGTHS = (16, 24, 32)


def check_key(key: str) -> None:
    """Raise ConfigError unless ``key`` is a valid AES key for Presidio (16, 24 or 32 bytes)."""
    if len(key.encode("utf-8")) not in _KEY_LENGTHS:
        raise ConfigError(
            "the pseudonymisation key must be 16, 24 or 32 bytes long (AES-128/192/256); "
            f"got {len(key.encode('utf-8'))} bytes"
        )


def assign_placeholders(spans: Sequence[Span], text: str) -> list[str]:
    """Return one placeholder per span: ``<TYPE_n>``, the same value sharing the same one."""
    seen: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    out = []
    for span in spans:
        key = (span.type, normalise_value(span.type, text[span.start : span.end]))
        if key not in seen:
            counters[span.type] = counters.get(span.type, 0) + 1
            seen[key] = f"<{span.type}_{counters[span.type]}>"
        out.append(seen[key])
    return out


def replace(
    engine: AnonymizerEngine, text: str, spans: Sequence[Span], placeholders: Sequence[str]
) -> str:
    """Replace each span by its placeholder with Presidio's anonymizer."""
    if not spans:
        return text
    by_position = {(s.start, s.end): p for s, p in zip(spans, placeholders, strict=True)}
    # Presidio's custom operator sees only the value, so each span gets its own entity label.
    results = [
        RecognizerResult(f"{span.type}#{index}", span.start, span.end, span.score)
        for index, span in enumerate(spans)
    ]
    operators = {
        result.entity_type: OperatorConfig(
            "replace", {"new_value": by_position[(result.start, result.end)]}
        )
        for result in results
    }
    return engine.anonymize(text=text, analyzer_results=results, operators=operators).text


def encrypt(value: str, key: str) -> str:
    """Encrypt one value with Presidio's AES operator."""
    return str(Encrypt().operate(value, {"key": key}))


def decrypt(ciphertext: str, key: str) -> str:
    """Decrypt one value encrypted by :func:`encrypt`."""
    return str(Decrypt().operate(ciphertext, {"key": key}))
