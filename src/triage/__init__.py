"""triage: privacy-first, transparent routing of citizens' requests."""

from triage.anonymise import Anonymiser, AnonymiserConfig, load_config
from triage.classify import Decision, RoutingModel
from triage.exceptions import ConfigError, InputError, MissingDependencyError, TriageError
from triage.records import SCHEMA_VERSION, Entity, Redaction
from triage.taxonomy import Department, Taxonomy, load_taxonomy
from triage.training import TrainingConfig, train

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Anonymiser",
    "AnonymiserConfig",
    "ConfigError",
    "Decision",
    "Department",
    "Entity",
    "InputError",
    "MissingDependencyError",
    "Redaction",
    "RoutingModel",
    "Taxonomy",
    "TrainingConfig",
    "TriageError",
    "__version__",
    "load_config",
    "load_taxonomy",
    "train",
]
