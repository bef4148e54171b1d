"""The SHAP explainer on a small real model: a TF-IDF member and a keyword 'transformer'."""

import numpy as np
import pytest

from triage.classify.baseline import TfidfBaseline
from triage.classify.model import RoutingModel
from triage.exceptions import ConfigError
from triage.explain import Explanation, ShapExplainer
from triage.explain.render import html_page, rich_text
from triage.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()
LABELS = TAXONOMY.labels
TRAIN = [
    ("nid de poule sur la route", "voirie"),
    ("trottoir abîmé devant chez moi", "voirie"),
    ("lampadaire en panne dans ma rue", "voirie"),
    ("la poubelle n'a pas été ramassée", "dechets_proprete"),
    ("bac de tri cassé, collecte oubliée", "dechets_proprete"),
    ("dépôt sauvage d'encombrants", "dechets_proprete"),
    ("inscription à la cantine", "education_enfance"),
    ("menu de la cantine scolaire", "education_enfance"),
    ("je veux payer mes impôts sur le revenu", "hors_perimetre"),
]


class KeywordTransformer:
    """Stands in for the fine-tuned transformer: strong logits for a few keywords."""

    def predict_logits(self, texts):
        logits = np.zeros((len(texts), len(LABELS)))
        for row, text in enumerate(texts):
            if "poubelle" in text:
                logits[row, LABELS.index("dechets_proprete")] = 6.0
            if "trottoir" in text:
                logits[row, LABELS.index("voirie")] = 6.0
        return logits


@pytest.fixture(scope="module")
def model():
    baseline = TfidfBaseline(C=10.0).fit(
        [t for t, _ in TRAIN], [LABELS.index(label) for _, label in TRAIN], n_classes=len(LABELS)
    )
    return RoutingModel(
        taxonomy=TAXONOMY,
        transformer=KeywordTransformer(),
        baseline=baseline,
        temperature=1.5,
        ensemble_weight=0.5,
        member_temperatures={"transformer": 2.0, "baseline": 0.7},
    )


TEXT = "Bonjour, je suis <PERSON_1> : la poubelle devant le <ADDRESS_1> déborde encore, merci."


@pytest.mark.parametrize("strategy", ["members", "model"])
def test_word_weights_add_up_to_the_explained_score(model, strategy):
    explanation = ShapExplainer(model, strategy=strategy, max_evals=40).explain([TEXT])[0]
    assert explanation.label == "dechets_proprete"
    total = explanation.base_value + sum(w.weight for w in explanation.words)
    assert total == pytest.approx(explanation.output_value, abs=1e-6)
    index = LABELS.index("dechets_proprete")
    scores = model.mixed_probabilities if strategy == "members" else model.predict_proba
    assert explanation.output_value == pytest.approx(scores([TEXT])[0, index], abs=1e-6)


def test_the_deciding_word_weighs_most_and_placeholders_stay_whole(model):
    explanation = ShapExplainer(model).explain([TEXT], ["dechets_proprete"])[0]
    assert explanation.top(1)[0].text == "poubelle"
    assert explanation.top(1)[0].weight > 0
    words = [w.text for w in explanation.words]
    assert "<PERSON_1>" in words and "<ADDRESS_1>" in words
    assert all(TEXT[w.start : w.end] == w.text for w in explanation.words)


def test_another_label_can_be_explained(model):
    explanation = ShapExplainer(model).explain([TEXT], ["voirie"])[0]
    assert explanation.label == "voirie"
    poubelle = next(w for w in explanation.words if w.text == "poubelle")
    assert poubelle.weight < 0  # the word pulls away from roads


def test_text_without_words_has_only_a_base_value(model):
    explanation = ShapExplainer(model).explain(["... !!"], ["voirie"])[0]
    assert explanation.words == ()
    assert explanation.output_value == pytest.approx(explanation.base_value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"strategy": "lime"}, "strategy"), ({"max_evals": 2}, "at least 4")],
)
def test_bad_settings_are_refused(model, kwargs, message):
    with pytest.raises(ConfigError, match=message):
        ShapExplainer(model, **kwargs)


def test_unknown_label_is_refused(model):
    with pytest.raises(ConfigError, match="not one of"):
        ShapExplainer(model).explain([TEXT], ["parking"])


def test_record_round_trips_and_renders(model):
    explanation = ShapExplainer(model).explain([TEXT])[0]
    data = explanation.to_dict(top_k=3)
    assert [t["word"] for t in data["top"]] == [w.text for w in explanation.top(3)]
    again = Explanation.from_dict(data)
    assert [w.text for w in again.words] == [w.text for w in explanation.words]
    assert again.output_value == pytest.approx(explanation.output_value, abs=1e-4)
    assert rich_text(TEXT, again).plain == TEXT
    page = html_page(TEXT, again, decision_id="d-1", queue="dechets_proprete")
    assert "&lt;PERSON_1&gt;" in page and "<PERSON_1>" not in page
    assert 'title="+' in page and "poubelle" in page
    assert "<script" not in page
