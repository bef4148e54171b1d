import json

from typer.testing import CliRunner

from triage.cli import app

runner = CliRunner()


def test_anonymise_writes_one_object_per_row_in_order_even_with_bad_rows(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "r1", "text": "Je suis Marie Curie, tel 06 12 34 56 78"}\n'
        b'{"id": "r2", "text": "   "}\n'
        b'{"id": "r3", "text": "caf\xe9"}\n'
        b'{"id": "r4", "text": "Hello, I am John Smith.", "language": "en"}\n'
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["anonymise", str(source), "-o", str(out)])
    assert result.exit_code == 1  # some rows failed, the others are written
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r2", None, "r4"]
    assert rows[0]["anonymised_text"] == "Je suis <PERSON_1>, tel <PHONE_NUMBER_1>"
    assert rows[0]["entities"][0] | {"score": 0} == {
        "type": "PERSON",
        "start": 8,
        "end": 19,
        "score": 0,
        "placeholder": "<PERSON_1>",
    }
    assert "empty" in rows[1]["error"] and rows[2]["line"] == 3
    assert rows[3]["language"] == "en"
    assert "line 2" in result.output and "line 3" in result.output


def test_anonymise_csv_with_pseudonymisation_key_from_the_environment(tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text('id,text\n1,"Je suis Marie Curie"\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv("MY_KEY", "0123456789abcdef")
    result = runner.invoke(app, ["anonymise", str(source), "-o", str(out), "--key-env", "MY_KEY"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert "Marie" not in json.dumps(row)
    assert set(row["pseudonyms"]) == {"<PERSON_1>"}


def test_anonymise_with_missing_key_variable_fails_clearly(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "x"}\n', encoding="utf-8")
    result = runner.invoke(
        app, ["anonymise", str(source), "-o", str(tmp_path / "o.jsonl"), "--key-env", "NOPE_X"]
    )
    assert result.exit_code == 2
    assert "NOPE_X" in result.output


def test_eval_pii_prints_per_entity_figures(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    text = "Je suis Marie Curie, tel 06 12 34 56 78."
    corpus.write_text(
        json.dumps(
            {
                "id": "x",
                "language": "fr",
                "split": "test",
                "text": text,
                "spans": [
                    {"type": "PERSON", "start": 8, "end": 19},
                    {"type": "PHONE_NUMBER", "start": 25, "end": 39},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "figures.json"
    result = runner.invoke(
        app,
        ["eval-pii", str(corpus), "--no-baseline", "--json", str(out)],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())["systems"]["triage"]
    assert figures["overall"]["recall"] == 1.0
    assert "PHONE_NUMBER" in result.output


def test_bench_operating_points_table_handles_data_without_out_of_scope():
    from triage.cli import _operating_points_table

    no_oos = [
        {
            "target_oos_recall": target,
            "threshold": 0.5,
            "validation_oos_recall": None,
            "in_scope_accuracy": 0.9,
            "oos_recall": None,
        }
        for target in (None, 0.5)
    ]
    assert _operating_points_table(no_oos) is None
    with_oos = [dict(no_oos[0], validation_oos_recall=0.8, oos_recall=None)]
    table = _operating_points_table(with_oos)
    assert table is not None and table.row_count == 1
