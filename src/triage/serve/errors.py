"""The service's error answers: one JSON shape, ``{"error", "message", "field"}``, never a 500."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from triage.exceptions import InputError, TriageError

__all__ = ["ApiError", "error_body", "install_error_handlers"]


class ApiError(TriageError):
    """A request the service refuses, with its HTTP status.

    Parameters
    ----------
    status
        The HTTP status (401, 403, 404, 413, 422, 429...).
    code
        A stable, machine-readable name (``unauthorized``, ``text_too_long``...).
    message
        What was wrong and what to do.
    field
        The request field at fault (``text``, ``requests[3].text``), when there is one.
    headers
        Extra response headers (``WWW-Authenticate``, ``Retry-After``).
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The JSON body of every error answer."""
    return {"error": code, "message": message, "field": field}


def _location(loc: Sequence[Any]) -> str:
    """``("body", "requests", 3, "text")`` -> ``requests[3].text``."""
    out = ""
    for part in loc[1:] if loc and loc[0] in {"body", "query", "path", "header"} else loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or str(loc[0] if loc else "body")


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(
        error_body(exc.code, exc.message, exc.field), exc.status, headers=exc.headers
    )


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request"}
    field = _location(first.get("loc", ("body",)))
    message = f"{field}: {first.get('msg', 'invalid value')}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem(s))"
    return JSONResponse(error_body("invalid_request", message, field), 422)


async def _triage_error(_: Request, exc: Exception) -> JSONResponse:
    status = 422 if isinstance(exc, InputError) else 409
    return JSONResponse(error_body(type(exc).__name__, str(exc)), status)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return JSONResponse(
        error_body(code, str(exc.detail)), exc.status_code, headers=exc.headers or None
    )


def install_error_handlers(app: FastAPI) -> None:
    """Answer refused requests in the service's JSON shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(TriageError, _triage_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
