"""Concurrent single requests are decided together, each gets its own decision, none hangs."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from triage.pipeline import Request
from triage.serve.batching import MicroBatcher


class SlowFakeTriage:
    """Records batch sizes; the first batch is slow, so the others queue up behind it."""

    def __init__(self, fail: bool = False) -> None:
        self.batches: list[int] = []
        self.fail = fail

    def process_batch(self, requests, explain=False):
        if self.fail:
            raise RuntimeError("pipeline down")
        self.batches.append(len(requests))
        time.sleep(0.2 if len(self.batches) == 1 else 0.01)
        return [f"decision of {r.id}" for r in requests]


def test_requests_waiting_together_go_as_one_batch_and_keep_their_answers():
    fake = SlowFakeTriage()
    batcher = MicroBatcher(fake, threading.Lock(), max_batch=32)
    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(batcher.submit, Request(text="t", id=f"r{i}")) for i in range(20)]
        answers = [f.result(timeout=10) for f in futures]
    assert answers == [f"decision of r{i}" for i in range(20)]
    assert sum(fake.batches) == 20 and max(fake.batches) > 1  # batched behind the slow one


def test_a_pipeline_failure_reaches_every_waiting_caller():
    batcher = MicroBatcher(SlowFakeTriage(fail=True), threading.Lock())
    with pytest.raises(RuntimeError, match="pipeline down"):
        batcher.submit(Request(text="t", id="x"))
