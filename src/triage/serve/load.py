"""The load test: the service on loopback, concurrent clients, latency and audit figures."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from triage.anonymise import Anonymiser
from triage.audit import AuditStore
from triage.exceptions import InputError
from triage.pipeline import Triage

from .app import create_app
from .keys import KeyStore
from .limits import Limits

__all__ = ["LoadResult", "bench_serve", "load_test", "serve_in_thread"]

DEFAULT_TEXTS = Path("experiments/data/municipal/municipal_requests.jsonl")


@dataclass(frozen=True)
class LoadResult:
    """What a load test measured."""

    seconds: float
    clients: int
    accepted: int
    errors: dict[str, int]
    latencies_ms: tuple[float, ...] = field(repr=False)
    audit_decisions: int
    audit_matches: bool

    @property
    def throughput(self) -> float:
        """Accepted requests per second."""
        return self.accepted / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        """Latency percentile in milliseconds (all answers, errors included)."""
        return float(np.percentile(self.latencies_ms, q)) if self.latencies_ms else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {
            "seconds": round(self.seconds, 2),
            "clients": self.clients,
            "accepted": self.accepted,
            "errors": self.errors,
            "requests_per_second": round(self.throughput, 2),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "audit_decisions": self.audit_decisions,
            "audit_matches": self.audit_matches,
        }


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_in_thread(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run an ASGI app with uvicorn in a background thread; yields its base URL."""
    import uvicorn

    port = port or _free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise InputError(f"the service did not start on {host}:{port}")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def serve_in_process(
    model: str | Path, audit: Path, keys: Path, *, host: str = "127.0.0.1"
) -> Iterator[str]:
    """Run ``triage serve`` in its own process (no rate limit); yields its base URL."""
    import httpx

    port = _free_port(host)
    command = [
        str(Path(sys.executable).parent / "triage"), "serve", "--host", host, "--port", str(port),
        "--model", str(model), "--audit", str(audit), "--keys", str(keys),
        "--rate-per-minute", "0",
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise InputError(f"the service did not start on {host}:{port}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _client(
    url: str, token: str, texts: Sequence[str], start: int, until: float, out: dict[str, Any]
) -> None:
    """One client: POST /v1/triage back to back until ``until``; results go into ``out``."""
    import httpx

    latencies, ids, errors = [], [], Counter[str]()
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
        index = start
        while time.perf_counter() < until:
            body = {"text": texts[index % len(texts)], "id": f"load-{start}-{index}"}
            index += 1
            begin = time.perf_counter()
            try:
                answer = http.post("/v1/triage", json=body)
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
                continue
            latencies.append((time.perf_counter() - begin) * 1000)
            if answer.status_code == 200:
                ids.append(answer.json()["decision_id"])
            else:
                errors[str(answer.status_code)] += 1
    with out["lock"]:
        out["latencies"].extend(latencies)
        out["ids"].extend(ids)
        out["errors"].update(errors)


def load_test(
    url: str,
    token: str,
    texts: Sequence[str],
    audit: AuditStore,
    *,
    seconds: float = 60,
    clients: int = 8,
) -> LoadResult:
    """Send requests from ``clients`` threads for ``seconds``; check the trail holds each once."""
    if not texts:
        raise InputError("the load test needs at least one text")
    before = sum(1 for _ in audit.records(kind="decision"))
    out: dict[str, Any] = {"lock": threading.Lock(), "latencies": [], "ids": []}
    out["errors"] = Counter()
    begin = time.perf_counter()
    until = begin + seconds
    threads = [
        threading.Thread(target=_client, args=(url, token, texts, n * 7919, until, out))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - begin
    stored = Counter(r.decision_id for r in audit.records(kind="decision"))
    ids = out["ids"]
    matches = len(stored) - before == len(ids) and all(stored[i] == 1 for i in ids)
    return LoadResult(
        elapsed,
        clients,
        len(ids),
        dict(out["errors"]),
        tuple(out["latencies"]),
        sum(stored.values()) - before,
        matches,
    )


def _texts(data: Path, limit: int = 500) -> list[str]:
    if not data.is_file():
        raise InputError(f"no request file {data} (JSONL with a 'text' field)")
    with data.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line, _ in zip(lines, range(limit), strict=False)]


def bench_serve(
    model: str | Path,
    *,
    seconds: float = 60,
    clients: int = 8,
    data: Path = DEFAULT_TEXTS,
    anonymiser: Anonymiser | None = None,
    separate_process: bool = False,
) -> LoadResult:
    """The whole load test on a fresh audit trail and key store in a temporary folder.

    The rate limit is off (one key sends everything); the other limits keep their defaults.
    ``anonymiser`` (default: the model's) lets a caller reuse one whose spaCy models are loaded.
    With ``separate_process``, the service runs as ``triage serve`` in its own process, so
    the clients do not compete with it for this interpreter's lock (as in production).
    """
    texts = _texts(data)
    if separate_process:
        with tempfile.TemporaryDirectory(prefix="triage-load-") as folder:
            audit_path, keys_path = Path(folder) / "audit.db", Path(folder) / "keys.db"
            keys = KeyStore(keys_path)
            _, token = keys.create(name="load test", role="agent")
            audit = AuditStore(audit_path)
            with serve_in_process(model, audit_path, keys_path) as url:
                result = load_test(url, token, texts, audit, seconds=seconds, clients=clients)
            audit.engine.dispose()
            keys.engine.dispose()
            return result
    with tempfile.TemporaryDirectory(prefix="triage-load-") as folder:
        audit = AuditStore(Path(folder) / "audit.db")
        pipeline = Triage(model, anonymiser=anonymiser, audit=audit)
        _ = pipeline.anonymiser.analyzer  # spaCy loads now, not in the first answer's latency
        keys = KeyStore(Path(folder) / "keys.db")
        _, token = keys.create(name="load test", role="agent")
        app = create_app(pipeline, keys=keys, limits=Limits(rate_per_minute=None))
        try:
            with serve_in_thread(app) as url:
                return load_test(url, token, texts, audit, seconds=seconds, clients=clients)
        finally:
            if anonymiser is None:
                pipeline.anonymiser.close()
            audit.engine.dispose()
            keys.engine.dispose()
