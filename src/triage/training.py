"""``triage train``: anonymise, fit baseline and transformer, calibrate, evaluate, save, track."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.anonymise import Anonymiser
from triage.anonymise.config import AnonymiserConfig
from triage.classify.baseline import TfidfBaseline
from triage.classify.calibration import (
    choose_threshold,
    fit_temperature,
    oos_recall_threshold,
    reliability_points,
)
from triage.classify.metrics import macro_f1_difference, routing_metrics
from triage.classify.model import RoutingModel, calibrate
from triage.classify.text import model_text, placeholder_tokens
from triage.dataset import LabelledSet, load_labelled
from triage.exceptions import ConfigError
from triage.records import Redaction
from triage.taxonomy import Taxonomy

__all__ = [
    "TrainingConfig",
    "TrainingResult",
    "anonymise_all",
    "load_training_config",
    "save_anonymiser_config",
    "train",
]

Progress = Callable[[str, int, int], None]


class TrainingConfig(BaseModel):
    """Hyper-parameters of ``triage train`` (YAML under ``experiments/configs/``)."""

    model_config = ConfigDict(extra="forbid")

    base_model: str | None = None
    max_length: int = Field(default=128, ge=8, le=512)
    epochs: int = Field(default=6, ge=1)
    learning_rate: float = Field(default=1e-4, gt=0)
    batch_size: int = Field(default=16, ge=1)
    weight_decay: float = Field(default=0.01, ge=0)
    warmup_ratio: float = Field(default=0.1, ge=0, lt=1)
    patience: int = Field(default=2, ge=0)
    seed: int = 13
    bf16: bool = True
    # "mean": mean of the last hidden states (how sentence-transformers checkpoints were
    # trained); "cls": the model's own first-token head
    pooling: Literal["cls", "mean"] = "cls"
    ensemble: Literal["auto", "transformer", "baseline"] = "auto"
    # how the validation split picks the transformer's share in the mix
    mix_criterion: Literal["log_loss", "macro_f1"] = "log_loss"
    baseline_c: float = Field(default=10.0, gt=0)
    target_precision: float = Field(default=0.95, gt=0, le=1)
    # optional second target on validation: at least this share of out-of-scope requests goes to
    # human review (the threshold is the higher of the two)
    target_oos_recall: float | None = Field(default=None, gt=0, le=1)
    min_margin: float = Field(default=0.0, ge=0, lt=1)
    max_rows_per_label: int | None = Field(default=None, ge=2)
    anonymiser_processes: int = Field(default=2, ge=1)


def load_training_config(path: str | Path | None) -> TrainingConfig:
    """Load a training configuration; ``None`` gives the defaults."""
    if path is None:
        return TrainingConfig()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"training config {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        return TrainingConfig.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"training config {path} is invalid:\n{exc}") from exc


@dataclass
class TrainingResult:
    """What a training run produced."""

    model: RoutingModel
    folder: Path
    metrics: dict[str, Any]
    baseline_metrics: dict[str, Any]
    seconds: float
    run_id: str | None = None
    model_version: str | None = None
    # calibrated probabilities and labels of the validation and evaluation splits (benchmarks)
    held_out: dict[str, tuple[np.ndarray, np.ndarray]] | None = None


def _cap_rows(data: LabelledSet, cap: int | None, seed: int) -> LabelledSet:
    if cap is None:
        return data
    rng = np.random.default_rng(seed)
    keep: list[int] = []
    for split in ("train", "validation", "test"):
        for label in sorted(set(data.labels)):
            rows = [
                i
                for i, (lab, s) in enumerate(zip(data.labels, data.splits, strict=True))
                if lab == label and s == split
            ]
            limit = cap if split == "train" else max(2, cap // 3)
            keep.extend(rng.permutation(rows)[:limit].tolist() if rows else [])
    keep.sort()
    return LabelledSet(
        ids=[data.ids[i] for i in keep],
        texts=[data.texts[i] for i in keep],
        labels=[data.labels[i] for i in keep],
        languages=[data.languages[i] for i in keep],
        splits=[data.splits[i] for i in keep],
    )


def anonymise_all(
    anonymiser: Anonymiser, data: LabelledSet, progress: Progress | None
) -> list[str]:
    """Anonymise every text (the models only ever see placeholders)."""
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress("anonymising", done, len(data))

    results = anonymiser.anonymise_batch(data.texts, data.languages, progress=tick)
    return [model_text(r.anonymised_text) for r in results if isinstance(r, Redaction)]


def _mix_weight(
    config: TrainingConfig, p_tr: np.ndarray | None, p_bl: np.ndarray, y: np.ndarray
) -> float:
    """The transformer's share in the mix, on a 0.05 grid, best on validation.

    ``p_tr`` and ``p_bl`` are the members' probabilities after their own temperatures. The
    default criterion, log loss, is a proper score and varies smoothly with the weight; macro-F1
    counts a handful of flipped argmaxes on a few hundred validation rows and is noisier.
    """
    from sklearn.metrics import f1_score

    if config.ensemble == "baseline" or p_tr is None:
        return 0.0
    if config.ensemble == "transformer":
        return 1.0
    grid = np.round(np.linspace(0, 1, 21), 2)
    rows = np.arange(len(y))
    scores = []
    for w in grid:
        mixed = w * p_tr + (1 - w) * p_bl
        if config.mix_criterion == "log_loss":
            scores.append(float(np.log(np.clip(mixed[rows, y], 1e-12, 1)).mean()))
        else:
            scores.append(float(f1_score(y, mixed.argmax(1), average="macro")))
    return float(grid[int(np.argmax(scores))])


def save_anonymiser_config(config: AnonymiserConfig, folder: Path) -> None:
    """Write ``anonymiser.yaml`` into a model folder, with copies of its learned NERs.

    The copies go to ``pii-ner/<language>`` and the file names them relative to itself, so the
    model folder (and its MLflow package) anonymises the same way wherever it is loaded.
    """
    import shutil

    data = config.model_dump(mode="json", exclude_none=True)
    if config.learned_ner:
        copies = {}
        for language, source in sorted(config.learned_ner.items()):
            target = folder / "pii-ner" / language
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
            copies[language] = f"pii-ner/{language}"
        data["learned_ner"] = copies
    (folder / "anonymiser.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
    )


def train(
    data_path: str | Path,
    output: str | Path,
    *,
    config: TrainingConfig | None = None,
    taxonomy: Taxonomy,
    anonymiser: Anonymiser,
    progress: Progress | None = None,
    track: bool = True,
    register_as: str | None = "triage-router",
) -> TrainingResult:
    """Train a routing model on a labelled file and save it to ``output``."""
    from triage.classify.transformer import TransformerClassifier

    config = config or TrainingConfig()
    started = time.perf_counter()
    data = _cap_rows(
        load_labelled(data_path, taxonomy, seed=config.seed), config.max_rows_per_label, config.seed
    )
    texts = anonymise_all(anonymiser, data, progress)
    label_index = {label: i for i, label in enumerate(taxonomy.labels)}
    y = np.array([label_index[label] for label in data.labels])
    split = np.array(data.splits)
    parts = {name: np.flatnonzero(split == name) for name in ("train", "validation", "test")}
    if len(parts["train"]) == 0 or len(parts["validation"]) == 0:
        raise ConfigError("training needs rows in both the train and validation splits")

    def pick(name: str) -> list[str]:
        return [texts[i] for i in parts[name]]

    baseline = TfidfBaseline(C=config.baseline_c, seed=config.seed)
    baseline.fit(pick("train"), y[parts["train"]].tolist(), len(taxonomy.labels))
    transformer = None
    if config.ensemble != "baseline":
        transformer = TransformerClassifier(
            base_model=config.base_model,
            max_length=config.max_length,
            epochs=config.epochs,
            learning_rate=config.learning_rate,
            batch_size=config.batch_size,
            weight_decay=config.weight_decay,
            warmup_ratio=config.warmup_ratio,
            patience=config.patience,
            seed=config.seed,
            bf16=config.bf16,
            pooling=config.pooling,
            extra_tokens=placeholder_tokens(anonymiser.config.entities),
        ).fit(
            pick("train"),
            y[parts["train"]].tolist(),
            taxonomy.labels,
            validation=(pick("validation"), y[parts["validation"]].tolist()),
            progress=progress,
        )
    model = RoutingModel(
        taxonomy=taxonomy, transformer=transformer, baseline=baseline, min_margin=config.min_margin
    )
    languages = np.array([lang or "?" for lang in data.languages])
    result_metrics, baseline_metrics, calibration = _calibrate_and_score(
        model, config, pick, y, parts, languages
    )
    held_out = calibration.pop("held_out")  # arrays for benchmarks, not model metadata
    seconds = time.perf_counter() - started
    model.metadata = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_model": config.base_model or "sentence-transformers/all-MiniLM-L6-v2 (offline)",
        "anonymiser_config_hash": anonymiser.config_hash,
        "taxonomy_hash": taxonomy.digest,
        "data": {
            "file": str(data_path),
            "digest": data.digest,
            "counts": data.counts(),
            "languages": {lang or "?": data.languages.count(lang) for lang in set(data.languages)},
            "counts_by_language": _counts_by_language(data, "train"),
        },
        "training_config": config.model_dump(),
        "history": getattr(transformer, "history_", []),
        "training_seconds": round(seconds, 1),
        "metrics": {"model": result_metrics, "baseline": baseline_metrics},
        **calibration,
    }
    model.metadata["reliability"] = calibration.pop("reliability")
    folder = model.save(output)
    save_anonymiser_config(anonymiser.config, folder)
    result = TrainingResult(
        model, folder, result_metrics, baseline_metrics, seconds, held_out=held_out
    )
    if track:
        from triage.tracking import log_training_run

        result.run_id, result.model_version = log_training_run(result, register_as=register_as)
    return result


def _counts_by_language(data: LabelledSet, split: str) -> dict[str, dict[str, int]]:
    """Rows of one split per language and label."""
    counts: dict[str, dict[str, int]] = {}
    for label, language, part in zip(data.labels, data.languages, data.splits, strict=True):
        if part == split:
            row = counts.setdefault(language or "?", {})
            row[label] = row.get(label, 0) + 1
    return counts


def held_out_figures(
    probs: np.ndarray,
    y: np.ndarray,
    languages: np.ndarray,
    labels: list[str],
    *,
    out_of_scope: int,
    threshold: float,
) -> dict[str, Any]:
    """Per-language figures, coverage / precision per threshold and the confidence histogram."""
    predicted, confidence = probs.argmax(axis=1), probs.max(axis=1)
    routed = predicted != out_of_scope
    grid = np.round(np.linspace(0, 1, 51), 2)
    curve: dict[str, list[Any]] = {"threshold": grid.tolist(), "coverage": [], "precision": []}
    for value in grid:
        auto = routed & (confidence >= value)
        curve["coverage"].append(round(float(auto.mean()), 4))
        hits = (predicted[auto] == y[auto]).mean() if auto.any() else None
        curve["precision"].append(None if hits is None else round(float(hits), 4))
    # the report's bins: int(confidence * 10), 1.0 in the last one
    counts = np.bincount(np.minimum((confidence * 10).astype(int), 9), minlength=10)
    by_language = {}
    for language in sorted(set(languages.tolist())):
        inside = languages == language
        figures = routing_metrics(
            probs[inside], y[inside], labels, out_of_scope=out_of_scope, threshold=threshold
        )
        keep = ("accuracy", "macro_f1", "coverage", "auto_precision", "n", "f1")
        by_language[language] = {key: figures[key] for key in keep}
    return {
        "metrics_by_language": by_language,
        "tradeoff": curve,
        "confidence_histogram": {
            "edges": np.round(np.linspace(0, 1, 11), 2).tolist(),
            "counts": counts.tolist(),
        },
    }


def abstention_threshold(
    probs: np.ndarray, labels: np.ndarray, out_of_scope: int, config: TrainingConfig
) -> float:
    """The threshold meeting the precision target and, when set, the out-of-scope target."""
    threshold = choose_threshold(probs, labels, out_of_scope, config.target_precision)
    if config.target_oos_recall is not None:
        threshold = max(
            threshold, oos_recall_threshold(probs, labels, out_of_scope, config.target_oos_recall)
        )
    return threshold


def _temperature_of(probs: np.ndarray, y: np.ndarray) -> float:
    """Temperature scaling fitted to probabilities (through their logarithms)."""
    return fit_temperature(np.log(np.clip(probs, 1e-12, 1)), y)


def _calibrate_and_score(model, config, pick, y, parts, languages=None):
    """Choose mix weight, temperature and threshold on validation; score on test."""
    oos = model.out_of_scope_index
    labels = model.labels
    y_val = y[parts["validation"]]
    p_tr_val, p_bl_val = model.member_probabilities(pick("validation"), all_members=True)
    assert p_bl_val is not None  # training always fits the baseline
    # each member gets its own temperature first; the baseline's also serves its own figures
    bl_temperature = _temperature_of(p_bl_val, y_val)
    model.member_temperatures = {"baseline": bl_temperature}
    if p_tr_val is not None:
        model.member_temperatures["transformer"] = _temperature_of(p_tr_val, y_val)
    model.ensemble_weight = _mix_weight(
        config,
        None if p_tr_val is None else calibrate(p_tr_val, model.member_temperatures["transformer"]),
        calibrate(p_bl_val, bl_temperature),
        y_val,
    )
    mixed_val = model.mix(p_tr_val, p_bl_val)
    model.temperature = _temperature_of(mixed_val, y_val)
    model.threshold = abstention_threshold(
        calibrate(mixed_val, model.temperature), y_val, oos, config
    )
    # the baseline alone, calibrated and thresholded the same way, for the side-by-side figures
    bl_threshold = abstention_threshold(calibrate(p_bl_val, bl_temperature), y_val, oos, config)
    split = "test" if len(parts["test"]) else "validation"
    y_eval = y[parts[split]]
    p_tr, p_bl = model.member_probabilities(pick(split), all_members=True)
    mixed = model.mix(p_tr, p_bl)
    metrics = routing_metrics(
        calibrate(mixed, model.temperature),
        y_eval,
        labels,
        out_of_scope=oos,
        threshold=model.threshold,
        uncalibrated=model.raw_mix(p_tr, p_bl),
    )
    baseline_metrics = routing_metrics(
        calibrate(p_bl, bl_temperature),
        y_eval,
        labels,
        out_of_scope=oos,
        threshold=bl_threshold,
        uncalibrated=p_bl,
    )
    metrics.update(macro_f1_difference(y_eval, mixed.argmax(axis=1), p_bl.argmax(axis=1)))
    metrics["split"] = baseline_metrics["split"] = split
    extras = {}
    if languages is not None:
        extras = held_out_figures(
            calibrate(mixed, model.temperature),
            y_eval,
            languages[parts[split]],
            labels,
            out_of_scope=oos,
            threshold=model.threshold,
        )
    calibration = {
        **extras,
        "held_out": {
            "validation": (calibrate(mixed_val, model.temperature), y_val),
            split: (calibrate(mixed, model.temperature), y_eval),
        },
        "baseline_temperature": bl_temperature,
        "baseline_threshold": bl_threshold,
        "reliability": {
            "before calibration": reliability_points(model.raw_mix(p_tr, p_bl), y_eval),
            "after calibration": reliability_points(calibrate(mixed, model.temperature), y_eval),
        },
    }
    return metrics, baseline_metrics, calibration
