"""Spark batch scoring (local[2]) of the registered model gives the library's decisions."""

import json
import sys

import pytest

from triage import Anonymiser
from triage.pipeline import route_redactions

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
    expected = route_redactions(trained.model, redactions)
    assert len(scored) == len(rows)
    for index, (row, redaction) in enumerate(zip(rows, redactions, strict=True)):
        got = scored.loc[row["id"]]
        assert got["anonymised_text"] == redaction.anonymised_text
        decision = expected.get(index)
        if decision is None:  # only personal data: human review, as in the pipeline
            assert (got["queue"], got["reason"]) == ("human_review", "empty_after_anonymisation")
            continue
        assert got["queue"] == decision.queue, row["id"]
        assert got["confidence"] == pytest.approx(decision.confidence, abs=1e-3)
