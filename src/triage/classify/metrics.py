"""The figures ``triage evaluate`` prints for a model and the baseline."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from .calibration import expected_calibration_error

__all__ = ["macro_f1_difference", "routing_metrics"]


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


def macro_f1_difference(
    labels: np.ndarray,
    predicted: np.ndarray,
    reference: np.ndarray,
    *,
    resamples: int = 2000,
    seed: int = 0,
) -> dict[str, float]:
    """Macro-F1 of ``predicted`` minus that of ``reference``, with a 95 % paired bootstrap interval.

    Both prediction sets are resampled with the same rows, so the interval reflects how much the
    difference between two models on a few hundred requests owes to which requests were drawn.
    An interval that contains 0 means the two are level within that noise.
    """
    labels = np.asarray(labels)
    predicted = np.asarray(predicted)
    reference = np.asarray(reference)
    # macro-F1 over the classes present in the data, as sklearn's, from per-class counts
    classes, y = np.unique(labels, return_inverse=True)
    lookup = {c: i for i, c in enumerate(classes)}
    k = len(classes)

    def codes(pred: np.ndarray) -> np.ndarray:
        return np.array([lookup.get(c, k) for c in pred.tolist()])

    a, b = codes(predicted), codes(reference)

    def macro(rows: np.ndarray, p: np.ndarray) -> float:
        yy, pp = y[rows], p[rows]
        hit = yy == pp
        tp = np.bincount(yy[hit], minlength=k)[:k]
        support = np.bincount(yy, minlength=k)[:k]
        guessed = np.bincount(pp, minlength=k + 1)[:k]
        denominator = support + guessed
        f1 = np.divide(2 * tp, denominator, out=np.zeros(k), where=denominator > 0)
        return float(f1.mean())

    every = np.arange(len(y))
    delta = macro(every, a) - macro(every, b)
    rng = np.random.default_rng(seed)
    draws = np.empty(resamples)
    for i in range(resamples):
        rows = rng.integers(0, len(y), len(y))
        draws[i] = macro(rows, a) - macro(rows, b)
    low, high = np.quantile(draws, [0.025, 0.975])
    return {
        "macro_f1_vs_baseline": delta,
        "macro_f1_vs_baseline_low": float(low),
        "macro_f1_vs_baseline_high": float(high),
    }
