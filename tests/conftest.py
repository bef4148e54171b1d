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


#: Fake people signed under every training request: none may reach a model file or MLflow.
PLANTED_TRAINING = [
    ("Ysolde Quernadec", "06 58 21 47 93", "ysolde.quernadec@exemple.fr"),
    ("Barnabé Klotzinger", "07 66 12 39 85", "b.klotzinger@courriel.fr"),
    ("Ophélie Tramontane", "+33 6 47 85 20 16", "ophelie.tramontane@exemple.org"),
]


def _signed_training_file(folder: Path) -> Path:
    """The municipal data set with a planted signature under each training request."""
    import json

    out = folder / "signed.jsonl"
    with DATA.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(source):
            row = json.loads(line)
            if row.get("split") == "train":
                name, phone, email = PLANTED_TRAINING[number % len(PLANTED_TRAINING)]
                row["text"] += f"\n\nCordialement,\n{name}\nTél. {phone}\n{email}"
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """A tiny real fine-tune of the offline MiniLM, logged to a temporary MLflow store.

    Its training requests carry planted personal data (``PLANTED_TRAINING``);
    ``trained.mlflow_store`` is the MLflow folder, for the privacy scan.
    """
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
        _signed_training_file(tmp_path_factory.mktemp("data")),
        tmp_path_factory.mktemp("model"),
        config=config,
        taxonomy=load_taxonomy(),
        anonymiser=Anonymiser(),
        track=True,
        register_as="triage-test",
    )
    result.mlflow_store = store
    yield result
    patch.undo()
