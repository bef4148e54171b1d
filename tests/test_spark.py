"""Spark batch scoring (local[2]) of the registered model gives the library's decisions."""

import json
import sys

import pytest

from triage import Anonymiser

from .conftest import DATA

pytest.importorskip("pyspark")


@pytest.fixture
def spark(monkeypatch):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("triage-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_scoring_equals_the_library(trained, spark):
    from triage.spark import score_with_spark

    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == "test"][:240]
    df = spark.createDataFrame(
        [(r["id"], r["text"], r.get("language")) for r in rows],
        "id string, text string, lang string",
    ).repartition(2)
    uri = f"models:/triage-test/{trained.model_version}"
    scored = score_with_spark(df, uri, language_col="lang").toPandas().set_index("id")

    redactions = Anonymiser().anonymise_batch(
        [r["text"] for r in rows], [r.get("language") for r in rows]
    )
    expected = trained.model.route([r.anonymised_text for r in redactions])
    assert len(scored) == len(rows)
    for row, redaction, decision in zip(rows, redactions, expected, strict=True):
        got = scored.loc[row["id"]]
        assert got["anonymised_text"] == redaction.anonymised_text
        assert got["queue"] == decision.queue, row["id"]
        assert got["confidence"] == pytest.approx(decision.confidence, abs=1e-3)
