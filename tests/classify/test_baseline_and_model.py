import numpy as np

from triage.classify.baseline import TfidfBaseline
from triage.classify.model import RoutingModel
from triage.taxonomy import load_taxonomy

TEXTS = [
    "nid de poule sur la route",
    "trottoir abîmé devant chez moi",
    "lampadaire en panne",
    "inscription à la cantine",
    "menu de la cantine scolaire",
    "inscription école maternelle",
    "je veux payer mes impôts sur le revenu",
    "ma carte grise",
    "spam casino gratuit",
]
LABELS = [2, 2, 2, 4, 4, 4, 11, 11, 11]


def test_baseline_round_trips_through_safetensors_without_pickles(tmp_path):
    baseline = TfidfBaseline(C=5.0).fit(TEXTS, LABELS, n_classes=12)
    baseline.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "baseline.safetensors"]
    loaded = TfidfBaseline.load(tmp_path)
    probe = ["la route est trouée", "cantine de mon fils"]
    np.testing.assert_allclose(loaded.predict_proba(probe), baseline.predict_proba(probe))
    assert loaded.predict_proba(probe).argmax(1).tolist() == [2, 4]


def _model(threshold=0.5, min_margin=0.0):
    return RoutingModel(
        taxonomy=load_taxonomy(),
        transformer=None,
        baseline=None,
        threshold=threshold,
        min_margin=min_margin,
    )


def _probs(**peaks):
    labels = load_taxonomy().labels
    probs = np.full(len(labels), 0.01)
    for label, value in peaks.items():
        probs[labels.index(label)] = value
    return probs / probs.sum()


def test_confident_department_is_routed():
    decision = _model().decide(_probs(voirie=9.0))
    assert (decision.department, decision.queue, decision.reason) == ("voirie", "voirie", None)


def test_out_of_scope_goes_to_review_even_when_confident():
    decision = _model().decide(_probs(hors_perimetre=9.0))
    assert (decision.department, decision.queue, decision.reason) == (
        None,
        "human_review",
        "out_of_scope",
    )


def test_low_confidence_and_small_margin_go_to_review():
    assert _model(threshold=0.95).decide(_probs(voirie=1.0)).reason == "low_confidence"
    close = _probs(voirie=5.0, urbanisme=4.8)
    assert _model(threshold=0.1, min_margin=0.1).decide(close).reason == "small_margin"
