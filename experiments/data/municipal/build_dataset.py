"""Assemble the municipal triage data set from its hand-written parts, with fixed splits.

Reads ``parts/part_*.jsonl`` (``text``, ``department``, ``language``), drops exact duplicates,
and writes ``municipal_requests.jsonl`` with ``id``, ``text``, ``department``, ``language`` and
``split`` (train 70 % / validation 15 % / test 15 %, stratified by department and language,
seed 13). Run it again after editing a part; the ids and splits of unchanged rows stay put
because rows are ordered by a hash of their text before splitting.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "municipal_requests.jsonl"
SHARES = (("train", 0.70), ("validation", 0.15), ("test", 0.15))


def _key(text: str) -> str:
    return hashlib.sha256(("13:" + text).encode("utf-8")).hexdigest()


def load_parts() -> list[dict[str, str]]:
    """Rows of every part, exact duplicates dropped."""
    rows, seen = [], set()
    for part in sorted((HERE / "parts").glob("part_*.jsonl")):
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


def main() -> None:
    """Write the assembled file and print the counts."""
    rows = assign_splits(load_parts())
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
