"""English legal and explanatory texts (same keys and placeholders as :mod:`.legal_fr`)."""

from __future__ import annotations

PROCESSING = {
    "purpose": (
        "The algorithm reads each request sent to {organisation} (e-mail, web form, scanned "
        "letter) and proposes the municipal department competent to handle it, among "
        "{n_departments} departments: {departments}. Its only aim is to get each request to the "
        "right people faster."
    ),
    "uses": [
        "Intended use: route a request to a department's work queue, or to an agent when the "
        "algorithm is not confident enough in its choice.",
        "Excluded use: any decision on a person's rights, benefits, aid, sanctions or "
        "situation. An agent always handles the request and answers it.",
        "Excluded use: assessing, scoring or profiling people, prioritising requests by who "
        "wrote them, or monitoring agents' work.",
        "Excluded use: applying it to other texts (criminal complaints, medical files, "
        "recruitment) without a new assessment.",
    ],
    "mention": (
        "Your request was routed to the competent department with the help of an algorithmic "
        "processing. Its only purpose is to forward your request to the municipal department "
        "in charge of answering it; it takes no decision on your situation. Under article "
        "L311-3-1 of the French code of relations between the public and the administration, "
        "you may obtain the rules defining this processing and the main characteristics of "
        "its operation by contacting {contact}. If this is refused, or not answered within one "
        "month, you may refer the matter to the Commission d'accès aux documents "
        "administratifs (CADA, www.cada.fr) within two months."
    ),
    "mention_note": (
        "Routing a request is an internal organisational measure rather than an individual "
        "decision within the meaning of article L311-3-1; {organisation} nevertheless applies "
        "these transparency duties as a precaution. The notice above is to be printed on "
        "acknowledgements of receipt and replies."
    ),
    "item1": (
        "The algorithm routes a request on its own only when its confidence reaches at least "
        "{threshold} and the request is within the town's remit; this threshold was chosen so "
        "that, on validation requests, at least {target_precision} of automatic routings are "
        "right. Otherwise the request goes to a queue reviewed by an agent, who chooses the "
        "department. Any agent can correct a routing, and every correction is recorded. The "
        "algorithm plays no part in the answer: it only determines which department receives "
        "the request. Over the period, {auto_share} of requests were routed automatically and "
        "{review_share} handed to an agent."
    ),
    "item2": (
        "Data processed: the text of the request, as received by {organisation}, and its "
        "language. Before any analysis, personal data found in the text ({entity_types}) is "
        "replaced by tags such as <PERSON_1>: the model only sees the anonymised text. The "
        "audit trail keeps this anonymised text, the type and position of masked data, each "
        "department's score and a keyed hash (HMAC) of the original text, which finds "
        "duplicates without allowing the text to be rebuilt. The model was trained on "
        "{train_rows} requests written for this project ({data_file}), anonymised the same way."
    ),
    "item3": (
        "The model combines two text classifiers: a neural language model ({base_model}, "
        "fine-tuned for this task, weight {ensemble}) and a word-frequency classifier (TF-IDF, "
        "weight {baseline_weight}). It computes a probability for each department; a "
        "temperature of {temperature} corrects these probabilities so that they match the real "
        "rate of right answers. Routing depends on the confidence threshold ({threshold}), the "
        "minimum gap required between the two most likely departments ({min_margin}) and the "
        "class \u201c{out_of_scope}\u201d, which always sends the request to an agent. The words "
        "that weigh most for each department are in section 5; for one request, the individual "
        "explanation letter shows the words that counted."
    ),
    "item4": [
        "Receipt of the request and detection of its language.",
        "Anonymisation: finding personal data (rules and a named-entity recognition model) "
        "and replacing it with tags.",
        "Computing a confidence score for each department from the anonymised text.",
        "Comparing the best score with the threshold: automatic routing to the department, or "
        "handing to an agent with the reason (low confidence, out of scope...).",
        "Recording the decision in an audit trail chained by SHA-256 hashes, with, when "
        "requested, the explanation of the words that counted (Shapley values).",
        "Possible review by an agent, who confirms or corrects the department; that decision "
        "is recorded too.",
    ],
}

REGISTER = [
    ("Name of the processing", "Automated routing of users' requests (triage)"),
    ("Controller", "{organisation}; contact details: {to_complete}"),
    ("Data protection officer", "{dpo}"),
    (
        "Purposes",
        "Forward users' requests to the competent municipal department; measure and check the "
        "quality of this routing.",
    ),
    (
        "Legal basis",
        "Performance of a task carried out in the public interest (GDPR, art. 6(1)(e)): "
        "handling requests sent by the public to the administration.",
    ),
    (
        "Data subjects",
        "Users who send a request; people named in those requests; agents who review routings "
        "(identifier).",
    ),
    (
        "Categories of data",
        "Text of the requests, which may contain data of any kind, including special-category "
        "data if the user writes it; data found and masked before analysis: {entity_types}; "
        "language, channel and date of receipt; identifier of the reviewing agent.",
    ),
    (
        "Recipients",
        "Agents of the departments receiving the requests; data protection officer and "
        "authorised auditors, for the audit trail.",
    ),
    (
        "Transfers outside the EU",
        "None by the processing itself: the model runs locally, calling no outside service. "
        "Hosting: {to_complete}",
    ),
    ("Retention periods", "Audit trail: {retention}"),
    (
        "Security measures",
        "Anonymisation before any analysis; original text not recorded by the processing "
        "(keyed hash only); append-only trail chained by SHA-256 hashes and verifiable; model "
        "and anonymiser configuration identified by their digest; access control, encryption "
        "and backups: {to_complete}",
    ),
]

INVENTORY = [
    ("Name", "triage: routing of users' requests"),
    ("Administration", "{organisation}"),
    ("Purpose", "Forward each request to the competent municipal department."),
    (
        "Decisions concerned",
        "No decision on anyone's situation: the algorithm distributes requests between "
        "departments.",
    ),
    (
        "Kind of algorithm",
        "Supervised machine learning: text classification (neural network {base_model} and "
        "TF-IDF), calibrated probabilities, abstention threshold.",
    ),
    (
        "Degree of automation",
        "{auto_share} of requests routed with no human intervention over the period; the "
        "others are routed by an agent; any routing can be corrected.",
    ),
    ("Data used", "Text of the request, anonymised before analysis; language."),
    (
        "Main parameters",
        "Confidence threshold {threshold}; minimum gap {min_margin}; temperature "
        "{temperature}; neural network weight {ensemble}.",
    ),
    ("Model version", "{model_created} (digest {model_hash})"),
    ("Contact", "{contact}"),
]

AI_ACT = [
    (
        "Classification",
        "Routing requests is not itself a use listed in Annex III of Regulation (EU) "
        "2024/1689. As some requests concern access to essential public benefits and services "
        "(Annex III, point 5(a)), article 6(3) applies: such a system is not considered "
        "high-risk when it performs a narrow procedural task without materially influencing "
        "the outcome of the decision. That is the case here: it only chooses which department "
        "receives the request, assesses neither eligibility nor the person's situation, and "
        "the answer on the merits is always given by an agent. It performs no profiling of "
        "natural persons (art. 6(3), last subparagraph): it classifies texts, not people.",
    ),
    (
        "Documentation",
        "Article 6(4) requires this assessment to be documented before the system is put into "
        "service, and the system to be registered in the EU database (art. 49(2)). This report "
        "provides the material; the assessment is to be validated by the data protection "
        "officer and the legal department.",
    ),
    (
        "Record-keeping (art. 12)",
        "Every decision is logged automatically: date, model and anonymiser configuration "
        "versions, scores, threshold, reason for review and, when requested, explanation. The "
        "trail is hash-chained and its verification is reported in section 6 ({records} "
        "records; {chain}).",
    ),
    (
        "Human oversight (art. 14)",
        "Uncertain or out-of-scope requests go to an agent ({review_share} over the period). An "
        "agent can confirm or correct any routing ({reviews} reviews, {overrides} of them "
        "corrections, over the period). Explanations (section 5 and the individual letter) "
        "help agents understand and challenge a choice; the threshold can be raised to review "
        "more; the drift indicator (section 3) tells when the model must be re-assessed.",
    ),
    (
        "Information and AI literacy (art. 4)",
        "Users are informed by the explicit notice (section 1); agents who use the system must "
        "be trained on how it works and on its limits (section 2).",
    ),
]

LETTER = {
    "title": "How your request was routed",
    "reference": "Reference of your request",
    "received": "received on",
    "intro": (
        "You sent a request to {service}. This document explains how a computer program (an "
        "\u201calgorithm\u201d) helped forward it to the right department, as article "
        "R311-3-1-2 of the French code of relations between the public and the administration "
        "provides."
    ),
    "h_role": "1. What the algorithm did, and what it did not do",
    "role_auto": (
        "The algorithm only chose the department to forward your request to: {department}. It "
        "decided nothing about your situation: an agent of that department reads your request "
        "and answers you."
    ),
    "role_review": (
        "The algorithm did not choose a department, because {reason}. Your request was "
        "therefore handed to an agent, who reads it and forwards it to the competent "
        "department. The algorithm decided nothing about your situation."
    ),
    "h_data": "2. The information used",
    "data_masked": (
        "The algorithm used only the text of your request. Before reading it, it replaced "
        "personal information with tags in angle brackets, such as <PERSON_1>: {masked}. Here "
        "is the text as the algorithm read it:"
    ),
    "data_none": (
        "The algorithm used only the text of your request. It found no personal information "
        "in it. Here is the text as it read it:"
    ),
    "data_kept": (
        "The algorithm does not keep your original text: only this masked text is recorded, "
        "with the result below."
    ),
    "data_no_text": (
        "The masked text was not kept; only the kinds of masked information and the result "
        "below were."
    ),
    "h_how": "3. How the choice was made",
    "how": (
        "For each of the town's departments, the algorithm computes a degree of confidence. "
        "For your request, the most likely department was \u201c{top}\u201d, with a confidence "
        "of {confidence}. The rule set by the town: the algorithm forwards a request on its own "
        "only if this confidence reaches at least {threshold}; otherwise an agent decides."
    ),
    "how_none": "The algorithm could not compute a confidence for your request.",
    "scores": "The most likely departments",
    "words": (
        "In the text above, words highlighted in blue pushed towards \u201c{label}\u201d, "
        "those in red pushed away from it. The words that counted most:"
    ),
    "words_none": (
        "The detail of the words that counted was not computed for your request; you can ask "
        "the department for it."
    ),
    "towards": "pushed towards this department",
    "against": "pushed away from this department",
    "h_steps": "4. The steps followed",
    "steps": [
        "Your request was received on {date}.",
        "{masked_step}",
        "The algorithm computed a degree of confidence for each of the {n_departments} "
        "departments.",
        "{outcome}",
        "The decision was recorded in a secure log, which makes it possible to check that it "
        "has not been changed since.",
    ],
    "masked_some": "{masked_count} piece(s) of personal information were masked in it.",
    "masked_none": "No personal information was found in it.",
    "outcome_auto": "As its confidence passed the threshold, your request went to {department}.",
    "outcome_review": "Your request was handed to an agent, because {reason}.",
    "h_human": "5. Did an agent check it?",
    "human_confirmed": "Yes. On {date}, an agent checked the routing and confirmed it.",
    "human_overridden": "Yes. On {date}, an agent forwarded your request to: {department}.",
    "human_auto": (
        "Not yet: your request went straight to {department}, where an agent reads it. If it "
        "belongs to another department, the agent forwards it."
    ),
    "human_queue": (
        "Your request is waiting in the agents' queue: an agent will choose the competent "
        "department."
    ),
    "h_rights": "6. Your questions and your rights",
    "contact": "For any question about your request or this explanation, contact {contact}.",
    "rules": (
        "You may ask for the rules of this algorithm and its main characteristics (article "
        "L311-3-1 of the code of relations between the public and the administration). A "
        "transparency report describes how it works and its results."
    ),
    "cada": (
        "If the department refuses to answer, or does not answer within one month, you may "
        "refer the matter free of charge to the Commission d'accès aux documents "
        "administratifs (CADA) within two months: at www.cada.fr, or by post to CADA, 20 "
        "avenue de Ségur, TSA 50730, 75334 Paris Cedex 07, France."
    ),
    "gdpr": (
        "For your personal data (access, rectification, objection), write to the data "
        "protection officer ({dpo}). If the answer does not satisfy you, you may lodge a "
        "complaint with the CNIL (www.cnil.fr)."
    ),
    "footer": "Produced on {generated} from the audit trail (record {seq}, digest {hash}).",
    "generic_service": "the town",
    "generic_contact": (
        "the department that received your request (details on your acknowledgement of receipt)"
    ),
    "generic_dpo": "contact details on the town's website",
}
