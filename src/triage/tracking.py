"""MLflow tracking: training runs, the pyfunc model (raw text in, decision out), aliases."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from triage.exceptions import ConfigError, MissingDependencyError
from triage.records import Redaction

if TYPE_CHECKING:
    from triage.anonymise.ner_training import NerTrainingReport
    from triage.training import TrainingResult

__all__ = [
    "DEFAULT_EXPERIMENT",
    "TriagePyfuncModel",
    "MODEL_HASH_TAG",
    "PII_NER_EXPERIMENT",
    "download_model",
    "find_run",
    "log_pii_ner_run",
    "log_training_run",
    "promote",
    "tracking_uri",
]

DEFAULT_EXPERIMENT = "triage-routing"
#: MLflow experiment of the learned PII NERs' training runs (``triage train-pii-ner``).
PII_NER_EXPERIMENT = "triage-pii-ner"
DEFAULT_STORE = Path("experiments")
CHAMPION = "champion"
#: Run tag holding the SHA-256 of the logged model folder (:func:`folder_digest`).
MODEL_HASH_TAG = "triage.model_hash"


def _mlflow():
    try:
        import mlflow
    except ImportError as exc:
        raise MissingDependencyError("MLflow tracking needs `pip install mlflow`") from exc
    return mlflow


def tracking_uri() -> str:
    """``MLFLOW_TRACKING_URI`` if set, else a SQLite store under ``experiments/``."""
    return os.environ.get("MLFLOW_TRACKING_URI") or (
        "sqlite:///" + str((DEFAULT_STORE / "mlflow.db").resolve())
    )


def _artifact_location() -> str | None:
    """Artifacts beside a local SQLite store (never in the current folder); else the server's."""
    uri = tracking_uri()
    if uri.startswith("sqlite:///"):
        return (Path(uri.removeprefix("sqlite:///")).parent / "mlruns").resolve().as_uri()
    return None


def _setup(experiment: str = DEFAULT_EXPERIMENT) -> Any:
    mlflow = _mlflow()
    mlflow.set_tracking_uri(tracking_uri())
    if mlflow.get_experiment_by_name(experiment) is None:
        mlflow.create_experiment(experiment, artifact_location=_artifact_location())
    mlflow.set_experiment(experiment)
    return mlflow


class TriagePyfuncModel:
    """The whole anonymise -> classify -> decide path on raw text, as an MLflow pyfunc."""

    def load_context(self, context: Any) -> None:
        """Load the routing model and its anonymiser from the logged artifacts."""
        from triage.anonymise import Anonymiser
        from triage.classify.model import RoutingModel

        folder = Path(context.artifacts["model"])
        self.model = RoutingModel.load(folder)
        self.anonymiser = Anonymiser(folder / "anonymiser.yaml")

    def predict(self, context, model_input, params=None):
        """``model_input``: a DataFrame with ``text`` (and optional ``language``).

        Left without type hints: MLflow would try to derive a signature from them, and the
        logged model carries an explicit one.
        """
        import pandas as pd

        texts = [str(t) for t in model_input["text"]]
        languages = [
            value if isinstance(value, str) and value.strip() else None  # null/NaN: detect
            for value in (
                model_input["language"] if "language" in model_input else [None] * len(texts)
            )
        ]
        from triage.pipeline import route_redactions

        redactions = self.anonymiser.anonymise_batch(texts, languages, return_errors=True)
        by_index = route_redactions(self.model, redactions)
        rows = []
        for i, redaction in enumerate(redactions):
            decision = by_index.get(i)
            text = getattr(redaction, "anonymised_text", "")
            if decision is None:  # same reasons as the pipeline's
                reason = (
                    "error" if not isinstance(redaction, Redaction) else "empty_after_anonymisation"
                )
                rows.append(
                    {
                        "department": None,
                        "queue": "human_review",
                        "confidence": 0.0,
                        "reason": reason,
                        "anonymised_text": text,
                    }
                )
            else:
                rows.append(
                    {
                        "department": decision.department,
                        "queue": decision.queue,
                        "confidence": decision.confidence,
                        "reason": decision.reason,
                        "anonymised_text": text,
                    }
                )
        return pd.DataFrame(rows)


def _signature(example: Any, output: Any) -> Any:
    """``text`` required, ``language`` optional (detected when missing or null)."""
    from mlflow.models import ModelSignature, infer_signature
    from mlflow.types.schema import ColSpec, Schema

    inputs = Schema([ColSpec("string", "text"), ColSpec("string", "language", required=False)])
    return ModelSignature(inputs=inputs, outputs=infer_signature(example, output).outputs)


def _figures(result: TrainingResult, folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = result.model.labels
    matrix = np.array(result.metrics["confusion"])
    fig, ax = plt.subplots(figsize=(8, 7))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    for (i, j), value in np.ndenumerate(matrix):
        if value:
            ax.text(j, i, str(value), ha="center", va="center", fontsize=6)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(f"Confusion matrix ({result.metrics['split']} split)")
    fig.tight_layout()
    paths = [folder / "confusion_matrix.png"]
    fig.savefig(paths[0], dpi=110)
    plt.close(fig)
    reliability = result.model.metadata.get("reliability")
    if reliability:
        fig, ax = plt.subplots(figsize=(5, 5))
        ax.plot([0, 1], [0, 1], "k--", lw=1, label="perfect calibration")
        for name, points in reliability.items():
            ax.plot(points["confidence"], points["accuracy"], marker="o", label=name)
        ax.set_xlabel("confidence")
        ax.set_ylabel("accuracy")
        ax.set_title("Reliability diagram")
        ax.legend()
        fig.tight_layout()
        paths.append(folder / "reliability_diagram.png")
        fig.savefig(paths[1], dpi=110)
        plt.close(fig)
    return paths


def _flat_metrics(prefix: str, metrics: dict[str, Any]) -> dict[str, float]:
    out = {}
    for key, value in metrics.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[f"{prefix}{key}"] = float(value)
        elif key == "f1" and isinstance(value, dict):
            out.update({f"{prefix}f1_{label}": float(v) for label, v in value.items()})
    return out


def log_training_run(
    result: TrainingResult, *, register_as: str | None = "triage-router"
) -> tuple[str, str | None]:
    """Log parameters, metrics, figures and the pyfunc model; register it. Returns ids."""
    mlflow = _setup()
    import pandas as pd

    meta = result.model.metadata
    with mlflow.start_run() as run:
        params = {f"train.{k}": v for k, v in meta["training_config"].items()}
        params.update(
            {
                "data.digest": meta["data"]["digest"],
                "data.file": meta["data"]["file"],
                "anonymiser_config_hash": meta["anonymiser_config_hash"],
                "taxonomy_hash": meta["taxonomy_hash"],
                "ensemble_weight": result.model.ensemble_weight,
                "temperature": round(result.model.temperature, 4),
                "threshold": round(result.model.threshold, 4),
            }
        )
        for split, counts in meta["data"]["counts"].items():
            params[f"data.{split}_rows"] = sum(counts.values())
        mlflow.log_params(params)
        mlflow.log_metrics(_flat_metrics("", result.metrics))
        mlflow.log_metrics(_flat_metrics("baseline_", result.baseline_metrics))
        mlflow.log_metric("training_seconds", result.seconds)
        for record in meta.get("history", []):
            step = int(record["epoch"])
            mlflow.log_metrics({k: v for k, v in record.items() if k != "epoch"}, step=step)
        for path in _figures(result, result.folder):
            mlflow.log_artifact(str(path), artifact_path="figures")
        from triage.classify.model import folder_digest

        # The folder is final now: its hash lets a report find the run that produced it.
        mlflow.set_tag(MODEL_HASH_TAG, folder_digest(result.folder))
        example = pd.DataFrame(
            {"text": ["Bonjour, le lampadaire de ma rue est en panne."], "language": ["fr"]}
        )
        output = pd.DataFrame(
            [
                {
                    "department": "voirie",
                    "queue": "voirie",
                    "confidence": 0.9,
                    "reason": None,
                    "anonymised_text": example["text"][0],
                }
            ]
        )
        info = mlflow.pyfunc.log_model(
            name="model",
            python_model=str(Path(__file__).parent / "mlflow_model.py"),
            artifacts={"model": str(result.folder)},
            signature=_signature(example, output),
            input_example=example,
            code_paths=[str(Path(__file__).parent)],
            registered_model_name=register_as,
        )
        version = getattr(info, "registered_model_version", None)
        return run.info.run_id, None if version is None else str(version)


def log_pii_ner_run(report: NerTrainingReport, folder: Path) -> str:
    """Log a ``triage train-pii-ner`` run: parameters, per-epoch scores, report. Returns its id."""
    mlflow = _setup(PII_NER_EXPERIMENT)
    from triage.classify.model import folder_digest

    with mlflow.start_run(run_name="pii-ner") as run:
        mlflow.set_tag("triage.kind", "pii-ner")
        mlflow.log_params(
            {
                "base_model": report.base_model,
                "languages": ",".join(report.languages or ["all"]),
                "data.digest": report.data_digest,
                "training_requests": report.training_requests,
                "checkpoint_requests": report.checkpoint_requests,
                "case_copies": report.case_copies,
                "seed": report.seed,
                "epochs": len(report.epochs),
                "best_epoch": report.best_epoch,
            }
        )
        for epoch, scores in enumerate(report.epochs, start=1):
            mlflow.log_metrics({f"checkpoint_{k}": v for k, v in scores.items()}, step=epoch)
        best = report.epochs[report.best_epoch - 1]
        mlflow.log_metrics({f"best_{k}": v for k, v in best.items() if k != "loss"})
        mlflow.set_tag(MODEL_HASH_TAG, folder_digest(folder))
        mlflow.log_dict(report.to_dict(), "triage_pii_ner.json")
        return str(run.info.run_id)


def find_run(model_hash: str) -> dict[str, Any] | None:
    """The MLflow run that logged the model folder with this hash, if the store knows it.

    Only an existing store is read (none is created); an unreachable store gives ``None``.
    """
    uri = tracking_uri()
    if uri.startswith("sqlite:///") and not Path(uri.removeprefix("sqlite:///")).is_file():
        return None
    try:
        mlflow = _mlflow()
        client = mlflow.MlflowClient(tracking_uri=uri)
        experiments = [e.experiment_id for e in client.search_experiments()]
        runs = client.search_runs(
            experiments, filter_string=f"tags.`{MODEL_HASH_TAG}` = '{model_hash}'", max_results=1
        )
        if not runs:
            return None
        run = runs[0]
        versions = client.search_model_versions(f"run_id = '{run.info.run_id}'")
    except Exception:  # a report must not fail because tracking is unavailable
        return None
    return {
        "run_id": run.info.run_id,
        "experiment_id": run.info.experiment_id,
        "started": run.info.start_time,
        "tracking_uri": uri if not uri.startswith("sqlite:///") else "sqlite (local)",
        "registered": [f"{v.name} v{v.version}" for v in versions],
    }


def promote(version: str, *, name: str = "triage-router", alias: str = CHAMPION) -> None:
    """Point ``alias`` (``champion``) of a registered model at ``version``."""
    mlflow = _setup()
    client = mlflow.MlflowClient()
    try:
        client.get_model_version(name, str(version))
    except Exception as exc:  # MLflow raises its own RestException for unknown versions
        raise ConfigError(f"registered model {name!r} has no version {version}") from exc
    client.set_registered_model_alias(name, alias, str(version))


def download_model(uri: str) -> Path:
    """Local folder of the triage model behind a ``models:/`` URI."""
    mlflow = _setup()
    try:
        local = Path(mlflow.artifacts.download_artifacts(artifact_uri=uri))
    except Exception as exc:
        raise ConfigError(f"cannot load {uri}: {exc}") from exc
    candidate = local / "artifacts" / "model"
    folder = candidate if candidate.is_dir() else local
    if not (folder / "triage_model.json").is_file():
        matches = list(local.rglob("triage_model.json"))
        if not matches:
            raise ConfigError(f"{uri} does not contain a triage model")
        folder = matches[0].parent
    return folder
