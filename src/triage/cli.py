"""The ``triage`` command line."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from triage.exceptions import TriageError

app = typer.Typer(
    name="triage",
    help="Privacy-first routing of citizens' requests: anonymise, route, explain, audit.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(
    help="Benchmarks: print measured figures (not tests).", no_args_is_help=True
)
app.add_typer(bench_app, name="bench")

console = Console(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Anonymiser YAML config (default: the shipped one)."),
]


def _quiet_libraries() -> None:
    # Presidio logs every unmapped spaCy label at WARNING; a CLI run shows our own messages.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)


def _fail(exc: TriageError) -> typer.Exit:
    console.print(f"[bold red]error:[/] {exc}")
    return typer.Exit(code=2)


@app.command()
def anonymise(
    input: Annotated[Path, typer.Argument(help="JSONL or CSV with id, text, optional language.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
    config: ConfigOption = None,
    key_env: Annotated[
        str | None,
        typer.Option(
            help="Name of an environment variable holding an AES key (16/24/32 bytes): "
            "adds encrypted originals (reversible pseudonymisation). Never pass keys as arguments."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per batch.")] = 256,
    n_process: Annotated[int, typer.Option(min=1, help="spaCy processes.")] = 1,
) -> None:
    """Anonymise every request of INPUT into OUTPUT, one JSON object per row, in order."""
    from triage.anonymise import Anonymiser
    from triage.anonymise.batch import anonymise_file

    _quiet_libraries()
    try:
        key = _read_key(key_env)
        anonymiser = Anonymiser(config, pseudonymisation_key=key, n_process=n_process)
        summary = anonymise_file(anonymiser, input, output, batch_size=batch_size, console=console)
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(summary.describe(output))
    if summary.errors:
        raise typer.Exit(code=1)


def _read_key(key_env: str | None) -> str | None:
    if key_env is None:
        return None
    value = os.environ.get(key_env)
    if not value:
        from triage.exceptions import ConfigError

        raise ConfigError(f"environment variable {key_env} is not set or empty")
    return value


@app.command("eval-pii")
def eval_pii(
    corpus: Annotated[
        Path, typer.Argument(help="Annotated corpus: triage JSONL or presidio-research JSON.")
    ],
    split: Annotated[
        str, typer.Option(help="Corpus split to score: test, dev or all (triage corpora).")
    ] = "test",
    config: ConfigOption = None,
    baseline: Annotated[
        bool, typer.Option(help="Also score plain Presidio on the same data.")
    ] = True,
    limit: Annotated[int | None, typer.Option(help="Score only the first N texts.")] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON.")
    ] = None,
) -> None:
    """Print per-entity precision, recall and F2 of triage (and plain Presidio) on CORPUS."""
    from triage.evaluation import pii

    _quiet_libraries()
    try:
        report = pii.evaluate(corpus, split=split, config=config, baseline=baseline, limit=limit)
    except TriageError as exc:
        raise _fail(exc) from exc
    pii.print_report(report, Console())
    if json_out is not None:
        json_out.write_text(report.to_json(), encoding="utf-8")


@bench_app.command("anonymise")
def bench_anonymise(
    n: Annotated[int, typer.Option(help="Number of requests.")] = 2000,
    config: ConfigOption = None,
    single: Annotated[int, typer.Option(help="Requests timed one by one.")] = 200,
    data: Annotated[
        Path | None,
        typer.Option(help="JSONL with text/language (default: the PII corpus French texts)."),
    ] = None,
) -> None:
    """Requests per second for ~300-character French requests: one by one vs batched."""
    from triage.benchmarks import anonymise_throughput

    _quiet_libraries()
    try:
        anonymise_throughput(n=n, single=single, config=config, console=Console(), data=data)
    except TriageError as exc:
        raise _fail(exc) from exc


def main() -> None:  # pragma: no cover - console entry point
    """Run the CLI."""
    sys.exit(app())
