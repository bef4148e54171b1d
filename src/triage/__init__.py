"""triage: privacy-first, transparent routing of citizens' requests."""

from triage.anonymise import Anonymiser, AnonymiserConfig, load_config
from triage.exceptions import ConfigError, InputError, MissingDependencyError, TriageError
from triage.records import SCHEMA_VERSION, Entity, Redaction

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Anonymiser",
    "AnonymiserConfig",
    "ConfigError",
    "Entity",
    "InputError",
    "MissingDependencyError",
    "Redaction",
    "TriageError",
    "__version__",
    "load_config",
]
