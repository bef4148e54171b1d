"""Assemble the municipal triage data set from its hand-written parts, with fixed splits.

Reads ``parts/part_*.jsonl`` (``text``, ``department``, ``language``), drops exact duplicates,
and writes ``municipal_requests.jsonl`` with ``id``, ``text``, ``department``, ``language`` and
``split`` (train 70 % / validation 15 % / test 15 %, stratified by department and language,
seed 13). Run it again after editing a part; rows are ordered by a hash of their text before
splitting.

``parts/extra_*.jsonl`` (same fields) were written later to enlarge the training split: all
their rows go to ``train``, so validation and test stay exactly the published ones, and the
original rows keep their ids (``mun-00001``…); extra rows are numbered after them. An extra
row too close to a validation or test row (Jaccard similarity of character 5-grams at or
above ``NEAR_DUPLICATE``) is dropped and reported, so no held-out request leaks into training.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "municipal_requests.jsonl"
SHARES = (("train", 0.70), ("validation", 0.15), ("test", 0.15))
NEAR_DUPLICATE = 0.25


def _key(text: str) -> str:
    return hashlib.sha256(("13:" + text).encode("utf-8")).hexdigest()


def load_parts(pattern: str = "part_*.jsonl", seen: set[str] | None = None) -> list[dict[str, str]]:
    """Rows of every part matching ``pattern``, exact duplicates (also of ``seen``) dropped."""
    rows: list[dict[str, str]] = []
    seen = set() if seen is None else seen
    for part in sorted((HERE / "parts").glob(pattern)):
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            missing = {"text", "department", "language"} - record.keys()
            if missing:
                raise SystemExit(f"{part.name}:{number}: missing {sorted(missing)}")
            if record["text"] in seen:
                continue
            seen.add(record["text"])
            rows.append(record)
    return rows


def assign_splits(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Stratified splits by (department, language), ordered by a hash of the text."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[(row["department"], row["language"])].append(row)
    out = []
    for _, members in sorted(groups.items()):
        members.sort(key=lambda row: _key(row["text"]))
        n = len(members)
        n_val = round(n * SHARES[1][1])
        n_test = round(n * SHARES[2][1])
        for index, row in enumerate(members):
            split = (
                "test" if index < n_test else "validation" if index < n_test + n_val else "train"
            )
            out.append({**row, "split": split})
    out.sort(key=lambda row: (row["department"], _key(row["text"])))
    for index, row in enumerate(out, start=1):
        row["id"] = f"mun-{index:05d}"
    return out


def _shingles(text: str) -> set[str]:
    text = " ".join(text.lower().split())
    return {text[i : i + 5] for i in range(max(1, len(text) - 4))}


def add_extra_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Append the ``extra_*`` rows as training rows, numbered after ``rows``."""
    extra = load_parts("extra_*.jsonl", seen={row["text"] for row in rows})
    held_out = [_shingles(row["text"]) for row in rows if row["split"] != "train"]
    kept = []
    for row in extra:
        grams = _shingles(row["text"])
        closest = max((len(grams & other) / len(grams | other) for other in held_out), default=0)
        if closest >= NEAR_DUPLICATE:
            print(f"dropped (similarity {closest:.2f} to a held-out row): {row['text'][:70]!r}")
            continue
        kept.append({**row, "split": "train"})
    kept.sort(key=lambda row: (row["department"], _key(row["text"])))
    for index, row in enumerate(kept, start=len(rows) + 1):
        row["id"] = f"mun-{index:05d}"
    return rows + kept


def main() -> None:
    """Write the assembled file and print the counts."""
    rows = add_extra_rows(assign_splits(load_parts()))
    with OUTPUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            ordered = {k: row[k] for k in ("id", "text", "department", "language", "split")}
            handle.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    counts = Counter((row["department"], row["split"]) for row in rows)
    languages = Counter(row["language"] for row in rows)
    print(f"{len(rows)} requests -> {OUTPUT.name}; languages {dict(languages)}")
    for department in sorted({row["department"] for row in rows}):
        cells = " ".join(f"{s}={counts[(department, s)]}" for s, _ in SHARES)
        print(f"  {department:30s} {cells}")


if __name__ == "__main__":
    main()
