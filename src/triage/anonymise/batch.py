"""Anonymise a whole request file, streaming results so accepted rows are never lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from triage.exceptions import TriageError
from triage.io import InputRow, read_requests, write_jsonl_line
from triage.records import Redaction

from .engine import Anonymiser

__all__ = ["FileSummary", "anonymise_file"]


@dataclass
class FileSummary:
    """Counts of one ``anonymise_file`` run."""

    rows: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: int = 0

    def describe(self, output: Path) -> str:
        """One line for the user."""
        return (
            f"{self.rows - len(self.errors)} of {self.rows} rows anonymised "
            f"({self.entities} entities masked, {len(self.warnings)} warnings, "
            f"{len(self.errors)} errors) -> {output}"
        )


def _where(row: InputRow) -> str:
    return f"line {row.line}" + (f" (id {row.id!r})" if row.id is not None else "")


def _count_lines(path: Path) -> int | None:
    if path.suffix.lower() == ".csv":
        return None
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def anonymise_file(
    anonymiser: Anonymiser,
    input_path: Path,
    output_path: Path,
    *,
    batch_size: int = 256,
    console: Console | None = None,
) -> FileSummary:
    """Anonymise INPUT into a JSONL OUTPUT, one object per input row in input order.

    Rows that cannot be processed come out as ``{"id", "line", "error"}`` and are reported
    on the console with their line; the other rows are processed normally.
    """
    console = console or Console(stderr=True)
    summary = FileSummary()
    rows = read_requests(input_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    progress = Progress(
        TextColumn("[bold]anonymising"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with output_path.open("w", encoding="utf-8") as out, progress:
        task = progress.add_task("anonymise", total=_count_lines(input_path))
        while batch := list(islice(rows, batch_size)):
            good = [row for row in batch if row.ok]
            results = anonymiser.anonymise_batch(
                [row.text or "" for row in good],
                [row.language for row in good],
                return_errors=True,
            )
            by_line = {row.line: result for row, result in zip(good, results, strict=True)}
            for row in batch:
                _write_row(out, row, by_line.get(row.line), summary, console)
            progress.advance(task, len(batch))
    return summary


def _write_row(
    out: TextIO,
    row: InputRow,
    result: Redaction | TriageError | None,
    summary: FileSummary,
    console: Console,
) -> None:
    summary.rows += 1
    if isinstance(result, Redaction):
        for warning in result.warnings:
            summary.warnings.append(f"{_where(row)}: {warning}")
            console.print(f"[yellow]warning[/] {_where(row)}: {warning}")
        summary.entities += len(result.entities)
        write_jsonl_line(out, {"id": row.id, **result.to_dict()})
        return
    message = row.error if result is None else str(result)
    summary.errors.append(f"{_where(row)}: {message}")
    console.print(f"[red]error[/] {_where(row)}: {message}")
    write_jsonl_line(out, {"id": row.id, "line": row.line, "error": message})
