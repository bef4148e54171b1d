"""Word-level SHAP explanations of routing decisions, with shap's Partition explainer.

The mixed probability a routing model thresholds is the weighted sum of its members'
probabilities (TF-IDF and transformer), and Shapley values are linear in the model, so the
default ``members`` strategy explains each member on its own and adds the weighted results:
the cheap TF-IDF member gets shap's full default budget, the transformer the configurable
``max_evals`` budget that sets the cost. The ``model`` strategy explains the calibrated
probability of the whole model in one Partition run (shap's usual way, and the reference the
``triage bench explain`` command compares against).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np

from triage.classify.model import RoutingModel
from triage.exceptions import ConfigError

from .record import Explanation, WordWeight
from .tokens import WordTokenizer, word_spans

__all__ = ["SHAP_DEFAULT_EVALS", "ShapExplainer"]

Strategy = Literal["members", "model"]
Scorer = Callable[[list[str]], np.ndarray]

#: shap's own default budget of model evaluations per explanation.
SHAP_DEFAULT_EVALS = 500


class ShapExplainer:
    """Explain routing decisions word by word on the anonymised text.

    Parameters
    ----------
    model
        The routing model whose decisions are explained.
    max_evals
        Model evaluations per explanation for the costly member (the transformer), or for the
        whole model with the ``model`` strategy: the speed / detail trade-off.
    baseline_evals
        Evaluations for the TF-IDF member (``members`` strategy); cheap, so a larger budget.
    batch_size
        Masked texts per model call; ``None`` is shap's default for text (10).
    strategy
        ``"members"`` (fast, see the module docstring) or ``"model"``.
    mask_token
        What replaces a hidden word while shap probes the model.
    """

    def __init__(
        self,
        model: RoutingModel,
        *,
        max_evals: int = 24,
        baseline_evals: int = 300,
        batch_size: int | None = 16,
        strategy: Strategy = "members",
        mask_token: str = "...",
    ) -> None:
        if strategy not in ("members", "model"):
            raise ConfigError(f"unknown explanation strategy {strategy!r}: use members or model")
        if max_evals < 4 or baseline_evals < 4:
            raise ConfigError("an explanation needs at least 4 model evaluations")
        self.model = model
        self.max_evals = max_evals
        self.baseline_evals = baseline_evals
        self.batch_size = batch_size
        self.strategy = strategy
        self.mask_token = mask_token
        self._masker = None

    @property
    def method(self) -> str:
        """Name and settings, stored with every explanation."""
        return f"shap.partition/{self.strategy}"

    def explain(
        self, texts: Sequence[str], labels: Sequence[str | None] | None = None
    ) -> list[Explanation]:
        """Explain the score of ``labels`` (default: each text's top class) for anonymised texts."""
        if labels is None:
            labels = [None] * len(texts)
        if len(labels) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        return [self._explain_one(text, label) for text, label in zip(texts, labels, strict=True)]

    def _explain_one(self, text: str, label: str | None) -> Explanation:
        started = time.perf_counter()
        if label is None:
            label = self.model.labels[int(np.argmax(self.model.predict_proba([text])[0]))]
        if label not in self.model.labels:
            raise ConfigError(f"label {label!r} is not one of the model's {self.model.labels}")
        target = self.model.labels.index(label)
        spans = word_spans(text)
        parts: list[tuple[float, Scorer, int]]
        if self.strategy == "model":
            parts = [(1.0, self.model.predict_proba, self.max_evals)]
            output = "probability"
        else:
            parts = [
                (share, scorer, self.max_evals if name == "transformer" else self.baseline_evals)
                for name, share, scorer in self.model.member_scorers()
            ]
            output = "mixed_probability"
        values = np.zeros(len(spans))
        base = 0.0
        for share, scorer, budget in parts:
            if spans:
                member_values, member_base = self._partition(scorer, text, target, budget)
                values += share * member_values
            else:
                member_base = float(scorer([text])[0, target])
            base += share * member_base
        value = base + float(values.sum())
        words = tuple(
            WordWeight(text[a:b], a, b, float(w)) for (a, b), w in zip(spans, values, strict=True)
        )
        return Explanation(
            label=label,
            output=output,
            base_value=float(base),
            output_value=float(value),
            words=words,
            method=self.method,
            max_evals=self.max_evals,
            seconds=time.perf_counter() - started,
        )

    def _partition(
        self, scorer: Scorer, text: str, target: int, budget: int
    ) -> tuple[np.ndarray, float]:
        import shap

        if self._masker is None:
            self._masker = shap.maskers.Text(
                WordTokenizer(), mask_token=self.mask_token, collapse_mask_token=True
            )

        def score(masked: np.ndarray) -> np.ndarray:
            return scorer([str(x) for x in masked])[:, target]

        explainer = shap.explainers.Partition(score, self._masker)
        result = explainer(
            [text], max_evals=budget, batch_size=self.batch_size or "auto", silent=True
        )
        return np.asarray(result.values[0], dtype=float), float(result.base_values[0])
