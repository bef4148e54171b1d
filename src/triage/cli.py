"""The ``triage`` command line."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from triage.exceptions import InputError, TriageError

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
audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")

AuditOption = Annotated[
    str | None,
    typer.Option(
        "--audit",
        help="Audit store: SQLite path or SQLAlchemy URL "
        "(default: TRIAGE_AUDIT_URL, else experiments/audit.db).",
    ),
]

console = Console(stderr=True)

OrganisationOption = Annotated[
    str | None, typer.Option(help="The administration's name, printed in reports and letters.")
]
ContactOption = Annotated[
    str | None, typer.Option(help="How citizens reach the service (address, e-mail).")
]
DpoOption = Annotated[str | None, typer.Option(help="How to reach the data protection officer.")]

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


@bench_app.command("explain")
def bench_explain(
    data: Annotated[
        Path, typer.Argument(help="Labelled JSONL (default: the municipal set).")
    ] = Path("experiments/data/municipal/municipal_requests.jsonl"),
    model: ModelOption = None,
    limit: Annotated[int, typer.Option(min=2, help="Texts explained (half ~60 words).")] = 80,
    max_evals: Annotated[int, typer.Option(min=4, help="Fast settings' budget.")] = 24,
    output: Annotated[Path | None, typer.Option("--json", help="Also write figures.")] = None,
) -> None:
    """Median/p95 seconds and ERASER faithfulness: fast settings vs shap defaults vs random."""
    import json as _json

    from triage.benchmarks_explain import explain_benchmark

    _quiet_libraries()
    try:
        with _stage_progress() as progress:
            task = progress.add_task("explaining", total=limit)
            figures = explain_benchmark(
                model or DEFAULT_MODEL,
                data,
                limit=limit,
                max_evals=max_evals,
                console=Console(),
                progress=lambda n: progress.advance(task, n),
            )
    except TriageError as exc:
        raise _fail(exc) from exc
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(_json.dumps(figures, indent=2), encoding="utf-8")


@bench_app.command("pipeline")
def bench_pipeline(
    model: ModelOption = None,
    n: Annotated[int, typer.Option(min=10, help="Requests (~300 characters, French).")] = 1024,
    processes: Annotated[int, typer.Option(min=1, help="Anonymiser processes.")] = 2,
    data: Annotated[
        Path | None, typer.Option(help="JSONL of requests (default: PII corpus).")
    ] = None,
) -> None:
    """End-to-end requests/s (anonymise, route, audit) against the bare model, same texts."""
    from triage.benchmarks_pipeline import pipeline_throughput

    _quiet_libraries()
    os.environ.setdefault("TRIAGE_AUDIT_KEY", "benchmark-only-key")
    try:
        pipeline_throughput(
            model or DEFAULT_MODEL, n=n, processes=processes, data=data, console=Console()
        )
    except TriageError as exc:
        raise _fail(exc) from exc


@bench_app.command("report")
def bench_report(
    n: Annotated[int, typer.Option(min=100, help="Decision records generated.")] = 100_000,
    model: ModelOption = None,
) -> None:
    """Build the transparency report over a generated trail of N decisions; print the time."""
    from triage.report import report_benchmark

    try:
        figures = report_benchmark(n, model_folder=_model_folder(model))
    except TriageError as exc:
        raise _fail(exc) from exc
    Console().print(
        f"{figures['records']:,} audit records ({figures['decisions']:,} decisions) generated in "
        f"{figures['generate_seconds']:.1f} s; report built in {figures['report_seconds']:.2f} s "
        f"({figures['html_bytes'] / 1e3:.0f} kB)"
    )


@bench_app.command("spark")
def bench_spark(
    model_uri: Annotated[
        str, typer.Option(help="Registered model to score with.")
    ] = "models:/triage-router@champion",
    n: Annotated[int, typer.Option(min=10, help="Requests (~300 characters, French).")] = 100_000,
    master: Annotated[str, typer.Option(help="Spark master.")] = "local[2]",
) -> None:
    """Requests/s of the MLflow model on local Spark vs in one process (pyspark needed)."""
    from triage.benchmarks_spark import spark_throughput
    from triage.tracking import tracking_uri

    _quiet_libraries()
    os.environ.setdefault("MLFLOW_TRACKING_URI", tracking_uri())
    try:
        spark_throughput(model_uri, n=n, master=master, console=Console())
    except TriageError as exc:
        raise _fail(exc) from exc


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
        str,
        typer.Option(
            help="Corpus split to score (triage corpora): test, dev, dev2, dev3, test2… or all."
        ),
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


@app.command("train-pii-ner")
def train_pii_ner(
    corpora: Annotated[list[Path], typer.Argument(help="triage PII corpus files (JSONL).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write.")] = Path(
        "models/pii-ner"
    ),
    split: Annotated[
        list[str] | None,
        typer.Option(help="Train on these splits only (repeat the option); default: all."),
    ] = None,
    language: Annotated[
        list[str] | None,
        typer.Option(help="Train on requests in these languages only (repeatable); default: all."),
    ] = None,
    base_model: Annotated[
        str, typer.Option(help="spaCy pipeline whose NER is fine-tuned.")
    ] = "fr_core_news_md",
    epochs: Annotated[int, typer.Option(min=1)] = 12,
    seed: Annotated[int, typer.Option()] = 0,
    track: Annotated[bool, typer.Option(help="Log the run to MLflow.")] = True,
) -> None:
    """Fine-tune a spaCy NER on the persons and addresses of PII corpora (for `learned_ner`)."""
    from triage.anonymise.ner_training import train_pii_ner as run_training

    progress = _stage_progress()
    try:
        with progress:
            task = progress.add_task("fine-tuning the NER", total=epochs)

            def on_epoch(epoch: int, scores: dict[str, float]) -> None:
                progress.update(task, completed=epoch)
                progress.console.print(
                    f"epoch {epoch:2}: loss {scores['loss']:8.1f}  checkpoint set P "
                    f"{scores['precision']:.3f} R {scores['recall']:.3f} F2 {scores['f2']:.3f}"
                )

            report = run_training(
                corpora, output, splits=split, languages=language, base_model=base_model,
                epochs=epochs, seed=seed, on_epoch=on_epoch,
            )  # fmt: skip
        run_id = None
        if track:
            from triage.tracking import log_pii_ner_run

            run_id = log_pii_ner_run(report, output)
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(
        f"NER saved to {output} (epoch {report.best_epoch} of {epochs}, "
        f"{report.training_requests} training and {report.checkpoint_requests} checkpoint "
        f"requests)"
        + (f"; MLflow run {run_id}" if run_id else "")
        + f"\nuse it with `learned_ner: {{LANGUAGE: {output}}}` in an anonymiser config"
    )


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


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model folder or MLflow URI (models:/triage-router@champion). "
        "Default: models/default.",
    ),
]
DEFAULT_MODEL = Path("models/default")


def _stage_progress() -> Progress:
    """One progress bar per stage (anonymising, fine-tuning) on stderr."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def _progress_callback(progress):
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return update


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="JSONL/CSV with text and department (and split).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model folder to write.")] = (
        DEFAULT_MODEL
    ),
    base_model: Annotated[
        str | None, typer.Option(help="Hugging Face id or local folder (default: MiniLM-L6).")
    ] = None,
    train_config: Annotated[
        Path | None, typer.Option("--config", help="Training YAML (experiments/configs/).")
    ] = None,
    anonymiser_config: Annotated[
        Path | None, typer.Option(help="Anonymiser YAML (default: the shipped one).")
    ] = None,
    taxonomy: Annotated[Path | None, typer.Option(help="Departments YAML.")] = None,
    track: Annotated[bool, typer.Option(help="Log the run to MLflow.")] = True,
) -> None:
    """Anonymise, fine-tune, calibrate and evaluate a routing model; log it to MLflow."""
    from triage.anonymise import Anonymiser
    from triage.taxonomy import load_taxonomy
    from triage.training import load_training_config
    from triage.training import train as run_training

    _quiet_libraries()
    try:
        config = load_training_config(train_config)
        if base_model is not None:
            config.base_model = base_model
        anonymiser = Anonymiser(anonymiser_config, n_process=config.anonymiser_processes)
        progress = _stage_progress()
        with progress, anonymiser:
            result = run_training(
                data,
                output,
                config=config,
                taxonomy=load_taxonomy(taxonomy),
                anonymiser=anonymiser,
                progress=_progress_callback(progress),
                track=track,
            )
    except TriageError as exc:
        raise _fail(exc) from exc
    from triage.reporting import print_metrics

    print_metrics(Console(), result.metrics, result.baseline_metrics, result.model.labels)
    console.print(
        f"model saved to {result.folder} in {result.seconds:.0f} s"
        + (f"; MLflow run {result.run_id}, version {result.model_version}" if result.run_id else "")
    )


@app.command()
def evaluate(
    data: Annotated[Path, typer.Option(help="Labelled JSONL/CSV (text, department, split).")],
    model: ModelOption = None,
    split: Annotated[str, typer.Option(help="test, validation, train or all.")] = "test",
) -> None:
    """Print the model's and the TF-IDF baseline's figures on labelled data."""
    from triage.evaluation.routing import evaluate_model
    from triage.reporting import print_metrics

    _quiet_libraries()
    try:
        figures, baseline, labels = evaluate_model(model or str(DEFAULT_MODEL), data, split=split)
    except TriageError as exc:
        raise _fail(exc) from exc
    print_metrics(Console(), figures, baseline, labels)


@app.command()
def promote(
    version: Annotated[str, typer.Argument(help="Registered model version.")],
    name: Annotated[str, typer.Option(help="Registered model name.")] = "triage-router",
) -> None:
    """Set the `champion` alias of the registered model to VERSION."""
    from triage.tracking import promote as set_alias

    try:
        set_alias(version, name=name)
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(f"models:/{name}@champion -> version {version}")


@app.command()
def predict(
    input: Annotated[Path, typer.Argument(help="JSONL or CSV with id, text, optional language.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
    model: ModelOption = None,
) -> None:
    """Anonymise and route each request (department or human review), one JSON line per row."""
    from triage.anonymise import Anonymiser
    from triage.classify.model import RoutingModel
    from triage.io import read_requests, write_jsonl_line
    from triage.records import Redaction

    _quiet_libraries()
    try:
        routing = RoutingModel.load(model or DEFAULT_MODEL)
        folder = Path(routing.metadata["folder"])
        anonymiser = Anonymiser(folder / "anonymiser.yaml")
        rows = list(read_requests(input))
        good = [r for r in rows if r.ok]
        redactions = anonymiser.anonymise_batch(
            [r.text or "" for r in good], [r.language for r in good], return_errors=True
        )
        ok = [(r, x) for r, x in zip(good, redactions, strict=True) if isinstance(x, Redaction)]
        decisions = routing.route([x.anonymised_text for _, x in ok])
        by_line = {r.line: (x, d) for (r, x), d in zip(ok, decisions, strict=True)}
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as out:
            for row in rows:
                if row.line in by_line:
                    redaction, decision = by_line[row.line]
                    write_jsonl_line(
                        out,
                        {
                            "id": row.id,
                            **decision.to_dict(),
                            "anonymised_text": redaction.anonymised_text,
                        },
                    )
                else:
                    write_jsonl_line(
                        out,
                        {
                            "id": row.id,
                            "line": row.line,
                            "error": row.error or "could not be anonymised",
                        },
                    )
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(f"{len(by_line)} of {len(rows)} requests routed -> {output}")


@bench_app.command("routing")
def bench_routing(
    name: Annotated[str, typer.Argument(help="banking77 or clinc150.")],
    source: Annotated[Path, typer.Argument(help="Folder of the public data set.")],
    workdir: Annotated[Path, typer.Option(help="Where to write data and model.")] = Path(
        "experiments/output/bench"
    ),
    train_config: Annotated[Path | None, typer.Option("--config", help="Training YAML.")] = None,
    epochs: Annotated[int | None, typer.Option(help="Override the config's epochs.")] = None,
    track: Annotated[bool, typer.Option(help="Log the run to MLflow.")] = True,
) -> None:
    """Train and score on Banking77 or CLINC150 (long: a benchmark, not a test)."""
    import json as _json

    from triage.anonymise import Anonymiser
    from triage.benchmarks_routing import routing_benchmark
    from triage.training import load_training_config

    _quiet_libraries()
    try:
        config = load_training_config(train_config)
        if epochs is not None:
            config.epochs = epochs
        progress = _stage_progress()
        with progress, Anonymiser(n_process=2) as anonymiser:
            out = routing_benchmark(
                name,
                source,
                workdir / name,
                config=config,
                anonymiser=anonymiser,
                progress=_progress_callback(progress),
                track=track,
                register_as=None,
            )
    except TriageError as exc:
        raise _fail(exc) from exc
    points = out["figures"].pop("operating_points", [])
    console = Console()
    console.print_json(_json.dumps(out["figures"]))
    table = _operating_points_table(points)
    if table is not None:
        console.print(table)


def _operating_points_table(points: list[dict[str, Any]]) -> Table | None:
    """The operating points of `triage bench routing` as a table; None without out-of-scope data."""
    # a data set without out-of-scope requests (Banking77) has no out-of-scope operating points
    if not any(row["validation_oos_recall"] is not None for row in points):
        return None
    table = Table(title="Test figures at thresholds chosen on validation")
    for column in ("OOS target", "threshold", "val. OOS recall", "in-scope acc.", "OOS recall"):
        table.add_column(column, justify="right")
    for row in points:
        target = row["target_oos_recall"]
        table.add_row(
            "none (precision only)" if target is None else f"{target:.2f}",
            *(
                "—" if row[key] is None else f"{row[key]:.3f}"
                for key in ("threshold", "validation_oos_recall", "in_scope_accuracy", "oos_recall")
            ),
        )
    return table


@app.command()
def run(
    input: Annotated[Path, typer.Argument(help="JSONL or CSV with id, text, optional language.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
    model: ModelOption = None,
    audit: AuditOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Requests per batch.")] = 256,
    explain: Annotated[
        bool, typer.Option("--explain", help="Add SHAP word weights to every decision.")
    ] = False,
    processes: Annotated[
        int, typer.Option(min=1, help="Anonymiser processes (2 is fastest on 2 cores).")
    ] = 1,
) -> None:
    """Anonymise, route and audit every request; a rerun resumes (nothing is decided twice)."""
    from collections import deque
    from itertools import islice

    from triage.io import read_requests, write_jsonl_line
    from triage.pipeline import Request, Triage, decision_from_record

    _quiet_libraries()
    try:
        triage_ = Triage(
            model or DEFAULT_MODEL, audit=audit, explain=explain, anonymiser_processes=processes
        )
        rows = read_requests(input)
        decided = resumed = errors = 0
        output.parent.mkdir(parents=True, exist_ok=True)
        contexts: deque = deque()

        def batches():
            # Drawn one batch ahead by process_stream: its anonymisation overlaps routing.
            while batch := list(islice(rows, batch_size)):
                done = triage_.audit.decided([r.id for r in batch if r.ok and r.id is not None])
                todo = [r for r in batch if r.ok and r.id not in done]
                contexts.append((batch, done))
                progress.advance(task, len(batch) - len(todo))
                yield [Request(text=r.text or "", id=r.id, language=r.language) for r in todo]

        with (
            triage_,
            output.open("w", encoding="utf-8") as out,
            _stage_progress() as progress,
        ):
            task = progress.add_task("routing", total=None)
            stream = triage_.process_stream(batches(), progress=lambda n: progress.advance(task, n))
            for new in stream:
                batch, done = contexts.popleft()
                fresh = {d.request_id: d for d in new}
                for row in batch:
                    if not row.ok:
                        errors += 1
                        console.print(f"[red]error[/] line {row.line}: {row.error}")
                        write_jsonl_line(out, {"id": row.id, "line": row.line, "error": row.error})
                    elif row.id in fresh:
                        decided += 1
                        write_jsonl_line(out, fresh[row.id].to_dict())
                    else:
                        resumed += 1
                        write_jsonl_line(out, decision_from_record(done[str(row.id)]))
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(
        f"{decided} decided, {resumed} already decided (resumed), {errors} errors -> {output}; "
        f"audit: {triage_.audit.url}"
    )
    if errors:
        raise typer.Exit(code=1)


@app.command("explain")
def explain_decision(
    decision_id: Annotated[str, typer.Argument(help="A decision id from `triage run`.")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write an HTML view with coloured words.")
    ] = None,
    model: ModelOption = None,
    audit: AuditOption = None,
    language: Annotated[str, typer.Option(help="Language of the HTML view (fr, en).")] = "fr",
    top: Annotated[int, typer.Option(min=1, help="Words listed.")] = 10,
    letter: Annotated[
        bool,
        typer.Option("--letter", help="Write the plain-language letter for the person (-o)."),
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where --letter writes its HTML.")
    ] = None,
    organisation: OrganisationOption = None,
    contact: ContactOption = None,
    dpo: DpoOption = None,
) -> None:
    """Show why a decision went where it did (SHAP word weights on the anonymised text).

    A decision made without --explain is explained now, from the anonymised text in the
    audit trail, and the explanation is appended to the trail as its own event. With
    --letter, the explanation for the person concerned (CRPA R311-3-1-2) is written to -o.
    """
    if letter and output is None:
        console.print("[red]error:[/] --letter needs --output/-o FILE")
        raise typer.Exit(code=2)
    from triage.audit import AuditStore
    from triage.explain import Explanation
    from triage.explain.render import html_page, rich_text, top_table
    from triage.explain.stored import stored_explanation

    _quiet_libraries()
    try:
        store = AuditStore(audit)
        record = store.decision(decision_id)
        if record is None:
            raise InputError(f"no decision {decision_id} in {store.url}")
        payload = record.payload
        text = payload.get("anonymised_text")
        kept = stored_explanation(record, store)
        data = kept[1] if kept is not None else _explain_later(record, model, store)
        explanation = Explanation.from_dict(data)
    except TriageError as exc:
        raise _fail(exc) from exc
    out = Console()
    out.print(
        f"decision {decision_id}: queue [bold]{payload.get('queue')}[/]"
        + (f" ({payload['reason']})" if payload.get("reason") else "")
        + f"; explained score of [bold]{explanation.label}[/] {explanation.output_value:.3f} "
        f"(base {explanation.base_value:.3f}, {explanation.method})"
    )
    if text:
        out.print(rich_text(text, explanation))
    out.print(top_table(explanation, top))
    if html is not None:
        if not text:
            console.print("[red]error:[/] the audit record holds no anonymised text to show")
            raise typer.Exit(code=2)
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(
            html_page(
                text,
                explanation,
                decision_id=decision_id,
                queue=str(payload.get("queue")),
                reason=payload.get("reason"),
                language=language,
                top_k=top,
            ),
            encoding="utf-8",
        )
        out.print(f"HTML view -> {html}")
    if letter and output is not None:
        from triage.report import build_letter

        try:
            page = build_letter(
                store,
                decision_id,
                model_folder=_model_folder(model, payload),
                language=_language(language),
                service=_service(organisation, contact, dpo),
            )
        except TriageError as exc:
            raise _fail(exc) from exc
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
        out.print(f"Letter -> {output}")


def _model_folder(model: str | None, payload: dict | None = None) -> Path | None:
    """A local model folder for department names: --model, the decision's model, the default."""
    from triage.classify.model import resolve_model_location

    candidates = [model, ((payload or {}).get("model") or {}).get("uri"), str(DEFAULT_MODEL)]
    for candidate in candidates:
        if candidate:
            try:
                return resolve_model_location(candidate)
            except TriageError:
                continue
    return None


def _language(value: str):
    if value not in ("fr", "en"):
        raise _fail(InputError(f"language {value!r}: use fr or en"))
    return value


def _service(organisation: str | None, contact: str | None, dpo: str | None):
    from triage.report import ServiceContact

    return ServiceContact(name=organisation, contact=contact, dpo=dpo)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    start: Annotated[
        str | None, typer.Option("--from", help="First day (YYYY-MM-DD); default: the start.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day, included (YYYY-MM-DD).")
    ] = None,
    language: Annotated[str, typer.Option(help="fr (default) or en.")] = "fr",
    model: ModelOption = None,
    audit: AuditOption = None,
    organisation: OrganisationOption = None,
    contact: ContactOption = None,
    dpo: DpoOption = None,
) -> None:
    """Write the transparency report (one self-contained HTML file) for a period."""
    from triage.report import build_report

    try:
        folder = _model_folder(model)
        if folder is None:
            raise InputError("no model folder: pass --model (the report describes the model)")
        from triage.audit import AuditStore

        page = build_report(
            AuditStore(audit),
            folder,
            start=start,
            end=end,
            language=_language(language),
            service=_service(organisation, contact, dpo),
        )
    except TriageError as exc:
        raise _fail(exc) from exc
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    Console().print(f"Transparency report -> {output}")


def _explain_later(record, model, store) -> dict:
    """Explain a stored decision now (its model, or --model) and append it to the trail."""
    from triage.classify.model import RoutingModel
    from triage.explain import ShapExplainer
    from triage.explain.stored import explain_stored

    location = model or (record.payload.get("model") or {}).get("uri") or DEFAULT_MODEL
    explainer = ShapExplainer(RoutingModel.load(location))
    return explain_stored(record, store, explainer, model_uri=str(location))


@audit_app.command("verify")
def audit_verify(audit: AuditOption = None) -> None:
    """Check the hash chain; exit 1 naming the first bad record if any was tampered with."""
    from triage.audit import AuditStore

    result = AuditStore(audit).verify()
    if result.ok:
        Console().print(f"audit trail OK: {result.records} records, head {result.head[:16]}…")
        return
    console.print(
        f"[bold red]audit trail BROKEN[/] at record {result.first_bad_seq}: "
        f"{result.problem} ({result.records} records read)"
    )
    raise typer.Exit(code=1)


@audit_app.command("review")
def audit_review(
    decision_id: Annotated[str, typer.Argument(help="The decision reviewed.")],
    department: Annotated[str, typer.Option(help="The department the agent chose.")],
    by: Annotated[str, typer.Option("--by", help="Reviewer id.")],
    reason: Annotated[str, typer.Option(help="Why (optional).")] = "",
    audit: AuditOption = None,
) -> None:
    """Record a human review (confirmation or override) as a new event."""
    from triage.audit import AuditStore

    try:
        record = AuditStore(audit).record_review(
            decision_id, department=department, reviewer=by, reason=reason
        )
    except TriageError as exc:
        raise _fail(exc) from exc
    Console().print(f"review recorded ({record.payload['outcome']}), event {record.seq}")


@audit_app.command("export-reviewed")
def audit_export_reviewed(
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL training file.")],
    audit: AuditOption = None,
) -> None:
    """Write reviewed decisions (anonymised text, final department) for `triage train`."""
    from triage.audit import AuditStore
    from triage.io import write_jsonl_line

    rows = AuditStore(audit).reviewed()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        for row in rows:
            write_jsonl_line(out, row)
    Console().print(f"{len(rows)} reviewed decisions -> {output}")


@audit_app.command("purge")
def audit_purge(
    older_than_days: Annotated[int, typer.Option(min=0, help="Retention period in days.")],
    audit: AuditOption = None,
) -> None:
    """Delete records older than the retention period; the chain still verifies after."""
    from triage.audit import AuditStore

    try:
        count = AuditStore(audit).purge_before(older_than_days)
    except TriageError as exc:
        raise _fail(exc) from exc
    Console().print(f"{count} records purged")


keys_app = typer.Typer(help="API keys of the REST service (stored hashed).", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

KeysOption = Annotated[
    str | None,
    typer.Option(
        "--keys",
        help="API key store: SQLite path or SQLAlchemy URL "
        "(default: TRIAGE_KEYS_URL, else experiments/keys.db).",
    ),
]


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option(help="agent, dpo or admin.")],
    name: Annotated[str, typer.Option(help="Who or what uses the key.")],
    keys: KeysOption = None,
) -> None:
    """Create an API key and print it, once: only its SHA-256 is stored."""
    from triage.serve import KeyStore

    try:
        key, token = KeyStore(keys).create(name=name, role=role)
    except TriageError as exc:
        raise _fail(exc) from exc
    console.print(f"key {key.id} ({key.role}, {key.name}) created; it is shown this once:")
    print(token)


@keys_app.command("list")
def keys_list(keys: KeysOption = None) -> None:
    """List the API keys (ids, roles, names; never the keys themselves)."""
    from triage.serve import KeyStore

    table = Table("id", "role", "name", "created", "revoked")
    for key in KeyStore(keys).list():
        table.add_row(key.id, key.role, key.name, key.created_at, key.revoked_at or "")
    Console().print(table)


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (see `triage keys list`).")],
    keys: KeysOption = None,
) -> None:
    """Revoke an API key: it stops working at once."""
    from triage.serve import KeyStore

    try:
        key = KeyStore(keys).revoke(key_id)
    except TriageError as exc:
        raise _fail(exc) from exc
    Console().print(f"key {key.id} ({key.role}, {key.name}) revoked at {key.revoked_at}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    model: ModelOption = None,
    audit: AuditOption = None,
    keys: KeysOption = None,
    rate_per_minute: Annotated[
        int, typer.Option(min=0, help="Requests per minute and per key (0: no limit).")
    ] = 600,
) -> None:
    """Start the REST service (OpenAPI document at /openapi.json, docs at /docs)."""
    import uvicorn

    from triage.serve import create_app

    _quiet_libraries()
    try:
        from triage.serve.limits import Limits

        service = create_app(
            model=model or DEFAULT_MODEL,
            audit=audit,
            keys=keys,
            limits=Limits(rate_per_minute=rate_per_minute or None),
        )
        _ = service.state.triage.anonymiser.analyzer  # load spaCy before the first request
    except TriageError as exc:
        raise _fail(exc) from exc
    uvicorn.run(service, host=host, port=port)


@bench_app.command("serve")
def bench_serve(
    seconds: Annotated[float, typer.Option(min=1, help="How long the clients send.")] = 60,
    clients: Annotated[int, typer.Option(min=1, help="Concurrent HTTP clients.")] = 8,
    model: ModelOption = None,
    in_process: Annotated[
        bool,
        typer.Option(
            "--in-process", help="Serve from a thread of this process (clients then share its GIL)."
        ),
    ] = False,
) -> None:
    """Load test: the service on loopback, concurrent POST /v1/triage, latency and audit check.

    A fresh audit trail and key store in a temporary folder; exit 1 on any error or when the
    trail does not hold exactly one decision per accepted request.
    """
    from triage.serve.load import bench_serve as run_bench

    _quiet_libraries()
    os.environ.setdefault("TRIAGE_AUDIT_KEY", "benchmark-only-key")
    try:
        result = run_bench(
            model or DEFAULT_MODEL,
            seconds=seconds,
            clients=clients,
            separate_process=not in_process,
        )
    except TriageError as exc:
        raise _fail(exc) from exc
    figures = result.to_dict()
    Console().print(
        f"{figures['clients']} clients, {figures['seconds']} s: {figures['accepted']:,} requests "
        f"accepted ({figures['requests_per_second']} req/s), errors {figures['errors'] or 0}; "
        f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
        f"p99 {figures['p99_ms']} ms; audit trail: {figures['audit_decisions']:,} decisions, "
        + ("one per accepted request" if figures["audit_matches"] else "[red]MISMATCH[/]")
    )
    if figures["errors"] or not figures["audit_matches"]:
        raise typer.Exit(code=1)


def main() -> None:  # pragma: no cover - console entry point
    """Run the CLI."""
    sys.exit(app())
