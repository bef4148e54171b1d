"""Routing benchmarks on public data sets (Banking77, CLINC150): convert, train, report.

The public files are converted to triage's labelled format (and a taxonomy with one
"department" per intent) in a work folder, then ``triage train`` runs on them as on any
administration's history: anonymisation first, then the configured recipe.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from triage.exceptions import InputError

__all__ = ["operating_points", "prepare", "routing_benchmark"]

OOS_TARGETS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _write(
    workdir: Path, rows: list[dict[str, str]], intents: list[str], oos: str
) -> tuple[Path, Path]:
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / "data.jsonl"
    with data.open("w", encoding="utf-8") as handle:
        for index, row in enumerate(rows):
            handle.write(json.dumps({"id": str(index), **row}, ensure_ascii=False) + "\n")
    taxonomy = workdir / "taxonomy.yaml"
    taxonomy.write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "departments": [{"id": i, "label": i} for i in intents],
                "out_of_scope": {"id": oos, "label": "out of scope"},
            }
        ),
        encoding="utf-8",
    )
    return data, taxonomy


def _clean(label: str) -> str:
    """A department id from a public intent name ("reverted_card_payment?" has a '?')."""
    return re.sub(r"[^a-z0-9_]", "", label.strip().lower().replace(" ", "_").replace("-", "_"))


def prepare_banking77(source: Path, workdir: Path) -> tuple[Path, Path]:
    """Banking77: train.csv (10 % kept aside for validation, stratified) and test.csv."""
    rows: list[dict[str, str]] = []
    rng = random.Random(13)
    for split_file, split in (("train.csv", "train"), ("test.csv", "test")):
        path = source / split_file
        if not path.is_file():
            raise InputError(f"{path} not found: pass the banking77 folder")
        with path.open(encoding="utf-8") as handle:
            part = [
                {"text": r["text"], "department": _clean(r["category"]), "split": split}
                for r in csv.DictReader(handle)
            ]
        if split == "train":
            by_label: dict[str, list[dict[str, str]]] = {}
            for row in part:
                by_label.setdefault(row["department"], []).append(row)
            for members in by_label.values():
                rng.shuffle(members)
                for row in members[: max(1, len(members) // 10)]:
                    row["split"] = "validation"
        rows.extend(part)
    intents = sorted({r["department"] for r in rows})
    return _write(workdir, rows, intents, "no_intent")


def prepare_clinc150(source: Path, workdir: Path) -> tuple[Path, Path]:
    """CLINC150 full: 150 intents plus the out-of-scope class, with its own splits."""
    path = source / "data_full.json" if source.is_dir() else source
    if not path.is_file():
        raise InputError(f"{path} not found: pass the clinc150 folder")
    data = json.loads(path.read_text(encoding="utf-8"))
    rows: list[dict[str, str]] = []
    for key, split in (
        ("train", "train"),
        ("val", "validation"),
        ("test", "test"),
        ("oos_train", "train"),
        ("oos_val", "validation"),
        ("oos_test", "test"),
    ):
        rows.extend(
            {"text": text, "department": _clean(intent), "split": split}
            for text, intent in data[key]
        )
    intents = sorted({r["department"] for r in rows} - {"oos"})
    return _write(workdir, rows, intents, "oos")


PREPARE = {"banking77": prepare_banking77, "clinc150": prepare_clinc150}


def prepare(name: str, source: Path, workdir: Path) -> tuple[Path, Path]:
    """Convert a public data set by name."""
    try:
        return PREPARE[name](source, workdir)
    except KeyError:
        raise InputError(f"unknown benchmark {name!r}; known: {sorted(PREPARE)}") from None


def in_scope_figures(result: Any) -> dict[str, Any]:
    """In-scope accuracy counting abstentions as errors, and out-of-scope recall."""
    confusion = np.array(result.metrics["confusion"])
    oos = result.model.out_of_scope_index
    in_scope_total = confusion.sum() - confusion[oos].sum()
    correct = sum(confusion[i, i] for i in range(len(confusion)) if i != oos)
    return {
        "accuracy": result.metrics["accuracy"],
        "in_scope_accuracy_argmax": float(correct / in_scope_total) if in_scope_total else None,
        "in_scope_accuracy": result.metrics.get("in_scope_accuracy"),
        "oos_recall": result.metrics.get("oos_recall"),
        "macro_f1": result.metrics["macro_f1"],
        "baseline_accuracy": result.baseline_metrics["accuracy"],
        "baseline_oos_recall": result.baseline_metrics.get("oos_recall"),
        "coverage": result.metrics["coverage"],
        "auto_precision": result.metrics["auto_precision"],
        "training_seconds": result.seconds,
    }


def routing_benchmark(
    name: str, source: Path, workdir: Path, **train_kwargs: Any
) -> dict[str, Any]:
    """Convert, train with the given options, and return the headline figures."""
    from triage.taxonomy import load_taxonomy
    from triage.training import train

    data, taxonomy = prepare(name, source, workdir)
    result = train(data, workdir / "model", taxonomy=load_taxonomy(taxonomy), **train_kwargs)
    figures = in_scope_figures(result)
    if result.held_out:
        figures["operating_points"] = operating_points(result, train_kwargs.get("config"))
    return {"result": result, "figures": figures}


def operating_points(
    result: Any, config: Any = None, targets: tuple[float, ...] = OOS_TARGETS
) -> list[dict[str, float | None]]:
    """Test figures at thresholds chosen on validation for several out-of-scope recall targets.

    Each threshold is what ``triage train`` would pick with ``target_oos_recall`` set to the
    target (the higher of the precision and the out-of-scope thresholds, on validation); the
    first row is the trained model's own threshold.
    """
    from triage.classify.metrics import routing_metrics
    from triage.training import TrainingConfig, abstention_threshold

    config = config or TrainingConfig()
    oos = result.model.out_of_scope_index
    p_val, y_val = result.held_out["validation"]
    split = "test" if "test" in result.held_out else "validation"
    p_eval, y_eval = result.held_out[split]
    rows = []
    for target in (config.target_oos_recall, *targets):
        rule = config.model_copy(update={"target_oos_recall": target})
        threshold = abstention_threshold(p_val, y_val, oos, rule)
        val = routing_metrics(
            p_val, y_val, result.model.labels, out_of_scope=oos, threshold=threshold
        )
        out = routing_metrics(
            p_eval, y_eval, result.model.labels, out_of_scope=oos, threshold=threshold
        )
        rows.append(
            {
                "target_oos_recall": target,
                "threshold": round(threshold, 4),
                "validation_oos_recall": val["oos_recall"],
                "validation_in_scope_accuracy": val["in_scope_accuracy"],
                "in_scope_accuracy": out["in_scope_accuracy"],
                "oos_recall": out["oos_recall"],
                "coverage": out["coverage"],
                "auto_precision": out["auto_precision"],
            }
        )
    return rows
