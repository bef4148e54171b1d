"""Both documents open in headless Chromium, and their charts and highlights are drawn."""

from __future__ import annotations

import re

import numpy as np
import pytest

from triage.report import build_letter, build_report
from triage.report.browser import chromium_binary, screenshot

pytestmark = pytest.mark.skipif(chromium_binary() is None, reason="no chromium binary")
CHART_BLUE = (0x1F, 0x5F, 0xA8)


def _pixels(png, colour, tolerance=12) -> int:
    from PIL import Image

    with Image.open(png) as image:
        rgb = np.asarray(image.convert("RGB")).astype(int)
    return int((np.abs(rgb - np.array(colour)).max(axis=2) <= tolerance).sum())


def test_the_report_charts_are_drawn_in_chromium(trail, model_folder, tmp_path):
    html = build_report(trail, model_folder)
    with_charts, without = tmp_path / "report.html", tmp_path / "no-charts.html"
    with_charts.write_text(html, "utf-8")
    without.write_text(re.sub(r'<img src="[^"]+"', '<img src=""', html), "utf-8")
    drawn = screenshot(with_charts, tmp_path / "report.png", height=10000)
    blank = screenshot(without, tmp_path / "no-charts.png", height=10000)
    # the bars of the charts: tens of thousands of pixels the page without images lacks
    assert _pixels(drawn, CHART_BLUE) - _pixels(blank, CHART_BLUE) > 20_000


def test_the_letter_highlights_the_words_in_chromium(trail, model_folder, tmp_path):
    html = build_letter(trail, "planted-auto", model_folder=model_folder)
    coloured, plain = tmp_path / "letter.html", tmp_path / "plain.html"
    coloured.write_text(html, "utf-8")
    plain.write_text(re.sub(r'style="background: rgba[^"]+"', "", html), "utf-8")
    drawn = screenshot(coloured, tmp_path / "letter.png", width=1000, height=2400)
    bare = screenshot(plain, tmp_path / "plain.png", width=1000, height=2400)
    from PIL import Image

    with Image.open(drawn) as image:
        grey = np.asarray(image.convert("L"))
    assert (grey < 128).any(axis=1).sum() > 300  # many lines of text were drawn
    highlight = (64, 139, 209)
    assert _pixels(drawn, highlight, tolerance=40) - _pixels(bare, highlight, tolerance=40) > 1000
