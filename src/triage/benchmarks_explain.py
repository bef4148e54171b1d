"""Explanation benchmark: speed and ERASER faithfulness of the fast settings vs shap's defaults."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["explain_benchmark"]

Progress = Callable[[int], None]
#: Word counts of the "~60-word requests" the speed target is about.
SPEED_WORDS = (45, 80)


def _sample(model: Any, data: Path, split: str, limit: int, seed: int) -> list[str]:
    """Anonymised texts of one split: every ~60-word one first, then others, up to ``limit``."""
    from triage.anonymise import Anonymiser
    from triage.dataset import load_labelled
    from triage.training import anonymise_all

    labelled = load_labelled(data, model.taxonomy).subset(split)
    with Anonymiser(Path(model.metadata["folder"]) / "anonymiser.yaml", n_process=2) as anon:
        texts = anonymise_all(anon, labelled, None)
    rng = np.random.default_rng(seed)
    order = [int(i) for i in rng.permutation(len(texts))]
    lo, hi = SPEED_WORDS
    long = [i for i in order if lo <= len(texts[i].split()) <= hi]
    chosen_long = set(long)
    rest = [i for i in order if i not in chosen_long]
    chosen = (long[: limit // 2] + rest)[:limit]
    return [texts[i] for i in chosen]


def explain_benchmark(
    model_location: str | Path,
    data: str | Path,
    *,
    split: str = "test",
    limit: int = 80,
    max_evals: int = 48,
    seed: int = 13,
    console: Console,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Time and score three rankings per text: fast settings, shap defaults, random words."""
    from triage.classify.model import RoutingModel
    from triage.explain import ShapExplainer
    from triage.explain.faithfulness import eraser_scores, random_ranking
    from triage.explain.shap_explainer import SHAP_DEFAULT_EVALS

    model = RoutingModel.load(model_location)
    texts = _sample(model, Path(data), split, limit, seed)
    methods = {
        f"fast (members, {max_evals} evals)": ShapExplainer(model, max_evals=max_evals),
        f"shap defaults (model, {SHAP_DEFAULT_EVALS} evals)": ShapExplainer(
            model, strategy="model", max_evals=SHAP_DEFAULT_EVALS, batch_size=None
        ),
    }
    for explainer in methods.values():  # load shap and warm the model outside the timings
        explainer.explain(texts[:1])
    rng = np.random.default_rng(seed)
    seconds: dict[str, list[float]] = {name: [] for name in methods}
    faith: dict[str, list[tuple[float, float]]] = {name: [] for name in [*methods, "random"]}
    lo, hi = SPEED_WORDS
    speed_words: list[int] = []
    for text in texts:
        label = model.labels[int(np.argmax(model.predict_proba([text])[0]))]
        target = model.labels.index(label)
        n_words = len(text.split())
        if lo <= n_words <= hi:
            speed_words.append(n_words)
        for name, explainer in methods.items():
            explanation = explainer.explain([text], [label])[0]
            if lo <= n_words <= hi:
                seconds[name].append(explanation.seconds)
            ranking = sorted(
                range(len(explanation.words)), key=lambda i: -explanation.words[i].weight
            )
            f = eraser_scores(model.predict_proba, text, ranking, target)
            faith[name].append((f.comprehensiveness, f.sufficiency))
        f = eraser_scores(
            model.predict_proba, text, random_ranking(len(explanation.words), rng), target
        )
        faith["random"].append((f.comprehensiveness, f.sufficiency))
        if progress is not None:
            progress(1)

    figures: dict[str, Any] = {
        "texts": len(texts),
        "speed_texts": len(speed_words),
        "speed_mean_words": statistics.mean(speed_words) if speed_words else 0.0,
        "methods": {},
    }
    table = Table(
        title=(
            f"Explanations: {len(speed_words)} requests of {lo}-{hi} words "
            f"(mean {figures['speed_mean_words']:.0f}) timed; ERASER on {len(texts)} {split} texts"
        )
    )
    for column in ("method", "median s", "p95 s", "comprehensiveness ↑", "sufficiency ↓"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for name, scores in faith.items():
        times = seconds.get(name, [])
        row = {
            "median_seconds": float(np.median(times)) if times else None,
            "p95_seconds": float(np.percentile(times, 95)) if times else None,
            "comprehensiveness": float(np.mean([c for c, _ in scores])),
            "sufficiency": float(np.mean([s for _, s in scores])),
        }
        figures["methods"][name] = row
        table.add_row(
            name,
            "-" if row["median_seconds"] is None else f"{row['median_seconds']:.3f}",
            "-" if row["p95_seconds"] is None else f"{row['p95_seconds']:.3f}",
            f"{row['comprehensiveness']:.3f}",
            f"{row['sufficiency']:.3f}",
        )
    console.print(table)
    return figures
