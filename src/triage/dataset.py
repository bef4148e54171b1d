"""Labelled request files for training and evaluation (JSONL or CSV with text and department)."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from triage.exceptions import InputError
from triage.io import read_requests
from triage.taxonomy import Taxonomy

__all__ = ["LabelledSet", "SPLITS", "load_labelled"]

SPLITS = ("train", "validation", "test")
_MAX_LISTED = 20


@dataclass
class LabelledSet:
    """Texts with their department and split; ``ids`` keep the file's ids (or line numbers)."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    languages: list[str | None] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, split: str) -> LabelledSet:
        """Rows of one split."""
        keep = [i for i, s in enumerate(self.splits) if s == split]
        return LabelledSet(
            ids=[self.ids[i] for i in keep],
            texts=[self.texts[i] for i in keep],
            labels=[self.labels[i] for i in keep],
            languages=[self.languages[i] for i in keep],
            splits=[split] * len(keep),
        )

    @property
    def digest(self) -> str:
        """SHA-256 over (id, text, label, split) rows: identifies the data a model saw."""
        sha = hashlib.sha256()
        for row in zip(self.ids, self.texts, self.labels, self.splits, strict=True):
            sha.update(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        return sha.hexdigest()

    def counts(self) -> dict[str, dict[str, int]]:
        """Rows per split and label."""
        out: dict[str, dict[str, int]] = {}
        for split in SPLITS:
            out[split] = dict(
                Counter(lab for lab, s in zip(self.labels, self.splits, strict=True) if s == split)
            )
        return out


def load_labelled(
    path: str | Path,
    taxonomy: Taxonomy,
    *,
    seed: int = 13,
    shares: tuple[float, float, float] = (0.70, 0.15, 0.15),
) -> LabelledSet:
    """Read a training file; rows without a ``split`` are split stratified by department.

    Every problem (unknown department, empty text, bad id, bad split) is collected and
    reported together, naming the line, instead of training on part of the file.
    """
    extra = ("department", "split")
    data = LabelledSet()
    problems: list[str] = []
    known = set(taxonomy.labels)
    for row in read_requests(path, extra_fields=extra, require_id=False):
        where = f"line {row.line}"
        if not row.ok:
            problems.append(f"{where}: {row.error}")
            continue
        department = (row.extra or {}).get("department")
        split = (row.extra or {}).get("split") or ""
        if not row.text or not row.text.strip():
            problems.append(f"{where}: empty text")
        elif department not in known:
            problems.append(f"{where}: unknown department {department!r}")
        elif split and split not in SPLITS:
            problems.append(f"{where}: split {split!r} is not one of {SPLITS}")
        else:
            data.ids.append(row.id or f"line-{row.line}")
            data.texts.append(row.text)
            data.labels.append(str(department))
            data.languages.append(row.language)
            data.splits.append(split)
    if problems:
        listed = "\n  ".join(problems[:_MAX_LISTED])
        more = (
            f"\n  ... and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        )
        raise InputError(f"{path}: {len(problems)} unusable rows:\n  {listed}{more}")
    if not data.texts:
        raise InputError(f"{path} has no rows")
    if not all(data.splits):
        _assign_splits(data, seed, shares)
    return data


def _assign_splits(data: LabelledSet, seed: int, shares: tuple[float, float, float]) -> None:
    by_label: dict[str, list[int]] = defaultdict(list)
    for index, (label, split) in enumerate(zip(data.labels, data.splits, strict=True)):
        if not split:
            by_label[label].append(index)
    rng = random.Random(seed)
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        n_val = max(1, round(len(members) * shares[1])) if len(members) >= 3 else 0
        n_test = max(1, round(len(members) * shares[2])) if len(members) >= 3 else 0
        for position, index in enumerate(members):
            data.splits[index] = (
                "test"
                if position < n_test
                else "validation"
                if position < n_test + n_val
                else "train"
            )
