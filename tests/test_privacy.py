"""Privacy scan: planted identifiers never reach any file, table, log or MLflow run.

Requests carrying unique fake identifiers go through the whole CLI (run with explanations,
review, export, explain --html); then every byte written (audit database and its WAL,
outputs, HTML, the model folder, the MLflow store) and every log line is searched.
"""

import json
import logging
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triage.cli import app

from .conftest import PLANTED_TRAINING


def _nir(body: str) -> str:
    return f"{body} {97 - int(body) % 97:02d}"


NIR = _nir("2850775123456")
IDENTIFIERS = {
    "name": "Clothilde Vandenbrouck",
    "name2": "Théobald Ferracci",
    "nir": NIR,
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "email": "clothilde.vandenbrouck@exemple.fr",
    "phone": "06 38 47 59 61",
}
REQUESTS = [
    f"Bonjour, je suis {IDENTIFIERS['name']}, mon numéro de sécurité sociale est {NIR}. "
    "Je voudrais un acte de naissance pour mon dossier de retraite.",
    f"Le nid-de-poule devant chez moi est dangereux. Rappelez-moi au {IDENTIFIERS['phone']} "
    f"ou écrivez à {IDENTIFIERS['email']}.",
    f"Remboursez la cantine sur mon IBAN {IDENTIFIERS['iban']} svp. {IDENTIFIERS['name2']}",
]


def _variants(value: str) -> set[str]:
    """The value as written, without separators, and each part of a name."""
    out = {value, re.sub(r"[\s.\-]", "", value)}
    if " " in value and not any(c.isdigit() for c in value):
        out.update(value.split())
    return {v for v in out if len(v) >= 4}


def _leaks(secrets: set[str], folders: list[Path], texts: list[str]) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{s!r} in {path}" for s in secrets if s.encode("utf-8") in data]
    for number, text in enumerate(texts):
        found += [f"{s!r} in captured text {number}" for s in secrets if s in text]
    return found


@pytest.fixture(autouse=True)
def audit_key(monkeypatch):
    monkeypatch.setenv("TRIAGE_AUDIT_KEY", "privacy-test-key")


def test_no_planted_identifier_is_written_anywhere(trained, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    work = tmp_path / "work"
    work.mkdir()
    source = tmp_path / "in.jsonl"  # the raw input itself, outside the scanned folder
    source.write_text(
        "".join(
            json.dumps({"id": f"p{i}", "text": t}, ensure_ascii=False) + "\n"
            for i, t in enumerate(REQUESTS)
        ),
        encoding="utf-8",
    )
    audit = str(work / "audit.db")
    model = ["--model", str(trained.folder), "--audit", audit]
    runner = CliRunner()
    outputs = []
    run = runner.invoke(
        app, ["run", str(source), "-o", str(work / "out.jsonl"), *model, "--explain"]
    )
    assert run.exit_code == 0, run.output
    outputs.append(run.output)
    rows = [json.loads(line) for line in (work / "out.jsonl").read_text("utf-8").splitlines()]
    assert all(row["explanation"]["words"] for row in rows)  # explanations were written
    first = rows[0]["decision_id"]
    for args in (
        [
            "audit",
            "review",
            first,
            "--department",
            "etat_civil",
            "--by",
            "agent-7",
            "--audit",
            audit,
        ],
        ["audit", "export-reviewed", "-o", str(work / "reviewed.jsonl"), "--audit", audit],
        ["explain", first, "--html", str(work / "why.html"), *model],
        ["audit", "verify", "--audit", audit],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert (work / "reviewed.jsonl").read_text("utf-8").strip()

    secrets = set().union(*(_variants(v) for v in IDENTIFIERS.values()))
    planted = {v for person in PLANTED_TRAINING for value in person for v in _variants(value)}
    captured = [*outputs, caplog.text]
    leaks = _leaks(secrets, [work], captured)
    leaks += _leaks(planted | secrets, [trained.folder, trained.mlflow_store], [])
    assert not leaks, "\n".join(leaks)


def test_the_scan_finds_a_planted_value(tmp_path):
    """The scan itself works: a file holding an identifier is reported."""
    (tmp_path / "x.log").write_text(f"leak {IDENTIFIERS['phone'].replace(' ', '')}", "utf-8")
    assert _leaks(_variants(IDENTIFIERS["phone"]), [tmp_path], [])
