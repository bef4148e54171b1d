"""English texts of the transparency report and of the letter (same keys as the French)."""

from __future__ import annotations

LABELS = {
    "title": "Transparency report: automated routing of requests",
    "organisation": "Organisation",
    "period": "Period",
    "generated": "Produced on",
    "all_time": "since the start of the audit trail",
    "from": "from",
    "to": "to",
    "contents": "Contents",
    "key_figures": "Key figures for the period",
    "not_available": "Not available for this model.",
    "no_data": "No data for the period.",
    "s1": "1. The processing",
    "s1_purpose": "Purpose",
    "s1_uses": "Intended and excluded uses",
    "s1_mention": "Explicit notice (French CRPA, art. L311-3-1 and R311-3-1-1)",
    "s1_items": "The four items of article R311-3-1-2 of the CRPA",
    "s1_item1": "1. Degree and mode of the algorithm's contribution to the decision",
    "s1_item2": "2. Data processed and its sources",
    "s1_item3": "3. Processing parameters and their weighting",
    "s1_item4": "4. Operations carried out by the processing",
    "s2": "2. Model card",
    "s2_identity": "Identification",
    "s2_data": "Training data",
    "s2_metrics": "Performance on the test split",
    "s2_per_department": "Per department",
    "s2_per_language": "Per language",
    "s2_calibration": "Calibration",
    "s2_threshold": "Confidence threshold and the coverage / precision trade-off",
    "s2_confusion": "Confusion matrix",
    "s2_limits": "Known limits",
    "s3": "3. Activity over the period",
    "s3_departments": "Requests per department",
    "s3_days": "Requests per day",
    "s3_queues": "Routed automatically or reviewed by an agent",
    "s3_overrides": "Corrections by agents",
    "s3_confidence": "Confidence distribution",
    "s3_drift": "Drift from the training data",
    "s4": "4. Personal data protection",
    "s4_entities": "Personal data detected and masked",
    "s4_config": "Anonymiser configuration versions",
    "s4_eval": "Measured quality of the anonymisation",
    "s5": "5. Global explanations",
    "s6": "6. Integrity of the audit trail",
    "s7": "7. Annexes",
    "s7_register": "Annex A: record of processing activities entry (GDPR, art. 30)",
    "s7_inventory": (
        "Annex B: public algorithm inventory entry "
        "(Loi pour une République numérique, CRPA art. L312-1-3)"
    ),
    "s7_ai_act": "Annex C: assessment under the EU AI Act (Regulation (EU) 2024/1689)",
    "department": "Department",
    "id": "Id",
    "requests": "Requests",
    "share": "Share",
    "day": "Day",
    "count": "Count",
    "figure": "Figure",
    "value": "Value",
    "model": "Model",
    "baseline": "TF-IDF baseline",
    "language": "Language",
    "reason": "Reason",
    "total": "Total",
    "split_train": "train",
    "split_validation": "validation",
    "split_test": "test",
    "precision": "Precision",
    "recall": "Recall",
    "f1": "F1",
    "support": "Examples",
    "accuracy": "Accuracy",
    "macro_f1": "Macro F1",
    "ece": "Calibration error (ECE) after calibration",
    "ece_before": "Calibration error (ECE) before calibration",
    "coverage": "Share routed automatically (coverage)",
    "auto_precision": "Precision of automatic routing",
    "oos_recall": "Out-of-scope requests sent to an agent",
    "test_size": "Test requests",
    "auto_routed": "Routed automatically",
    "human_review": "Reviewed by an agent",
    "reviewed": "Reviewed by an agent",
    "confirmed": "Confirmed",
    "overridden": "Corrected",
    "override_rate": "Correction rate",
    "assigned": "Assigned by an agent",
    "entity_type": "Data type",
    "occurrences": "Occurrences",
    "requests_with": "Requests concerned",
    "config_hash": "Configuration digest",
    "psi": "Population stability index (PSI)",
    "drift_departments": "Predicted departments",
    "drift_confidence": "Confidence",
    "expected": "Training",
    "observed": "Period",
    "word": "Word",
    "weight": "Mean weight",
    "frequency": "Present in",
    "records": "Records",
    "kind": "Event kind",
    "kind_decision": "decisions",
    "kind_review": "agent reviews",
    "kind_explanation": "explanations added",
    "kind_retention": "retention purges",
    "first_record": "First record",
    "last_record": "Last record",
    "chain": "Hash-chain verification",
    "chain_ok": "VALID: no record was modified, deleted, inserted or reordered.",
    "chain_bad": "FAILED at record {seq}: {problem}.",
    "head": "Head digest",
    "store": "Audit trail",
    "field": "Field",
    "to_complete": "[to be completed by the controller]",
    "retention_days": "last purge recorded over the period: beyond {days} days; to be confirmed",
    "colon": ":",
    "period_text": "from {start} to {end}",
    "base_model": "Base model",
    "created": "Trained on",
    "folder": "Folder",
    "data_source": "Data",
    "ensemble_weight": "Neural network weight",
    "temperature": "Temperature",
    "threshold": "Confidence threshold",
    "target_precision": "Target precision (validation)",
    "min_margin": "Minimum gap between the two top departments",
    "anonymiser_config": "Anonymiser configuration (digest)",
    "model_in_audit": "Model in the trail (date, digest: decisions)",
    "mlflow_run": "Training run (MLflow)",
    "mlflow_not_found": "not found in the reachable MLflow store (the folder digest identifies "
    "the model)",
    "pii_corpus": (
        "Evaluation corpus {corpus}: {samples} texts, {gold} hand-annotated pieces of "
        "personal data."
    ),
    "assigned_caption": "Requests reviewed by an agent: the department the agent chose",
    "stable": "stable",
    "moderate": "moderate drift",
    "significant": "significant drift",
    "small_sample": "(too few requests to conclude)",
}

REASONS = {
    "auto": "routed automatically to a department",
    "low_confidence": "model confidence below the threshold",
    "small_margin": "two departments almost tied",
    "out_of_scope": "request outside the town's remit",
    "empty_after_anonymisation": "no usable text left after anonymisation",
    "error": "processing error",
}

ENTITIES = {
    "PERSON": "person's name",
    "PHONE_NUMBER": "phone number",
    "EMAIL_ADDRESS": "e-mail address",
    "ADDRESS": "postal address",
    "LOCATION": "place",
    "IBAN_CODE": "bank details (IBAN)",
    "CREDIT_CARD": "payment card number",
    "FR_NIR": "social security number",
    "FR_ID_CARD": "identity card number",
    "FR_PASSPORT": "passport number",
    "FR_LICENSE_PLATE": "number plate",
    "FR_CAF_NUMBER": "CAF benefit number",
    "FR_SIREN": "SIREN company number",
    "FR_SIRET": "SIRET establishment number",
    "FR_TAX_ID": "tax number",
    "DATE_OF_BIRTH": "date of birth",
    "IP_ADDRESS": "IP address",
    "URL": "web address",
    "US_SSN": "US social security number",
}

CHARTS = {
    "departments": "Requests per queue (department or agent review)",
    "days": "Requests per day",
    "confidence": "Confidence of the decisions",
    "confidence_x": "confidence",
    "share_y": "share of requests",
    "reliability": "Reliability diagram",
    "reliability_x": "stated confidence",
    "reliability_y": "observed accuracy",
    "perfect": "perfect calibration",
    "before": "before calibration",
    "after": "after calibration",
    "tradeoff": "Coverage and precision by threshold",
    "threshold": "threshold",
    "chosen": "chosen threshold",
    "drift": "Predicted departments: training and period",
    "confusion": "Confusion matrix (test split)",
    "true": "true department",
    "predicted": "predicted department",
    "words": "Words that most often pushed requests to each department",
}

LIMITS = {
    "test_size": (
        "Performance is measured on only {n} test requests: each percentage is an estimate, "
        "accurate to within a few points."
    ),
    "weak_departments": ("Departments the model gets wrong most often (lowest F1): {departments}."),
    "language": (
        "Requests in {language} make up only {share} of the training data; the model is "
        "probably less reliable on them."
    ),
    "synthetic": (
        "The training data ({file}) must be representative of the town's real requests; a gap "
        "(new topics, new wording) degrades performance, hence the drift monitoring in "
        "section 3."
    ),
    "words": (
        "The model does not understand requests as an agent does: it relies on words and "
        "phrasing. A request that mixes several topics can be misrouted."
    ),
    "review": (
        "Agents' corrections (section 3) measure real error better than the test split, but "
        "only on the requests an agent has reviewed."
    ),
}

DRIFT = {
    "ok": "Requests over the period resemble the training data.",
    "warning": (
        "Warning: requests over the period differ markedly from the training data ({what}). "
        "The model may be wrong more often than stated. Have agents review a sample of "
        "requests and, if the gap is confirmed, retrain the model on recent requests."
    ),
    "explain": (
        "The population stability index (PSI) compares two distributions: below {moderate} the "
        "gap is negligible; above {significant} it is significant."
    ),
    "confidence_source": "Confidence reference: {source}.",
    "source_histogram": "histogram stored at training time (test split)",
    "source_reliability": "bins of the reliability diagram (test split)",
}

LANGUAGES = {"fr": "French", "en": "English", "?": "unknown language"}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

NUMBERS = {"decimal": ".", "thousands": ",", "percent": "%"}

#: Why a request went to an agent, in words for the person (after "because").
LETTER_REASONS = {
    "low_confidence": "the algorithm was not confident enough in its choice",
    "small_margin": "two departments seemed almost equally likely",
    "out_of_scope": "your request did not seem to be a matter for the town's departments",
    "empty_after_anonymisation": (
        "once personal information was masked, the text was too short to be analysed"
    ),
    "error": "the request could not be analysed because of a technical error",
}
