"""Synthetic audit trails and model folders: for the report benchmark, tests and screenshots.

Everything here is generated from a seed (no real request, no real person); the texts are
already anonymised, as the pipeline would store them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from triage.audit import AuditEntry, AuditStore
from triage.taxonomy import HUMAN_REVIEW, Taxonomy, load_taxonomy

__all__ = ["synthetic_entries", "write_synthetic_model", "write_synthetic_store"]

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
THRESHOLD = 0.74
#: A few words per department of the default taxonomy (others get generic words).
VOCABULARY = {
    "etat_civil": ["acte", "naissance", "mariage", "identité", "passeport", "livret"],
    "urbanisme": ["permis", "construire", "déclaration", "travaux", "clôture", "cadastre"],
    "voirie": ["trottoir", "nid-de-poule", "lampadaire", "chaussée", "stationnement"],
    "dechets_proprete": ["poubelle", "encombrants", "collecte", "déchets", "tri", "bac"],
    "education_enfance": ["école", "cantine", "inscription", "périscolaire", "crèche"],
    "action_sociale": ["CCAS", "aide", "logement", "seniors", "urgence", "portage"],
    "finances": ["facture", "paiement", "remboursement", "prélèvement", "régie"],
    "environnement_espaces_verts": ["parc", "arbre", "jardin", "élagage", "pelouse"],
    "tranquillite_publique": ["bruit", "voisinage", "nuisances", "tapage", "police"],
    "culture_sport_associations": ["médiathèque", "salle", "association", "stade", "concert"],
    "ressources_humaines": ["candidature", "emploi", "stage", "poste", "recrutement"],
    "hors_perimetre": ["impôt", "CAF", "banque", "préfecture", "employeur", "carte grise"],
}
ENTITY_TYPES = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS", "IBAN_CODE", "FR_NIR"]
_TOKEN = re.compile(r"<[A-Z_]+_\d+>|\w[\w'-]*")


def _scores(rng: random.Random, labels: list[str], top: str) -> tuple[dict[str, float], float]:
    confidence = min(0.995, max(0.12, rng.betavariate(5, 1.4)))
    rest = [rng.random() for _ in labels]
    spread = sum(r for label, r in zip(labels, rest, strict=True) if label != top) or 1.0
    scores = {
        label: confidence if label == top else (1 - confidence) * r / spread
        for label, r in zip(labels, rest, strict=True)
    }
    return {k: round(v, 4) for k, v in scores.items()}, round(confidence, 4)


def _text(rng: random.Random, label: str, entities: dict[str, int]) -> str:
    words = rng.sample(VOCABULARY.get(label, ["demande", "service", "question"]), 3)
    tags = " ".join(f"<{kind}_{i + 1}>" for kind, n in entities.items() for i in range(n))
    return f"Bonjour, {tags + ' : ' if tags else ''}{' '.join(words)}, merci de votre réponse."


def _explanation(rng: random.Random, text: str, label: str) -> dict[str, Any]:
    keywords = set(VOCABULARY.get(label, []))
    words: list[tuple[str, int, int, float]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        weight = rng.uniform(0.04, 0.2) if token in keywords else rng.uniform(-0.02, 0.02)
        words.append((token, match.start(), match.end(), round(weight, 5)))
    total = sum(w[3] for w in words)
    top = sorted(words, key=lambda w: -abs(w[3]))[:10]
    return {
        "schema_version": 1,
        "method": "synthetic",
        "label": label,
        "output": "probability",
        "base_value": 0.1,
        "output_value": round(0.1 + total, 5),
        "max_evals": 0,
        "seconds": 0.0,
        "top": [{"word": w[0], "weight": w[3]} for w in top],
        "words": [list(w) for w in words],
    }


def _decision(rng: random.Random, labels: list[str], oos: str, explained: float) -> dict:
    top = rng.choice(labels)
    scores, confidence = _scores(rng, labels, top)
    entities = {k: rng.randint(1, 2) for k in rng.sample(ENTITY_TYPES, rng.randint(0, 3))}
    text = _text(rng, top, entities)
    reason = (
        "out_of_scope" if top == oos else ("low_confidence" if confidence < THRESHOLD else None)
    )
    department = None if reason else top
    return {
        "model": {"name": "triage-router", "uri": "models/synthetic", "hash": "5" * 64},
        "anonymiser_config_hash": "a" * 64,
        "entity_counts": entities,
        "entities": [],
        "input_length": len(text) + 40,
        "raw_text_hmac": f"{rng.getrandbits(256):064x}",
        "channel": rng.choice(["web", "email", "courrier"]),
        "received_at": None,
        "language": "fr" if rng.random() < 0.9 else "en",
        "department": department,
        "queue": department or HUMAN_REVIEW,
        "confidence": confidence,
        "scores": scores,
        "threshold": THRESHOLD,
        "reason": reason,
        "error": None,
        "explanation": _explanation(rng, text, top) if rng.random() < explained else None,
        "anonymised_text": text,
    }


def synthetic_entries(
    n: int,
    *,
    taxonomy: Taxonomy | None = None,
    seed: int = 0,
    days: int = 28,
    explained: float = 0.2,
    reviewed: float = 0.05,
) -> Iterator[AuditEntry]:
    """``n`` decision records over ``days`` days, some explained, some reviewed by an agent."""
    rng = random.Random(seed)
    taxonomy = taxonomy or load_taxonomy()
    labels, oos = taxonomy.labels, taxonomy.out_of_scope.id
    step = timedelta(days=days) / max(n, 1)
    for i in range(n):
        moment = START + i * step
        payload = _decision(rng, labels, oos, explained)
        decision_id = f"syn-{seed}-{i:07d}"
        created = moment.isoformat(timespec="microseconds")
        yield AuditEntry("decision", decision_id, payload, f"req-{i}", created)
        if rng.random() < reviewed:
            previous = payload["department"]
            final = previous if previous and rng.random() < 0.85 else rng.choice(labels[:-1])
            review = {
                "department": final,
                "previous_department": previous,
                "outcome": "confirmed" if final == previous else "overridden",
                "reviewer": f"agent-{rng.randint(1, 9)}",
                "reason": "",
            }
            later = (moment + step / 2).isoformat(timespec="microseconds")
            yield AuditEntry("review", decision_id, review, None, later)


def write_synthetic_store(path: str | Path, n: int, **options: Any) -> AuditStore:
    """A new SQLite audit store at ``path`` holding :func:`synthetic_entries`."""
    store = AuditStore(path)
    store.append_many(synthetic_entries(n, **options))
    return store


def write_synthetic_model(folder: str | Path, *, seed: int = 0, full: bool = True) -> Path:
    """A model folder holding only ``triage_model.json`` with made-up figures.

    ``full`` adds what newer training stores (per-language metrics, the trade-off curve, the
    confidence histogram); without it the folder looks like an older model's.
    """
    rng = random.Random(seed)
    taxonomy = load_taxonomy()
    labels = taxonomy.labels
    train = {label: 100 + rng.randint(0, 40) for label in labels}
    confusion = [[20 if i == j else int(rng.random() < 0.15) for j in labels] for i in labels]
    metrics = {
        "accuracy": 0.86,
        "macro_f1": 0.85,
        "f1": {label: round(rng.uniform(0.75, 0.95), 3) for label in labels},
        "ece": 0.05,
        "ece_before_calibration": 0.3,
        "coverage": 0.66,
        "auto_precision": 0.95,
        "oos_recall": 0.96,
        "confusion": confusion,
        "n": sum(map(sum, confusion)),
        "split": "test",
    }
    meta: dict[str, Any] = {
        "format_version": 1,
        "labels": labels,
        "taxonomy": taxonomy.to_dict(),
        "temperature": 0.4,
        "threshold": THRESHOLD,
        "min_margin": 0.0,
        "ensemble_weight": 0.2,
        "created": "2026-02-20T10:00:00+00:00",
        "base_model": "synthetic-base-model",
        "anonymiser_config_hash": "a" * 64,
        "data": {
            "file": "synthetic.jsonl",
            "digest": "d" * 64,
            "counts": {"train": train, "test": {label: 20 for label in labels}},
            "languages": {"fr": 1800, "en": 200},
        },
        "training_config": {"target_precision": 0.95},
        "metrics": {"model": metrics, "baseline": {**metrics, "accuracy": 0.8}},
        "reliability": {
            "after calibration": {
                "confidence": [0.45, 0.65, 0.85, 0.95],
                "accuracy": [0.5, 0.7, 0.85, 0.96],
                "count": [20, 40, 60, 120],
            }
        },
    }
    if full:
        meta["metrics_by_language"] = {
            "fr": {
                "accuracy": 0.87,
                "macro_f1": 0.86,
                "coverage": 0.68,
                "auto_precision": 0.95,
                "n": 216,
            },
            "en": {
                "accuracy": 0.8,
                "macro_f1": 0.78,
                "coverage": 0.5,
                "auto_precision": 0.93,
                "n": 24,
            },
        }
        grid = [round(i / 20, 2) for i in range(21)]
        meta["tradeoff"] = {
            "threshold": grid,
            "coverage": [round(1 - t**2, 3) for t in grid],
            "precision": [round(0.8 + 0.19 * t, 3) for t in grid],
        }
        meta["confidence_histogram"] = {
            "edges": grid[::2],
            "counts": [0, 1, 4, 9, 15, 20, 25, 30, 40, 96],
        }
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "triage_model.json").write_text(json.dumps(meta, indent=1), "utf-8")
    return folder
