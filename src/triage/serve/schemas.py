"""The JSON the service reads and writes (the OpenAPI document is generated from these)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .keys import Role

__all__ = [
    "BatchIn",
    "BatchOut",
    "DecisionOut",
    "ErrorOut",
    "ExplanationOut",
    "HealthOut",
    "KeyCreatedOut",
    "KeyIn",
    "KeyOut",
    "ReviewIn",
    "ReviewOut",
    "TriageIn",
    "VerifyOut",
]


def _storable(value: str) -> str:
    # A lone surrogate cannot be encoded (hashing, the database); NUL breaks PostgreSQL text.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("not valid Unicode (lone surrogate)") from exc
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


Text = Annotated[str, AfterValidator(_storable)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriageIn(_In):
    """One request to route."""

    text: Text = Field(min_length=1, description="The request as the citizen wrote it.")
    id: Text | None = Field(None, max_length=200, description="Your id of the request.")
    language: Text | None = Field(None, max_length=8, description="fr or en; default: detected.")
    channel: Text | None = Field(None, max_length=50, description="e-mail, web form, letter...")
    received_at: datetime | None = Field(None, description="When the request arrived.")
    explain: bool = Field(False, description="Also compute the SHAP explanation (slower).")


class _Item(_In):
    text: Text = Field(min_length=1)
    id: Text | None = Field(None, max_length=200)
    language: Text | None = Field(None, max_length=8)
    channel: Text | None = Field(None, max_length=50)
    received_at: datetime | None = None


class BatchIn(_In):
    """Many requests, routed together (one audit transaction)."""

    requests: list[_Item] = Field(min_length=1)
    explain: bool = False


class DecisionOut(BaseModel):
    """Where a request goes and why (no raw personal data)."""

    schema_version: int
    id: str | None
    decision_id: str
    department: str | None
    queue: str
    confidence: float | None
    scores: dict[str, float]
    reason: str | None
    language: str | None
    anonymised_text: str | None
    entities: list[dict[str, Any]]
    explanation: dict[str, Any] | None
    created_at: str
    reviews: list[dict[str, Any]] = Field(
        default_factory=list, description="Human reviews recorded since, oldest first."
    )


class BatchOut(BaseModel):
    """The decisions of a batch, in the order of the requests."""

    decisions: list[DecisionOut]


class ExplanationOut(BaseModel):
    """SHAP word weights of the top-scoring department."""

    decision_id: str
    source: str = Field(description="decision, trail (explained later) or computed (just now).")
    explanation: dict[str, Any]


class ReviewIn(_In):
    """A human review: the agent confirms or overrides the department."""

    department: Text = Field(min_length=1, max_length=100)
    reason: Text = Field("", max_length=2000)


class ReviewOut(BaseModel):
    """The review event appended to the audit trail."""

    decision_id: str
    seq: int
    department: str
    previous_department: str | None
    outcome: str
    reviewer: str
    reason: str


class VerifyOut(BaseModel):
    """Outcome of the audit chain verification."""

    ok: bool
    records: int
    first_bad_seq: int | None
    problem: str | None
    head: str


class KeyIn(_In):
    """A key to create."""

    name: Text = Field(min_length=1, max_length=200)
    role: Role


class KeyOut(BaseModel):
    """A stored key, without its secret."""

    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None


class KeyCreatedOut(KeyOut):
    """A new key: ``key`` is shown this once."""

    key: str


class HealthOut(BaseModel):
    """The service is up."""

    status: str
    version: str


class ErrorOut(BaseModel):
    """Every refused request: a stable code, a message, the field at fault if any."""

    error: str
    message: str
    field: str | None
