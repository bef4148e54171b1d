"""ERASER faithfulness of word rankings (DeYoung et al. 2020, "ERASER: A Benchmark...").

Comprehensiveness: how much the score drops when the top-k words are deleted (higher is
better). Sufficiency: how much it drops when only the top-k words are kept (lower is better).
Both are averaged over k = 1 %, 5 %, 10 %, 20 % and 50 % of the words (AOPC), at least one word.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .tokens import keep_words, word_spans

__all__ = ["FRACTIONS", "Faithfulness", "eraser_scores", "random_ranking"]

FRACTIONS = (0.01, 0.05, 0.10, 0.20, 0.50)
Scorer = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Faithfulness:
    """AOPC comprehensiveness and sufficiency of one ranking."""

    comprehensiveness: float
    sufficiency: float


def eraser_scores(
    score: Scorer,
    text: str,
    ranking: Sequence[int],
    target: int,
    *,
    fractions: Sequence[float] = FRACTIONS,
) -> Faithfulness:
    """Faithfulness of ``ranking`` (word indices, most important first) for one text.

    ``score`` maps texts to class probabilities; the probability of ``target`` is probed.
    """
    spans = word_spans(text)
    n = len(spans)
    if n == 0:
        return Faithfulness(0.0, 0.0)
    probes = [text]
    for fraction in fractions:
        top = set(ranking[: max(1, math.ceil(fraction * n))])
        probes.append(keep_words(text, spans, [i not in top for i in range(n)]))
        probes.append(keep_words(text, spans, [i in top for i in range(n)]))
    p = score(probes)[:, target]
    full = p[0]
    removed, kept = p[1::2], p[2::2]
    return Faithfulness(float(np.mean(full - removed)), float(np.mean(full - kept)))


def random_ranking(n_words: int, rng: np.random.Generator) -> list[int]:
    """A random order of word indices: the baseline any explanation must beat."""
    return [int(i) for i in rng.permutation(n_words)]
