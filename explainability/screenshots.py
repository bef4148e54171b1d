"""Screenshots of the transparency report and of one letter, for the README.

Usage (from the repository root, Chromium installed: ``apt-get install chromium``)::

    .venv/bin/python explainability/screenshots.py [--model models/default] [--out docs/images]

It writes a synthetic audit trail (3,000 generated decisions, some explained and reviewed: no
real request) to a temporary folder, renders the report and the letter of a decision that was
explained and corrected by an agent, and saves ``report.png`` (top of the report),
``report-activity.png`` (the activity section's charts and tables) and ``letter.png``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from triage.report import ServiceContact, build_letter, build_report
from triage.report.browser import screenshot
from triage.report.synthetic import write_synthetic_model, write_synthetic_store

SERVICE = ServiceContact(
    "Mairie de Villeneuve-sur-Exemple",
    "Accueil de la mairie, 1 place de la République, accueil@villeneuve.example",
    "dpo@villeneuve.example",
)


def _letter_decision(store) -> str:
    """A decision that was explained, auto-routed and then corrected by an agent."""
    for review in store.records(kind="review"):
        payload = review.payload
        if payload["previous_department"] and payload["outcome"] == "overridden":
            decision = store.decision(review.decision_id)
            if decision.payload.get("explanation"):
                return review.decision_id
    return next(store.records(kind="decision")).decision_id


def _crop_activity(full: Path, out: Path) -> None:
    """The part of a full-page screenshot where the activity section's charts are."""
    from PIL import Image

    with Image.open(full) as image:
        image.crop((0, 6300, image.width, 9300)).save(out, optimize=True)


def main() -> None:
    """Write the three screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default", help="model folder (else synthetic)")
    parser.add_argument("--out", default="docs/images", type=Path)
    parser.add_argument("--n", default=3000, type=int, help="synthetic decisions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.model)
        if not (folder / "triage_model.json").is_file():
            folder = write_synthetic_model(Path(tmp) / "model")
        store = write_synthetic_store(Path(tmp) / "audit.db", args.n, seed=3)
        report = Path(tmp) / "report.html"
        report.write_text(build_report(store, folder, service=SERVICE), "utf-8")
        letter = Path(tmp) / "letter.html"
        html = build_letter(store, _letter_decision(store), model_folder=folder, service=SERVICE)
        letter.write_text(html, "utf-8")
        args.out.mkdir(parents=True, exist_ok=True)
        print(screenshot(report, args.out / "report.png", height=3000))
        full = screenshot(report, Path(tmp) / "full.png", height=10000)
        _crop_activity(full, args.out / "report-activity.png")
        print(args.out / "report-activity.png")
        print(screenshot(letter, args.out / "letter.png", width=1000, height=2300))


if __name__ == "__main__":
    main()
