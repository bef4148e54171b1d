"""A trained routing model folder: classifiers, calibration, threshold, and decisions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from triage.exceptions import ConfigError
from triage.taxonomy import HUMAN_REVIEW, Taxonomy

from .baseline import TfidfBaseline
from .calibration import softmax_t
from .text import model_text

__all__ = ["FORMAT_VERSION", "Decision", "RoutingModel"]

FORMAT_VERSION = 1
_META = "triage_model.json"


@dataclass(frozen=True)
class Decision:
    """Where one request goes, and why."""

    department: str | None
    queue: str
    confidence: float
    scores: dict[str, float]
    reason: str | None = None
    margin: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "department": self.department,
            "queue": self.queue,
            "confidence": round(self.confidence, 4),
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "reason": self.reason,
        }


@dataclass
class RoutingModel:
    """Transformer and TF-IDF probabilities mixed, temperature-scaled, then thresholded.

    ``ensemble_weight`` is the transformer's share (1.0: transformer only, 0.0: TF-IDF only);
    it is chosen on the validation split at training time, like the temperature and threshold.
    """

    taxonomy: Taxonomy
    transformer: Any | None
    baseline: TfidfBaseline | None
    temperature: float = 1.0
    threshold: float = 0.5
    min_margin: float = 0.0
    ensemble_weight: float = 1.0
    # temperature of each member ("transformer", "baseline") applied before mixing, so that the
    # weight reflects how far each member is trusted rather than how sharp its outputs are
    member_temperatures: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        """Class labels in model order."""
        return self.taxonomy.labels

    @property
    def out_of_scope_index(self) -> int:
        """Index of the out-of-scope class."""
        return self.labels.index(self.taxonomy.out_of_scope.id)

    # -- scoring --------------------------------------------------------------------------
    def member_probabilities(
        self, texts: list[str], *, all_members: bool = False
    ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Transformer and TF-IDF probabilities for anonymised texts.

        A member whose share in the mix is zero is skipped unless ``all_members`` is true
        (training and evaluation need both to choose the mix and to score the baseline).
        """
        texts = [model_text(t) for t in texts]
        p_transformer = p_baseline = None
        if self.transformer is not None and (all_members or self.ensemble_weight > 0):
            p_transformer = softmax_t(self.transformer.predict_logits(texts))
        if self.baseline is not None and (all_members or self.ensemble_weight < 1):
            p_baseline = self.baseline.predict_proba(texts)
        return p_transformer, p_baseline

    def member_scorers(self) -> list[tuple[str, float, Callable[[list[str]], np.ndarray]]]:
        """``(name, share, probabilities)`` of each member with a non-zero share in the mix.

        The uncalibrated mixed probability is the shares' weighted sum of the members', which
        lets an explanation be computed per member (a cheap TF-IDF and a costly transformer).
        """
        out: list[tuple[str, float, Callable[[list[str]], np.ndarray]]] = []
        if self.transformer is not None and self.ensemble_weight > 0:
            transformer = self.transformer

            t_transformer = self.member_temperatures.get("transformer", 1.0)

            def transformer_proba(texts: list[str]) -> np.ndarray:
                logits = transformer.predict_logits([model_text(t) for t in texts])
                return softmax_t(logits, t_transformer)

            out.append(("transformer", self.ensemble_weight, transformer_proba))
        if self.baseline is not None and self.ensemble_weight < 1:
            baseline = self.baseline

            t_baseline = self.member_temperatures.get("baseline")

            def baseline_proba(texts: list[str]) -> np.ndarray:
                return _scaled(baseline.predict_proba([model_text(t) for t in texts]), t_baseline)

            out.append(("baseline", 1 - self.ensemble_weight, baseline_proba))
        if not out:
            raise ConfigError("this routing model has no classifier for its ensemble weight")
        return out

    def mix(self, p_transformer: np.ndarray | None, p_baseline: np.ndarray | None) -> np.ndarray:
        """Mixed probabilities (before the final temperature) from the members' raw ones.

        Each member is first scaled by its own temperature (``member_temperatures``).
        """
        return self._combine(p_transformer, p_baseline, self.member_temperatures)

    def raw_mix(
        self, p_transformer: np.ndarray | None, p_baseline: np.ndarray | None
    ) -> np.ndarray:
        """The same mix without any temperature: what "before calibration" figures describe."""
        return self._combine(p_transformer, p_baseline, {})

    def _combine(
        self,
        p_transformer: np.ndarray | None,
        p_baseline: np.ndarray | None,
        temperatures: dict[str, float],
    ) -> np.ndarray:
        parts = []
        if p_transformer is not None and self.ensemble_weight > 0:
            t_transformer = temperatures.get("transformer")
            parts.append(self.ensemble_weight * _scaled(p_transformer, t_transformer))
        if p_baseline is not None and self.ensemble_weight < 1:
            t_baseline = temperatures.get("baseline")
            parts.append((1 - self.ensemble_weight) * _scaled(p_baseline, t_baseline))
        if not parts:
            raise ConfigError("this routing model has no classifier for its ensemble weight")
        return np.sum(parts, axis=0)

    def mixed_probabilities(self, texts: list[str]) -> np.ndarray:
        """Uncalibrated class probabilities for anonymised texts."""
        return self.mix(*self.member_probabilities(texts))

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Calibrated class probabilities for anonymised texts."""
        return calibrate(self.mixed_probabilities(texts), self.temperature)

    def decide(self, probs: np.ndarray) -> Decision:
        """Turn one row of calibrated probabilities into a decision."""
        order = np.argsort(probs)[::-1]
        top, second = int(order[0]), int(order[1])
        confidence = float(probs[top])
        margin = confidence - float(probs[second])
        scores = {label: float(p) for label, p in zip(self.labels, probs, strict=True)}
        label = self.labels[top]
        reason = None
        if top == self.out_of_scope_index:
            reason = "out_of_scope"
        elif confidence < self.threshold:
            reason = "low_confidence"
        elif margin < self.min_margin:
            reason = "small_margin"
        if reason is None:
            return Decision(label, label, confidence, scores, None, margin)
        return Decision(None, HUMAN_REVIEW, confidence, scores, reason, margin)

    def route(self, anonymised_texts: list[str]) -> list[Decision]:
        """Decide for a batch of anonymised texts."""
        if not anonymised_texts:
            return []
        return [self.decide(row) for row in self.predict_proba(anonymised_texts)]

    # -- persistence -----------------------------------------------------------------------
    def save(self, folder: str | Path) -> Path:
        """Write the self-contained model folder (safetensors and JSON only)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if self.transformer is not None:
            self.transformer.save(folder / "transformer")
        if self.baseline is not None:
            self.baseline.save(folder / "baseline")
        meta = {
            "format_version": FORMAT_VERSION,
            "labels": self.labels,
            "taxonomy": self.taxonomy.to_dict(),
            "temperature": self.temperature,
            "threshold": self.threshold,
            "min_margin": self.min_margin,
            "ensemble_weight": self.ensemble_weight,
            "member_temperatures": self.member_temperatures,
            "max_length": getattr(self.transformer, "max_length", None),
            **self.metadata,
        }
        (folder / _META).write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
        return folder

    @classmethod
    def load(cls, location: str | Path) -> RoutingModel:
        """Load a model folder, or a ``models:/name@alias`` / ``models:/name/version`` URI."""
        folder = resolve_model_location(location)
        meta_path = folder / _META
        if not meta_path.is_file():
            raise ConfigError(f"{folder} is not a triage model folder (no {_META})")
        meta = json.loads(meta_path.read_text("utf-8"))
        if meta.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{folder}: model format {meta.get('format_version')} is not supported "
                f"(this triage reads {FORMAT_VERSION})"
            )
        transformer = None
        if (folder / "transformer").is_dir():
            from .transformer import TransformerClassifier

            transformer = TransformerClassifier.load(
                folder / "transformer", max_length=meta.get("max_length") or 128
            )
        baseline = (
            TfidfBaseline.load(folder / "baseline") if (folder / "baseline").is_dir() else None
        )
        known = {
            "format_version",
            "labels",
            "taxonomy",
            "temperature",
            "threshold",
            "min_margin",
            "ensemble_weight",
            "member_temperatures",
            "max_length",
        }
        return cls(
            taxonomy=Taxonomy.from_dict(meta["taxonomy"], source=str(meta_path)),
            transformer=transformer,
            baseline=baseline,
            temperature=meta["temperature"],
            threshold=meta["threshold"],
            min_margin=meta.get("min_margin", 0.0),
            ensemble_weight=meta["ensemble_weight"],
            member_temperatures=meta.get("member_temperatures") or {},
            metadata={k: v for k, v in meta.items() if k not in known} | {"folder": str(folder)},
        )


def calibrate(probs: np.ndarray, temperature: float) -> np.ndarray:
    """Temperature scaling applied to probabilities (through their logarithms)."""
    return softmax_t(np.log(np.clip(probs, 1e-12, 1.0)), temperature)


def _scaled(probs: np.ndarray, temperature: float | None) -> np.ndarray:
    """A member's probabilities under its own temperature; unchanged when it has none."""
    return probs if temperature is None else calibrate(probs, temperature)


def folder_digest(folder: str | Path) -> str:
    """SHA-256 over every file of a model folder (names and contents, sorted)."""
    sha = hashlib.sha256()
    root = Path(folder)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        sha.update(str(path.relative_to(root)).encode("utf-8"))
        sha.update(path.read_bytes())
    return sha.hexdigest()


def resolve_model_location(location: str | Path) -> Path:
    """A local folder for a folder path or an MLflow ``models:/`` URI."""
    text = str(location)
    if text.startswith("models:/"):
        from triage.tracking import download_model

        return download_model(text)
    folder = Path(text)
    if not folder.is_dir():
        raise ConfigError(f"model {folder} does not exist; train one with `triage train`")
    return folder
