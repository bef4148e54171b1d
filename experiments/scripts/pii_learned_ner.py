"""Experiment: a learned spaCy NER for PERSON and ADDRESS, added to the rule-based anonymiser.

Trains a spaCy NER (``anonymisation/ner/config.cfg``: CNN tok2vec with the static vectors of
``fr_core_news_md``, then a transition-based NER) on the tuning corpora only: ``dev``, ``dev2``,
``dev3`` and the retired fresh sets ``test2`` to ``test6``. The held-out ``test7`` and ``test``
splits are never read for training. 10 % of the training requests, shuffled with a fixed seed,
choose the best checkpoint. Then it scores, on ``test7`` and ``test``, the anonymiser alone, the
learned NER alone and the union of both (detections pooled, as the anonymiser would pool one
more recognizer's).

    python experiments/scripts/pii_learned_ner.py train --output models/pii-ner
    python experiments/scripts/pii_learned_ner.py score --model models/pii-ner/model-best

Kept as the record of the first experiment. Not used by triage: this NER is too slow to wire
in (43 texts/s alone). The anonymiser's ``learned_ner`` uses NERs fine-tuned from the spaCy
pipelines' own (``triage train-pii-ner``, ``make pii-ner``); see the README's "Learned NER".
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "anonymisation" / "corpus"
CONFIG = Path(__file__).resolve().parents[2] / "anonymisation" / "ner" / "config.cfg"
TUNING = [
    ("pii_corpus.jsonl", "dev"),
    ("pii_corpus_dev2.jsonl", "dev2"),
    ("pii_corpus_dev3.jsonl", "dev3"),
    ("pii_corpus_test2.jsonl", "test2"),
    ("pii_corpus_test3.jsonl", "test3"),
    ("pii_corpus_test4.jsonl", "test4"),
    ("pii_corpus_test5.jsonl", "test5"),
    ("pii_corpus_test6.jsonl", "test6"),
]
HELD_OUT = [("pii_corpus_test7.jsonl", "test7"), ("pii_corpus.jsonl", "test")]
LABELS = ("PERSON", "ADDRESS")


def train(output: Path, max_steps: int) -> None:
    """Build the training data from the tuning corpora and run ``spacy train``."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("fr")
    docs = []
    for name, split in TUNING:
        for line in (CORPUS / name).open(encoding="utf-8"):
            record = json.loads(line)
            if record["split"] != split:
                continue
            doc = nlp.make_doc(record["text"])
            spans = [
                doc.char_span(s["start"], s["end"], label=s["type"], alignment_mode="expand")
                for s in record["spans"]
                if s["type"] in LABELS
            ]
            doc.ents = filter_spans([s for s in spans if s is not None])
            docs.append(doc)
    random.Random(0).shuffle(docs)
    cut = len(docs) // 10
    with tempfile.TemporaryDirectory() as folder:
        DocBin(docs=docs[cut:]).to_disk(Path(folder) / "train.spacy")
        DocBin(docs=docs[:cut]).to_disk(Path(folder) / "dev.spacy")
        print(f"{len(docs) - cut} training and {cut} checkpoint-choosing requests", flush=True)
        subprocess.run(
            [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output),
             "--paths.train", f"{folder}/train.spacy", "--paths.dev", f"{folder}/dev.spacy",
             "--training.max_steps", str(max_steps)],
            check=True,
        )  # fmt: skip


def score(model: Path) -> None:
    """Print P / R / F2 of the rules, the learned NER and their union on the held-out sets."""
    import spacy

    from triage.anonymise import Anonymiser
    from triage.evaluation.pii import score as score_spans
    from triage.evaluation.pii_corpus import load_corpus

    ner = spacy.load(model)
    with Anonymiser() as anonymiser:
        for name, split in HELD_OUT:
            corpus = load_corpus(CORPUS / name, split=split)
            texts = [s.text for s in corpus.samples]
            found = anonymiser.anonymise_batch(texts, [s.language for s in corpus.samples])
            rules = [[(e.type, e.start, e.end) for e in r.entities] for r in found]
            learned = [
                [(e.label_, e.start_char, e.end_char) for e in d.ents] for d in ner.pipe(texts)
            ]
            pooled = [a + b for a, b in zip(rules, learned, strict=True)]
            systems = {"rules": rules, "learned NER": learned, "rules + learned NER": pooled}
            for system, detections in systems.items():
                report = score_spans(corpus.samples, detections, scored_types=corpus.scored_types)
                o, per = report.overall, report.per_type
                print(
                    f"{split:6} {system:20} P {o.precision:.3f} R {o.recall:.3f} F2 {o.f2:.3f}"
                    f" | PERSON R {per['PERSON'].recall:.3f}"
                    f" | ADDRESS R {per['ADDRESS'].recall:.3f}"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("train")
    t.add_argument("--output", type=Path, default=Path("models/pii-ner"))
    t.add_argument("--max-steps", type=int, default=2500)
    s = commands.add_parser("score")
    s.add_argument("--model", type=Path, default=Path("models/pii-ner/model-best"))
    args = parser.parse_args()
    if args.command == "train":
        train(args.output, args.max_steps)
    else:
        score(args.model)
