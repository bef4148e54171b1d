"""Anonymisation of requests with Presidio, French-ready."""

from .config import AnonymiserConfig, load_config
from .engine import Anonymiser

__all__ = ["Anonymiser", "AnonymiserConfig", "load_config"]
