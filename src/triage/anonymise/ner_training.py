"""Fine-tune a spaCy pipeline's NER on annotated PII corpora (persons and postal addresses).

The stock French NER is trained on Wikipedia: it misses lower-case and foreign first names in
text messages, and it has no address label. :func:`train_pii_ner` starts from the pipeline's
own NER (so what it knows of names is kept), adds an ``ADDRESS`` label and fine-tunes it on the
PERSON and ADDRESS spans of triage's PII corpora. The output is a spaCy pipeline holding that NER
alone, named as ``learned_ner`` in an anonymiser config (as in the profile
``anonymisation/profiles/learned-ner.yaml``): it then runs beside the language pipelines and
adds its detections (``learned_ner.py``).

A share of the requests, drawn with a fixed seed, is held back to pick the best epoch; the
held-out splits of a corpus must be left out by the caller (``splits``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from triage.evaluation.pii_corpus import Sample, load_corpus
from triage.exceptions import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer
    from spacy.training import Example

__all__ = ["NerTrainingReport", "train_pii_ner"]

#: Corpus types learned, and the NER label each becomes when the base NER has no own label.
LEARNED_TYPES = ("PERSON", "ADDRESS")
#: Labels the stock NERs use for persons: the corpus's PERSON spans reuse them.
_PERSON_LABELS = ("PER", "PERSON")
REPORT_FILE = "triage_pii_ner.json"


@dataclass(frozen=True, slots=True)
class NerTrainingReport:
    """What a fine-tuning run did, saved beside the pipeline as ``triage_pii_ner.json``."""

    base_model: str
    #: Languages of the training requests (``None``: all of them were read).
    languages: list[str] | None
    labels: dict[str, str]
    #: SHA-256 of the training requests (ids, texts and spans), to tell two data sets apart.
    data_digest: str
    training_requests: int
    #: Copies of training requests in another case (``augment``), trained on as well.
    case_copies: int
    checkpoint_requests: int
    best_epoch: int
    #: Per epoch: loss, and precision / recall / F2 over the learned types on the checkpoint set.
    epochs: list[dict[str, float]] = field(default_factory=list)
    seed: int = 0
    schema_version: int = 1

    def to_dict(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return asdict(self)


def _load_base(base_model: str) -> Language:
    import spacy

    from .nlp import require_spacy_model

    require_spacy_model(base_model)
    nlp = spacy.load(base_model)
    if "ner" not in nlp.pipe_names:
        raise InputError(f"spaCy model {base_model!r} has no 'ner' component to fine-tune")
    return nlp


def _label_map(nlp: Language) -> dict[str, str]:
    known = set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    person = next((label for label in _PERSON_LABELS if label in known), "PERSON")
    return {"PERSON": person, "ADDRESS": "ADDRESS"}


def _examples(nlp: Language, samples: Sequence[Sample], labels: dict[str, str]) -> list[Example]:
    from spacy.training import Example
    from spacy.util import filter_spans

    examples = []
    for sample in samples:
        predicted = nlp.make_doc(sample.text)
        reference = nlp.make_doc(sample.text)
        spans = [
            reference.char_span(s.start, s.end, label=labels[s.type], alignment_mode="expand")
            for s in sample.spans
            if s.type in labels
        ]
        reference.ents = filter_spans([s for s in spans if s is not None])
        examples.append(Example(predicted, reference))
    return examples


def _map_chars(text: str, change: Callable[[str], str]) -> str:
    """``change`` applied to each character, keeping a character whose change is longer."""
    return "".join(new if len(new := change(char)) == 1 else char for char in text)


def _unaccented(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


_VARIANTS: tuple[Callable[[str], str], ...] = (
    str.lower,
    str.upper,
    lambda char: _unaccented(char.lower()),
)


def _case_variants(samples: Sequence[Sample], *, share: float, seed: int) -> list[Sample]:
    """Copies of a share of ``samples`` in another case; offsets stay valid (same lengths)."""
    rng = random.Random(seed + 1)
    copies = []
    for sample in samples:
        if rng.random() < share:
            change = rng.choice(_VARIANTS)
            text = _map_chars(sample.text, change)
            copies.append(dataclasses.replace(sample, id=f"{sample.id}~case", text=text))
    return copies


def _digest(samples: Sequence[Sample]) -> str:
    canonical = json.dumps(
        [[s.id, s.text, [[g.type, g.start, g.end] for g in s.spans]] for s in samples],
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _score(nlp: Language, examples: Sequence[Example]) -> dict[str, float]:
    """Entity precision, recall and F2 (recall counts four times) on ``examples``."""
    scores = nlp.evaluate(examples)
    precision, recall = float(scores["ents_p"] or 0.0), float(scores["ents_r"] or 0.0)
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f2": f2}


def train_pii_ner(
    corpora: Sequence[str | Path],
    output: str | Path,
    *,
    splits: Sequence[str] | None = None,
    languages: Sequence[str] | None = None,
    base_model: str = "fr_core_news_md",
    epochs: int = 12,
    checkpoint_share: float = 0.1,
    dropout: float = 0.2,
    augment: float = 0.0,
    seed: int = 0,
    on_epoch: Callable[[int, dict[str, float]], None] | None = None,
) -> NerTrainingReport:
    """Fine-tune ``base_model``'s NER on the PERSON and ADDRESS spans of ``corpora``.

    Parameters
    ----------
    corpora
        triage PII corpus files (JSONL with ``text``, ``spans`` and ``split``).
    output
        Folder written with the spaCy pipeline (the NER alone) and ``triage_pii_ner.json``.
        An earlier learned NER there is replaced; any other non-empty folder is an error.
    splits
        Only the requests of these splits are read; ``None`` reads every request. Leave the
        splits you evaluate on out.
    languages
        Only the requests in these languages are read; ``None`` reads all.
    augment
        Share of the training requests (not the checkpoint ones) also given as a copy written
        all in lower case, all in capitals, or in lower case without accents, as text messages
        and angry mail are; ``0`` adds none.
    on_epoch
        Called after each epoch with its number and scores (for a progress display).
    """
    from spacy.util import fix_random_seed, minibatch

    output = Path(output)
    if output.exists() and any(output.iterdir()) and not (output / REPORT_FILE).is_file():
        raise InputError(
            f"output folder {output} exists and holds no {REPORT_FILE}: it is not an earlier "
            "learned NER; give an empty or new folder"
        )
    samples = [
        sample
        for path in corpora
        for sample in load_corpus(path).samples
        if (splits is None or sample.split in splits)
        and (languages is None or sample.language in languages)
    ]
    if len(samples) < 10:
        raise InputError(
            f"{len(samples)} requests in the given corpora, splits and languages; "
            "at least 10 are needed"
        )
    fix_random_seed(seed)
    nlp = _load_base(base_model)
    labels = _label_map(nlp)
    ner: EntityRecognizer = nlp.get_pipe("ner")
    for label in labels.values():
        ner.add_label(label)
    shuffled = list(samples)
    random.Random(seed).shuffle(shuffled)
    cut = max(1, round(len(shuffled) * checkpoint_share))
    checkpoint = _examples(nlp, shuffled[:cut], labels)
    kept = shuffled[cut:]
    copies = _case_variants(kept, share=augment, seed=seed) if augment else []
    training = _examples(nlp, kept + copies, labels)
    history: list[dict[str, float]] = []
    best_epoch, best_f2, best_weights = 0, -1.0, b""
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        for epoch in range(1, epochs + 1):
            random.Random(seed + epoch).shuffle(training)
            losses: dict[str, float] = {}
            for batch in minibatch(training, size=16):
                nlp.update(list(batch), drop=dropout, sgd=optimizer, losses=losses)
            scores = {"loss": float(losses.get("ner", 0.0)), **_score(nlp, checkpoint)}
            history.append(scores)
            if on_epoch is not None:
                on_epoch(epoch, scores)
            if scores["f2"] > best_f2:
                best_epoch, best_f2, best_weights = epoch, scores["f2"], ner.to_bytes()
    ner.from_bytes(best_weights)
    for name in [name for name in nlp.component_names if name != "ner"]:
        nlp.remove_pipe(name)  # disabled ones too (fr_core_news_md's senter)
    if output.exists():
        shutil.rmtree(output)  # no stale file of an earlier run may stay beside the new one
    nlp.to_disk(output)
    report = NerTrainingReport(
        base_model=base_model,
        languages=None if languages is None else list(languages),
        labels=labels,
        data_digest=_digest(samples),
        training_requests=len(kept),
        case_copies=len(copies),
        checkpoint_requests=len(checkpoint),
        best_epoch=best_epoch,
        epochs=history,
        seed=seed,
    )
    (output / REPORT_FILE).write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
    return report
