"""Distributed batch scoring on Apache Spark, through the registered MLflow pyfunc model.

The same model as ``mlflow models serve`` (anonymise → classify → decide on raw text) runs in
each Spark Python worker as a pandas UDF (``mlflow.pyfunc.spark_udf``); the raw text never
leaves the worker except as its anonymised form. pyspark is not a dependency of triage: install
it where Spark runs (``pip install pyspark``).
"""

from __future__ import annotations

from typing import Any

from triage.exceptions import MissingDependencyError

__all__ = ["RESULT_TYPE", "score_with_spark"]

#: The columns the model adds, as a Spark DDL struct.
RESULT_TYPE = (
    "department string, queue string, confidence double, reason string, anonymised_text string"
)


def score_with_spark(
    df: Any,
    model_uri: str,
    *,
    text_col: str = "text",
    language_col: str | None = None,
    output_col: str = "triage",
) -> Any:
    """Add the routing decision of every row of a Spark DataFrame, as columns.

    Parameters
    ----------
    df
        A ``pyspark.sql.DataFrame`` with the raw text in ``text_col``.
    model_uri
        A model the pyfunc flavour loads: ``models:/triage-router@champion``, ``runs:/…/model``
        or a local folder of a logged model.
    language_col
        Optional column with each request's language (``fr``, ``en``); detected when absent.

    Returns
    -------
    The DataFrame with ``department``, ``queue``, ``confidence``, ``reason`` and
    ``anonymised_text`` added (the struct ``output_col`` flattened).
    """
    try:
        from pyspark.sql import functions as F
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise MissingDependencyError("Spark scoring needs pyspark: pip install pyspark") from exc
    import mlflow.pyfunc

    udf = mlflow.pyfunc.spark_udf(
        df.sparkSession, model_uri, result_type=RESULT_TYPE, env_manager="local"
    )
    language = F.col(language_col) if language_col else F.lit(None).cast("string")
    inputs = [F.col(text_col).alias("text"), language.alias("language")]
    scored = df.withColumn(output_col, udf(F.struct(*inputs)))
    return scored.select("*", f"{output_col}.*").drop(output_col)
