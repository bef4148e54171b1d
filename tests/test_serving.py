"""The registered pyfunc model served by ``mlflow models serve`` answers like the library."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from triage import Anonymiser
from triage.tracking import promote

RAW = "Bonjour, je suis Marie Curie (06 12 34 56 78), le lampadaire de ma rue est cassé."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "mlflow models serve exited"
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} not ready after {seconds} s")


def test_mlflow_models_serve_answers_like_the_library(trained, tmp_path):
    promote(trained.model_version, name="triage-test")
    port = _free_port()
    mlflow_cli = str(Path(sys.executable).parent / "mlflow")
    command = [
        mlflow_cli, "models", "serve", "-m", "models:/triage-test@champion",
        "--env-manager", "local", "-h", "127.0.0.1", "-p", str(port), "-w", "1",
    ]  # fmt: skip
    log = (tmp_path / "serve.log").open("w")
    # mlflow starts `uvicorn` by name: the environment's bin folder must be on PATH (it is in
    # an activated virtual environment).
    env = {**os.environ, "PATH": f"{Path(mlflow_cli).parent}{os.pathsep}{os.environ['PATH']}"}
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=tmp_path)
    try:
        _wait_ready(f"http://127.0.0.1:{port}/ping", server, 240)
        answer = httpx.post(
            f"http://127.0.0.1:{port}/invocations",
            json={"dataframe_records": [{"text": RAW, "language": "fr"}]},
            timeout=120,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert answer.status_code == 200, answer.text
    served = answer.json()["predictions"][0]
    anonymised = Anonymiser().anonymise(RAW, "fr").anonymised_text
    expected = trained.model.route([anonymised])[0]
    assert served["anonymised_text"] == anonymised
    assert "Marie" not in served["anonymised_text"]
    assert (served["queue"], served["department"], served["reason"]) == (
        expected.queue,
        expected.department,
        expected.reason,
    )
    assert abs(served["confidence"] - expected.confidence) < 1e-4
