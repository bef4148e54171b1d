"""Tamper-evident, append-only audit trail (SQLAlchemy: SQLite by default, PostgreSQL by URL).

Every event (a decision, a human review, a retention purge) is one row that is never updated:
its SHA-256 hash covers the canonical JSON of the event and the previous event's hash, so
changing, deleting, inserting or reordering any row breaks the chain from that row on, and
:meth:`AuditStore.verify` names the first bad row. Purging old rows records an anchor (the hash
of the last purged row) so that the remaining chain still verifies.

Nothing here takes raw text: callers pass what may be persisted (types, offsets, scores,
anonymised text, a keyed hash of the raw text).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Engine

from triage.exceptions import InputError

__all__ = [
    "AuditEntry",
    "AuditRecord",
    "AuditStore",
    "VerifyResult",
    "database_url",
    "default_audit_url",
    "keyed_hash",
    "make_sqlite_folder",
]

SCHEMA_VERSION = 1
GENESIS = "0" * 64
KINDS = ("decision", "review", "explanation", "retention")

_metadata = MetaData()
events = Table(
    "audit_events",
    _metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("decision_id", String(36), nullable=False, index=True),
    Column("request_id", String(200), nullable=True, index=True),
    Column("kind", String(16), nullable=False),
    Column("created_at", String(32), nullable=False, index=True),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
anchors = Table(
    "audit_anchors",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(32), nullable=False),
    Column("last_purged_seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)


def default_audit_url() -> str:
    """``TRIAGE_AUDIT_URL`` if set, else a SQLite file under ``experiments/``."""
    return os.environ.get("TRIAGE_AUDIT_URL") or (
        "sqlite:///" + str(Path("experiments/audit.db").resolve())
    )


def database_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a URL or a file path (a path becomes an absolute SQLite URL)."""
    text = str(location)
    return text if "://" in text else "sqlite:///" + str(Path(text).resolve())


def make_sqlite_folder(url: str) -> None:
    """Create the folder of a SQLite database file, so the engine can create the file."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


def keyed_hash(raw_text: str, key: bytes) -> str:
    """HMAC-SHA-256 of a raw text: finds duplicates, and cannot be reversed without the key."""
    return hmac.new(key, raw_text.encode("utf-8"), hashlib.sha256).hexdigest()


def _canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _chain_hash(
    prev_hash: str,
    seq: int,
    event_id: str,
    decision_id: str,
    kind: str,
    created_at: str,
    payload: str,
) -> str:
    body = _canonical(
        {
            "seq": seq,
            "event_id": event_id,
            "decision_id": decision_id,
            "kind": kind,
            "created_at": created_at,
            "payload": payload,
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditRecord:
    """One event of the trail, as stored."""

    seq: int
    event_id: str
    decision_id: str
    kind: str
    created_at: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "seq": self.seq,
            "event_id": self.event_id,
            "decision_id": self.decision_id,
            "kind": self.kind,
            "created_at": self.created_at,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditEntry:
    """An event to append with :meth:`AuditStore.append_many`.

    ``created_at`` (ISO 8601, UTC) is for imports and synthetic trails; by default, the time of
    appending. It is covered by the hash like every other field.
    """

    kind: str
    decision_id: str
    payload: dict[str, Any]
    request_id: str | None = None
    created_at: str | None = None


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain verification."""

    ok: bool
    records: int
    first_bad_seq: int | None = None
    problem: str | None = None
    head: str = GENESIS


class AuditStore:
    """The audit trail in a database.

    Parameters
    ----------
    url
        SQLAlchemy URL (``sqlite:///path.db``, ``postgresql+psycopg://...``) or a file path;
        default :func:`default_audit_url`.
    """

    def __init__(self, url: str | Path | None = None) -> None:
        self.url = database_url(url if url is not None else default_audit_url())
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (tables created on first use; SQLite in WAL mode)."""
        if self._engine is None:
            make_sqlite_folder(self.url)
            engine = create_engine(self.url, future=True)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
                event.listen(engine, "begin", _sqlite_begin)
            # Under the write lock: several processes may create the tables at once, and a
            # deferred SQLite transaction that must upgrade its lock fails instead of waiting.
            with engine.connect().execution_options(immediate=True) as conn, conn.begin():
                _metadata.create_all(conn)
            self._engine = engine
        return self._engine

    # -- writing ---------------------------------------------------------------------------
    def append(
        self, kind: str, decision_id: str, payload: dict[str, Any], *, request_id: str | None = None
    ) -> AuditRecord:
        """Append one event; returns it with its place in the chain.

        ``request_id`` (the caller's id of the request) is stored in its own indexed column so
        that a rerun can find what was already decided; it is also inside the hashed payload.
        """
        if kind not in KINDS:
            raise InputError(f"unknown audit event kind {kind!r}; one of {KINDS}")
        extra = {"request_id": request_id} if request_id is not None else {}
        body = _canonical({"schema_version": SCHEMA_VERSION, **payload, **extra})
        created_at = datetime.now(UTC).isoformat(timespec="microseconds")
        event_id = str(uuid.uuid4())
        with self._write() as conn:
            last = conn.execute(
                select(events.c.seq, events.c.hash).order_by(events.c.seq.desc()).limit(1)
            ).first()
            if last is None:
                prev_hash, seq = _chain_start(conn)
            else:
                prev_hash, seq = last.hash, last.seq + 1
            digest = _chain_hash(prev_hash, seq, event_id, decision_id, kind, created_at, body)
            conn.execute(
                insert(events).values(
                    seq=seq,
                    event_id=event_id,
                    decision_id=decision_id,
                    request_id=request_id,
                    kind=kind,
                    created_at=created_at,
                    payload=body,
                    prev_hash=prev_hash,
                    hash=digest,
                )
            )
        return AuditRecord(
            seq, event_id, decision_id, kind, created_at, json.loads(body), prev_hash, digest
        )

    def append_many(self, entries: Iterable[AuditEntry], *, batch_size: int = 5000) -> int:
        """Append many events in chain order, a few thousand per transaction; returns the count.

        Each batch is one write transaction holding the chain lock, so the chain stays whole
        when other writers append between batches.
        """
        batch: list[AuditEntry] = []
        count = 0
        for entry in entries:
            if entry.kind not in KINDS:
                raise InputError(f"unknown audit event kind {entry.kind!r}; one of {KINDS}")
            batch.append(entry)
            if len(batch) >= batch_size:
                count += self._insert_batch(batch)
                batch = []
        if batch:
            count += self._insert_batch(batch)
        return count

    def _insert_batch(self, batch: list[AuditEntry]) -> int:
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        with self._write() as conn:
            last = conn.execute(
                select(events.c.seq, events.c.hash).order_by(events.c.seq.desc()).limit(1)
            ).first()
            prev_hash, seq = _chain_start(conn) if last is None else (last.hash, last.seq + 1)
            rows = []
            for entry in batch:
                extra = {"request_id": entry.request_id} if entry.request_id is not None else {}
                body = _canonical({"schema_version": SCHEMA_VERSION, **entry.payload, **extra})
                created_at = entry.created_at or now
                event_id = str(uuid.uuid4())
                digest = _chain_hash(
                    prev_hash, seq, event_id, entry.decision_id, entry.kind, created_at, body
                )
                rows.append(
                    {
                        "seq": seq,
                        "event_id": event_id,
                        "decision_id": entry.decision_id,
                        "request_id": entry.request_id,
                        "kind": entry.kind,
                        "created_at": created_at,
                        "payload": body,
                        "prev_hash": prev_hash,
                        "hash": digest,
                    }
                )
                prev_hash, seq = digest, seq + 1
            conn.execute(insert(events), rows)
        return len(rows)

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """A write transaction holding the chain lock until commit."""
        with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(727001)"))
            yield conn

    def record_decision(
        self, decision_id: str, payload: dict[str, Any], *, request_id: str | None = None
    ) -> AuditRecord:
        """Append a decision record."""
        return self.append("decision", decision_id, payload, request_id=request_id)

    def decided(self, request_ids: list[str]) -> dict[str, AuditRecord]:
        """Decision records already stored for these request ids (for resuming a batch)."""
        found: dict[str, AuditRecord] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(request_ids), 500):
                chunk = request_ids[start : start + 500]
                rows = conn.execute(
                    select(events).where(
                        events.c.kind == "decision", events.c.request_id.in_(chunk)
                    )
                )
                for row in rows:
                    found[row.request_id] = _record(row)
        return found

    def record_review(
        self, decision_id: str, *, department: str, reviewer: str, reason: str = ""
    ) -> AuditRecord:
        """Append a human review: the agent confirms or overrides the department."""
        original = self.decision(decision_id)
        if original is None:
            raise InputError(f"no decision {decision_id!r} in the audit trail")
        if not reviewer.strip():
            raise InputError("a review needs the reviewer's id (--by)")
        previous = original.payload.get("department")
        return self.append(
            "review",
            decision_id,
            {
                "department": department,
                "previous_department": previous,
                "outcome": "confirmed" if department == previous else "overridden",
                "reviewer": reviewer,
                "reason": reason,
            },
        )

    def purge_before(self, days: int) -> int:
        """Delete events older than ``days`` days, keeping the chain verifiable; returns count."""
        if days < 0:
            raise InputError("retention days must be 0 or more")
        cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="microseconds")
        with self._write() as conn:
            old = conn.execute(
                select(events.c.seq, events.c.hash)
                .where(events.c.created_at < cutoff)
                .order_by(events.c.seq)
            ).all()
            if not old:
                return 0
            # purge a prefix only: the chain must stay one piece
            first_kept = conn.execute(
                select(events.c.seq)
                .where(events.c.created_at >= cutoff)
                .order_by(events.c.seq)
                .limit(1)
            ).scalar()
            prefix = [row for row in old if first_kept is None or row.seq < first_kept]
            last = prefix[-1]
            conn.execute(
                insert(anchors).values(
                    created_at=datetime.now(UTC).isoformat(timespec="microseconds"),
                    last_purged_seq=last.seq,
                    hash=last.hash,
                )
            )
            conn.execute(events.delete().where(events.c.seq <= last.seq))
        self.append(
            "retention",
            "retention",
            {"purged_up_to_seq": last.seq, "purged": len(prefix), "days": days},
        )
        return len(prefix)

    # -- reading ---------------------------------------------------------------------------
    def records(self, *, kind: str | None = None) -> Iterator[AuditRecord]:
        """Every event in chain order."""
        query = select(events).order_by(events.c.seq)
        if kind is not None:
            query = query.where(events.c.kind == kind)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _record(row)

    def decision(self, decision_id: str) -> AuditRecord | None:
        """The decision record with this id."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(events).where(
                    events.c.decision_id == decision_id, events.c.kind == "decision"
                )
            ).first()
        return _record(row) if row is not None else None

    def history(self, decision_id: str) -> list[AuditRecord]:
        """Every event about one decision (the decision, its explanations and reviews), in order."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(events).where(events.c.decision_id == decision_id).order_by(events.c.seq)
            ).all()
        return [_record(row) for row in rows]

    def explanation(self, decision_id: str) -> dict[str, Any] | None:
        """The latest explanation appended for a decision after it was made, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(events)
                .where(events.c.decision_id == decision_id, events.c.kind == "explanation")
                .order_by(events.c.seq.desc())
                .limit(1)
            ).first()
        return _record(row).payload.get("explanation") if row is not None else None

    def verify(self) -> VerifyResult:
        """Walk the chain; the first row whose link or hash does not hold is reported."""
        with self.engine.connect() as conn:
            expected_prev, expected_seq = _chain_start(conn)
            count = 0
            for row in conn.execute(select(events).order_by(events.c.seq)):
                count += 1
                problem = None
                if row.seq != expected_seq:
                    problem = f"sequence jumps from {expected_seq - 1} to {row.seq}"
                elif row.prev_hash != expected_prev:
                    problem = (
                        "does not link to the previous record (deleted, inserted or reordered)"
                    )
                elif (
                    _chain_hash(
                        row.prev_hash,
                        row.seq,
                        row.event_id,
                        row.decision_id,
                        row.kind,
                        row.created_at,
                        row.payload,
                    )
                    != row.hash
                ):
                    problem = "content does not match its hash (modified)"
                elif row.request_id != json.loads(row.payload).get("request_id"):
                    problem = "request id column does not match its record (modified)"
                if problem is not None:
                    return VerifyResult(False, count, row.seq, problem, expected_prev)
                expected_prev, expected_seq = row.hash, row.seq + 1
        return VerifyResult(True, count, head=expected_prev)

    def reviewed(self) -> list[dict[str, Any]]:
        """Reviewed decisions as training rows: anonymised text and the final department."""
        final: dict[str, str] = {}
        for review in self.records(kind="review"):
            final[review.decision_id] = review.payload["department"]
        rows = []
        for decision_id, department in final.items():
            record = self.decision(decision_id)
            text_ = record.payload.get("anonymised_text") if record else None
            if text_:
                rows.append({"id": decision_id, "text": text_, "department": department})
        return rows


def _chain_start(conn: Any) -> tuple[str, int]:
    """Previous hash and sequence number of the first record: genesis, or after the last purge."""
    anchor = conn.execute(
        select(anchors.c.hash, anchors.c.last_purged_seq).order_by(anchors.c.id.desc()).limit(1)
    ).first()
    if anchor is None:
        return GENESIS, 1
    return anchor.hash, anchor.last_purged_seq + 1


def _record(row: Any) -> AuditRecord:
    return AuditRecord(
        row.seq,
        row.event_id,
        row.decision_id,
        row.kind,
        row.created_at,
        json.loads(row.payload),
        row.prev_hash,
        row.hash,
    )


def _sqlite_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN (IMMEDIATE), so concurrent appenders queue up
    # instead of reading the same chain head; readers take no lock (WAL).
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN IMMEDIATE start transactions
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
