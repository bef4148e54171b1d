import numpy as np

from triage.explain.faithfulness import eraser_scores, random_ranking
from triage.explain.tokens import word_spans


def keyword_model(texts):
    """Class 1 if 'poubelle' is in the text: a model whose explanation is known."""
    p = np.array([0.9 if "poubelle" in t else 0.2 for t in texts])
    return np.stack([1 - p, p], axis=1)


TEXT = "Bonjour, la poubelle de la rue des Lilas déborde depuis lundi, merci de passer vite."


def test_the_true_word_first_is_comprehensive_and_sufficient():
    words = [TEXT[a:b] for a, b in word_spans(TEXT)]
    truth = [words.index("poubelle")] + [i for i in range(len(words)) if words[i] != "poubelle"]
    good = eraser_scores(keyword_model, TEXT, truth, 1)
    assert good.comprehensiveness > 0.69 and abs(good.sufficiency) < 1e-9


def test_a_ranking_that_misses_the_word_scores_worse():
    words = [TEXT[a:b] for a, b in word_spans(TEXT)]
    worst = [i for i in range(len(words)) if words[i] != "poubelle"] + [words.index("poubelle")]
    bad = eraser_scores(keyword_model, TEXT, worst, 1)
    assert bad.comprehensiveness < 0.2 and bad.sufficiency > 0.5


def test_random_ranking_is_a_permutation():
    ranking = random_ranking(7, np.random.default_rng(0))
    assert sorted(ranking) == list(range(7))
