"""Spark benchmark: local Spark (pandas UDF over the MLflow model) vs the single-process path."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from triage.benchmarks import french_requests

__all__ = ["spark_throughput"]


def spark_throughput(
    model_uri: str,
    *,
    n: int = 100_000,
    master: str = "local[2]",
    batch_size: int = 256,
    data: Path | None = None,
    console: Console,
) -> dict[str, Any]:
    """Requests per second of the same MLflow model, in one process and on Spark.

    Model loading is outside both timings, except that each Spark job loads the model once
    in every Python worker (part of its cost at any volume).
    """
    import mlflow.pyfunc
    import pandas as pd
    from pyspark.sql import SparkSession

    from triage.spark import score_with_spark

    texts = french_requests(data, n, min_chars=250, max_chars=350)
    figures: dict[str, Any] = {"n": n, "master": master}
    model = mlflow.pyfunc.load_model(model_uri)
    model.predict(pd.DataFrame({"text": texts[:8], "language": ["fr"] * 8}))
    started = time.perf_counter()
    for start in range(0, n, batch_size):
        chunk = texts[start : start + batch_size]
        model.predict(pd.DataFrame({"text": chunk, "language": ["fr"] * len(chunk)}))
    figures["single process"] = n / (time.perf_counter() - started)
    del model

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("triage-bench")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(
            [(str(i), t, "fr") for i, t in enumerate(texts)], "id string, text string, lang string"
        ).repartition(spark.sparkContext.defaultParallelism)
        df.cache().count()
        started = time.perf_counter()
        scored = score_with_spark(df, model_uri, language_col="lang")
        scored.write.format("noop").mode("overwrite").save()
        figures["spark"] = n / (time.perf_counter() - started)
    finally:
        spark.stop()
    console.print(
        f"{n:,} French requests: single process {figures['single process']:.0f} requests/s, "
        f"Spark {master} {figures['spark']:.0f} requests/s "
        f"(×{figures['spark'] / figures['single process']:.2f})"
    )
    return figures
