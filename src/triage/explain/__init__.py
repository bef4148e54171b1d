"""Explanations of routing decisions: SHAP word weights, their faithfulness, their display."""

from .base import Explainer
from .record import Explanation, WordWeight
from .shap_explainer import SHAP_DEFAULT_EVALS, ShapExplainer

__all__ = ["SHAP_DEFAULT_EVALS", "Explainer", "Explanation", "ShapExplainer", "WordWeight"]
