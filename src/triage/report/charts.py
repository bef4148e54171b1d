"""Charts as embedded PNG data URIs (matplotlib's Agg canvas: no display, no global state)."""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence
from typing import Any

__all__ = [
    "bars",
    "confusion",
    "daily",
    "grouped_bars",
    "histogram",
    "reliability",
    "tradeoff",
    "word_panels",
]

BLUE, GREY, ORANGE, RED = "#1f5fa8", "#9aa5b1", "#d9822b", "#c23030"


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Any) -> str:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _tidy(ax: Any, title: str) -> None:
    ax.set_title(title, fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)


def bars(labels: Sequence[str], values: Sequence[float], title: str, *, colour: str = BLUE) -> str:
    """Horizontal bars, largest at the top."""
    figure = _figure(7.5, 0.9 + 0.28 * max(len(labels), 1))
    ax = figure.add_subplot()
    positions = range(len(labels))[::-1]
    ax.barh(list(positions), list(values), color=colour)
    ax.set_yticks(list(positions), list(labels))
    for y, value in zip(positions, values, strict=True):
        ax.text(value, y, f" {value:g}", va="center", fontsize=7)
    _tidy(ax, title)
    return _png(figure)


def daily(days: Sequence[str], counts: Sequence[int], title: str) -> str:
    """Requests per day as columns."""
    figure = _figure(7.5, 2.6)
    ax = figure.add_subplot()
    ax.bar(range(len(days)), list(counts), color=BLUE, width=0.85)
    step = max(1, math.ceil(len(days) / 12))
    ticks = list(range(0, len(days), step))
    ax.set_xticks(ticks, [days[i][5:] for i in ticks], rotation=45, ha="right")
    _tidy(ax, title)
    return _png(figure)


def histogram(
    observed: Sequence[float],
    expected: Sequence[float] | None,
    text: dict[str, str],
    *,
    names: tuple[str, str],
) -> str:
    """Shares per confidence bin for the period, with the training reference as a line."""
    figure = _figure(7.5, 2.8)
    ax = figure.add_subplot()
    bins = len(observed)
    lefts = [i / bins for i in range(bins)]
    ax.bar(lefts, list(observed), width=1 / bins, align="edge", color=BLUE, alpha=0.8)
    ax.patches[0].set_label(names[1])
    if expected is not None:
        ax.step([*lefts, 1.0], [*expected, expected[-1]], where="post", color=ORANGE, lw=2)
        ax.lines[-1].set_label(names[0])
    ax.set_xlabel(text["confidence_x"], fontsize=8)
    ax.set_ylabel(text["share_y"], fontsize=8)
    ax.legend(fontsize=8, frameon=False)
    _tidy(ax, text["confidence"])
    return _png(figure)


def reliability(points: dict[str, dict[str, list[float]]], text: dict[str, str]) -> str:
    """Reliability diagram: observed accuracy against stated confidence."""
    figure = _figure(4.6, 4.2)
    ax = figure.add_subplot()
    ax.plot([0, 1], [0, 1], ls="--", color=GREY, lw=1, label=text["perfect"])
    names = {"before calibration": text["before"], "after calibration": text["after"]}
    for (key, series), colour in zip(points.items(), (ORANGE, BLUE), strict=False):
        ax.plot(series["confidence"], series["accuracy"], marker="o", color=colour)
        ax.lines[-1].set_label(names.get(key, key))
    ax.set_xlabel(text["reliability_x"], fontsize=8)
    ax.set_ylabel(text["reliability_y"], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(fontsize=8, frameon=False)
    _tidy(ax, text["reliability"])
    return _png(figure)


def tradeoff(curve: dict[str, list[float]], threshold: float, text: dict[str, str], *, names):
    """Coverage and precision of automatic routing against the threshold."""
    figure = _figure(5.4, 3.4)
    ax = figure.add_subplot()
    ax.plot(curve["threshold"], curve["coverage"], color=BLUE, label=names[0])
    precision = [math.nan if p is None else p for p in curve["precision"]]
    ax.plot(curve["threshold"], precision, color=ORANGE, label=names[1])
    ax.axvline(threshold, color=RED, ls="--", lw=1, label=f"{text['chosen']} ({threshold:.2f})")
    ax.set_xlabel(text["threshold"], fontsize=8)
    ax.set_ylim(0, 1.02)
    ax.legend(fontsize=8, frameon=False)
    _tidy(ax, text["tradeoff"])
    return _png(figure)


def grouped_bars(labels: Sequence[str], series: dict[str, Sequence[float]], title: str) -> str:
    """Side-by-side horizontal bars per label (training and period shares)."""
    figure = _figure(7.5, 1.0 + 0.42 * len(labels))
    ax = figure.add_subplot()
    height = 0.8 / len(series)
    for k, ((name, values), colour) in enumerate(zip(series.items(), (ORANGE, BLUE), strict=False)):
        positions = [len(labels) - 1 - i + (k - 0.5) * height for i in range(len(labels))]
        ax.barh(positions, list(values), height=height, color=colour, label=name)
    ax.set_yticks(list(range(len(labels)))[::-1], list(labels))
    ax.legend(fontsize=8, frameon=False)
    _tidy(ax, title)
    return _png(figure)


def confusion(matrix: Sequence[Sequence[int]], labels: Sequence[str], text: dict[str, str]) -> str:
    """Confusion matrix heat map with counts."""
    figure = _figure(6.8, 6.0)
    ax = figure.add_subplot()
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    peak = max((max(row) for row in matrix), default=1) or 1
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                colour = "white" if value > peak / 2 else "black"
                ax.text(j, i, str(value), ha="center", va="center", fontsize=6, color=colour)
    ax.set_xlabel(text["predicted"], fontsize=8)
    ax.set_ylabel(text["true"], fontsize=8)
    ax.set_title(text["confusion"], fontsize=10, loc="left")
    return _png(figure)


def word_panels(panels: Sequence[tuple[str, Sequence[tuple[str, float]]]], title: str) -> str:
    """Small multiples: for each department, its words and their mean positive weight."""
    columns = 3
    rows = max(1, math.ceil(len(panels) / columns))
    figure = _figure(7.8, 0.4 + 2.3 * rows)
    for index, (name, words) in enumerate(panels):
        ax = figure.add_subplot(rows, columns, index + 1)
        positions = list(range(len(words)))[::-1]
        ax.barh(positions, [w for _, w in words], color=BLUE)
        ax.set_yticks(positions, [word for word, _ in words], fontsize=7)
        ax.tick_params(axis="x", labelsize=6)
        ax.set_title(name if len(name) < 34 else name[:32] + "…", fontsize=8, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    figure.suptitle(title, fontsize=10, x=0.01, ha="left")
    return _png(figure)
