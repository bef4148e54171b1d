"""The DPO's and administrators' endpoints: transparency report, audit verification, API keys."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from triage.exceptions import InputError

from .auth import require
from .errors import ApiError
from .keys import ApiKey
from .routes import ERRORS
from .schemas import ErrorOut, KeyCreatedOut, KeyIn, KeyOut, VerifyOut

__all__ = ["router"]

router = APIRouter(prefix="/v1", responses=ERRORS)


@router.get(
    "/reports/transparency",
    tags=["reports"],
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}}, "description": "One self-contained page."}},
)
def transparency_report(
    request: Request,
    key: Annotated[ApiKey, Depends(require("report"))],
    start: Annotated[date | None, Query(alias="from", description="First day.")] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day, included.")] = None,
    language: Literal["fr", "en"] = "fr",
) -> HTMLResponse:
    """The transparency report (HTML) over a period, for the served model."""
    from triage.report import build_report

    if start is not None and end is not None and start > end:
        raise ApiError(422, "invalid_period", f"from ({start}) is after to ({end})", field="from")
    state = request.app.state
    page = build_report(
        state.triage.audit, state.model_folder, start=start, end=end, language=language
    )
    return HTMLResponse(page)


def _verify(request: Request) -> VerifyOut:
    result = request.app.state.triage.audit.verify()
    return VerifyOut(
        ok=result.ok,
        records=result.records,
        first_bad_seq=result.first_bad_seq,
        problem=result.problem,
        head=result.head,
    )


@router.get("/audit/verify", tags=["audit"])
def verify_get(request: Request, key: Annotated[ApiKey, Depends(require("verify"))]) -> VerifyOut:
    """Walk the audit hash chain; ``ok`` is false with the first bad record if it was altered."""
    return _verify(request)


@router.post("/audit/verify", tags=["audit"])
def verify_post(request: Request, key: Annotated[ApiKey, Depends(require("verify"))]) -> VerifyOut:
    """Same as ``GET /v1/audit/verify``."""
    return _verify(request)


@router.post("/keys", tags=["keys"], status_code=201)
def create_key(
    body: KeyIn, request: Request, key: Annotated[ApiKey, Depends(require("keys"))]
) -> KeyCreatedOut:
    """Create an API key; the key itself is in this answer only (it is stored hashed)."""
    created, token = request.app.state.keys.create(name=body.name, role=body.role)
    return KeyCreatedOut(**created.to_dict(), key=token)


@router.get("/keys", tags=["keys"])
def list_keys(request: Request, key: Annotated[ApiKey, Depends(require("keys"))]) -> list[KeyOut]:
    """Every key, revoked ones included (no secrets)."""
    return [KeyOut(**k.to_dict()) for k in request.app.state.keys.list()]


@router.delete(
    "/keys/{key_id}",
    tags=["keys"],
    responses={404: {"model": ErrorOut, "description": "No such key."}},
)
def revoke_key(
    key_id: str, request: Request, key: Annotated[ApiKey, Depends(require("keys"))]
) -> KeyOut:
    """Revoke a key: it stops working at once and stays listed."""
    try:
        revoked = request.app.state.keys.revoke(key_id)
    except InputError as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    return KeyOut(**revoked.to_dict())
