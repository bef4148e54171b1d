"""Rendering the report and the letter: Jinja2 templates shipped in ``triage/defaults``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from .texts import Texts

__all__ = ["ServiceContact", "render"]


@dataclass(frozen=True)
class ServiceContact:
    """Who runs the routing and whom people write to; printed in the report and the letter.

    Parameters
    ----------
    name
        The organisation or service, as people know it ("Mairie de Villeneuve").
    contact
        How to reach it: postal address, e-mail or web form.
    dpo
        How to reach its data protection officer.
    """

    name: str | None = None
    contact: str | None = None
    dpo: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "contact": self.contact, "dpo": self.dpo}


def render(template_name: str, texts: Texts, **context: Any) -> str:
    """Render a template of ``triage/defaults`` with autoescaping and the language's formats."""
    from jinja2 import Environment, StrictUndefined, select_autoescape

    source = resources.files("triage").joinpath("defaults", template_name).read_text("utf-8")
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=texts.num,
        pct=texts.pct,
        date=texts.date,
        timestamp=texts.timestamp,
        language_name=texts.language_name,
        entity_name=texts.entity_name,
    )
    return env.from_string(source).render(lang=texts.language, t=texts.LABELS, **context)
