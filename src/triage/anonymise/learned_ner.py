"""A learned NER in place of a language pipeline's stock one (``learned_ner`` in the config).

``triage train-pii-ner`` fine-tunes a spaCy NER on the PII corpora (see ``ner_training.py``).
It is loaded as a separate spaCy pipeline, so one model can serve any language: the component
that replaces the stock ``ner`` runs it on the same texts and sets its entities, aligned to the
main pipeline's tokens, as ``doc.ents``. Everything downstream (the spaCy person recognizer and
its rules, ``ner_labels``) then reads them as it read the stock NER's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, minibatch

from triage.exceptions import MissingDependencyError

__all__ = ["add_learned_ner", "load_learned_ner"]

COMPONENT = "triage_learned_ner"


def load_learned_ner(path: str) -> Language:
    """Load a pipeline written by ``triage train-pii-ner``, once per process and version.

    A NER retrained in the same folder is loaded afresh: the cache key holds the time its
    weights were written.
    """
    folder = Path(path)
    if not (folder / "config.cfg").is_file():
        raise MissingDependencyError(
            f"learned NER {path!r} not found; build it with `triage train-pii-ner` "
            "(`make pii-ner`) or remove `learned_ner` from the anonymiser config"
        )
    weights = folder / "ner" / "model"
    return _load(str(folder.resolve()), weights.stat().st_mtime_ns if weights.is_file() else 0)


@lru_cache(maxsize=4)
def _load(path: str, version: int) -> Language:
    nlp = spacy.load(path)
    if "ner" not in nlp.pipe_names:
        raise MissingDependencyError(f"learned NER {path!r} has no 'ner' component")
    return nlp


class LearnedNer:
    """spaCy component: run the learned pipeline and set its entities as the doc's."""

    def __init__(self, learned: Language, batch_size: int = 64) -> None:
        self.learned = learned
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        """Annotate ``docs`` in batches (the learned pipeline tokenises each text itself)."""
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            yield from self._annotate(list(batch))

    def _annotate(self, docs: list[Doc]) -> Iterator[Doc]:
        for doc, learned in zip(docs, self.learned.pipe(d.text for d in docs), strict=True):
            spans = (
                doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="expand")
                for e in learned.ents
            )
            doc.ents = filter_spans([span for span in spans if span is not None])
            yield doc


def add_learned_ner(nlp: Language, path: str | Path) -> None:
    """Put the learned NER at ``path`` in place of ``nlp``'s stock ``ner`` (removed if any)."""
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    nlp.add_pipe(COMPONENT, last=True, config={"path": str(path)})


@Language.factory(COMPONENT, default_config={"path": ""})
def _make_learned_ner(nlp: Language, name: str, path: str) -> LearnedNer:
    return LearnedNer(load_learned_ner(path))
