"""Who may call what: the API key from the request, checked against the role an action needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError
from .keys import ApiKey

__all__ = ["PERMISSIONS", "require"]

#: The roles allowed each action. A DPO reads reports, verifies the trail and sees explanations
#: but submits nothing; re-identification is not offered (the pipeline keeps no ciphertexts).
PERMISSIONS: dict[str, frozenset[str]] = {
    "submit": frozenset({"agent"}),
    "read_decision": frozenset({"agent"}),
    "review": frozenset({"agent"}),
    "explain": frozenset({"dpo"}),
    "report": frozenset({"dpo"}),
    "verify": frozenset({"dpo"}),
    "keys": frozenset({"admin"}),
}

_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="The API key")


def _caller(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    header: Annotated[str | None, Security(_header)],
) -> ApiKey:
    token = bearer.credentials if bearer is not None else header
    key = request.app.state.keys.authenticate(token) if token else None
    if key is None:
        raise ApiError(
            401,
            "unauthorized",
            "a valid API key is needed: send 'Authorization: Bearer <key>' or 'X-API-Key'"
            if not token
            else "this API key is unknown or revoked",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return key


def require(action: str) -> Callable[..., Any]:
    """A dependency returning the caller's key when its role may do ``action`` (else 401/403).

    Callers are counted against their rate limit once authorised.
    """
    roles = PERMISSIONS[action]

    def check(request: Request, key: Annotated[ApiKey, Depends(_caller)]) -> ApiKey:
        if key.role not in roles:
            raise ApiError(
                403,
                "forbidden",
                f"the {key.role} role may not {action.replace('_', ' ')}; "
                f"this needs the {' or '.join(sorted(roles))} role",
            )
        request.app.state.rate.take(key.id)
        return key

    return check
