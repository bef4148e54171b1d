"""Routing model: TF-IDF baseline, fine-tuned transformer, calibration and decisions."""

from .model import Decision, RoutingModel

__all__ = ["Decision", "RoutingModel"]
