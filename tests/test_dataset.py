import json
from collections import Counter

import pytest

from triage.dataset import load_labelled
from triage.exceptions import InputError
from triage.taxonomy import load_taxonomy


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")


def test_every_bad_row_is_named_and_nothing_is_trained_on(tmp_path):
    path = tmp_path / "d.jsonl"
    _write(
        path,
        [
            {"text": "Un nid-de-poule rue Pasteur", "department": "voirie"},
            {"text": "Bonjour", "department": "piscine"},
            {"text": "  ", "department": "voirie"},
            {"text": "ok", "department": "voirie", "split": "dev"},
        ],
    )
    with pytest.raises(InputError) as info:
        load_labelled(path, load_taxonomy())
    message = str(info.value)
    assert "line 2: unknown department 'piscine'" in message
    assert "line 3: empty text" in message
    assert "line 4: split 'dev'" in message


def test_rows_without_split_are_split_stratified_and_reproducibly(tmp_path):
    path = tmp_path / "d.csv"
    lines = (
        ["text,department"]
        + [f"demande voirie {i},voirie" for i in range(20)]
        + [f"demande urbanisme {i},urbanisme" for i in range(20)]
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = load_labelled(path, load_taxonomy())
    counts = Counter(zip(first.labels, first.splits, strict=True))
    assert counts[("voirie", "test")] == 3 and counts[("urbanisme", "validation")] == 3
    assert load_labelled(path, load_taxonomy()).digest == first.digest
