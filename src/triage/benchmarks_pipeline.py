"""Pipeline benchmark: end-to-end requests per second against the bare model, same texts."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from triage.benchmarks import french_requests

__all__ = ["pipeline_throughput"]


def pipeline_throughput(
    model_location: str | Path,
    *,
    n: int = 600,
    batch_size: int = 256,
    processes: int = 2,
    data: Path | None = None,
    console: Console,
) -> dict[str, Any]:
    """Time the bare routing model, then anonymise → route → audit, on ~300-character requests.

    The bare model scores the raw texts (no anonymisation, no audit); the pipeline runs as
    ``triage run`` does, in batches, writing every decision to a fresh SQLite audit store.
    """
    from triage.anonymise import Anonymiser
    from triage.classify.model import RoutingModel
    from triage.pipeline import Request, Triage

    texts = french_requests(data, n, min_chars=250, max_chars=350)
    model = RoutingModel.load(model_location)
    folder = Path(model.metadata["folder"])
    model.route(texts[:batch_size])  # warm up outside the timings
    figures: dict[str, Any] = {"n": n, "mean_chars": statistics.mean(len(t) for t in texts)}

    with Anonymiser(folder / "anonymiser.yaml", n_process=processes) as anonymiser:
        anonymised = [
            r.anonymised_text  # type: ignore[union-attr]
            for r in anonymiser.anonymise_batch(texts, ["fr"] * n, return_errors=True)
        ]
    for label, inputs in (("bare model", texts), ("bare model, anonymised texts", anonymised)):
        started = time.perf_counter()
        for start in range(0, n, batch_size):
            model.route(inputs[start : start + batch_size])
        figures[label] = n / (time.perf_counter() - started)

    requests = [Request(text=t, id=f"b{i}", language="fr") for i, t in enumerate(texts)]
    for procs, prefetch in ((1, False), (processes, False), (processes, True)):
        with (
            tempfile.TemporaryDirectory() as tmp,
            Anonymiser(folder / "anonymiser.yaml", n_process=procs) as anonymiser,
            Triage(model, anonymiser=anonymiser, audit=Path(tmp) / "audit.db") as triage,
        ):
            warm = texts[: 2 * anonymiser.batch_size]
            anonymiser.anonymise_batch(warm, ["fr"] * len(warm))
            batches = [requests[i : i + batch_size] for i in range(0, n, batch_size)]
            started = time.perf_counter()
            for _ in triage.process_stream(batches, prefetch=prefetch):
                pass
            label = f"pipeline, {procs} anonymiser process{'es' if procs > 1 else ''}"
            figures[label + (", prefetch" if prefetch else "")] = n / (
                time.perf_counter() - started
            )

    table = Table(
        title=f"End to end vs bare model, {n} French requests ({figures['mean_chars']:.0f} chars)"
    )
    table.add_column("mode")
    table.add_column("requests/s", justify="right")
    table.add_column("vs bare model", justify="right")
    bare = figures["bare model"]
    for mode, rate in figures.items():
        if mode not in ("n", "mean_chars"):
            table.add_row(mode, f"{rate:.0f}", f"{rate / bare:.2f}")
    console.print(table)
    return figures
