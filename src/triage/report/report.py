"""The transparency report: one self-contained HTML file for a DPO, a citizen or a regulator."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from triage.audit import AuditStore
from triage.taxonomy import HUMAN_REVIEW

from . import charts
from .data import Activity, Integrity, collect
from .drift import MODERATE, SIGNIFICANT, Drift, drift
from .modelcard import ModelCard, known_limits, load_model_card
from .render import ServiceContact, render
from .texts import Language, Texts, load_texts

__all__ = ["DEFAULT_PII_RESULTS", "build_report"]

#: The anonymiser's measured figures on the held-out PII corpus (``triage eval-pii``).
DEFAULT_PII_RESULTS = Path("anonymisation/results/pii_test.json")
When = date | datetime | str | None


def build_report(
    audit: AuditStore | str | Path,
    model_folder: str | Path,
    *,
    start: When = None,
    end: When = None,
    language: Language = "fr",
    service: ServiceContact | None = None,
    pii_results: str | Path | None = DEFAULT_PII_RESULTS,
    min_support: int = 5,
) -> str:
    """Write the transparency report over ``[start, end]`` (dates count whole days) as HTML.

    Parameters
    ----------
    audit
        The audit store (or its URL or path).
    model_folder
        The model folder whose card is described (``triage_model.json``).
    min_support
        A word shows in the global explanations only if it pushed at least this many requests.
    pii_results
        JSON written by the PII evaluation; the privacy section says "not available" without.
    """
    store = audit if isinstance(audit, AuditStore) else AuditStore(audit)
    texts = load_texts(language)
    card = load_model_card(model_folder)
    activity, integrity = collect(store, start=start, end=end, min_support=min_support)
    shifts = drift(activity, card)
    service = service or ServiceContact()
    context = {
        "period": _period(start, end, texts),
        "store": _safe_url(store.url),
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "service": service,
        "activity": activity,
        "integrity": integrity,
        "card": card,
        "mlflow_run": _mlflow_run(model_folder),
        "drift": shifts,
        "psi_moderate": MODERATE,
        "psi_significant": SIGNIFICANT,
        "limits": known_limits(card, texts),
        "pii": _pii(pii_results),
        "legal": _legal(texts, _facts(card, activity, integrity, texts, service, model_folder)),
        "figures": _figures(card, activity, shifts, texts),
        "human_review": HUMAN_REVIEW,
        "dept_name": lambda queue: _queue_name(card, queue, texts.LABELS),
        "reasons": texts.REASONS,
        "drift_text": texts.DRIFT,
    }
    return render("report.html.j2", texts, **context)


def _mlflow_run(model_folder: str | Path) -> dict[str, Any] | None:
    """The MLflow run that logged this model folder, looked up by the folder's hash."""
    from triage.classify.model import folder_digest
    from triage.tracking import find_run

    return find_run(folder_digest(model_folder))


def _period(start: When, end: When, texts: Texts) -> str:
    """The period as asked, for people (an open end shows as "…")."""
    if start is None and end is None:
        return texts.LABELS["all_time"]

    def show(value: When) -> str:
        return "…" if value is None else texts.date(str(value))

    return texts.LABELS["period_text"].format(start=show(start), end=show(end))


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _pii(path: str | Path | None) -> dict[str, Any] | None:
    if path is None or not Path(path).is_file():
        return None
    data = json.loads(Path(path).read_text("utf-8"))
    system = (data.get("systems") or {}).get("triage")
    if not system:
        return None
    return {"corpus": data.get("corpus"), "samples": data.get("samples"), **system}


def _entity_types(model_folder: str | Path, activity: Activity) -> list[str]:
    """Entity types the anonymiser looks for (its saved configuration), else those it found."""
    path = Path(model_folder) / "anonymiser.yaml"
    if path.is_file():
        entities = (yaml.safe_load(path.read_text("utf-8")) or {}).get("entities")
        if entities:
            return list(entities)
    return list(activity.entities)


def _facts(
    card: ModelCard,
    activity: Activity,
    integrity: Integrity,
    texts: Texts,
    service: ServiceContact,
    model_folder: str | Path,
) -> dict[str, Any]:
    """Every value the legal texts quote, from the data."""
    meta, labels = card.metadata, texts.LABELS
    weight = float(meta.get("ensemble_weight", 1.0))
    decisions = activity.decisions
    config = meta.get("training_config") or {}
    retention = activity.retention_days
    verify = integrity.verify
    return {
        "organisation": service.name or labels["to_complete"],
        "contact": service.contact or labels["to_complete"],
        "dpo": service.dpo or labels["to_complete"],
        "to_complete": labels["to_complete"],
        "n_departments": len(card.taxonomy.departments),
        "departments": ", ".join(d.label for d in card.taxonomy.departments),
        "out_of_scope": card.taxonomy.out_of_scope.label,
        "threshold": texts.pct(meta.get("threshold"), 1),
        "target_precision": texts.pct(config.get("target_precision"), 0),
        "min_margin": texts.num(meta.get("min_margin", 0.0), 2),
        "temperature": texts.num(meta.get("temperature"), 2),
        "ensemble": texts.pct(weight, 0),
        "baseline_weight": texts.pct(1 - weight, 0),
        "base_model": meta.get("base_model") or "—",
        "model_created": texts.timestamp(meta.get("created")),
        "model_hash": ", ".join(activity.models) or "—",
        "train_rows": texts.num(sum(card.train_counts.values())),
        "data_file": (meta.get("data") or {}).get("file", "—"),
        "entity_types": ", ".join(
            texts.entity_name(e) for e in _entity_types(model_folder, activity)
        ),
        "auto_share": texts.pct(activity.auto_routed / decisions) if decisions else "—",
        "review_share": texts.pct(1 - activity.auto_routed / decisions) if decisions else "—",
        "reviews": texts.num(activity.review_count),
        "overrides": texts.num(activity.override_count),
        "records": texts.num(integrity.records),
        "chain": labels["chain_ok"]
        if verify.ok
        else labels["chain_bad"].format(seq=verify.first_bad_seq, problem=verify.problem),
        "retention": labels["to_complete"]
        if retention is None
        else labels["retention_days"].format(days=retention),
    }


def _legal(texts: Texts, facts: dict[str, Any]) -> dict[str, Any]:
    """The legal paragraphs with the facts filled in."""

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return value.format(**facts)
        if isinstance(value, list):
            return [fill(v) for v in value]
        if isinstance(value, tuple):
            return tuple(fill(v) for v in value)
        return {k: fill(v) for k, v in value.items()}

    return {
        "processing": fill(texts.PROCESSING),
        "register": fill(texts.REGISTER),
        "inventory": fill(texts.INVENTORY),
        "ai_act": fill(texts.AI_ACT),
    }


def _figures(card: ModelCard, activity: Activity, shifts: Drift, texts: Texts) -> dict[str, str]:
    """Every chart, as a data URI; a chart without data is left out."""
    text, labels, out = texts.CHARTS, texts.LABELS, {}
    meta = card.metadata
    if activity.decisions:
        queues = [_queue_name(card, q, labels) for q in activity.queues]
        out["queues"] = charts.bars(queues, list(activity.queues.values()), text["departments"])
        out["days"] = charts.daily(list(activity.days), list(activity.days.values()), text["days"])
        total = sum(activity.confidence) or 1
        reference = shifts.confidence.expected if shifts.confidence else None
        out["confidence"] = charts.histogram(
            [c / total for c in activity.confidence],
            reference,
            text,
            names=(labels["expected"], labels["observed"]),
        )
    if shifts.departments is not None:
        out["drift"] = charts.grouped_bars(
            [card.label_name(x) for x in shifts.departments.labels],
            {
                labels["expected"]: shifts.departments.expected,
                labels["observed"]: shifts.departments.observed,
            },
            text["drift"],
        )
    if meta.get("reliability"):
        out["reliability"] = charts.reliability(meta["reliability"], text)
    if card.tradeoff:
        curve_names = (labels["coverage"], labels["auto_precision"])
        out["tradeoff"] = charts.tradeoff(card.tradeoff, meta["threshold"], text, names=curve_names)
    if card.model_metrics.get("confusion"):
        out["confusion"] = charts.confusion(card.model_metrics["confusion"], card.labels, text)
    if activity.words:
        panels = [
            (card.label_name(label), [(w.word, w.mean_weight) for w in words])
            for label, words in activity.words.items()
        ]
        out["words"] = charts.word_panels(panels, text["words"])
    return out


def _queue_name(card: ModelCard, queue: str, labels: dict[str, str]) -> str:
    return labels["human_review"] if queue == HUMAN_REVIEW else card.label_name(queue)
