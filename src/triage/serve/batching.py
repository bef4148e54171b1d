"""Micro-batching: single requests that arrive together go through the pipeline as one batch.

Handlers run in a thread pool; each puts its request on a queue and waits. One worker thread
takes whatever is queued (up to ``max_batch``) as soon as the pipeline is free, so under load
the model sees batches (padding and one audit transaction shared) and, when idle, a lone request
is processed at once: no waiting window is added.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from typing import Any

from triage.pipeline import Request, Triage, TriageDecision

__all__ = ["MicroBatcher"]


class MicroBatcher:
    """Serialise pipeline calls for single requests, grouping those that wait together.

    Parameters
    ----------
    triage
        The pipeline.
    lock
        Held around each batch, shared with the other endpoints that use the pipeline.
    max_batch
        Most requests processed together.
    """

    def __init__(self, triage: Triage, lock: threading.Lock, *, max_batch: int = 32) -> None:
        self.triage = triage
        self.lock = lock
        self.max_batch = max_batch
        self._queue: queue.Queue[tuple[Request, bool, Future[TriageDecision]]] = queue.Queue()
        self._worker = threading.Thread(target=self._run, name="triage-batcher", daemon=True)
        self._worker.start()

    def submit(self, request: Request, *, explain: bool = False) -> TriageDecision:
        """Decide for one request (blocks until its batch is done)."""
        future: Future[TriageDecision] = Future()
        self._queue.put((request, explain, future))
        return future.result()

    def _run(self) -> None:
        while True:
            items = [self._queue.get()]
            while len(items) < self.max_batch:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            for explain in (False, True):
                group = [item for item in items if item[1] is explain]
                if group:
                    self._process(group, explain)

    def _process(self, group: list[Any], explain: bool) -> None:
        try:
            with self.lock:
                decisions = self.triage.process_batch([r for r, _, _ in group], explain=explain)
        except BaseException as exc:  # every waiting handler gets the failure, none hangs
            for _, _, future in group:
                future.set_exception(exc)
            return
        for (_, _, future), decision in zip(group, decisions, strict=True):
            future.set_result(decision)
