"""Any of Presidio's predefined recognizers, by class name, for a configured language."""

from __future__ import annotations

from collections.abc import Sequence

import presidio_analyzer.predefined_recognizers as predefined
from presidio_analyzer import EntityRecognizer

from triage.exceptions import ConfigError

__all__ = ["build_presidio"]


def build_presidio(
    class_name: str, language: str, context: Sequence[str] | None, options: dict[str, object]
) -> EntityRecognizer:
    """Instantiate ``presidio_analyzer.predefined_recognizers.<class_name>`` for a language."""
    recognizer_class = getattr(predefined, class_name, None)
    if not (isinstance(recognizer_class, type) and issubclass(recognizer_class, EntityRecognizer)):
        raise ConfigError(
            f"{class_name!r} is not one of Presidio's predefined recognizers "
            f"(presidio_analyzer.predefined_recognizers)"
        )
    kwargs: dict[str, object] = {"supported_language": language, **options}
    if context is not None:
        kwargs["context"] = list(context)
    try:
        return recognizer_class(**kwargs)  # type: ignore[arg-type]
    except TypeError as exc:
        raise ConfigError(
            f"Presidio recognizer {class_name}: bad options {options}: {exc}"
        ) from exc
