"""A batch killed with SIGKILL mid-way, then rerun, decides every row exactly once."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from triage.audit import AuditStore

SAMPLES = Path(__file__).resolve().parents[1] / "experiments" / "samples" / "requests.jsonl"
N = 40


def _decided(audit: Path) -> Counter:
    if not audit.exists():
        return Counter()
    return Counter(r.payload.get("request_id") for r in AuditStore(audit).records(kind="decision"))


def test_kill_9_then_rerun_decides_each_row_once(trained, tmp_path):
    texts = [json.loads(line)["text"] for line in SAMPLES.read_text("utf-8").splitlines()]
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"k{i:03d}", "text": texts[i % len(texts)]}, ensure_ascii=False)
            + "\n"
            for i in range(N)
        ),
        encoding="utf-8",
    )
    audit, out = tmp_path / "audit.db", tmp_path / "out.jsonl"
    command = [
        str(Path(sys.executable).parent / "triage"),
        "run", str(source), "-o", str(out), "--model", str(trained.folder),
        "--audit", str(audit), "--batch-size", "2", "--explain",
    ]  # fmt: skip
    env = {**os.environ, "TRIAGE_AUDIT_KEY": "resume-test-key"}
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while sum(_decided(audit).values()) < 6 and time.monotonic() < deadline:
        if first.poll() is not None:
            break
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = _decided(audit)
    assert first.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < sum(before.values()) < N

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    after = _decided(audit)
    assert sorted(after) == [f"k{i:03d}" for i in range(N)]
    assert set(after.values()) == {1}  # nothing decided twice
    assert AuditStore(audit).verify().ok
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"k{i:03d}" for i in range(N)]
    assert f"{sum(before.values())} already decided" in " ".join(second.stderr.split())
