"""What one caller may send: body size, batch size, text length and requests per minute."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from triage.exceptions import ConfigError

from .errors import ApiError, error_body

__all__ = ["BodySizeLimit", "Limits", "RateLimiter", "check_texts"]


@dataclass(frozen=True)
class Limits:
    """The service's limits; each exceeded one is a 4xx naming the field.

    Parameters
    ----------
    max_body_bytes
        Largest request body, checked before it is parsed (413).
    max_batch
        Most requests in one ``POST /v1/triage/batch`` (413).
    max_text_chars
        Longest request text, in characters (422).
    rate_per_minute
        Requests per minute and per API key, with bursts of as many (429); ``None``: no limit.
    """

    max_body_bytes: int = 1_000_000
    max_batch: int = 256
    max_text_chars: int = 20_000
    rate_per_minute: int | None = 600

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_batch", "max_text_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"limit {name} must be at least 1, not {getattr(self, name)}")
        if self.rate_per_minute is not None and self.rate_per_minute < 1:
            raise ConfigError("rate_per_minute must be at least 1 (or None for no limit)")


def check_texts(texts: Sequence[str], limits: Limits, *, batch: bool) -> None:
    """Refuse a batch that is too large or a text that is too long."""
    if batch and len(texts) > limits.max_batch:
        raise ApiError(
            413,
            "batch_too_large",
            f"requests holds {len(texts)} items; at most {limits.max_batch} per batch "
            "(split the batch)",
            field="requests",
        )
    for index, text in enumerate(texts):
        if len(text) > limits.max_text_chars:
            field = f"requests[{index}].text" if batch else "text"
            raise ApiError(
                422,
                "text_too_long",
                f"{field} has {len(text)} characters; at most {limits.max_text_chars}",
                field=field,
            )


class RateLimiter:
    """A token bucket per API key: ``rate_per_minute`` tokens, refilled continuously."""

    def __init__(self, rate_per_minute: int | None) -> None:
        self.rate_per_minute = rate_per_minute
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: str) -> None:
        """Spend one token of this key, or refuse with 429 and the seconds to wait."""
        if self.rate_per_minute is None:
            return
        capacity = float(self.rate_per_minute)
        per_second = capacity / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * per_second)
            if tokens < 1.0:
                self._buckets[key_id] = (tokens, now)
                wait = max(1, int((1.0 - tokens) / per_second + 0.999))
                raise ApiError(
                    429,
                    "rate_limited",
                    f"more than {self.rate_per_minute} requests per minute with this key; "
                    f"retry in {wait} s",
                    headers={"Retry-After": str(wait)},
                )
            self._buckets[key_id] = (tokens - 1.0, now)


class BodySizeLimit:
    """ASGI middleware refusing a body over ``max_bytes`` (413) before anything parses it.

    A declared ``Content-Length`` is checked at once; a chunked body is counted as it arrives
    and buffered (it is at most ``max_bytes``), then replayed to the application.
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Pass the request on, or answer 413."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Any:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps(
            error_body(
                "body_too_large",
                f"the request body is over {self.max_bytes} bytes (split it, or send a batch "
                "of fewer requests)",
                "body",
            )
        ).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode("ascii")),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
