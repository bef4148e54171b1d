import numpy as np
import pytest

from triage.classify.calibration import (
    choose_threshold,
    expected_calibration_error,
    fit_temperature,
    oos_recall_threshold,
    softmax_t,
)
from triage.classify.metrics import routing_metrics


def _sample(temperature: float, n: int = 4000, classes: int = 5, seed: int = 0):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 3, size=(n, classes))
    probs = softmax_t(logits, temperature)
    labels = np.array([rng.choice(classes, p=p) for p in probs])
    return logits, labels


@pytest.mark.parametrize("true_temperature", [0.5, 2.0, 4.0])
def test_temperature_scaling_recovers_the_temperature(true_temperature):
    logits, labels = _sample(true_temperature)
    assert fit_temperature(logits, labels) == pytest.approx(true_temperature, rel=0.15)


def test_calibration_lowers_ece_of_overconfident_scores():
    logits, labels = _sample(3.0)
    before = expected_calibration_error(softmax_t(logits), labels)
    after = expected_calibration_error(softmax_t(logits, fit_temperature(logits, labels)), labels)
    assert after < before / 2


def test_threshold_reaches_the_target_precision_on_auto_routed():
    logits, labels = _sample(1.0)
    probs = softmax_t(logits)
    threshold = choose_threshold(probs, labels, out_of_scope=4, target_precision=0.9)
    predicted = probs.argmax(1)
    auto = (predicted != 4) & (probs.max(1) >= threshold)
    assert (predicted[auto] == labels[auto]).mean() >= 0.9
    assert 0 < auto.mean() < 1


def test_unreachable_precision_sends_everything_to_review():
    rng = np.random.default_rng(1)
    probs = softmax_t(rng.normal(size=(200, 3)))
    labels = rng.integers(0, 3, 200)
    assert choose_threshold(probs, labels, out_of_scope=2, target_precision=1.0) == 1.0


@pytest.mark.parametrize("target", [0.8, 0.9, 0.95])  # the class alone catches 0.76
def test_oos_threshold_sends_the_target_share_of_out_of_scope_to_review(target):
    logits, labels = _sample(1.0)
    probs = softmax_t(logits)
    threshold = oos_recall_threshold(probs, labels, out_of_scope=4, target_recall=target)
    figures = routing_metrics(probs, labels, list("abcde"), out_of_scope=4, threshold=threshold)
    assert figures["oos_recall"] >= target
    # the lowest such threshold: just under it, the target is missed
    lower = routing_metrics(
        probs, labels, list("abcde"), out_of_scope=4, threshold=np.nextafter(threshold, 0)
    )
    assert lower["oos_recall"] < target


def test_oos_threshold_is_zero_when_the_class_alone_suffices():
    probs = np.array([[0.1, 0.9], [0.2, 0.8], [0.9, 0.1]])
    labels = np.array([1, 1, 0])
    assert oos_recall_threshold(probs, labels, out_of_scope=1, target_recall=1.0) == 0.0
    no_oos = np.array([0, 0, 0])
    assert oos_recall_threshold(probs, no_oos, out_of_scope=1, target_recall=0.9) == 0.0


def test_in_scope_accuracy_counts_abstentions_as_misses():
    probs = np.array([[0.9, 0.05, 0.05], [0.5, 0.4, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8]])
    labels = np.array([0, 0, 0, 2])
    figures = routing_metrics(probs, labels, ["a", "b", "oos"], out_of_scope=2, threshold=0.6)
    # row 0 auto-routed right, row 1 abstains, row 2 auto-routed wrong
    assert figures["in_scope_accuracy"] == pytest.approx(1 / 3)
    assert figures["oos_recall"] == 1.0
