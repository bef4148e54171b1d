"""Explanations of stored decisions: from the decision, the trail, or computed now and appended."""

from __future__ import annotations

from typing import Any

from triage.audit import AuditRecord, AuditStore
from triage.exceptions import InputError
from triage.explain.base import Explainer

__all__ = ["explain_stored", "stored_explanation"]


def stored_explanation(record: AuditRecord, store: AuditStore) -> tuple[str, dict[str, Any]] | None:
    """The explanation already kept for a decision, and where it came from; ``None`` if none."""
    data = record.payload.get("explanation")
    if data and "words" in data:
        return "decision", data
    later = store.explanation(record.decision_id)
    if later and "words" in later:
        return "trail", later
    return None


def explain_stored(
    record: AuditRecord, store: AuditStore, explainer: Explainer, *, model_uri: str
) -> dict[str, Any]:
    """Explain a stored decision now and append the explanation to the trail as its own event.

    The explainer must be built on the model that made the decision; the anonymised text and
    scores are read from the decision record.
    """
    payload = record.payload
    text = payload.get("anonymised_text")
    if not text or not payload.get("scores"):
        raise InputError(
            f"decision {record.decision_id} has no anonymised text or scores in the audit trail "
            "(store_text off, or the request failed): it cannot be explained afterwards"
        )
    label = max(payload["scores"], key=payload["scores"].__getitem__)
    data = explainer.explain([text], [label])[0].to_dict()
    store.append("explanation", record.decision_id, {"explanation": data, "model_uri": model_uri})
    return data
