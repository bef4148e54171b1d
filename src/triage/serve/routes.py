"""Routing requests and reading decisions: the agents' endpoints, and explanations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from triage.audit import AuditRecord
from triage.explain.stored import explain_stored, stored_explanation
from triage.pipeline import Request as TriageRequest
from triage.pipeline import decision_from_record

from .auth import require
from .errors import ApiError
from .keys import ApiKey
from .limits import check_texts
from .schemas import (
    BatchIn,
    BatchOut,
    DecisionOut,
    ErrorOut,
    ExplanationOut,
    ReviewIn,
    ReviewOut,
    TriageIn,
)

__all__ = ["ERRORS", "router"]

#: Documented refusals, shared by every authenticated endpoint.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        401: "Missing, unknown or revoked API key.",
        403: "The key's role may not do this.",
        413: "Body (or batch) too large.",
        422: "Invalid request (the field is named).",
        429: "Too many requests with this key (see Retry-After).",
    }.items()
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such decision."}
}

router = APIRouter(prefix="/v1", responses=ERRORS)


def _pipeline_request(item: Any) -> TriageRequest:
    return TriageRequest(
        text=item.text,
        id=item.id,
        language=item.language,
        channel=item.channel,
        received_at=item.received_at.isoformat() if item.received_at else None,
    )


def _check_languages(request: Request, items: list[Any], *, batch: bool) -> None:
    known = request.app.state.triage.anonymiser.languages
    for index, item in enumerate(items):
        if item.language is not None and item.language.strip().lower() not in known:
            field = f"requests[{index}].language" if batch else "language"
            raise ApiError(
                422,
                "unknown_language",
                f"{field} {item.language!r} is not configured; one of {', '.join(known)} "
                "(or leave it out to detect it)",
                field=field,
            )


@router.post("/triage", tags=["triage"])
def triage_one(
    body: TriageIn, request: Request, key: Annotated[ApiKey, Depends(require("submit"))]
) -> DecisionOut:
    """Route one request: anonymise, classify, decide (explain if asked), and audit it."""
    state = request.app.state
    check_texts([body.text], state.limits, batch=False)
    _check_languages(request, [body], batch=False)
    decision = state.batcher.submit(_pipeline_request(body), explain=body.explain)
    return DecisionOut(**decision.to_dict())


@router.post("/triage/batch", tags=["triage"])
def triage_batch(
    body: BatchIn, request: Request, key: Annotated[ApiKey, Depends(require("submit"))]
) -> BatchOut:
    """Route many requests at once (one audit transaction); decisions keep the request order."""
    state = request.app.state
    check_texts([item.text for item in body.requests], state.limits, batch=True)
    _check_languages(request, list(body.requests), batch=True)
    items = [_pipeline_request(item) for item in body.requests]
    with state.lock:
        decisions = state.triage.process_batch(items, explain=body.explain)
    return BatchOut(decisions=[DecisionOut(**d.to_dict()) for d in decisions])


def _stored(request: Request, decision_id: str) -> AuditRecord:
    record = request.app.state.triage.audit.decision(decision_id)
    if record is None:
        raise ApiError(404, "not_found", f"no decision {decision_id!r} in the audit trail")
    return record


@router.get("/decisions/{decision_id}", tags=["decisions"], responses=_NOT_FOUND)
def get_decision(
    decision_id: str, request: Request, key: Annotated[ApiKey, Depends(require("read_decision"))]
) -> DecisionOut:
    """A decision as recorded, with the human reviews recorded since."""
    record = _stored(request, decision_id)
    reviews = [
        {"seq": r.seq, "created_at": r.created_at}
        | {k: v for k, v in r.payload.items() if k != "schema_version"}
        for r in request.app.state.triage.audit.history(decision_id)
        if r.kind == "review"
    ]
    return DecisionOut(**decision_from_record(record), reviews=reviews)


@router.get("/decisions/{decision_id}/explanation", tags=["decisions"], responses=_NOT_FOUND)
def get_explanation(
    decision_id: str, request: Request, key: Annotated[ApiKey, Depends(require("explain"))]
) -> ExplanationOut:
    """The decision's SHAP explanation; computed now (and audited) if it was never explained."""
    state = request.app.state
    record = _stored(request, decision_id)
    found = stored_explanation(record, state.triage.audit)
    if found is not None:
        return ExplanationOut(decision_id=decision_id, source=found[0], explanation=found[1])
    model = record.payload.get("model") or {}
    if model.get("hash") not in (None, state.model_hash):
        raise ApiError(
            409,
            "other_model",
            f"decision {decision_id} was made by another model ({model.get('uri')}); explain it "
            f"with `triage explain {decision_id} --model <that model>`",
        )
    with state.lock:
        data = explain_stored(
            record, state.triage.audit, state.triage.explainer, model_uri=str(state.model_folder)
        )
    return ExplanationOut(decision_id=decision_id, source="computed", explanation=data)


@router.post("/decisions/{decision_id}/review", tags=["decisions"], responses=_NOT_FOUND)
def review_decision(
    decision_id: str,
    body: ReviewIn,
    request: Request,
    key: Annotated[ApiKey, Depends(require("review"))],
) -> ReviewOut:
    """Confirm or override the department; recorded in the trail with the key's id as reviewer."""
    audit = request.app.state.triage.audit
    labels = request.app.state.triage.model.labels
    _stored(request, decision_id)
    if body.department not in labels:
        raise ApiError(
            422,
            "unknown_department",
            f"department {body.department!r} is not one of {', '.join(labels)}",
            field="department",
        )
    record = audit.record_review(
        decision_id, department=body.department, reviewer=key.id, reason=body.reason
    )
    return ReviewOut(decision_id=decision_id, seq=record.seq, **_review_fields(record.payload))


def _review_fields(payload: dict[str, Any]) -> dict[str, Any]:
    names = ("department", "previous_department", "outcome", "reviewer", "reason")
    return {name: payload.get(name) for name in names}
