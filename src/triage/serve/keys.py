"""API keys: random tokens whose SHA-256 alone is stored, each with one role."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

from sqlalchemy import Column, Engine, MetaData, String, Table, create_engine, insert, select

from triage.audit import database_url, make_sqlite_folder
from triage.exceptions import InputError

__all__ = ["ROLES", "ApiKey", "KeyStore", "Role", "default_keys_url"]

Role = Literal["agent", "dpo", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
_PREFIX = "trk"

_metadata = MetaData()
api_keys = Table(
    "api_keys",
    _metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)


def default_keys_url() -> str:
    """``TRIAGE_KEYS_URL`` if set, else a SQLite file under ``experiments/``."""
    return os.environ.get("TRIAGE_KEYS_URL") or (
        "sqlite:///" + str(Path("experiments/keys.db").resolve())
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ApiKey:
    """A stored key, without its secret."""

    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


class KeyStore:
    """The API keys in a database.

    A key reads ``trk_<id>_<secret>``: the id finds the row, then the SHA-256 of the whole key
    is compared in constant time with the stored one. The secret (32 random bytes) is shown once,
    at creation; a lost key is revoked and replaced.

    Parameters
    ----------
    url
        SQLAlchemy URL or file path; default :func:`default_keys_url`.
    """

    def __init__(self, url: str | Path | None = None) -> None:
        self.url = database_url(url if url is not None else default_keys_url())
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (the table is created on first use)."""
        if self._engine is None:
            make_sqlite_folder(self.url)
            engine = create_engine(self.url, future=True)
            _metadata.create_all(engine)
            self._engine = engine
        return self._engine

    def create(self, *, name: str, role: str) -> tuple[ApiKey, str]:
        """Store a new key; returns it and the raw key (shown once, never stored)."""
        if role not in ROLES:
            raise InputError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        if not name.strip():
            raise InputError("a key needs a name (who or what uses it)")
        key_id = secrets.token_hex(6)
        token = f"{_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        key = ApiKey(key_id, name.strip(), role, datetime.now(UTC).isoformat(timespec="seconds"))
        with self.engine.begin() as conn:
            conn.execute(insert(api_keys).values(**key.to_dict(), hash=_digest(token)))
        return key, token

    def authenticate(self, token: str) -> ApiKey | None:
        """The live key this raw key is, or ``None`` (unknown, wrong or revoked)."""
        parts = token.split("_")
        if len(parts) < 3 or parts[0] != _PREFIX:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.id == parts[1])).first()
        if row is None or row.revoked_at is not None:
            return None
        if not hmac.compare_digest(row.hash, _digest(token)):
            return None
        return _key(row)

    def list(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))
            return [_key(row) for row in rows]

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key (it stays listed, with the time of revocation)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
            if row is None:
                raise InputError(f"no API key {key_id!r} (see `triage keys list`)")
            if row.revoked_at is None:
                conn.execute(
                    api_keys.update().where(api_keys.c.id == key_id).values(revoked_at=now)
                )
            row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).one()
        return _key(row)


def _key(row: Any) -> ApiKey:
    return ApiKey(row.id, row.name, row.role, row.created_at, row.revoked_at)
