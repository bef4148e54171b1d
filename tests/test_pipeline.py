"""The pipeline on the tiny trained model: decisions, audit records, resume, no raw data stored."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triage.audit import AuditStore
from triage.cli import app
from triage.pipeline import Request, Triage

RAW = [
    (
        "r1",
        "Bonjour, je suis Gaspard Lemercier-Vautrin, tel 06 71 82 93 04, un nid-de-poule énorme"
        " devant le 12 rue des Tilleuls.",
    ),
    ("r2", "   "),
    ("r3", "Mon IBAN FR76 3000 6000 0112 3456 7890 189, remboursez la cantine de Anouk Varennes."),
]
SECRETS = ["Gaspard", "Lemercier", "06 71 82 93 04", "FR76 3000", "Anouk", "Varennes"]


@pytest.fixture(autouse=True, scope="module")
def audit_key():
    """A key from the environment, so no key file is written into the repository."""
    patch = pytest.MonkeyPatch()
    patch.setenv("TRIAGE_AUDIT_KEY", "test-key-for-the-raw-text-hmac")
    yield
    patch.undo()


@pytest.fixture(scope="module")
def pipeline(trained, tmp_path_factory):
    store = AuditStore(tmp_path_factory.mktemp("audit") / "audit.db")
    return Triage(trained.folder, audit=store)


def test_decisions_are_audited_and_hold_no_raw_data(pipeline):
    decisions = pipeline.process_batch([Request(text=t, id=i) for i, t in RAW])
    assert [d.request_id for d in decisions] == ["r1", "r2", "r3"]
    assert decisions[1].queue == "human_review" and decisions[1].reason == "error"
    assert all(
        d.queue in (*pipeline.model.taxonomy.department_ids, "human_review") for d in decisions
    )
    assert pipeline.audit.verify().ok
    stored = json.dumps([r.to_dict() for r in pipeline.audit.records()], ensure_ascii=False)
    stored += json.dumps([d.to_dict() for d in decisions], ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in stored
    record = pipeline.audit.decision(decisions[0].decision_id)
    assert record.payload["entity_counts"]["PERSON"] == 1
    assert len(record.payload["raw_text_hmac"]) == 64


def test_run_resumes_without_deciding_twice(trained, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in RAW), "utf-8")
    audit = str(tmp_path / "audit.db")
    out = tmp_path / "out.jsonl"
    key_file = Path(__file__).resolve().parents[1] / "experiments" / "audit.key"
    key_existed = key_file.exists()
    runner = CliRunner()
    args = ["run", str(source), "-o", str(out), "--model", str(trained.folder), "--audit", audit]
    first = runner.invoke(app, args, terminal_width=300)
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, args, terminal_width=300)
    assert "3 already decided" in again.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r2", "r3"]
    store = AuditStore(audit)
    assert len(list(store.records(kind="decision"))) == 3 and store.verify().ok
    assert key_file.exists() == key_existed  # the key came from TRIAGE_AUDIT_KEY


def test_explained_decisions_carry_word_weights_into_the_trail(pipeline):
    text = "Bonjour, le lampadaire de ma rue est en panne depuis une semaine, merci."
    decision = pipeline.process(Request(text=text, id="lamp"), explain=True)
    explanation = decision.explanation
    assert explanation["label"] == max(decision.scores, key=decision.scores.get)
    assert [w[0] for w in explanation["words"]][:3] == ["Bonjour", "le", "lampadaire"]
    assert len(explanation["top"]) == 10
    record = pipeline.audit.decision(decision.decision_id)
    assert record.payload["explanation"] == explanation
    assert pipeline.audit.verify().ok


class FailingExplainer:
    method = "fake/failing"

    def explain(self, texts, labels=None):
        raise RuntimeError("boom")


def test_a_failing_explanation_never_loses_the_decision(trained, tmp_path):
    triage_ = Triage(trained.folder, audit=tmp_path / "a.db", explainer=FailingExplainer())
    decision = triage_.process("Ma poubelle n'a pas été ramassée.", explain=True)
    assert decision.explanation == {"error": "RuntimeError"}
    assert triage_.audit.decision(decision.decision_id) is not None


def test_explain_command_explains_an_old_decision_and_appends_it(trained, tmp_path):
    audit = tmp_path / "a.db"
    triage_ = Triage(trained.folder, audit=audit)
    decision = triage_.process(Request(text=RAW[0][1], id="r1"))
    assert decision.explanation is None
    page = tmp_path / "why.html"
    args = ["explain", decision.decision_id, "--audit", str(audit), "--html", str(page)]
    result = CliRunner().invoke(app, [*args, "--model", str(trained.folder)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Words that weighed most" in result.output
    store = AuditStore(audit)
    assert store.explanation(decision.decision_id)["label"] in trained.model.labels
    assert store.verify().ok
    html = page.read_text("utf-8")
    assert "&lt;PERSON_1&gt;" in html and "nid" in html
    for secret in SECRETS:
        assert secret not in html and secret not in result.output
    missing = CliRunner().invoke(app, ["explain", "no-such-id", "--audit", str(audit)])
    assert missing.exit_code == 2 and "no decision no-such-id" in missing.output


@pytest.mark.parametrize("prefetch", [False, True])
def test_stream_decides_each_batch_in_order_like_process_batch(pipeline, prefetch):
    texts = [t for _, t in RAW]
    batches = [[Request(text=t, id=f"s{b}{i}") for i, t in enumerate(texts)] for b in range(3)]
    streamed = list(pipeline.process_stream(iter(batches), prefetch=prefetch))
    assert [[d.request_id for d in out] for out in streamed] == [
        [r.id for r in batch] for batch in batches
    ]
    direct = pipeline.process_batch(texts)
    for out in streamed:
        assert [d.queue for d in out] == [d.queue for d in direct]
    assert list(pipeline.process_stream([])) == []
