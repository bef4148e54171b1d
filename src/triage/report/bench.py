"""``report_benchmark``: how long the transparency report takes over a large audit trail."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from .render import ServiceContact
from .report import build_report
from .synthetic import write_synthetic_model, write_synthetic_store

__all__ = ["report_benchmark"]


def report_benchmark(
    n: int = 100_000,
    *,
    model_folder: str | Path | None = None,
    workdir: str | Path | None = None,
    language: str = "fr",
) -> dict[str, Any]:
    """Generate a synthetic trail of ``n`` decisions (plus reviews), then time the report.

    Parameters
    ----------
    model_folder
        The model described in the report; default a synthetic model folder.
    workdir
        Where the SQLite trail is written; default a temporary folder, removed afterwards.

    Returns
    -------
    dict
        ``records`` in the trail, ``generate_seconds``, ``report_seconds`` (the whole
        :func:`build_report` call, chain verification included) and ``html_bytes``.
    """
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        folder = Path(model_folder) if model_folder else write_synthetic_model(Path(tmp) / "m")
        started = time.perf_counter()
        store = write_synthetic_store(Path(tmp) / "audit.db", n)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        html = build_report(
            store,
            folder,
            language=language,  # type: ignore[arg-type]
            service=ServiceContact("Benchmark"),
            pii_results=None,
        )
        seconds = time.perf_counter() - started
        records = store.verify().records
        store.engine.dispose()
    return {
        "decisions": n,
        "records": records,
        "generate_seconds": round(generated, 2),
        "report_seconds": round(seconds, 2),
        "html_bytes": len(html.encode("utf-8")),
    }
