"""The figures ``triage evaluate`` prints for a model and the baseline."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from .calibration import expected_calibration_error

__all__ = ["routing_metrics"]


def routing_metrics(
    probs: np.ndarray,
    labels: np.ndarray,
    label_names: list[str],
    *,
    out_of_scope: int,
    threshold: float,
    uncalibrated: np.ndarray | None = None,
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class F1, ECE, coverage/precision of auto-routing, OOS recall."""
    predicted = probs.argmax(axis=1)
    confidence = probs.max(axis=1)
    auto = (predicted != out_of_scope) & (confidence >= threshold)
    is_oos = labels == out_of_scope
    per_class = f1_score(
        labels, predicted, average=None, labels=range(len(label_names)), zero_division=0
    )
    figures: dict[str, Any] = {
        "accuracy": float(accuracy_score(labels, predicted)),
        "macro_f1": float(f1_score(labels, predicted, average="macro", zero_division=0)),
        "f1": {name: float(v) for name, v in zip(label_names, per_class, strict=True)},
        "ece": expected_calibration_error(probs, labels),
        "coverage": float(auto.mean()),
        "auto_precision": float((predicted[auto] == labels[auto]).mean()) if auto.any() else None,
        # out of scope is handled when it does not reach a department automatically
        "oos_recall": float((~auto[is_oos]).mean()) if is_oos.any() else None,
        # in-scope requests auto-routed to their own department (abstentions count as misses)
        "in_scope_accuracy": float((auto & (predicted == labels))[~is_oos].mean())
        if (~is_oos).any()
        else None,
        "oos_recall_class_only": float((predicted[is_oos] == out_of_scope).mean())
        if is_oos.any()
        else None,
        "confusion": confusion_matrix(labels, predicted, labels=range(len(label_names))).tolist(),
        "n": int(len(labels)),
    }
    if uncalibrated is not None:
        figures["ece_before_calibration"] = expected_calibration_error(uncalibrated, labels)
    return figures
