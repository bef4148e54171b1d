"""triage: privacy-first, transparent routing of citizens' requests."""

from triage.anonymise import Anonymiser, AnonymiserConfig, load_config
from triage.audit import AuditStore
from triage.classify import Decision, RoutingModel
from triage.exceptions import ConfigError, InputError, MissingDependencyError, TriageError
from triage.explain import Explanation, ShapExplainer
from triage.pipeline import Request, Triage, TriageDecision
from triage.records import SCHEMA_VERSION, Entity, Redaction
from triage.report import build_letter, build_report
from triage.taxonomy import Department, Taxonomy, load_taxonomy
from triage.training import TrainingConfig, train

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Anonymiser",
    "AnonymiserConfig",
    "AuditStore",
    "ConfigError",
    "Decision",
    "Department",
    "Entity",
    "Explanation",
    "InputError",
    "MissingDependencyError",
    "Redaction",
    "Request",
    "RoutingModel",
    "ShapExplainer",
    "Taxonomy",
    "TrainingConfig",
    "Triage",
    "TriageDecision",
    "TriageError",
    "__version__",
    "build_letter",
    "build_report",
    "load_config",
    "load_taxonomy",
    "train",
]
