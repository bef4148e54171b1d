import pytest

from triage import InputError
from triage.io import read_requests


def _rows(path):
    return list(read_requests(path))


def test_jsonl_bad_rows_are_reported_and_the_others_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "bonjour"}\n'
        b'{"text": "sans id"}\n'
        b'{"id": "a", "text": "doublon"}\n'
        b'{"id": "b", "text": "caf\xe9 mal encod\xe9"}\n'
        b"not json\n"
        b"\n"
        b'{"id": "c", "text": 42}\n'
        b'{"id": "d", "text": "fin", "language": "en"}\n'
    )
    rows = _rows(path)
    assert [(r.line, r.id, r.error is None) for r in rows] == [
        (1, "a", True),
        (2, None, False),
        (3, "a", False),
        (4, None, False),
        (5, None, False),
        (7, "c", False),
        (8, "d", True),
    ]
    assert "missing 'id'" in rows[1].error
    assert "duplicate id 'a' (first on line 1)" in rows[2].error
    assert "invalid UTF-8" in rows[3].error
    assert "invalid JSON" in rows[4].error
    assert "string" in rows[5].error
    assert rows[6].language == "en"


def test_csv_rows_with_bad_bytes_are_errors_and_lines_are_counted(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b'id,text,language\n1,"deux\nlignes",fr\n2,caf\xe9,fr\n3,ok,\n')
    rows = _rows(path)
    assert [(r.line, r.id, r.error is None) for r in rows] == [
        (2, "1", True),
        (4, "2", False),
        (5, "3", True),
    ]
    assert rows[0].text == "deux\nlignes"
    assert rows[2].language is None


def test_csv_without_text_column_is_refused(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,message\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        _rows(path)


@pytest.mark.parametrize("name", ["in.txt", "missing.jsonl"])
def test_unknown_or_missing_file_is_refused(tmp_path, name):
    if name.endswith(".txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(InputError):
        _rows(tmp_path / name)
