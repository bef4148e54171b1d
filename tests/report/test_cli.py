"""The report and letter commands on a synthetic trail."""

from typer.testing import CliRunner

from triage.cli import app

from .conftest import PLANTED


def test_report_command_writes_the_period_in_english(trail, model_folder, tmp_path):
    out = tmp_path / "report.html"
    args = ["report", "-o", str(out), "--audit", trail.url, "--model", str(model_folder)]
    result = CliRunner().invoke(app, [*args, "--language", "en", "--organisation", "Town of X"])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "Town of X" in page and "<script" not in page
    assert not any(value in page for value in PLANTED.values())


def test_bad_dates_and_languages_are_clear_errors(trail, model_folder, tmp_path):
    base = ["report", "-o", str(tmp_path / "r.html"), "--audit", trail.url]
    base += ["--model", str(model_folder)]
    bad_date = CliRunner().invoke(app, [*base, "--from", "2026-13-01"])
    assert bad_date.exit_code == 2 and "2026-13-01" in bad_date.output
    bad_language = CliRunner().invoke(app, [*base, "--language", "de"])
    assert bad_language.exit_code == 2 and "use fr or en" in bad_language.output


def test_letter_needs_an_output_and_is_written_for_an_explained_decision(
    trail, model_folder, tmp_path
):
    decision = next(
        r.decision_id for r in trail.records(kind="decision") if r.payload.get("explanation")
    )
    base = ["explain", decision, "--audit", trail.url, "--model", str(model_folder)]
    missing = CliRunner().invoke(app, [*base, "--letter"])
    assert missing.exit_code == 2 and "--output" in missing.output
    out = tmp_path / "letter.html"
    result = CliRunner().invoke(app, [*base, "--letter", "-o", str(out)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "CADA" in out.read_text("utf-8")
