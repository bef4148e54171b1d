"""Common words of a language, read from the spaCy model's lemmatizer tables.

A lower-case word that the lemmatizer does not know ("ilyes", "vautrin") is more likely a name
than a word; one it knows ("aîné", "malade", "gérante") is a word. The tables list the
language's ordinary vocabulary (nouns, verbs, adjectives, adverbs and their forms), never
names, so nothing here is tuned to a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.lookups import Lookups, Table

from .context import fold

__all__ = ["Lexicon"]

# English tables hold base forms only: try the word without common inflection endings.
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "est")


class Lexicon:
    """Membership test for the ordinary words of one language (case-insensitive).

    Parameters
    ----------
    words
        Known words (base forms and any listed forms).
    forms
        Optional lookup table of inflected forms (spaCy's ``lemma_lookup``), queried as is.
    """

    def __init__(self, words: Iterable[str], forms: Table | None = None) -> None:
        self.words = frozenset(word.casefold() for word in words)
        # Text messages drop accents ("c est genial"): a word known with its accents is known.
        self.unaccented = frozenset(fold(word) for word in self.words)
        self.forms = forms

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        word = word.casefold()
        if word in self.words or (self.forms is not None and word in self.forms):
            return True
        if word.isascii() and word in self.unaccented:
            return True
        return any(
            word.endswith(end) and word[: -len(end)] in self.words
            for end in _ENDINGS
            if len(word) > len(end) + 2
        )

    @classmethod
    def from_model(cls, nlp: Language) -> Lexicon:
        """The words of a loaded spaCy pipeline: stop words plus its lemmatizer tables."""
        words: set[str] = set(nlp.Defaults.stop_words)
        forms = None
        folder = Path(nlp.path or "") / "lemmatizer" / "lookups"
        if nlp.path is not None and folder.is_dir():
            lookups = Lookups().from_disk(folder)
            if lookups.has_table("lemma_index"):
                for lemmas in lookups.get_table("lemma_index").values():
                    words.update(lemmas)
            if lookups.has_table("lemma_exc"):
                for exceptions in lookups.get_table("lemma_exc").values():
                    for form, lemmas in exceptions.items():
                        words.add(form)
                        words.update(lemmas)
            if lookups.has_table("lemma_lookup"):
                forms = lookups.get_table("lemma_lookup")
        return cls(words, forms)
