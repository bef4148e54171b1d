"""Reading request files (JSONL or CSV) row by row, so one bad row never stops the others."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage.exceptions import InputError

__all__ = ["InputRow", "read_requests", "write_jsonl_line"]

_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_CSV_SUFFIXES = {".csv"}


@dataclass(frozen=True, slots=True)
class InputRow:
    """One row of an input file: the request fields, or the reason it cannot be used.

    ``line`` is the 1-based line of the file where the row starts.
    """

    line: int
    id: str | None
    text: str | None = None
    language: str | None = None
    error: str | None = None
    extra: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """Whether the row can be processed."""
        return self.error is None


def read_requests(
    path: str | Path, *, extra_fields: tuple[str, ...] = (), require_id: bool = True
) -> Iterator[InputRow]:
    """Yield every row of a JSONL or CSV file with ``id``, ``text`` and optional ``language``.

    Invalid UTF-8, malformed JSON, a missing or duplicate id, or a missing text make that row
    an error row (``row.error``); the following rows are still read.

    Raises
    ------
    InputError
        If the file does not exist, has an unknown extension, or a CSV lacks ``id``/``text``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"input file {path} does not exist")
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        rows = _read_jsonl(path)
    elif suffix in _CSV_SUFFIXES:
        rows = _read_csv(path, require_id=require_id)
    else:
        raise InputError(f"input file {path} must end in .jsonl or .csv, not {suffix!r}")
    seen: dict[str, int] = {}
    for line, record, error in rows:
        yield _to_row(line, record, error, seen, extra_fields, require_id)


def _to_row(
    line: int,
    record: dict[str, Any] | None,
    error: str | None,
    seen: dict[str, int],
    extra_fields: tuple[str, ...],
    require_id: bool = True,
) -> InputRow:
    if record is None:
        return InputRow(line=line, id=None, error=error)
    raw_id = record.get("id")
    row_id = None if raw_id is None or str(raw_id).strip() == "" else str(raw_id).strip()
    if row_id is not None and _has_surrogate(row_id):
        row_id = None
    if error is not None:
        return InputRow(line=line, id=row_id, error=error)
    if row_id is None and require_id:
        return InputRow(line=line, id=None, error="missing 'id'")
    if row_id is not None and row_id in seen:
        return InputRow(
            line=line, id=row_id, error=f"duplicate id {row_id!r} (first on line {seen[row_id]})"
        )
    if row_id is not None:
        seen[row_id] = line
    text = record.get("text")
    if not isinstance(text, str):
        problem = "missing 'text'" if text is None else "'text' must be a string"
        return InputRow(line=line, id=row_id, error=problem)
    language = record.get("language") or None
    extra = {name: record.get(name) for name in extra_fields}
    return InputRow(
        line=line,
        id=row_id,
        text=text,
        language=str(language) if language else None,
        extra=extra or None,
    )


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, None, f"invalid UTF-8 at byte {exc.start} of the line"
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON: {exc.msg} (column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield number, None, "each line must be a JSON object"
                continue
            yield number, record, None


def _read_csv(
    path: Path, *, require_id: bool = True
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    # surrogateescape keeps undecodable bytes as lone surrogates, so a bad byte spoils one
    # row (detected below) instead of the whole file.
    with path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        required = ("id", "text") if require_id else ("text",)
        missing = [name for name in required if name not in fields]
        if missing:
            raise InputError(f"CSV file {path} lacks the column(s) {missing}; it has {fields}")
        line = reader.line_num + 1
        for record in reader:
            start, line = line, reader.line_num + 1
            if None in record:
                yield start, record, "more fields than columns in the header"
                continue
            bad = [
                name
                for name, value in record.items()
                if isinstance(value, str) and _has_surrogate(value)
            ]
            if bad:
                yield start, record, f"invalid UTF-8 in column(s) {bad}"
                continue
            yield start, record, None


def _has_surrogate(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def write_jsonl_line(handle: Any, record: dict[str, Any]) -> None:
    """Write one JSON object as a line and flush it, so a crash loses nothing written."""
    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    handle.flush()
