import logging

import pytest

from triage import Anonymiser


@pytest.fixture(scope="session")
def anonymiser() -> Anonymiser:
    """The real anonymiser with the shipped configuration (spaCy models loaded once)."""
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    instance = Anonymiser()
    _ = instance.analyzer
    return instance


def masked_values(text: str, redaction) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in redaction.entities]
