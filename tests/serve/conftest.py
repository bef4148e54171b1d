import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from triage import AuditStore, RoutingModel, Triage, load_taxonomy
from triage.classify.baseline import TfidfBaseline
from triage.serve import KeyStore, Limits, create_app

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "experiments" / "data" / "municipal" / "municipal_requests.jsonl"
RECOGNIZERS = ROOT / "src" / "triage" / "defaults" / "recognizers.yaml"


def municipal(split: str, per_department: int) -> list[dict]:
    """A few requests per department from one split of the municipal set."""
    rows, seen = [], {}
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["split"] == split and seen.get(row["department"], 0) < per_department:
                seen[row["department"]] = seen.get(row["department"], 0) + 1
                rows.append(row)
    return rows


@pytest.fixture(scope="session", autouse=True)
def audit_key():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRIAGE_AUDIT_KEY", "serve-tests-only")
        yield


@pytest.fixture(scope="session")
def model_folder(tmp_path_factory) -> Path:
    """A TF-IDF-only routing model (seconds to fit) saved as a full model folder."""
    taxonomy = load_taxonomy()
    rows = municipal("train", 30)
    baseline = TfidfBaseline(C=10.0).fit(
        [r["text"] for r in rows],
        [taxonomy.labels.index(r["department"]) for r in rows],
        n_classes=len(taxonomy.labels),
    )
    model = RoutingModel(
        taxonomy=taxonomy, transformer=None, baseline=baseline, ensemble_weight=0.0, threshold=0.2
    )
    folder = model.save(tmp_path_factory.mktemp("model") / "serve-model")
    shutil.copy(RECOGNIZERS, folder / "anonymiser.yaml")
    return folder


@dataclass
class Service:
    client: TestClient
    triage: Triage
    keys: KeyStore
    tokens: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def make_service(folder: Path, anonymiser, tmp: Path, limits: Limits | None = None) -> Service:
    pipeline = Triage(folder, anonymiser=anonymiser, audit=AuditStore(tmp / "audit.db"))
    keys = KeyStore(tmp / "keys.db")
    tokens = {
        role: keys.create(name=f"test {role}", role=role)[1] for role in ("agent", "dpo", "admin")
    }
    app = create_app(pipeline, keys=keys, limits=limits or Limits(rate_per_minute=None))
    return Service(TestClient(app), pipeline, keys, tokens)


@pytest.fixture(scope="module")
def service(model_folder, anonymiser, tmp_path_factory) -> Service:
    return make_service(model_folder, anonymiser, tmp_path_factory.mktemp("service"))
