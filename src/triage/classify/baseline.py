"""TF-IDF (words and character n-grams) + logistic regression, saved without pickles."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

__all__ = ["TfidfBaseline"]

_WORD = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 1, "sublinear_tf": True}
_CHAR = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2, "sublinear_tf": True}


class TfidfBaseline:
    """The scikit-learn baseline every model is compared with.

    Parameters
    ----------
    C
        Inverse regularisation strength of the logistic regression.
    """

    def __init__(self, *, C: float = 10.0, seed: int = 13) -> None:
        self.C = C
        self.seed = seed

    def fit(self, texts: list[str], labels: list[int], n_classes: int) -> TfidfBaseline:
        """Fit vectorisers and classifier; returns self."""
        self.word_ = TfidfVectorizer(lowercase=True, **_WORD)
        self.char_ = TfidfVectorizer(lowercase=True, **_CHAR)
        self.word_.fit(texts)
        self.char_.fit(texts)
        features = self._features(texts)
        self.classifier_ = LogisticRegression(C=self.C, max_iter=2000, random_state=self.seed)
        self.classifier_.fit(features, labels)
        self.n_classes_ = n_classes
        return self

    def _features(self, texts: list[str]):
        from scipy.sparse import hstack

        return hstack([self.word_.transform(texts), self.char_.transform(texts)]).tocsr()

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, columns in label order 0..n_classes-1."""
        probs = self.classifier_.predict_proba(self._features(texts))
        out = np.zeros((len(texts), self.n_classes_), dtype=np.float64)
        out[:, self.classifier_.classes_] = probs
        return out

    # -- persistence: vocabularies as JSON, arrays as safetensors --------------------------
    def save(self, folder: Path) -> None:
        """Write ``baseline.json`` and ``baseline.safetensors`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "C": self.C,
            "seed": self.seed,
            "n_classes": self.n_classes_,
            "classes": [int(c) for c in self.classifier_.classes_],
            "word_vocabulary": {k: int(v) for k, v in self.word_.vocabulary_.items()},
            "char_vocabulary": {k: int(v) for k, v in self.char_.vocabulary_.items()},
        }
        (folder / "baseline.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        arrays = {
            "word_idf": self.word_.idf_,
            "char_idf": self.char_.idf_,
            "coef": self.classifier_.coef_,
            "intercept": self.classifier_.intercept_,
        }
        # safetensors writes the raw buffer: a Fortran-ordered array (scikit-learn's multinomial
        # coef_) would come back transposed in memory, so force C order.
        save_file(
            {name: np.ascontiguousarray(a, dtype=np.float64) for name, a in arrays.items()},
            str(folder / "baseline.safetensors"),
        )

    @classmethod
    def load(cls, folder: Path) -> TfidfBaseline:
        """Rebuild a fitted baseline from :meth:`save`'s files."""
        meta = json.loads((folder / "baseline.json").read_text("utf-8"))
        arrays = load_file(str(folder / "baseline.safetensors"))
        self = cls(C=meta["C"], seed=meta["seed"])
        self.word_ = _vectorizer(_WORD, meta["word_vocabulary"], arrays["word_idf"])
        self.char_ = _vectorizer(_CHAR, meta["char_vocabulary"], arrays["char_idf"])
        classifier = LogisticRegression(C=self.C)
        classifier.classes_ = np.array(meta["classes"])
        classifier.coef_ = arrays["coef"]
        classifier.intercept_ = arrays["intercept"]
        self.classifier_ = classifier
        self.n_classes_ = meta["n_classes"]
        return self


def _vectorizer(params: dict, vocabulary: dict[str, int], idf: np.ndarray) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(lowercase=True, vocabulary=vocabulary, **params)
    vectorizer.idf_ = idf
    return vectorizer
