"""The exceptions ``triage`` raises on purpose: one tree rooted at :class:`TriageError`."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "MissingDependencyError",
    "TriageError",
]


class TriageError(Exception):
    """Base class of every error raised on purpose by triage."""


class ConfigError(TriageError, ValueError):
    """A configuration file is missing, unreadable or invalid."""


class InputError(TriageError, ValueError):
    """An input (a request, a row of a file) cannot be processed.

    Parameters
    ----------
    message
        What is wrong and what to do about it.
    row
        The 1-based row (line for JSONL) of the input file, when there is one.
    """

    def __init__(self, message: str, *, row: int | None = None, request_id: str | None = None):
        self.row = row
        self.request_id = request_id
        where = []
        if row is not None:
            where.append(f"row {row}")
        if request_id is not None:
            where.append(f"id {request_id!r}")
        prefix = f"{', '.join(where)}: " if where else ""
        super().__init__(prefix + message)


class MissingDependencyError(TriageError, ImportError):
    """An optional dependency or a language model is not installed."""
