"""Printing routing figures for people (the CLI's tables)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["print_metrics"]


def _fmt(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_metrics(
    console: Console, model: dict[str, Any], baseline: dict[str, Any], labels: list[str]
) -> None:
    """Side-by-side table: model vs TF-IDF baseline."""
    table = Table(
        title=f"Routing on the {model.get('split', 'test')} split ({model['n']} requests)"
    )
    table.add_column("figure")
    table.add_column("model", justify="right")
    table.add_column("TF-IDF baseline", justify="right")
    for key, name in [
        ("accuracy", "accuracy"),
        ("macro_f1", "macro-F1"),
        ("ece_before_calibration", "ECE before calibration"),
        ("ece", "ECE after calibration"),
        ("coverage", "auto-routed share (coverage)"),
        ("auto_precision", "auto-routed precision"),
        ("oos_recall", "out-of-scope to human review"),
        ("oos_recall_class_only", "out-of-scope, class alone"),
    ]:
        table.add_row(name, _fmt(model.get(key)), _fmt(baseline.get(key)))
    for label in labels:
        table.add_row(f"F1 {label}", _fmt(model["f1"].get(label)), _fmt(baseline["f1"].get(label)))
    console.print(table)
    if model.get("macro_f1_vs_baseline") is not None:
        delta, low, high = (
            model["macro_f1_vs_baseline"],
            model["macro_f1_vs_baseline_low"],
            model["macro_f1_vs_baseline_high"],
        )
        verdict = (
            "above the baseline"
            if low > 0
            else "below the baseline"
            if high < 0
            else "level with the baseline within sampling noise"
        )
        console.print(
            f"model − baseline macro-F1: {delta:+.3f} (95 % paired bootstrap interval "
            f"{low:+.3f} to {high:+.3f}): {verdict}"
        )
