"""Benchmark commands: they print measured figures, and compare against a baseline run."""

from __future__ import annotations

import json
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

from rich.console import Console
from rich.table import Table

from triage.exceptions import InputError

__all__ = ["anonymise_throughput", "french_requests"]

#: Requests used when no file is given: the French part of the PII evaluation corpus.
DEFAULT_REQUESTS = Path("anonymisation/corpus/pii_corpus.jsonl")


def french_requests(
    path: Path | None, n: int, *, min_chars: int = 200, max_chars: int = 450
) -> list[str]:
    """Return ``n`` French texts of ``min_chars``-``max_chars`` characters (cycled if needed)."""
    path = path or DEFAULT_REQUESTS
    if not path.is_file():
        raise InputError(f"benchmark requests file {path} does not exist; pass --data")
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            text = record.get("text", "")
            if record.get("language", "fr") == "fr" and min_chars <= len(text) <= max_chars:
                texts.append(text)
    if not texts:
        raise InputError(f"{path} has no French text of {min_chars}-{max_chars} characters")
    return list(islice(cycle(texts), n))


def anonymise_throughput(
    *, n: int, single: int, config: Path | None, console: Console, data: Path | None = None
) -> dict[str, float]:
    """Time the anonymiser one text at a time, then in batches with 1 and 2 processes."""
    from triage.anonymise import Anonymiser

    texts = french_requests(data, n)
    mean_chars = statistics.mean(len(t) for t in texts)
    anonymiser = Anonymiser(config)
    anonymiser.anonymise(texts[0], "fr")  # load models outside the timings
    figures: dict[str, float] = {}

    started = time.perf_counter()
    for text in texts[:single]:
        anonymiser.anonymise(text, "fr")
    figures["one by one"] = single / (time.perf_counter() - started)

    for processes in (1, 2):
        with Anonymiser(config, n_process=processes) as batch_anonymiser:
            warm_up = texts[: 4 * batch_anonymiser.batch_size]
            batch_anonymiser.anonymise_batch(warm_up, ["fr"] * len(warm_up))
            started = time.perf_counter()
            batch_anonymiser.anonymise_batch(texts, ["fr"] * len(texts))
            label = f"batch, {processes} process{'es' if processes > 1 else ''}"
            figures[label] = n / (time.perf_counter() - started)

    table = Table(title=f"Anonymiser throughput, French requests ({mean_chars:.0f} chars mean)")
    table.add_column("mode")
    table.add_column("requests/s", justify="right")
    table.add_column("vs one by one", justify="right")
    for mode, rate in figures.items():
        table.add_row(mode, f"{rate:.0f}", f"×{rate / figures['one by one']:.1f}")
    console.print(table)
    return figures
