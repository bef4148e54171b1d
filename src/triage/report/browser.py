"""Screenshots of the report and the letter with headless Chromium (Debian package ``chromium``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from triage.exceptions import MissingDependencyError

__all__ = ["chromium_binary", "screenshot"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_binary() -> str | None:
    """Path of a Chromium or Chrome binary on the PATH, if any."""
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def screenshot(
    html: str | Path, png: str | Path, *, width: int = 1280, height: int = 3000, timeout: int = 120
) -> Path:
    """Open an HTML file in headless Chromium; save what a ``width`` x ``height`` window shows."""
    binary = chromium_binary()
    if binary is None:
        raise MissingDependencyError(
            "no Chromium found: install it with `apt-get install chromium`"
        )
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--screenshot={png}",
        f"--window-size={width},{height}",
        Path(html).resolve().as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    if not png.is_file():
        raise MissingDependencyError(f"{binary} wrote no screenshot to {png}")
    return png
