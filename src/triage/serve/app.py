"""The FastAPI application on the Python API: ``create_app(...)`` then any ASGI server."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI

from triage.audit import AuditStore
from triage.pipeline import Triage

from . import admin, routes
from .batching import MicroBatcher
from .errors import install_error_handlers
from .keys import KeyStore
from .limits import BodySizeLimit, Limits, RateLimiter
from .schemas import HealthOut

__all__ = ["create_app"]


def create_app(
    triage: Triage | None = None,
    *,
    model: str | Path | None = None,
    audit: AuditStore | str | Path | None = None,
    keys: KeyStore | str | Path | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """Build the REST service.

    Parameters
    ----------
    triage
        The pipeline; default ``Triage(model, audit=audit)`` (``model`` and ``audit`` are
        only used to build it).
    keys
        The API key store, a URL or path; default :func:`triage.serve.keys.default_keys_url`.
    limits
        Body, batch, text and rate limits; default :class:`Limits`.

    Notes
    -----
    One thread at a time uses the pipeline (a lock): the anonymiser's spaCy pipeline is not
    documented as thread-safe. Single requests that arrive together are decided as one batch
    (:class:`triage.serve.batching.MicroBatcher`).
    """
    from triage import __version__

    pipeline = triage if triage is not None else Triage(model, audit=audit)
    limits = limits or Limits()
    app = FastAPI(
        title="triage",
        version=__version__,
        description="Privacy-first routing of citizens' requests: every decision is anonymised, "
        "explained on demand and recorded in a tamper-evident audit trail.",
    )
    folder = Path(pipeline.model.metadata.get("folder", "."))
    app.state.triage = pipeline
    app.state.keys = keys if isinstance(keys, KeyStore) else KeyStore(keys)
    app.state.limits = limits
    app.state.rate = RateLimiter(limits.rate_per_minute)
    app.state.lock = threading.Lock()
    app.state.batcher = MicroBatcher(pipeline, app.state.lock)
    app.state.model_folder = folder
    app.state.model_hash = pipeline.model_info["hash"]  # hashed once, by the pipeline
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_body_bytes)
    app.include_router(routes.router)
    app.include_router(admin.router)

    @app.get("/healthz", tags=["service"])
    def healthz() -> HealthOut:
        """The service is up (no key needed)."""
        return HealthOut(status="ok", version=__version__)

    return app
