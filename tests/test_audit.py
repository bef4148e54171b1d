import multiprocessing

import pytest
from sqlalchemy import text

from triage.audit import AuditStore, keyed_hash
from triage.exceptions import InputError


@pytest.fixture
def store(tmp_path):
    store = AuditStore(tmp_path / "audit.db")
    for i in range(5):
        store.record_decision(
            f"d{i}",
            {"department": "voirie", "anonymised_text": f"texte {i}", "scores": {"voirie": 0.9}},
        )
    return store


def _sql(store, statement, **params):
    with store.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_untouched_chain_verifies(store):
    result = store.verify()
    assert result.ok and result.records == 5


@pytest.mark.parametrize(
    ("statement", "bad_seq", "problem"),
    [
        (
            "UPDATE audit_events SET payload = replace(payload, 'voirie', 'urbanisme') "
            "WHERE seq = 3",
            3,
            "modified",
        ),
        ("DELETE FROM audit_events WHERE seq = 2", 3, "sequence"),
        (
            "UPDATE audit_events SET seq = 100 WHERE seq = 2; "
            "UPDATE audit_events SET seq = 2 WHERE seq = 4; "
            "UPDATE audit_events SET seq = 4 WHERE seq = 100",
            2,
            "link",
        ),
    ],
)
def test_tampering_is_detected_at_the_first_bad_record(store, statement, bad_seq, problem):
    for part in statement.split("; "):
        _sql(store, part)
    result = store.verify()
    assert not result.ok
    assert result.first_bad_seq == bad_seq
    assert problem in result.problem


def test_inserted_record_is_detected(store):
    with store.engine.connect() as conn:
        forged = conn.execute(text("SELECT * FROM audit_events WHERE seq = 3")).first()
    _sql(store, "UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 3")  # make room
    _sql(store, "UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000")
    _sql(
        store,
        "INSERT INTO audit_events VALUES (3, 'x', 'forged', NULL, 'decision', :t, '{}', :p, :h)",
        t=forged.created_at,
        p=forged.prev_hash,
        h=forged.hash,
    )
    result = store.verify()
    assert not result.ok and result.first_bad_seq == 3


def test_review_is_appended_never_updating_the_decision(store):
    store.record_review("d1", department="urbanisme", reviewer="agent-7", reason="permis")
    store.record_review("d2", department="voirie", reviewer="agent-7")
    reviews = list(store.records(kind="review"))
    assert [r.payload["outcome"] for r in reviews] == ["overridden", "confirmed"]
    assert store.decision("d1").payload["department"] == "voirie"  # original kept
    assert store.verify().ok
    rows = store.reviewed()
    assert {(r["id"], r["department"]) for r in rows} == {("d1", "urbanisme"), ("d2", "voirie")}
    with pytest.raises(InputError, match="no decision"):
        store.record_review("nope", department="voirie", reviewer="a")


def test_retention_purge_keeps_the_chain_verifiable(store):
    assert store.purge_before(days=0) == 5
    store.record_decision("d9", {"department": "finances"})
    result = store.verify()
    assert result.ok, result.problem
    assert [r.kind for r in store.records()] == ["retention", "decision"]


def _writer(url: str, worker: int, n: int) -> None:
    store = AuditStore(url)
    for i in range(n):
        store.record_decision(f"w{worker}-{i}", {"department": "voirie"})


def test_concurrent_writers_lose_nothing_and_keep_the_chain(tmp_path):
    url = f"sqlite:///{tmp_path / 'concurrent.db'}"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(url, w, 25)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    store = AuditStore(url)
    result = store.verify()
    assert result.ok and result.records == 100
    assert len({r.decision_id for r in store.records()}) == 100


def test_keyed_hash_needs_the_key():
    assert keyed_hash("Marie Curie", b"k1") == keyed_hash("Marie Curie", b"k1")
    assert keyed_hash("Marie Curie", b"k1") != keyed_hash("Marie Curie", b"k2")


def test_cli_verify_exits_non_zero_naming_the_bad_record(store):
    from typer.testing import CliRunner

    from triage.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify", "--audit", store.url])
    assert ok.exit_code == 0 and "5 records" in ok.output
    _sql(store, "UPDATE audit_events SET payload = replace(payload, 'texte 3', 'x') WHERE seq = 4")
    broken = runner.invoke(app, ["audit", "verify", "--audit", store.url], terminal_width=200)
    assert broken.exit_code == 1 and "record 4" in broken.output


def test_cli_review_then_export_gives_a_training_file(store, tmp_path):
    import json

    from typer.testing import CliRunner

    from triage.cli import app

    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "audit",
            "review",
            "d0",
            "--department",
            "finances",
            "--by",
            "agent-1",
            "--audit",
            store.url,
        ],
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "reviewed.jsonl"
    runner.invoke(app, ["audit", "export-reviewed", "-o", str(out), "--audit", store.url])
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == [{"id": "d0", "text": "texte 0", "department": "finances"}]
