"""The individual explanation letter: how one request was routed, in plain words (R311-3-1-2).

Built only from the audit trail: the anonymised text, the scores, the explanation and the
reviews of one decision. Nothing else about the person is read, so the letter holds no personal
data beyond what the caller supplies (the service's contact details).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.audit import AuditRecord, AuditStore
from triage.exceptions import InputError
from triage.taxonomy import HUMAN_REVIEW, Taxonomy, load_taxonomy

from .modelcard import load_model_card
from .render import ServiceContact, render
from .texts import Language, Texts, load_texts

__all__ = ["build_letter"]


def build_letter(
    audit: AuditStore | str | Path,
    decision_id: str,
    *,
    model_folder: str | Path | None = None,
    language: Language = "fr",
    service: ServiceContact | None = None,
    top_k: int = 8,
) -> str:
    """Write the letter explaining decision ``decision_id`` to the person concerned, as HTML.

    Parameters
    ----------
    audit
        The audit store (or its URL or path) holding the decision.
    model_folder
        Where department names are read from; default the shipped taxonomy.
    service
        The service's name and contact details, printed for the person to reach it.
    top_k
        How many of the words that counted are listed.
    """
    store = audit if isinstance(audit, AuditStore) else AuditStore(audit)
    texts = load_texts(language)
    history = store.history(decision_id)
    decision = next((r for r in history if r.kind == "decision"), None)
    if decision is None:
        raise InputError(f"no decision {decision_id!r} in the audit trail {store.url}")
    taxonomy = load_model_card(model_folder).taxonomy if model_folder else load_taxonomy()
    service = service or ServiceContact()
    letter = _Letter(texts, taxonomy, service)
    explanation = _explanation(history, decision)
    return render(
        "letter.html.j2",
        texts,
        L=texts.LETTER,
        decision_id=decision_id,
        received=_received(decision),
        paragraphs=letter.paragraphs(decision, _last_review(history)),
        text=decision.payload.get("anonymised_text"),
        scores=letter.scores(decision.payload.get("scores") or {}),
        highlighted=_highlighted(decision.payload.get("anonymised_text"), explanation),
        words=_words(explanation, top_k),
        explained_label=letter.name(explanation["label"]) if explanation else None,
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        seq=decision.seq,
        digest=decision.hash[:16],
    )


class _Letter:
    """The letter's sentences for one decision, in one language."""

    def __init__(self, texts: Texts, taxonomy: Taxonomy, service: ServiceContact) -> None:
        self.texts, self.taxonomy, self.service = texts, taxonomy, service
        self.L = texts.LETTER

    def name(self, department: str | None) -> str:
        """A department's name for people."""
        if department is None or department == HUMAN_REVIEW:
            return self.texts.LABELS["human_review"]
        try:
            return self.taxonomy.get(department).label
        except KeyError:
            return department

    def scores(self, scores: dict[str, float]) -> list[tuple[str, str]]:
        """The three most likely departments and their confidence."""
        best = sorted(scores.items(), key=lambda item: -item[1])[:3]
        return [(self.name(label), self.texts.pct(p, 0)) for label, p in best]

    def paragraphs(self, decision: AuditRecord, review: AuditRecord | None) -> dict[str, Any]:
        """Every sentence that depends on the decision, filled in."""
        p, L, t = decision.payload, self.L, self.texts
        routed = p.get("queue") not in (None, HUMAN_REVIEW) and p.get("department")
        reason = t.LETTER_REASONS.get(p.get("reason") or "", p.get("reason") or "")
        department = self.name(p.get("department"))
        scores = p.get("scores") or {}
        top = max(scores, key=scores.__getitem__) if scores else None
        masked = p.get("entity_counts") or {}
        outcome = (
            L["outcome_auto"].format(department=department)
            if routed
            else L["outcome_review"].format(reason=reason)
        )
        facts = {
            "service": self.service.name or L["generic_service"],
            "contact": self.service.contact or L["generic_contact"],
            "dpo": self.service.dpo or L["generic_dpo"],
            "department": department,
            "reason": reason,
            "top": self.name(top),
            "confidence": t.pct(p.get("confidence"), 0),
            "threshold": t.pct(p.get("threshold"), 0),
            "masked": ", ".join(f"{t.entity_name(k)} ({v})" for k, v in sorted(masked.items())),
            "masked_step": (L["masked_some"] if masked else L["masked_none"]).format(
                masked_count=sum(masked.values())
            ),
            "n_departments": len(self.taxonomy.departments),
            "date": t.date(_received(decision)),
            "outcome": outcome,
        }
        return {
            "intro": L["intro"].format(**facts),
            "role": (L["role_auto"] if routed else L["role_review"]).format(**facts),
            "data": (L["data_masked"] if masked else L["data_none"]).format(**facts),
            "kept": L["data_kept"] if p.get("anonymised_text") else L["data_no_text"],
            "how": L["how"].format(**facts) if scores else L["how_none"],
            "steps": [step.format(**facts) for step in L["steps"]],
            "human": self._human(review, routed, department),
            "contact": L["contact"].format(**facts),
            "gdpr": L["gdpr"].format(**facts),
        }

    def _human(self, review: AuditRecord | None, routed: Any, department: str) -> str:
        if review is None:
            key = "human_auto" if routed else "human_queue"
            return self.L[key].format(department=department)
        date = self.texts.date(review.created_at)
        final = review.payload.get("department")
        if routed and final == review.payload.get("previous_department"):
            return self.L["human_confirmed"].format(date=date)
        return self.L["human_overridden"].format(date=date, department=self.name(final))


def _received(decision: AuditRecord) -> str:
    """When the request was received (ISO), else when it was decided."""
    value = decision.payload.get("received_at")
    try:
        return datetime.fromisoformat(value).isoformat() if value else decision.created_at
    except (TypeError, ValueError):
        return decision.created_at


def _last_review(history: list[AuditRecord]) -> AuditRecord | None:
    reviews = [r for r in history if r.kind == "review"]
    return reviews[-1] if reviews else None


def _explanation(history: list[AuditRecord], decision: AuditRecord) -> dict[str, Any] | None:
    """The latest explanation with word weights: appended later, else made with the decision."""
    for record in reversed(history):
        if record.kind == "explanation":
            found = record.payload.get("explanation")
            if found and "words" in found:
                return dict(found)
    found = decision.payload.get("explanation")
    return dict(found) if found and "words" in found else None


def _highlighted(text: str | None, explanation: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The anonymised text cut into plain and coloured stretches (as ``triage explain`` shows)."""
    if not text:
        return []
    if explanation is None:
        return [{"text": text, "weight": None}]
    from triage.explain.record import Explanation
    from triage.explain.render import word_parts  # the same colours as the explanation page

    return word_parts(text, Explanation.from_dict(explanation))


def _words(explanation: dict[str, Any] | None, k: int) -> list[dict[str, Any]]:
    """The ``k`` words that weighed most, with a bar length relative to the heaviest."""
    if explanation is None:
        return []
    words = [(str(w[0]), float(w[3])) for w in explanation["words"] if float(w[3]) != 0]
    words.sort(key=lambda w: -abs(w[1]))
    peak = abs(words[0][1]) if words else 1.0
    return [
        {"text": text, "towards": weight > 0, "width": round(100 * abs(weight) / peak)}
        for text, weight in words[:k]
    ]
