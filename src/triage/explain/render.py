"""Showing an explanation: coloured words in a terminal, or a self-contained HTML page."""

from __future__ import annotations

from importlib import resources
from typing import Any

from rich.table import Table
from rich.text import Text

from .record import Explanation

__all__ = ["html_page", "rich_text", "top_table", "word_parts"]

_LABELS = {
    "fr": {
        "title": "Explication de l'orientation",
        "decision": "Décision",
        "queue": "file",
        "explained": "score expliqué :",
        "score": "score",
        "base": "sans aucun mot :",
        "towards": "pousse vers ce service",
        "against": "éloigne de ce service",
        "word": "mot",
        "weight": "poids",
        "method": "Méthode",
        "evals": "évaluations du modèle",
        "note": "Texte anonymisé : les données personnelles sont remplacées par des balises.",
    },
    "en": {
        "title": "Why this request was routed here",
        "decision": "Decision",
        "queue": "queue",
        "explained": "explained score:",
        "score": "score",
        "base": "with no word:",
        "towards": "pushes towards this department",
        "against": "pushes away from it",
        "word": "word",
        "weight": "weight",
        "method": "Method",
        "evals": "model evaluations",
        "note": "Anonymised text: personal data is replaced by tags.",
    },
}


def _scale(explanation: Explanation) -> float:
    return max((abs(w.weight) for w in explanation.words), default=0.0) or 1.0


def word_parts(text: str, explanation: Explanation) -> list[dict[str, Any]]:
    """The text cut into plain stretches and weighted words, in order."""
    parts: list[dict[str, Any]] = []
    cursor = 0
    scale = _scale(explanation)
    for word in explanation.words:
        if word.start > cursor:
            parts.append({"text": text[cursor : word.start], "weight": None})
        alpha = min(1.0, abs(word.weight) / scale) * 0.75
        rgb = "0, 110, 200" if word.weight >= 0 else "220, 40, 40"
        parts.append(
            {
                "text": text[word.start : word.end],
                "weight": word.weight,
                "colour": f"rgba({rgb}, {alpha:.2f})",
            }
        )
        cursor = word.end
    parts.append({"text": text[cursor:], "weight": None})
    return parts


def rich_text(text: str, explanation: Explanation) -> Text:
    """The anonymised text with each word shaded by its weight (blue towards, red against)."""
    out = Text()
    scale = _scale(explanation)
    for part in word_parts(text, explanation):
        weight = part["weight"]
        if weight is None or abs(weight) < 0.05 * scale:
            out.append(part["text"])
        else:
            out.append(part["text"], style="bold white on blue" if weight > 0 else "white on red")
    return out


def top_table(explanation: Explanation, k: int = 10) -> Table:
    """The ``k`` heaviest words and their signed weights."""
    table = Table(title=f"Words that weighed most for {explanation.label}")
    table.add_column("word")
    table.add_column("weight", justify="right")
    for word in explanation.top(k):
        table.add_row(word.text, f"{word.weight:+.4f}")
    return table


def html_page(
    text: str,
    explanation: Explanation,
    *,
    decision_id: str,
    queue: str,
    reason: str | None = None,
    language: str = "fr",
    top_k: int = 10,
) -> str:
    """A self-contained HTML view (no script, no external resource) of one explanation."""
    from jinja2 import Environment, select_autoescape

    template = (
        resources.files("triage").joinpath("defaults", "explanation.html.j2").read_text("utf-8")
    )
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(template).render(
        lang=language,
        t=_LABELS.get(language, _LABELS["en"]),
        decision_id=decision_id,
        queue=queue,
        reason=reason,
        label=explanation.label,
        output_value=explanation.output_value,
        base_value=explanation.base_value,
        parts=word_parts(text, explanation),
        top=explanation.top(top_k),
        method=explanation.method,
        max_evals=explanation.max_evals,
    )
