"""The paired bootstrap interval on the macro-F1 difference between the model and the baseline."""

import numpy as np
from sklearn.metrics import f1_score

from triage.classify.metrics import macro_f1_difference


def _noisy(labels: np.ndarray, error_rate: float, rng: np.random.Generator) -> np.ndarray:
    wrong = rng.random(len(labels)) < error_rate
    return np.where(wrong, (labels + 1 + rng.integers(0, 3, len(labels))) % 5, labels)


def test_difference_is_sklearns_and_inside_its_interval():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 5, 300)
    a, b = _noisy(labels, 0.1, rng), _noisy(labels, 0.12, rng)
    result = macro_f1_difference(labels, a, b, resamples=500)
    expected = f1_score(labels, a, average="macro") - f1_score(labels, b, average="macro")
    assert np.isclose(result["macro_f1_vs_baseline"], expected)
    assert result["macro_f1_vs_baseline_low"] <= expected <= result["macro_f1_vs_baseline_high"]


def test_identical_predictions_give_a_zero_interval():
    labels = np.arange(100) % 4
    predicted = (labels + (np.arange(100) % 7 == 0)) % 4
    result = macro_f1_difference(labels, predicted, predicted, resamples=200)
    assert result == {
        "macro_f1_vs_baseline": 0.0,
        "macro_f1_vs_baseline_low": 0.0,
        "macro_f1_vs_baseline_high": 0.0,
    }


def test_a_clearly_better_model_is_above_and_a_close_one_is_level():
    rng = np.random.default_rng(2)
    labels = rng.integers(0, 5, 300)
    good, bad = _noisy(labels, 0.05, rng), _noisy(labels, 0.3, rng)
    assert macro_f1_difference(labels, good, bad, resamples=500)["macro_f1_vs_baseline_low"] > 0
    close = _noisy(labels, 0.06, rng)
    level = macro_f1_difference(labels, good, close, resamples=500)
    assert level["macro_f1_vs_baseline_low"] < 0 < level["macro_f1_vs_baseline_high"]


def test_a_predicted_class_absent_from_the_labels_counts_as_an_error():
    labels = np.array([0, 0, 1, 1])
    with_unknown = np.array([0, 9, 1, 1])
    result = macro_f1_difference(labels, with_unknown, labels, resamples=10)
    expected = f1_score(labels, with_unknown, labels=[0, 1], average="macro") - 1.0
    assert np.isclose(result["macro_f1_vs_baseline"], expected)
