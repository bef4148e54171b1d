"""The real path: a tiny fine-tune of the offline MiniLM, saved, logged, registered, promoted."""

from pathlib import Path

import numpy as np
import pytest

from triage import Anonymiser
from triage.classify.model import RoutingModel

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "experiments" / "data" / "municipal" / "municipal_requests.jsonl"


def test_tiny_fine_tune_beats_chance_by_far(trained):
    chance = 1 / len(trained.model.labels)
    assert trained.metrics["accuracy"] > 3 * chance
    assert trained.model.transformer is not None
    assert trained.model.metadata["history"][0]["train_loss"] > 0


def test_model_folder_is_self_contained_and_pickle_free(trained):
    files = {p.relative_to(trained.folder).as_posix() for p in trained.folder.rglob("*")}
    assert {
        "triage_model.json",
        "anonymiser.yaml",
        "transformer/model.safetensors",
        "baseline/baseline.safetensors",
    } <= files
    assert not [f for f in files if f.endswith((".pkl", ".pickle", ".bin", ".pt"))]
    reloaded = RoutingModel.load(trained.folder)
    texts = ["Il y a un nid-de-poule énorme devant le <ADDRESS_1>", "Je veux m'inscrire au PLU"]
    np.testing.assert_allclose(
        reloaded.predict_proba(texts), trained.model.predict_proba(texts), atol=1e-5
    )
    np.testing.assert_allclose(
        reloaded.baseline.predict_proba(texts), trained.model.baseline.predict_proba(texts)
    )
    assert reloaded.metadata["anonymiser_config_hash"] == Anonymiser().config_hash


def test_registered_pyfunc_routes_raw_text_like_the_library(trained):
    import mlflow
    import pandas as pd

    from triage.tracking import promote

    assert trained.run_id and trained.model_version == "1"
    # artifacts go beside the tracking store, never into the current folder
    assert not (ROOT / "mlruns").exists()
    promote("1", name="triage-test")
    pyfunc = mlflow.pyfunc.load_model("models:/triage-test@champion")
    raw = "Bonjour, je suis Marie Curie (06 12 34 56 78), le lampadaire de ma rue est cassé."
    answer = pyfunc.predict(pd.DataFrame({"text": [raw], "language": ["fr"]}))
    assert "Marie" not in answer["anonymised_text"][0]
    anonymised = Anonymiser().anonymise(raw, "fr").anonymised_text
    expected = trained.model.route([anonymised])[0]
    assert answer["queue"][0] == expected.queue
    via_alias = RoutingModel.load("models:/triage-test@champion")
    assert via_alias.labels == trained.model.labels


def test_evaluate_reports_model_and_baseline_figures_on_the_test_split(trained):
    from triage.evaluation.routing import evaluate_model

    figures, baseline, labels = evaluate_model(trained.folder, DATA, split="test")
    assert figures["n"] == baseline["n"] == 304
    for key in ("accuracy", "macro_f1", "ece", "ece_before_calibration", "coverage", "oos_recall"):
        assert 0.0 <= figures[key] <= 1.0 and 0.0 <= baseline[key] <= 1.0
    assert set(figures["f1"]) == set(labels)


def test_the_report_finds_the_mlflow_run_that_logged_the_model(trained, tmp_path):
    from triage.audit import AuditStore
    from triage.classify.model import folder_digest
    from triage.report import build_report
    from triage.tracking import find_run

    run = find_run(folder_digest(trained.folder))
    assert run is not None and run["run_id"] == trained.run_id
    assert run["registered"] == [f"triage-test v{trained.model_version}"]
    assert find_run("0" * 64) is None
    page = build_report(AuditStore(tmp_path / "empty.db"), trained.folder)
    assert trained.run_id in page


def test_pyfunc_gives_the_pipeline_reason_for_text_that_is_only_personal_data(trained):
    import mlflow
    import pandas as pd

    pyfunc = mlflow.pyfunc.load_model(f"models:/triage-test/{trained.model_version}")
    answer = pyfunc.predict(
        pd.DataFrame({"text": ["Marie Curie, 06 12 34 56 78", "Ma poubelle déborde."]})
    )
    assert list(answer["queue"])[0] == "human_review"
    assert list(answer["reason"])[0] == "empty_after_anonymisation"
    assert "Marie" not in answer["anonymised_text"][0]
    assert answer["queue"][1] != "human_review" or answer["reason"][1] != "error"


def test_operating_points_pick_thresholds_on_validation_for_each_out_of_scope_target(trained):
    from triage.benchmarks_routing import operating_points

    rows = operating_points(trained, targets=(0.5, 0.9, 1.0))
    assert rows[0]["threshold"] == pytest.approx(trained.model.threshold, abs=1e-4)
    by_target = {row["target_oos_recall"]: row for row in rows[1:]}
    for target, row in by_target.items():
        assert row["validation_oos_recall"] >= target
    # a higher out-of-scope target never lowers the threshold
    assert by_target[0.5]["threshold"] <= by_target[0.9]["threshold"] <= by_target[1.0]["threshold"]
    assert set(trained.held_out) == {"validation", "test"}
