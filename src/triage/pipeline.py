"""The main job: anonymise -> classify -> decide -> explain -> audit, for one request or many."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.anonymise import Anonymiser
from triage.audit import AuditEntry, AuditStore, keyed_hash
from triage.classify.model import Decision, RoutingModel, folder_digest
from triage.explain.base import Explainer
from triage.records import SCHEMA_VERSION, Entity, Redaction
from triage.taxonomy import HUMAN_REVIEW

__all__ = ["Request", "Triage", "TriageDecision", "route_redactions"]

Progress = Callable[[int], None]
_KEY_FILE = Path("experiments/audit.key")


@dataclass(frozen=True)
class Request:
    """An incoming request."""

    text: str
    id: str | None = None
    language: str | None = None
    channel: str | None = None
    received_at: str | None = None


@dataclass(frozen=True)
class TriageDecision:
    """The outcome for one request: where it goes, why, and what the model saw."""

    decision_id: str
    request_id: str | None
    department: str | None
    queue: str
    confidence: float
    scores: dict[str, float]
    reason: str | None
    anonymised_text: str
    language: str | None
    entities: tuple[Entity, ...] = ()
    explanation: dict[str, Any] | None = None
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (no raw personal data)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.request_id,
            "decision_id": self.decision_id,
            "department": self.department,
            "queue": self.queue,
            "confidence": round(self.confidence, 4),
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "reason": self.reason,
            "language": self.language,
            "anonymised_text": self.anonymised_text,
            "entities": [{"type": e.type, "start": e.start, "end": e.end} for e in self.entities],
            "explanation": self.explanation,
            "created_at": self.created_at,
        }


def _audit_key() -> bytes:
    """Key of the raw-text HMAC: TRIAGE_AUDIT_KEY, else a local key file created once."""
    value = os.environ.get("TRIAGE_AUDIT_KEY")
    if value:
        return value.encode("utf-8")
    if not _KEY_FILE.is_file():
        _KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        _KEY_FILE.write_text(secrets.token_hex(32), encoding="utf-8")
        _KEY_FILE.chmod(0o600)
    return _KEY_FILE.read_text(encoding="utf-8").strip().encode("utf-8")


class Triage:
    """Route requests with a trained model, recording every decision in the audit trail.

    Parameters
    ----------
    model
        A :class:`RoutingModel`, a model folder or ``models:/`` URI; default ``models/default``.
    anonymiser
        Default: the anonymiser configuration saved with the model.
    audit
        An :class:`AuditStore`, a URL or path; default :func:`triage.audit.default_audit_url`.
    explainer
        Default: a :class:`triage.explain.ShapExplainer` on the model, built on first use.
    explain
        Whether decisions are explained unless :meth:`process_batch` says otherwise.
    store_text
        Whether the anonymised text goes into the audit record (needed to export corrections).
    anonymiser_processes
        spaCy worker processes of the default anonymiser (2 is fastest on 2 cores).
    """

    def __init__(
        self,
        model: RoutingModel | str | Path | None = None,
        *,
        anonymiser: Anonymiser | None = None,
        audit: AuditStore | str | Path | None = None,
        explainer: Explainer | None = None,
        explain: bool = False,
        store_text: bool = True,
        anonymiser_processes: int = 1,
        model_name: str = "triage-router",
    ) -> None:
        self.model = (
            model
            if isinstance(model, RoutingModel)
            else RoutingModel.load(model or "models/default")
        )
        folder = Path(self.model.metadata.get("folder", "."))
        self.anonymiser = anonymiser or Anonymiser(
            folder / "anonymiser.yaml", n_process=anonymiser_processes
        )
        self.audit = audit if isinstance(audit, AuditStore) else AuditStore(audit)
        self.store_text = store_text
        self.explain = explain
        self._explainer = explainer
        #: What the audit records say of the model: name, URI, folder hash, creation date.
        self.model_info = {
            "name": model_name,
            "uri": str(model) if isinstance(model, str | Path) else str(folder),
            "hash": folder_digest(folder) if (folder / "triage_model.json").is_file() else None,
            "created": self.model.metadata.get("created"),
        }
        self._key = _audit_key()

    def close(self) -> None:
        """Stop the anonymiser's worker processes, if any, and release the audit store."""
        self.anonymiser.close()
        self.audit.engine.dispose()

    def __enter__(self) -> Triage:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def explainer(self) -> Explainer:
        """The explanation stage (SHAP by default), built when first needed."""
        if self._explainer is None:
            from triage.explain import ShapExplainer

            self._explainer = ShapExplainer(self.model)
        return self._explainer

    def process(self, request: Request | str, *, explain: bool | None = None) -> TriageDecision:
        """Decide for one request."""
        return self.process_batch([request], explain=explain)[0]

    def process_batch(
        self,
        requests: Sequence[Request | str],
        *,
        explain: bool | None = None,
        progress: Progress | None = None,
    ) -> list[TriageDecision]:
        """Decide for many requests; a request that fails goes to human review (reason error).

        With ``explain`` (default: the ``explain`` given at construction), each routed request
        gets the SHAP explanation of its top-scoring department, human review included.
        """
        items = _requests(requests)
        if not items:
            return []
        return self._finish(items, self._anonymise(items), explain, progress)

    def process_stream(
        self,
        batches: Iterable[Sequence[Request | str]],
        *,
        explain: bool | None = None,
        progress: Progress | None = None,
        prefetch: bool = False,
    ) -> Iterator[list[TriageDecision]]:
        """Decide batch after batch, yielding each batch's decisions in order.

        With ``prefetch``, the next batch is anonymised in a background thread while the model
        routes this one (batches are then drawn one ahead). On 2 cores this did not pay: see
        ``triage bench pipeline``, which times both.
        """
        if not prefetch:
            for batch in batches:
                yield self.process_batch(batch, explain=explain, progress=progress)
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="anonymise") as pool:
            pending: tuple[list[Request], Future[list[Any]]] | None = None
            for batch in batches:
                items = _requests(batch)
                ahead = (items, pool.submit(self._anonymise, items))
                if pending is not None:
                    yield self._finish(pending[0], pending[1].result(), explain, progress)
                pending = ahead
            if pending is not None:
                yield self._finish(pending[0], pending[1].result(), explain, progress)

    def _anonymise(self, items: list[Request]) -> list[Any]:
        if not items:
            return []
        return self.anonymiser.anonymise_batch(
            [r.text for r in items], [r.language for r in items], return_errors=True
        )

    def _finish(
        self,
        items: list[Request],
        redactions: list[Any],
        explain: bool | None,
        progress: Progress | None,
    ) -> list[TriageDecision]:
        """Route, explain and audit anonymised requests."""
        by_index = route_redactions(self.model, redactions)
        explain = self.explain if explain is None else explain
        out, entries = [], []
        for index, (request, redaction) in enumerate(zip(items, redactions, strict=True)):
            decision = self._decision(request, redaction, by_index.get(index))
            if explain and index in by_index:
                decision = self._explained(decision)
            out.append(decision)
            entries.append(
                AuditEntry(
                    "decision",
                    decision.decision_id,
                    self._payload(request, redaction, decision),
                    request_id=request.id,
                )
            )
            if progress is not None:
                progress(1)
        # One transaction per batch: a batch is recorded whole or not at all (a rerun redoes it).
        self.audit.append_many(entries)
        return out

    def _explained(self, decision: TriageDecision) -> TriageDecision:
        label = max(decision.scores, key=decision.scores.__getitem__)
        try:
            explanation = self.explainer.explain([decision.anonymised_text], [label])[0]
        except Exception as error:  # an explanation failure must not lose the decision
            return replace(decision, explanation={"error": type(error).__name__})
        return replace(decision, explanation=explanation.to_dict())

    def _decision(self, request: Request, redaction: Any, routed: Any) -> TriageDecision:
        decision_id = str(uuid.uuid4())
        if not isinstance(redaction, Redaction):
            return TriageDecision(
                decision_id, request.id, None, HUMAN_REVIEW, 0.0, {}, "error", "", request.language
            )
        if routed is None:
            return TriageDecision(
                decision_id,
                request.id,
                None,
                HUMAN_REVIEW,
                0.0,
                {},
                "empty_after_anonymisation",
                redaction.anonymised_text,
                redaction.language,
                redaction.entities,
            )
        return TriageDecision(
            decision_id,
            request.id,
            routed.department,
            routed.queue,
            routed.confidence,
            routed.scores,
            routed.reason,
            redaction.anonymised_text,
            redaction.language,
            redaction.entities,
        )

    def _payload(
        self, request: Request, redaction: Any, decision: TriageDecision
    ) -> dict[str, Any]:
        is_ok = isinstance(redaction, Redaction)
        payload: dict[str, Any] = {
            "model": self.model_info,
            "anonymiser_config_hash": self.anonymiser.config_hash,
            "entity_counts": redaction.entity_counts if is_ok else {},
            "entities": [
                {"type": e.type, "start": e.start, "end": e.end} for e in decision.entities
            ],
            "input_length": len(request.text) if isinstance(request.text, str) else 0,
            "raw_text_hmac": keyed_hash(request.text, self._key)
            if isinstance(request.text, str)
            else None,
            "channel": request.channel,
            "received_at": request.received_at,
            "language": decision.language,
            "department": decision.department,
            "queue": decision.queue,
            "confidence": round(decision.confidence, 4),
            "scores": {k: round(v, 4) for k, v in decision.scores.items()},
            "threshold": self.model.threshold,
            "reason": decision.reason,
            "error": None if is_ok else str(redaction),
            "explanation": decision.explanation,
        }
        if self.store_text:
            payload["anonymised_text"] = decision.anonymised_text
        return payload


def decision_from_record(record: Any) -> dict[str, Any]:
    """The output line of a decision already in the audit trail (for resumed batches)."""
    payload = record.payload
    return {
        "schema_version": SCHEMA_VERSION,
        "id": payload.get("request_id"),
        "decision_id": record.decision_id,
        "department": payload.get("department"),
        "queue": payload.get("queue"),
        "confidence": payload.get("confidence"),
        "scores": payload.get("scores", {}),
        "reason": payload.get("reason"),
        "language": payload.get("language"),
        "anonymised_text": payload.get("anonymised_text"),
        "entities": payload.get("entities", []),
        "explanation": payload.get("explanation"),
        "created_at": record.created_at,
    }


def route_redactions(model: RoutingModel, redactions: Sequence[Any]) -> dict[int, Decision]:
    """Route the anonymised texts worth routing; index -> decision.

    A failed anonymisation (an exception in the list), an empty text or a text that is only
    placeholders gets no decision: the caller sends it to human review with its reason.
    """
    routable = [
        i
        for i, x in enumerate(redactions)
        if isinstance(x, Redaction)
        and x.anonymised_text.strip()
        and not _only_placeholders(x.anonymised_text)
    ]
    decided = model.route([redactions[i].anonymised_text for i in routable])
    return dict(zip(routable, decided, strict=True))


def _requests(requests: Sequence[Request | str]) -> list[Request]:
    return [r if isinstance(r, Request) else Request(text=r) for r in requests]


def _only_placeholders(text: str) -> bool:
    import re

    return not re.sub(r"<[A-Z_]+_\d+>|[\W_]", "", text)
