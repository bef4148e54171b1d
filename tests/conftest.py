import logging
from pathlib import Path

import pytest

from triage import Anonymiser


@pytest.fixture(scope="session")
def anonymiser() -> Anonymiser:
    """The real anonymiser with the shipped configuration (spaCy models loaded once)."""
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    instance = Anonymiser()
    _ = instance.analyzer
    return instance


def masked_values(text: str, redaction) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in redaction.entities]


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "experiments" / "data" / "municipal" / "municipal_requests.jsonl"


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """A tiny real fine-tune of the offline MiniLM, logged to a temporary MLflow store."""
    from triage.taxonomy import load_taxonomy
    from triage.training import load_training_config, train

    mlflow = pytest.importorskip("mlflow")
    store = tmp_path_factory.mktemp("mlflow")
    uri = f"sqlite:///{store / 'mlflow.db'}"
    patch = pytest.MonkeyPatch()
    patch.setenv("MLFLOW_TRACKING_URI", uri)
    mlflow.set_tracking_uri(uri)
    config = load_training_config(ROOT / "experiments" / "configs" / "tiny.yaml")
    result = train(
        DATA,
        tmp_path_factory.mktemp("model"),
        config=config,
        taxonomy=load_taxonomy(),
        anonymiser=Anonymiser(),
        track=True,
        register_as="triage-test",
    )
    yield result
    patch.undo()
