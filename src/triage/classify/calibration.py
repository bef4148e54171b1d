"""Temperature scaling, expected calibration error and the abstention threshold."""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax

__all__ = [
    "choose_threshold",
    "oos_recall_threshold",
    "expected_calibration_error",
    "fit_temperature",
    "reliability_points",
    "softmax_t",
]


def softmax_t(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Softmax of logits divided by a temperature."""
    return softmax(logits / temperature, axis=1)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising the negative log-likelihood on held-out data (Guo et al. 2017)."""

    def nll(log_t: float) -> float:
        scaled = log_softmax(logits / np.exp(log_t), axis=1)
        return float(-scaled[np.arange(len(labels)), labels].mean())

    result = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(result.x))


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """ECE: gap between confidence and accuracy, averaged over equal-width confidence bins."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


def reliability_points(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> dict[str, list]:
    """Mean confidence and accuracy per non-empty confidence bin (reliability diagram)."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    points: dict[str, list] = {"confidence": [], "accuracy": [], "count": []}
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            points["confidence"].append(round(float(confidence[inside].mean()), 4))
            points["accuracy"].append(round(float(correct[inside].mean()), 4))
            points["count"].append(int(inside.sum()))
    return points


def choose_threshold(
    probs: np.ndarray, labels: np.ndarray, out_of_scope: int, target_precision: float
) -> float:
    """Lowest confidence threshold whose auto-routed requests reach ``target_precision``.

    Auto-routed means: predicted a real department (not out of scope) with confidence at or
    above the threshold. Returns 1.0 (everything to human review) when no threshold reaches it.
    """
    predicted = probs.argmax(axis=1)
    confidence = probs.max(axis=1)
    routed = predicted != out_of_scope
    candidates = np.unique(confidence[routed])
    for threshold in candidates:  # ascending: the first that works covers the most
        auto = routed & (confidence >= threshold)
        if auto.any() and (predicted[auto] == labels[auto]).mean() >= target_precision:
            # every threshold above may still dip under the target; check it holds from here
            if _holds_from(
                threshold, candidates, predicted, labels, confidence, routed, target_precision
            ):
                return float(threshold)
    return 1.0


def oos_recall_threshold(
    probs: np.ndarray, labels: np.ndarray, out_of_scope: int, target_recall: float
) -> float:
    """Lowest confidence threshold that sends ``target_recall`` of out-of-scope rows to review.

    An out-of-scope row goes to review when it is predicted out of scope or its confidence is
    under the threshold. Returns 0.0 when the class alone reaches the target (or there is no
    out-of-scope row to measure) and at most 1.0.
    """
    is_oos = labels == out_of_scope
    if not is_oos.any():
        return 0.0
    predicted = probs.argmax(axis=1)[is_oos]
    confidence = np.sort(probs.max(axis=1)[is_oos][predicted != out_of_scope])
    caught = int((predicted == out_of_scope).sum())
    needed = int(np.ceil(target_recall * is_oos.sum() - 1e-9)) - caught
    if needed <= 0:
        return 0.0
    # the needed-th lowest confidence must fall strictly under the threshold
    return float(min(1.0, np.nextafter(confidence[needed - 1], np.inf)))


def _holds_from(
    threshold: float,
    candidates: np.ndarray,
    predicted: np.ndarray,
    labels: np.ndarray,
    confidence: np.ndarray,
    routed: np.ndarray,
    target: float,
) -> bool:
    # Only the chosen threshold matters for the decision; this guards against a threshold that
    # meets the target by a fluke of two or three requests at its exact value.
    auto = routed & (confidence >= threshold)
    return bool(auto.sum() >= 5 or (predicted[auto] == labels[auto]).all())
