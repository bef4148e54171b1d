"""The model card: what the model folder says about the model, read without loading the model.

Figures a folder does not hold (per-language metrics, the coverage / precision curve, a
training confidence histogram: added to training later) are ``None``, and the report says
"not available for this model" instead of inventing them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.exceptions import ConfigError
from triage.taxonomy import Taxonomy

from .texts import Texts

__all__ = ["ModelCard", "known_limits", "load_model_card"]

_META = "triage_model.json"


@dataclass(frozen=True)
class ModelCard:
    """The model's identity, training data, test figures and calibration."""

    folder: str
    taxonomy: Taxonomy
    metadata: dict[str, Any]
    per_department: list[dict[str, Any]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        """Class labels in model order."""
        return list(self.metadata.get("labels") or self.taxonomy.labels)

    @property
    def model_metrics(self) -> dict[str, Any]:
        """Test-split figures of the routing model."""
        return dict((self.metadata.get("metrics") or {}).get("model") or {})

    @property
    def baseline_metrics(self) -> dict[str, Any]:
        """Test-split figures of the TF-IDF baseline alone."""
        return dict((self.metadata.get("metrics") or {}).get("baseline") or {})

    @property
    def by_language(self) -> dict[str, dict[str, Any]] | None:
        """Test-split figures per language, when training stored them."""
        return self.metadata.get("metrics_by_language")

    @property
    def tradeoff(self) -> dict[str, list[float]] | None:
        """Coverage and precision of automatic routing per threshold (test split), if stored."""
        return self.metadata.get("tradeoff")

    @property
    def train_counts(self) -> dict[str, int]:
        """Training rows per label."""
        return dict(((self.metadata.get("data") or {}).get("counts") or {}).get("train") or {})

    def label_name(self, label: str) -> str:
        """A department's name for people (its id when unknown)."""
        try:
            return self.taxonomy.get(label).label
        except KeyError:
            return label

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "folder": self.folder,
            "metadata": self.metadata,
            "per_department": self.per_department,
        }


def load_model_card(folder: str | Path) -> ModelCard:
    """Read ``triage_model.json`` of a model folder (no classifier is loaded)."""
    path = Path(folder) / _META
    if not path.is_file():
        raise ConfigError(f"{folder} is not a triage model folder (no {_META}); pass --model")
    try:
        metadata = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from exc
    taxonomy = Taxonomy.from_dict(metadata["taxonomy"], source=str(path))
    card = ModelCard(str(folder), taxonomy, metadata)
    return ModelCard(card.folder, taxonomy, metadata, _per_department(card))


def _per_department(card: ModelCard) -> list[dict[str, Any]]:
    """Precision, recall and F1 per label from the confusion matrix, with the baseline's F1."""
    metrics, baseline = card.model_metrics, card.baseline_metrics
    confusion = metrics.get("confusion")
    rows = []
    for i, label in enumerate(card.labels):
        row: dict[str, Any] = {
            "id": label,
            "name": card.label_name(label),
            "f1": (metrics.get("f1") or {}).get(label),
            "baseline_f1": (baseline.get("f1") or {}).get(label),
            "precision": None,
            "recall": None,
            "support": None,
        }
        if confusion:
            support = sum(confusion[i])
            predicted = sum(r[i] for r in confusion)
            row["support"] = support
            row["recall"] = confusion[i][i] / support if support else None
            row["precision"] = confusion[i][i] / predicted if predicted else None
        rows.append(row)
    return rows


def known_limits(card: ModelCard, texts: Texts) -> list[str]:
    """The known limits, each from the card's own figures (test size, weak departments...)."""
    limits = texts.LIMITS
    out = []
    metrics = card.model_metrics
    if metrics.get("n"):
        out.append(limits["test_size"].format(n=metrics["n"]))
    scored = [r for r in card.per_department if r["f1"] is not None]
    if scored:
        weakest = sorted(scored, key=lambda r: r["f1"])[:3]
        names = ", ".join(f"{r['name']} ({texts.num(r['f1'], 2)})" for r in weakest)
        out.append(limits["weak_departments"].format(departments=names))
    languages = (card.metadata.get("data") or {}).get("languages") or {}
    total = sum(languages.values())
    for language, n in sorted(languages.items()):
        if total and n / total < 0.25:
            out.append(
                limits["language"].format(
                    language=texts.language_name(language), share=texts.pct(n / total, 0)
                )
            )
    data_file = (card.metadata.get("data") or {}).get("file", "?")
    out.extend([limits["synthetic"].format(file=data_file), limits["words"], limits["review"]])
    return out
