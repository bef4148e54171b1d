"""The anonymiser: Presidio analysis with triage's recognizers, then typed placeholders."""

from __future__ import annotations

import hashlib
import multiprocessing
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from presidio_analyzer import (
    AnalyzerEngine,
    BatchAnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
)
from presidio_anonymizer import AnonymizerEngine

from triage.exceptions import ConfigError, InputError, TriageError
from triage.records import Entity, Redaction

from . import placeholders
from .chunking import chunk_bounds
from .config import AnonymiserConfig, RecognizerSpec, load_config
from .context import WindowContextEnhancer
from .html import html_to_text, looks_like_html
from .language import LanguageDetector, LinguaLanguageDetector
from .names import expand_persons
from .nlp import OfflineSpacyNlpEngine
from .postprocess import Span, merge, resolve
from .recognizers import BUILTIN
from .recognizers.base import make_pattern_recognizer
from .recognizers.presidio_predefined import build_presidio
from .recognizers.spacy_person import ProperNounSpacyRecognizer

__all__ = ["Anonymiser"]

Progress = Callable[[int], None]


@dataclass
class _Job:
    """One text on its way through the batch (internal)."""

    text: str
    language: str
    warnings: list[str] = field(default_factory=list)
    #: ``text`` as analysed: quote markers of e-mail replies blanked (same length).
    analysed: str = ""
    source_format: str = "text"
    spans: list[Span] = field(default_factory=list)
    result: Redaction | None = None


class Anonymiser:
    """Detect personal data with Presidio and replace it with numbered placeholders.

    Parameters
    ----------
    config
        A loaded :class:`AnonymiserConfig`, a path to a YAML file, or ``None`` for the
        configuration shipped with triage (``anonymisation/recognizers.yaml``).
    pseudonymisation_key
        Optional AES key (16, 24 or 32 bytes). When given, each placeholder also gets the
        encrypted original value (:attr:`Redaction.pseudonyms`), which
        :meth:`reidentify` turns back with the same key. The key is kept in memory only.
    language_detector
        Names the language of requests given without one; default: lingua.
    n_process
        Worker processes used by :meth:`anonymise_batch` for batches larger than
        ``batch_size``; each loads its own models once, on first use. Call :meth:`close`
        (or use the anonymiser as a context manager) to stop them.
    batch_size
        Texts per spaCy batch.

    Examples
    --------
    >>> anonymiser = Anonymiser()
    >>> anonymiser.anonymise("Je suis Marie Curie, tél. 06 12 34 56 78").anonymised_text
    'Je suis <PERSON_1>, tél. <PHONE_NUMBER_1>'
    """

    def __init__(
        self,
        config: AnonymiserConfig | str | Path | None = None,
        *,
        pseudonymisation_key: str | None = None,
        language_detector: LanguageDetector | None = None,
        n_process: int = 1,
        batch_size: int = 64,
    ) -> None:
        self.config = config if isinstance(config, AnonymiserConfig) else load_config(config)
        if pseudonymisation_key is not None:
            placeholders.check_key(pseudonymisation_key)
        self._key = pseudonymisation_key
        self.language_detector = language_detector or LinguaLanguageDetector()
        self.n_process = n_process
        self.batch_size = batch_size
        self._analyzer: AnalyzerEngine | None = None
        self._anonymizer = AnonymizerEngine()
        self._pool: ProcessPoolExecutor | None = None

    def __repr__(self) -> str:
        key = "set" if self._key else "none"
        return f"Anonymiser(config={self.config.digest[:12]}, pseudonymisation_key={key})"

    @cached_property
    def config_hash(self) -> str:
        """SHA-256 of the configuration in use, and of the learned NERs' files if it names any.

        Recorded with every decision: retraining a learned NER in the same folder changes it.
        """
        if not self.config.learned_ner:
            return self.config.digest
        from triage.classify.model import folder_digest

        sha = hashlib.sha256(self.config.digest.encode("ascii"))
        for language, folder in sorted(self.config.learned_ner.items()):
            sha.update(f"{language}:{folder_digest(folder)}".encode())
        return sha.hexdigest()

    @property
    def languages(self) -> list[str]:
        """Configured languages."""
        return list(self.config.languages)

    # -- set-up ------------------------------------------------------------------------------
    @property
    def analyzer(self) -> AnalyzerEngine:
        """The Presidio analyzer, built on first use (loads the spaCy models)."""
        if self._analyzer is None:
            self._analyzer = self._build_analyzer()
        return self._analyzer

    def _build_analyzer(self) -> AnalyzerEngine:
        languages = list(self.config.languages)
        nlp_engine = OfflineSpacyNlpEngine(
            {lang: spec.spacy_model for lang, spec in self.config.languages.items()},
            self.config.ner_labels,
            learned_ner=self.config.learned_ner,
        )
        nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=languages)
        ner_entities = sorted(set(self.config.ner_labels.values()))
        for language in languages:
            registry.add_recognizer(
                ProperNounSpacyRecognizer(
                    supported_language=language,
                    supported_entities=ner_entities,
                    lexicon=nlp_engine.lexicons_.get(language),
                )
            )
        for spec in self.config.recognizers:
            if spec.enabled:
                for language in spec.languages or languages:
                    registry.add_recognizer(_build_recognizer(spec, language))
        return AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=languages,
            default_score_threshold=self.config.score_threshold,
            context_aware_enhancer=WindowContextEnhancer(),
        )

    # -- public API --------------------------------------------------------------------------
    def anonymise(self, text: str, language: str | None = None) -> Redaction:
        """Anonymise one text; ``language`` is detected when not given.

        Raises
        ------
        InputError
            If the text is empty or not a string.
        """
        result = self.anonymise_batch([text], [language])[0]
        assert isinstance(result, Redaction)
        return result

    def anonymise_batch(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None] | None = None,
        *,
        return_errors: bool = False,
        progress: Progress | None = None,
    ) -> list[Redaction | TriageError]:
        """Anonymise many texts at once (spaCy batches); results come back in input order.

        Parameters
        ----------
        languages
            One language (or ``None`` to detect) per text.
        return_errors
            When true, a text that cannot be processed gives its :class:`InputError` in its
            place in the result list instead of stopping the batch.
        progress
            Called with the number of texts just finished.
        """
        languages = list(languages) if languages is not None else [None] * len(texts)
        if len(languages) != len(texts):
            raise InputError(f"got {len(texts)} texts but {len(languages)} languages")
        jobs: list[_Job | TriageError] = []
        for index, (text, language) in enumerate(zip(texts, languages, strict=True)):
            try:
                jobs.append(self._prepare(text, language))
            except InputError as exc:
                if not return_errors:
                    raise InputError(str(exc), row=index + 1) from exc
                jobs.append(exc)
        self._analyse([job for job in jobs if isinstance(job, _Job)], progress)
        return [
            job if isinstance(job, TriageError) else job.result or self._finish(job) for job in jobs
        ]

    def reidentify(self, redaction: Redaction, key: str | None = None) -> str:
        """Return the anonymised text with each placeholder replaced by its decrypted value.

        Needs the key the redaction was made with; nothing else can recover the values.
        """
        key = key or self._key
        if key is None:
            raise ConfigError("reidentify needs the pseudonymisation key")
        placeholders.check_key(key)
        if not redaction.pseudonyms:
            raise InputError("this redaction has no pseudonyms: it was made without a key")
        text = redaction.anonymised_text
        for placeholder, ciphertext in redaction.pseudonyms.items():
            text = text.replace(placeholder, placeholders.decrypt(ciphertext, key))
        return text

    # -- steps ---------------------------------------------------------------------------------
    def _prepare(self, text: object, language: str | None) -> _Job:
        if not isinstance(text, str):
            raise InputError(f"text must be a string, got {type(text).__name__}")
        if not text.strip():
            raise InputError("text is empty")
        job = _Job(text=text, language="")
        if looks_like_html(text):
            job.text = html_to_text(text)
            job.source_format = "html"
            job.warnings.append("HTML converted to its visible text; offsets refer to that text")
            if not job.text.strip():
                raise InputError("HTML message has no visible text")
        job.analysed = unquote(job.text)
        job.language = self._choose_language(job, language)
        return job

    def _choose_language(self, job: _Job, language: str | None) -> str:
        default = self.config.default_language
        if language:
            code = language.strip().lower()
            if code in self.config.languages:
                return code
            job.warnings.append(
                f"language {language!r} is not configured ({', '.join(self.languages)}); "
                f"analysed as {default!r}"
            )
            return default
        detected = self.language_detector.detect(job.text)
        if detected in self.config.languages:
            return str(detected)
        if detected is not None:
            job.warnings.append(
                f"detected language {detected!r} is not configured; analysed as {default!r}"
            )
        return default

    def close(self) -> None:
        """Stop the worker processes, if any (they are restarted on next use)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> Anonymiser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _analyse(self, jobs: list[_Job], progress: Progress | None) -> None:
        if self.n_process > 1 and len(jobs) > self.batch_size:
            self._analyse_in_pool(jobs, progress)
        else:
            self._analyse_here(jobs, progress)

    def _analyse_in_pool(self, jobs: list[_Job], progress: Progress | None) -> None:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (torch, tokenizers) that fork breaks.
            self._pool = ProcessPoolExecutor(
                max_workers=self.n_process,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.config, self._key),
            )
        size = self.batch_size
        parts = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        for part, done in zip(parts, self._pool.map(_worker_run, parts), strict=True):
            for job, redaction in zip(part, done, strict=True):
                job.result = redaction
            if progress is not None:
                progress(len(part))

    def _analyse_here(self, jobs: list[_Job], progress: Progress | None) -> None:
        batch = BatchAnalyzerEngine(self.analyzer)
        size, overlap = self.config.chunk_size, self.config.chunk_overlap
        for language in {job.language for job in jobs}:
            pieces: list[tuple[_Job, int, str]] = []
            for job in (job for job in jobs if job.language == language):
                bounds = chunk_bounds(job.analysed, size, overlap)
                if len(bounds) > 1:
                    job.warnings.append(
                        f"text of {len(job.text)} characters analysed in {len(bounds)} chunks"
                    )
                pieces.extend((job, start, job.analysed[start:end]) for start, end in bounds)
            results = batch.analyze_iterator(
                [piece for _, _, piece in pieces],
                language=language,
                batch_size=self.batch_size,
                entities=self._entities_for(language),
                score_threshold=self.config.score_threshold,
            )
            done: set[int] = set()
            for (job, offset, _), found in zip(pieces, results, strict=True):
                job.spans.extend(
                    Span(
                        r.entity_type,
                        r.start + offset,
                        r.end + offset,
                        r.score,
                        (r.recognition_metadata or {}).get("recognizer_name", ""),
                    )
                    for r in found
                )
                if progress is not None and offset == 0 and id(job) not in done:
                    done.add(id(job))
                    progress(1)

    def _entities_for(self, language: str) -> list[str]:
        """Configured entity types that some recognizer of this language can find."""
        supported = set(self.analyzer.get_supported_entities(language))
        return [entity for entity in self.config.entities if entity in supported]

    def _finish(self, job: _Job) -> Redaction:
        spans = resolve(job.spans, job.analysed, self.config.allow_list)
        if "PERSON" in self.config.entities:
            spans = merge(spans + expand_persons(spans, job.analysed, self.config.allow_list))
        names = placeholders.assign_placeholders(spans, job.text)
        pseudonyms: dict[str, str] = {}
        if self._key is not None:
            for span, name in zip(spans, names, strict=True):
                if name not in pseudonyms:
                    value = job.text[span.start : span.end]
                    pseudonyms[name] = placeholders.encrypt(value, self._key)
        return Redaction(
            anonymised_text=placeholders.replace(self._anonymizer, job.text, spans, names),
            language=job.language,
            entities=tuple(
                Entity(span.type, span.start, span.end, span.score, name)
                for span, name in zip(spans, names, strict=True)
            ),
            pseudonyms=pseudonyms,
            warnings=tuple(job.warnings),
            source_format=job.source_format,
        )


_WORKER: Anonymiser | None = None


#: Quote markers opening the lines of a quoted e-mail ("> > Dear Ms Delgado,").
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+", re.MULTILINE)


def unquote(text: str) -> str:
    """``text`` with the quote markers of replied e-mails blanked, offsets unchanged.

    A quoted "Kind regards," line and the name under it then read as a signature, as they
    were written: the person rules look at line starts, and ">" would hide them.
    """
    return _QUOTE_MARKS.sub(lambda match: " " * len(match.group()), text)


def _init_worker(config: AnonymiserConfig, key: str | None) -> None:
    global _WORKER
    from threadpoolctl import threadpool_limits

    # One BLAS thread per worker: the workers already use every core between them.
    threadpool_limits(1)
    _WORKER = Anonymiser(config, pseudonymisation_key=key)
    _ = _WORKER.analyzer  # load the models before the first batch arrives


def _worker_run(jobs: list[_Job]) -> list[Redaction]:
    """Analyse and finish prepared jobs in a worker process."""
    assert _WORKER is not None
    _WORKER._analyse_here(jobs, None)
    return [_WORKER._finish(job) for job in jobs]


def _build_recognizer(spec: RecognizerSpec, language: str) -> EntityRecognizer:
    if spec.builtin is not None:
        try:
            builder = BUILTIN[spec.builtin]
        except KeyError:
            raise ConfigError(
                f"unknown builtin recognizer {spec.builtin!r}; known: {sorted(BUILTIN)}"
            ) from None
        return builder(language, spec.context)
    if spec.presidio is not None:
        return build_presidio(spec.presidio, language, spec.context, spec.options)
    assert spec.name is not None and spec.entity is not None
    if spec.deny_list:
        from presidio_analyzer import PatternRecognizer

        return PatternRecognizer(
            supported_entity=spec.entity,
            name=spec.name,
            deny_list=list(spec.deny_list),
            supported_language=language,
            context=list(spec.context or []),
        )
    return make_pattern_recognizer(
        entity=spec.entity,
        name=spec.name,
        language=language,
        context=spec.context,
        patterns=[(p.name, p.regex, p.score) for p in spec.patterns],
    )
