"""Typed, validated anonymiser configuration loaded from YAML.

A missing or invalid file is an error: for a privacy tool a silent fallback to defaults leaks data.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from triage.exceptions import ConfigError

__all__ = [
    "AnonymiserConfig",
    "LanguageSpec",
    "PatternSpec",
    "RecognizerSpec",
    "default_config_path",
    "load_config",
]

Score = Annotated[float, Field(ge=0.0, le=1.0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageSpec(_Strict):
    """The spaCy pipeline used for one language (a package name or a folder path)."""

    spacy_model: str


class PatternSpec(_Strict):
    """One regular expression of a custom pattern recognizer."""

    name: str
    regex: str
    score: Score


class RecognizerSpec(_Strict):
    """A recognizer: a built-in one by key, or a custom pattern / deny-list recognizer."""

    builtin: str | None = None
    presidio: str | None = None
    options: dict[str, Any] = {}
    name: str | None = None
    entity: str | None = None
    patterns: list[PatternSpec] = []
    deny_list: list[str] = []
    context: list[str] | None = None
    languages: list[str] | None = None
    enabled: bool = True

    @model_validator(mode="after")
    def _one_kind(self) -> RecognizerSpec:
        if self.builtin is not None or self.presidio is not None:
            if self.builtin is not None and self.presidio is not None:
                raise ValueError("give either 'builtin' or 'presidio', not both")
            if self.patterns or self.deny_list or self.entity:
                raise ValueError(
                    "a 'builtin' or 'presidio' recognizer takes only context, languages, "
                    "options and enabled"
                )
            if self.builtin is not None and self.options:
                raise ValueError("'options' are only for 'presidio' recognizers")
            return self
        if not self.name or not self.entity:
            raise ValueError("a custom recognizer needs 'name' and 'entity'")
        if bool(self.patterns) == bool(self.deny_list):
            raise ValueError(f"recognizer {self.name!r} needs either 'patterns' or 'deny_list'")
        return self

    @property
    def key(self) -> str:
        """The name that identifies this recognizer in the configuration."""
        return self.builtin or self.presidio or self.name or ""


class AnonymiserConfig(_Strict):
    """Everything the anonymiser needs, as loaded from YAML."""

    version: int = 1
    default_language: str = "fr"
    score_threshold: Score = 0.5
    chunk_size: int = Field(default=20_000, ge=1_000)
    chunk_overlap: int = Field(default=300, ge=0)
    languages: dict[str, LanguageSpec]
    ner_labels: dict[str, str] = {}
    #: ``{language: folder written by triage train-pii-ner}``: NERs in place of the stock ones.
    #: In a file, a relative folder is relative to that file's folder (see :func:`load_config`).
    learned_ner: dict[str, str] = {}
    entities: list[str]
    allow_list: list[str] = []
    recognizers: list[RecognizerSpec]

    @field_validator("version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != 1:
            raise ValueError(f"unsupported config version {value}; this triage reads version 1")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> AnonymiserConfig:
        if self.default_language not in self.languages:
            raise ValueError(
                f"default_language {self.default_language!r} is not one of the configured "
                f"languages {sorted(self.languages)}"
            )
        if self.chunk_overlap >= self.chunk_size // 2:
            raise ValueError("chunk_overlap must be under half of chunk_size")
        keys = [spec.key for spec in self.recognizers]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"recognizers listed twice: {duplicates}")
        if self.learned_ner:
            unknown = set(self.learned_ner) - set(self.languages)
            if unknown:
                raise ValueError(f"learned_ner names languages {sorted(unknown)} not configured")
        for spec in self.recognizers:
            unknown = set(spec.languages or []) - set(self.languages)
            if unknown:
                raise ValueError(
                    f"recognizer {spec.key!r} names languages {sorted(unknown)} "
                    f"that are not configured"
                )
        return self

    @property
    def digest(self) -> str:
        """SHA-256 of the canonical JSON of this configuration (recorded with every decision).

        The learned NERs count by language only, not by where their folders lie (the same
        configuration installed elsewhere keeps its digest); ``Anonymiser.config_hash`` adds
        their files' digests.
        """
        data = self.model_dump(mode="json")
        if self.learned_ner:
            data["learned_ner"] = sorted(self.learned_ner)
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def default_config_path() -> Path:
    """Path of the configuration shipped with triage (``anonymisation/recognizers.yaml``)."""
    return Path(str(resources.files("triage").joinpath("defaults", "recognizers.yaml")))


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"anonymiser config {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"anonymiser config {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"anonymiser config {path} must be a mapping at top level")
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Merge a user file over its base: lists of recognizers and allow-list entries extend."""
    merged = dict(base)
    for key, value in override.items():
        if key == "recognizers":
            by_key = {_spec_key(spec): spec for spec in base.get("recognizers", [])}
            for spec in value or []:
                by_key[_spec_key(spec)] = spec  # same name replaces, new name appends
            merged[key] = list(by_key.values())
        elif key == "allow_list":
            merged[key] = list(base.get(key, [])) + list(value or [])
        elif key in ("languages", "ner_labels", "learned_ner"):
            merged[key] = {**base.get(key, {}), **(value or {})}
        else:
            merged[key] = value
    return merged


def _spec_key(spec: Any) -> str:
    if not isinstance(spec, dict):
        raise ConfigError(f"each recognizer must be a mapping, got {spec!r}")
    return str(spec.get("builtin") or spec.get("presidio") or spec.get("name"))


def _resolve_learned_ner(data: dict[str, Any], path: Path) -> None:
    """Make the file's relative ``learned_ner`` folders relative to the file's own folder.

    So a profile names the NERs from where it lies, whatever the working directory, and a
    routing model's ``anonymiser.yaml`` names the copies inside the model's folder.
    """
    folders = data.get("learned_ner")
    if not isinstance(folders, dict):
        return  # absent, or invalid: validation reports it
    data["learned_ner"] = {
        language: os.path.normpath(path.resolve().parent / folder)
        if isinstance(folder, str) and not Path(folder).is_absolute()
        else folder
        for language, folder in folders.items()
    }


def load_config(path: str | Path | None = None) -> AnonymiserConfig:
    """Load and validate a configuration file; ``None`` loads the one shipped with triage.

    A file may start with ``extends: default`` (or a path) to add to another configuration:
    its recognizers replace those of the same name or are appended, its allow-list extends.
    Relative ``learned_ner`` folders are relative to the file that names them.
    """
    path = Path(path) if path is not None else default_config_path()
    data = _read_yaml(path)
    _resolve_learned_ner(data, path)
    parent = data.pop("extends", None)
    if parent is not None:
        parent_path = default_config_path() if parent == "default" else path.parent / parent
        if parent_path.resolve() == path.resolve():
            raise ConfigError(f"anonymiser config {path} extends itself")
        base = load_config(parent_path).model_dump(mode="json", exclude_none=True)
        data = _merge(base, data)
    try:
        return AnonymiserConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"anonymiser config {path} is invalid:\n{exc}") from exc
