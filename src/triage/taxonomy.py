"""The departments a request can be routed to, loaded from YAML (``models/departments.yaml``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from triage.exceptions import ConfigError

__all__ = ["Department", "Taxonomy", "default_taxonomy_path", "load_taxonomy"]

#: The queue a request goes to when no department is chosen.
HUMAN_REVIEW = "human_review"


class _DepartmentSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    description: str = ""

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not value.replace("_", "").isalnum() or not value.islower():
            raise ValueError(f"department id {value!r} must be lower-case letters, digits and _")
        if value == HUMAN_REVIEW:
            raise ValueError(f"{HUMAN_REVIEW!r} is reserved for the review queue")
        return value


class _TaxonomySpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    departments: list[_DepartmentSpec]
    out_of_scope: _DepartmentSpec

    @model_validator(mode="after")
    def _unique(self) -> _TaxonomySpec:
        ids = [d.id for d in self.departments] + [self.out_of_scope.id]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"department ids listed twice: {duplicates}")
        if len(self.departments) < 2:
            raise ValueError("a taxonomy needs at least two departments")
        return self


@dataclass(frozen=True, slots=True)
class Department:
    """One department: stable id, label shown to people, description of its scope."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Taxonomy:
    """The departments, plus the out-of-scope class that always goes to human review."""

    departments: tuple[Department, ...]
    out_of_scope: Department

    @property
    def labels(self) -> list[str]:
        """Class labels of the model: the departments, then the out-of-scope class."""
        return [d.id for d in self.departments] + [self.out_of_scope.id]

    @property
    def department_ids(self) -> list[str]:
        """Ids of the real departments (not the out-of-scope class)."""
        return [d.id for d in self.departments]

    def get(self, department_id: str) -> Department:
        """The department with this id (the out-of-scope class included)."""
        for department in (*self.departments, self.out_of_scope):
            if department.id == department_id:
                return department
        raise KeyError(department_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (saved with each model)."""
        return {
            "version": 1,
            "departments": [vars_(d) for d in self.departments],
            "out_of_scope": vars_(self.out_of_scope),
        }

    @property
    def digest(self) -> str:
        """SHA-256 of the canonical JSON form."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "taxonomy") -> Taxonomy:
        """Validate and build a taxonomy from its dictionary form."""
        try:
            spec = _TaxonomySpec.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(f"{source} is invalid:\n{exc}") from exc
        return cls(
            departments=tuple(Department(**d.model_dump()) for d in spec.departments),
            out_of_scope=Department(**spec.out_of_scope.model_dump()),
        )


def vars_(department: Department) -> dict[str, str]:
    """A department as a dictionary."""
    return {"id": department.id, "label": department.label, "description": department.description}


def default_taxonomy_path() -> Path:
    """Path of the taxonomy shipped with triage."""
    return Path(str(resources.files("triage").joinpath("defaults", "departments.yaml")))


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load a taxonomy file; ``None`` loads the default municipal taxonomy."""
    path = Path(path) if path is not None else default_taxonomy_path()
    if not path.is_file():
        raise ConfigError(f"taxonomy file {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"taxonomy file {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"taxonomy file {path} must be a mapping at top level")
    return Taxonomy.from_dict(data, source=f"taxonomy file {path}")
