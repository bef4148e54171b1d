"""French texts of the transparency report and of the letter (the default language).

Paragraphs are ``str.format`` templates filled from the data (``{threshold}``, ``{organisation}``
...); they are plain text, escaped when rendered.
"""

from __future__ import annotations

LABELS = {
    "title": "Rapport de transparence : orientation automatique des demandes",
    "organisation": "Organisme",
    "period": "Période",
    "generated": "Document produit le",
    "all_time": "depuis le début du journal",
    "from": "du",
    "to": "au",
    "contents": "Sommaire",
    "key_figures": "Chiffres clés de la période",
    "not_available": "Non disponible pour ce modèle.",
    "no_data": "Aucune donnée sur la période.",
    "s1": "1. Le traitement",
    "s1_purpose": "Finalité",
    "s1_uses": "Usages prévus et usages exclus",
    "s1_mention": "Mention explicite (CRPA, art. L311-3-1 et R311-3-1-1)",
    "s1_items": "Les quatre informations de l'article R311-3-1-2 du CRPA",
    "s1_item1": "1° Degré et mode de contribution du traitement à la décision",
    "s1_item2": "2° Données traitées et leurs sources",
    "s1_item3": "3° Paramètres de traitement et leur pondération",
    "s1_item4": "4° Opérations effectuées par le traitement",
    "s2": "2. Fiche du modèle",
    "s2_identity": "Identification",
    "s2_data": "Données d'entraînement",
    "s2_metrics": "Performances sur le jeu de test",
    "s2_per_department": "Par service",
    "s2_per_language": "Par langue",
    "s2_calibration": "Calibration",
    "s2_threshold": "Seuil de confiance et compromis couverture / précision",
    "s2_confusion": "Matrice de confusion",
    "s2_limits": "Limites connues",
    "s3": "3. Activité sur la période",
    "s3_departments": "Demandes par service",
    "s3_days": "Demandes par jour",
    "s3_queues": "Orientation automatique ou examen par un agent",
    "s3_overrides": "Corrections par les agents",
    "s3_confidence": "Distribution de la confiance",
    "s3_drift": "Dérive par rapport aux données d'entraînement",
    "s4": "4. Protection des données personnelles",
    "s4_entities": "Données personnelles détectées et masquées",
    "s4_config": "Versions de la configuration d'anonymisation",
    "s4_eval": "Qualité mesurée de l'anonymisation",
    "s5": "5. Explications globales",
    "s6": "6. Intégrité du journal d'audit",
    "s7": "7. Annexes",
    "s7_register": "Annexe A : fiche du registre des activités de traitement (RGPD, art. 30)",
    "s7_inventory": (
        "Annexe B : inventaire des algorithmes publics "
        "(Loi pour une République numérique, CRPA art. L312-1-3)"
    ),
    "s7_ai_act": "Annexe C : analyse au regard du règlement européen sur l'IA (UE 2024/1689)",
    "department": "Service",
    "id": "Identifiant",
    "requests": "Demandes",
    "share": "Part",
    "day": "Jour",
    "count": "Nombre",
    "figure": "Indicateur",
    "value": "Valeur",
    "model": "Modèle",
    "baseline": "Référence TF-IDF",
    "language": "Langue",
    "reason": "Motif",
    "total": "Total",
    "split_train": "entraînement",
    "split_validation": "validation",
    "split_test": "test",
    "precision": "Précision",
    "recall": "Rappel",
    "f1": "F1",
    "support": "Exemples",
    "accuracy": "Exactitude",
    "macro_f1": "F1 macro",
    "ece": "Erreur de calibration (ECE) après calibration",
    "ece_before": "Erreur de calibration (ECE) avant calibration",
    "coverage": "Part orientée automatiquement (couverture)",
    "auto_precision": "Précision des orientations automatiques",
    "oos_recall": "Demandes hors périmètre envoyées à un agent",
    "test_size": "Demandes de test",
    "auto_routed": "Orientées automatiquement",
    "human_review": "Examinées par un agent",
    "reviewed": "Revues par un agent",
    "confirmed": "Confirmées",
    "overridden": "Corrigées",
    "override_rate": "Taux de correction",
    "assigned": "Attribuées par un agent",
    "entity_type": "Type de donnée",
    "occurrences": "Occurrences",
    "requests_with": "Demandes concernées",
    "config_hash": "Empreinte de la configuration",
    "psi": "Indice de stabilité (PSI)",
    "drift_departments": "Services prédits",
    "drift_confidence": "Confiance",
    "expected": "Entraînement",
    "observed": "Période",
    "word": "Mot",
    "weight": "Poids moyen",
    "frequency": "Présent dans",
    "records": "Enregistrements",
    "kind": "Type d'événement",
    "kind_decision": "décisions",
    "kind_review": "revues par un agent",
    "kind_explanation": "explications ajoutées",
    "kind_retention": "purges de conservation",
    "first_record": "Premier enregistrement",
    "last_record": "Dernier enregistrement",
    "chain": "Vérification de la chaîne d'empreintes",
    "chain_ok": "VALIDE : aucun enregistrement modifié, supprimé, inséré ou déplacé.",
    "chain_bad": "ÉCHEC à l'enregistrement n° {seq} : {problem}.",
    "head": "Empreinte de tête",
    "store": "Journal",
    "field": "Rubrique",
    "to_complete": "[à compléter par le responsable de traitement]",
    "retention_days": (
        "dernière purge enregistrée sur la période : au-delà de {days} jours ; durée à confirmer"
    ),
    "colon": "\u00a0:",
    "period_text": "du {start} au {end}",
    "base_model": "Modèle de base",
    "created": "Entraîné le",
    "folder": "Dossier",
    "data_source": "Données",
    "ensemble_weight": "Pondération du réseau de neurones",
    "temperature": "Température",
    "threshold": "Seuil de confiance",
    "target_precision": "Précision visée (validation)",
    "min_margin": "Écart minimal entre les deux premiers services",
    "anonymiser_config": "Configuration d'anonymisation (empreinte)",
    "model_in_audit": "Modèle dans le journal (date, empreinte : décisions)",
    "mlflow_run": "Entraînement (run MLflow)",
    "mlflow_not_found": "non retrouvé dans le suivi MLflow accessible (l'empreinte du dossier "
    "identifie le modèle)",
    "pii_corpus": (
        "Corpus d'évaluation {corpus} : {samples} textes, {gold} données personnelles "
        "annotées à la main."
    ),
    "assigned_caption": "Demandes examinées par un agent : service qu'il a choisi",
    "stable": "stable",
    "moderate": "dérive modérée",
    "significant": "dérive importante",
    "small_sample": "(trop peu de demandes pour conclure)",
}

REASONS = {
    "auto": "orientée automatiquement vers un service",
    "low_confidence": "confiance du modèle sous le seuil",
    "small_margin": "deux services presque à égalité",
    "out_of_scope": "demande hors du périmètre de la commune",
    "empty_after_anonymisation": "plus de texte exploitable après anonymisation",
    "error": "erreur de traitement",
}

ENTITIES = {
    "PERSON": "nom de personne",
    "PHONE_NUMBER": "numéro de téléphone",
    "EMAIL_ADDRESS": "adresse électronique",
    "ADDRESS": "adresse postale",
    "LOCATION": "lieu",
    "IBAN_CODE": "coordonnées bancaires (IBAN)",
    "CREDIT_CARD": "numéro de carte bancaire",
    "FR_NIR": "numéro de sécurité sociale",
    "FR_ID_CARD": "numéro de carte d'identité",
    "FR_PASSPORT": "numéro de passeport",
    "FR_LICENSE_PLATE": "plaque d'immatriculation",
    "FR_CAF_NUMBER": "numéro d'allocataire CAF",
    "FR_SIREN": "numéro SIREN",
    "FR_SIRET": "numéro SIRET",
    "FR_TAX_ID": "numéro fiscal",
    "DATE_OF_BIRTH": "date de naissance",
    "IP_ADDRESS": "adresse IP",
    "URL": "adresse web",
    "US_SSN": "numéro de sécurité sociale américain",
}

CHARTS = {
    "departments": "Demandes par file (service ou examen par un agent)",
    "days": "Demandes par jour",
    "confidence": "Confiance des décisions",
    "confidence_x": "confiance",
    "share_y": "part des demandes",
    "reliability": "Diagramme de fiabilité",
    "reliability_x": "confiance annoncée",
    "reliability_y": "exactitude observée",
    "perfect": "calibration parfaite",
    "before": "avant calibration",
    "after": "après calibration",
    "tradeoff": "Couverture et précision selon le seuil",
    "threshold": "seuil",
    "chosen": "seuil retenu",
    "drift": "Services prédits : entraînement et période",
    "confusion": "Matrice de confusion (jeu de test)",
    "true": "service attendu",
    "predicted": "service prédit",
    "words": "Mots qui ont le plus poussé les demandes vers chaque service",
}

LIMITS = {
    "test_size": (
        "Les performances sont mesurées sur {n} demandes de test seulement : chaque pourcentage "
        "est une estimation, précise à quelques points près."
    ),
    "weak_departments": (
        "Les services pour lesquels le modèle se trompe le plus souvent (F1 le plus bas) : "
        "{departments}."
    ),
    "language": (
        "Les demandes en {language} ne représentent que {share} des données d'entraînement ; "
        "le modèle y est probablement moins fiable."
    ),
    "synthetic": (
        "Les données d'entraînement ({file}) doivent être représentatives des demandes réelles "
        "de la commune ; un écart (nouveaux sujets, nouvelle formulation) dégrade les "
        "performances, d'où le suivi de dérive de la section 3."
    ),
    "words": (
        "Le modèle ne comprend pas le sens des demandes comme un agent : il s'appuie sur des "
        "mots et des tournures. Une demande qui mêle plusieurs sujets peut être mal orientée."
    ),
    "review": (
        "Les corrections des agents (section 3) mesurent l'erreur réelle mieux que le jeu de "
        "test, mais seulement sur les demandes qu'un agent a relues."
    ),
}

DRIFT = {
    "ok": "Les demandes de la période ressemblent aux données d'entraînement.",
    "warning": (
        "Attention : les demandes de la période s'écartent nettement des données "
        "d'entraînement ({what}). Le modèle peut se tromper plus souvent qu'annoncé. Il est "
        "recommandé de faire relire un échantillon de demandes par les agents et, si l'écart se "
        "confirme, de réentraîner le modèle avec des demandes récentes."
    ),
    "explain": (
        "L'indice de stabilité de population (PSI) compare deux répartitions : en dessous de "
        "{moderate}, l'écart est négligeable ; au-delà de {significant}, il est important."
    ),
    "confidence_source": "Référence de confiance : {source}.",
    "source_histogram": "histogramme enregistré à l'entraînement (jeu de test)",
    "source_reliability": "classes du diagramme de fiabilité (jeu de test)",
}

LANGUAGES = {"fr": "français", "en": "anglais", "?": "langue inconnue"}

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

#: Decimal comma, thin no-break space before % and between thousands.
NUMBERS = {"decimal": ",", "thousands": "\u202f", "percent": "\u202f%"}

#: Why a request went to an agent, in words for the person (after "parce que").
LETTER_REASONS = {
    "low_confidence": "la confiance de l'algorithme dans son choix était insuffisante",
    "small_margin": "deux services paraissaient presque aussi probables l'un que l'autre",
    "out_of_scope": "votre demande semblait ne pas relever des services de la commune",
    "empty_after_anonymisation": (
        "le texte, une fois les informations personnelles masquées, était trop court pour être "
        "analysé"
    ),
    "error": "la demande n'a pas pu être analysée, à cause d'une erreur technique",
}
