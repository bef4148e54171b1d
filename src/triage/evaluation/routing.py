"""Scoring a saved routing model and its bundled baseline on labelled data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from triage.anonymise import Anonymiser
from triage.classify.metrics import macro_f1_difference, routing_metrics
from triage.classify.model import RoutingModel, calibrate
from triage.dataset import load_labelled
from triage.training import anonymise_all

__all__ = ["evaluate_model"]


def evaluate_model(
    location: str | Path, data: str | Path, *, split: str = "test"
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Figures of the model and of its TF-IDF baseline on one split of a labelled file."""
    model = RoutingModel.load(location)
    folder = Path(model.metadata["folder"])
    labelled = load_labelled(data, model.taxonomy)
    if split != "all":
        labelled = labelled.subset(split)
    with Anonymiser(folder / "anonymiser.yaml", n_process=2) as anonymiser:
        texts = anonymise_all(anonymiser, labelled, None)
    index = {label: i for i, label in enumerate(model.labels)}
    y = np.array([index[label] for label in labelled.labels])
    oos = model.out_of_scope_index
    p_tr, p_bl = model.member_probabilities(texts, all_members=True)
    mixed = model.mix(p_tr, p_bl)
    figures = routing_metrics(
        calibrate(mixed, model.temperature),
        y,
        model.labels,
        out_of_scope=oos,
        threshold=model.threshold,
        uncalibrated=model.raw_mix(p_tr, p_bl),
    )
    baseline = {}
    if p_bl is not None:
        baseline = routing_metrics(
            calibrate(p_bl, model.metadata.get("baseline_temperature", 1.0)),
            y,
            model.labels,
            out_of_scope=oos,
            threshold=model.metadata.get("baseline_threshold", 0.5),
            uncalibrated=p_bl,
        )
        figures.update(macro_f1_difference(y, mixed.argmax(axis=1), p_bl.argmax(axis=1)))
    figures["split"] = split
    return figures, baseline, model.labels
