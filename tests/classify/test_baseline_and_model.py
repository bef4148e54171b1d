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


def test_members_are_scaled_by_their_own_temperatures_and_saved_with_them(tmp_path):
    from triage.classify.model import calibrate

    baseline = TfidfBaseline(C=5.0).fit(TEXTS, LABELS, n_classes=12)
    model = RoutingModel(
        taxonomy=load_taxonomy(),
        transformer=None,
        baseline=baseline,
        ensemble_weight=0.0,
        member_temperatures={"baseline": 0.5},
    )
    raw = baseline.predict_proba(["lampadaire en panne"])
    sharper = model.mix(None, raw)
    np.testing.assert_allclose(sharper, calibrate(raw, 0.5))
    assert sharper.max() > raw.max()
    np.testing.assert_allclose(model.raw_mix(None, raw), raw)
    loaded = RoutingModel.load(model.save(tmp_path / "model"))
    assert loaded.member_temperatures == {"baseline": 0.5}
    np.testing.assert_allclose(loaded.mixed_probabilities(["lampadaire en panne"]), sharper)


def test_mix_weight_follows_the_member_that_is_right_on_validation():
    from triage.training import TrainingConfig, _mix_weight

    rng = np.random.default_rng(0)
    y = rng.integers(0, 4, size=200)
    good = np.full((200, 4), 0.1)
    good[np.arange(200), y] = 0.7
    noise = rng.dirichlet(np.ones(4), size=200)
    assert _mix_weight(TrainingConfig(), good, noise, y) == 1.0
    assert _mix_weight(TrainingConfig(), noise, good, y) == 0.0
    # macro-F1 is flat once the good member wins every argmax: the first such weight
    by_f1 = TrainingConfig(mix_criterion="macro_f1")
    assert 0.5 <= _mix_weight(by_f1, good, noise, y) < 1.0
    assert _mix_weight(by_f1, noise, good, y) <= 0.5
    # two members each right on half the rows: log loss wants both of them
    half = np.where(np.arange(200)[:, None] < 100, good, noise)
    other = np.where(np.arange(200)[:, None] < 100, noise, good)
    assert 0.2 <= _mix_weight(TrainingConfig(), half, other, y) <= 0.8
    assert _mix_weight(TrainingConfig(ensemble="baseline"), good, noise, y) == 0.0
