"""Build the annotated PII evaluation corpus from its hand-written source.

Reads ``pii_corpus_src.jsonl`` (one request a line, PII written inline as
``[[TYPE|value]]``) and writes ``pii_corpus.jsonl`` next to it, one object a
line (and likewise ``pii_corpus_dev2_src.jsonl`` -> ``pii_corpus_dev2.jsonl``,
the later ``dev2`` tuning set, ``pii_corpus_dev3_src.jsonl`` ->
``pii_corpus_dev3.jsonl``, the ``dev3`` tuning set, ``pii_corpus_test2_src.jsonl`` ->
``pii_corpus_test2.jsonl``, the fresh held-out ``test2`` set, and
``pii_corpus_test3_src.jsonl`` -> ``pii_corpus_test3.jsonl``, the second fresh
held-out ``test3`` set, and ``pii_corpus_test4_src.jsonl`` ->
``pii_corpus_test4.jsonl``, the third fresh held-out ``test4`` set, and
``pii_corpus_test5_src.jsonl`` -> ``pii_corpus_test5.jsonl``, the fourth fresh
held-out ``test5`` set, and ``pii_corpus_test6_src.jsonl`` ->
``pii_corpus_test6.jsonl``, the fifth fresh held-out ``test6`` set, and
``pii_corpus_test7_src.jsonl`` -> ``pii_corpus_test7.jsonl``, the sixth fresh
held-out ``test7`` set, and ``pii_corpus_test8_src.jsonl`` ->
``pii_corpus_test8.jsonl``, the seventh fresh held-out ``test8`` set, and
``pii_corpus_test9_src.jsonl`` -> ``pii_corpus_test9.jsonl``, the eighth fresh
held-out ``test9`` set, and ``pii_corpus_test10_src.jsonl`` ->
``pii_corpus_test10.jsonl``, the ninth fresh held-out ``test10`` set, see
``EXTRA_CORPORA``)::

    {"id": ..., "language": ..., "split": ..., "text": ...,
     "spans": [{"type": ..., "start": ..., "end": ...}, ...]}

``text`` is the markup with the brackets removed; ``start``/``end`` are
Python character offsets into ``text`` (end exclusive).

The build fails loudly, naming the request id, on malformed markup, an
unknown TYPE, nested brackets, duplicate ids, a bad language/split, a span
with surrounding blanks or punctuation, or an identifier whose checksum or
format is wrong (see ``make_identifiers.py``).  It prints the number of
requests and spans per split, per language and per type.

Usage::

    python build_corpus.py [--src PATH] [--out PATH]

Without ``--src``/``--out`` all corpora are built; with either, only that one
(with the rules of the main corpus).

Standard library only.
"""

from __future__ import annotations

import argparse
import collections
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from make_identifiers import iban_is_valid, luhn_is_valid, nir_is_valid  # noqa: E402

TYPES = (
    "PERSON",
    "FR_NIR",
    "PHONE_NUMBER",
    "IBAN_CODE",
    "CREDIT_CARD",
    "FR_SIREN",
    "FR_SIRET",
    "FR_TAX_ID",
    "FR_PASSPORT",
    "FR_ID_CARD",
    "FR_CAF_NUMBER",
    "FR_LICENSE_PLATE",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "EMAIL_ADDRESS",
    "URL",
    "IP_ADDRESS",
)
LANGUAGES = ("fr", "en")
SPLITS = ("dev", "test")
#: further corpora built by default: (source, output, allowed splits, id prefix)
EXTRA_CORPORA = (
    ("pii_corpus_dev2_src.jsonl", "pii_corpus_dev2.jsonl", ("dev2",), "dev2-"),
    ("pii_corpus_dev3_src.jsonl", "pii_corpus_dev3.jsonl", ("dev3",), "dev3-"),
    ("pii_corpus_test2_src.jsonl", "pii_corpus_test2.jsonl", ("test2",), "test2-"),
    ("pii_corpus_test3_src.jsonl", "pii_corpus_test3.jsonl", ("test3",), "test3-"),
    ("pii_corpus_test4_src.jsonl", "pii_corpus_test4.jsonl", ("test4",), "test4-"),
    ("pii_corpus_test5_src.jsonl", "pii_corpus_test5.jsonl", ("test5",), "test5-"),
    ("pii_corpus_test6_src.jsonl", "pii_corpus_test6.jsonl", ("test6",), "test6-"),
    ("pii_corpus_test7_src.jsonl", "pii_corpus_test7.jsonl", ("test7",), "test7-"),
    ("pii_corpus_test8_src.jsonl", "pii_corpus_test8.jsonl", ("test8",), "test8-"),
    ("pii_corpus_test9_src.jsonl", "pii_corpus_test9.jsonl", ("test9",), "test9-"),
    ("pii_corpus_test10_src.jsonl", "pii_corpus_test10.jsonl", ("test10",), "test10-"),
)
OPEN, SEP, CLOSE = "[[", "|", "]]"


class CorpusError(ValueError):
    pass


def _compact(value: str, strip: str = " .-") -> str:
    return "".join(c for c in value if c not in strip)


def _is_plate(v: str) -> bool:
    return bool(
        re.fullmatch(r"[A-Z]{2}[- ]?\d{3}[- ]?[A-Z]{2}", v)
        or re.fullmatch(r"\d{1,4} ?[A-Z]{1,3} ?(\d{2}|2A|2B|97\d)", v)
    )


def _is_ip(v: str) -> bool:
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return False
    return True


def _is_phone(v: str) -> bool:
    if not re.fullmatch(r"[+(]?[\d][\d .()\-]*\d", v):
        return False
    digits = re.sub(r"\D", "", v)
    return 9 <= len(digits) <= 15


# value checks per type: a failing check is an annotation error
CHECKS = {
    "FR_NIR": lambda v: nir_is_valid(_compact(v)),
    "IBAN_CODE": lambda v: iban_is_valid(_compact(v, " ")),
    "CREDIT_CARD": lambda v: len(_compact(v)) in (15, 16) and luhn_is_valid(_compact(v)),
    "FR_SIREN": lambda v: len(_compact(v)) == 9 and luhn_is_valid(_compact(v)),
    "FR_SIRET": lambda v: len(_compact(v)) == 14 and luhn_is_valid(_compact(v)),
    "FR_TAX_ID": lambda v: bool(re.fullmatch(r"[0-3]\d{12}", _compact(v))),
    "FR_PASSPORT": lambda v: bool(re.fullmatch(r"\d{2}[A-Z]{2}\d{5}", _compact(v))),
    "FR_ID_CARD": lambda v: bool(re.fullmatch(r"\d{12}|[A-Z0-9]{9}", _compact(v))),
    "FR_CAF_NUMBER": lambda v: bool(re.fullmatch(r"\d{7,8}", _compact(v))),
    "FR_LICENSE_PLATE": _is_plate,
    "EMAIL_ADDRESS": lambda v: bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", v)),
    "URL": lambda v: "." in v and not re.search(r"\s", v) and not re.fullmatch(r"[^@/]+@[^@/]+", v),
    "IP_ADDRESS": _is_ip,
    "PHONE_NUMBER": _is_phone,
}


def parse_markup(markup: str, rid: str):
    """Return (text, spans) for one markup string; raise CorpusError."""
    out = []
    spans = []
    pos = 0
    length = 0
    while True:
        start = markup.find(OPEN, pos)
        chunk = markup[pos:] if start < 0 else markup[pos:start]
        if CLOSE in chunk:
            raise CorpusError(f"{rid}: stray {CLOSE!r} near {chunk[-40:]!r}")
        out.append(chunk)
        length += len(chunk)
        if start < 0:
            break
        end = markup.find(CLOSE, start + 2)
        if end < 0:
            raise CorpusError(f"{rid}: unclosed {OPEN!r} near {markup[start : start + 40]!r}")
        inner = markup[start + 2 : end]
        if OPEN in inner:
            raise CorpusError(f"{rid}: nested brackets in {markup[start : end + 2]!r}")
        if SEP not in inner:
            raise CorpusError(f"{rid}: missing '|' in {markup[start : end + 2]!r}")
        etype, value = inner.split(SEP, 1)
        if etype not in TYPES:
            raise CorpusError(f"{rid}: unknown TYPE {etype!r}")
        if not value or SEP in value or "[" in value or "]" in value:
            raise CorpusError(f"{rid}: malformed value in {markup[start : end + 2]!r}")
        if value != value.strip() or value[-1] in ",;:." or value[0] in ",;:.":
            raise CorpusError(f"{rid}: blank or punctuation at the edge of {value!r}")
        check = CHECKS.get(etype)
        if check is not None and not check(value):
            raise CorpusError(f"{rid}: {etype} value fails its format/checksum test: {value!r}")
        spans.append({"type": etype, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = end + 2
    text = "".join(out)
    if OPEN in text or CLOSE in text:
        raise CorpusError(f"{rid}: leftover brackets in text")
    return text, spans


def build(src: str, out: str, splits: tuple = SPLITS, id_prefix: str = "") -> list:
    records = []
    seen = set()
    with open(src, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"line {lineno}: invalid JSON ({exc})") from exc
            rid = obj.get("id")
            if not rid or rid in seen:
                raise CorpusError(f"line {lineno}: missing or duplicate id {rid!r}")
            seen.add(rid)
            if set(obj) != {"id", "language", "split", "markup"}:
                raise CorpusError(f"{rid}: unexpected keys {sorted(obj)}")
            if obj["language"] not in LANGUAGES or not rid.startswith(
                id_prefix + obj["language"] + "-"
            ):
                raise CorpusError("{}: bad language {!r}".format(rid, obj["language"]))
            if obj["split"] not in splits:
                raise CorpusError("{}: bad split {!r}".format(rid, obj["split"]))
            text, spans = parse_markup(obj["markup"], rid)
            for s in spans:
                assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]]
            records.append(
                {
                    "id": rid,
                    "language": obj["language"],
                    "split": obj["split"],
                    "text": text,
                    "spans": spans,
                }
            )
    with open(out, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return records


def report(records: list, splits: tuple = SPLITS) -> str:
    req = collections.Counter()
    counts = collections.Counter()
    for r in records:
        req[r["split"]] += 1
        req[r["language"]] += 1
        for s in r["spans"]:
            counts[(s["type"], r["split"])] += 1
            counts[(s["type"], r["language"])] += 1
    cols = splits + LANGUAGES
    detail = ", ".join(f"{c} {req[c]}" for c in cols)
    lines = [f"requests: {len(records)} ({detail})"]
    row_fmt = "{:<18}" + " {:>6}" * (len(cols) + 1)
    lines.append(row_fmt.format("type", *cols, "total"))
    totals = collections.Counter()
    for t in TYPES:
        row = [counts[(t, c)] for c in cols]
        for c, n in zip(cols, row, strict=True):
            totals[c] += n
        lines.append(row_fmt.format(t, *row, sum(row[: len(splits)])))
    lines.append(
        row_fmt.format("all spans", *(totals[c] for c in cols), sum(totals[c] for c in splits))
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build pii_corpus.jsonl from its markup source.")
    parser.add_argument("--src", default=None, help="default: pii_corpus_src.jsonl")
    parser.add_argument("--out", default=None, help="default: pii_corpus.jsonl")
    args = parser.parse_args(argv)
    jobs = [
        (
            args.src or os.path.join(HERE, "pii_corpus_src.jsonl"),
            args.out or os.path.join(HERE, "pii_corpus.jsonl"),
            SPLITS,
            "",
        )
    ]
    if args.src is None and args.out is None:
        jobs += [
            (os.path.join(HERE, s), os.path.join(HERE, o), sp, p) for s, o, sp, p in EXTRA_CORPORA
        ]
    for number, (src, out, splits, id_prefix) in enumerate(jobs):
        if number:
            print()
        try:
            records = build(src, out, splits, id_prefix)
        except CorpusError as exc:
            print(f"ERROR: {exc}", file=sys.stderr)
            return 1
        print(report(records, splits))
        missing = [
            t
            for t in TYPES
            if any(
                not any(s["type"] == t for r in records if r["split"] == sp for s in r["spans"])
                for sp in splits
            )
        ]
        if missing:
            print(
                "WARNING: types missing from a split: {}".format(", ".join(missing)),
                file=sys.stderr,
            )
        print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
