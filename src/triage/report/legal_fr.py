"""French legal texts: the processing (CRPA), the annexes (GDPR, L312-1-3, AI Act), the letter.

Each value is a ``str.format`` template filled from the data by :mod:`triage.report.report`;
lists are paragraphs or bullet points. These are drafts for the controller's DPO and lawyer to
validate, written for the system as it is built (routing only, never a decision on rights).
"""

from __future__ import annotations

PROCESSING = {
    "purpose": (
        "L'algorithme lit chaque demande adressée à {organisation} (courriel, formulaire en "
        "ligne, courrier numérisé) et propose le service municipal compétent pour la traiter, "
        "parmi {n_departments} services : {departments}. Son seul but est de faire parvenir plus "
        "vite chaque demande au bon interlocuteur."
    ),
    "uses": [
        "Usage prévu : orienter une demande vers la file de travail d'un service, ou vers un "
        "agent lorsque l'algorithme n'est pas assez sûr de son choix.",
        "Usage exclu : toute décision sur les droits, les prestations, les aides, les sanctions "
        "ou la situation d'une personne. C'est toujours un agent qui traite la demande et y "
        "répond.",
        "Usage exclu : évaluer, noter ou profiler des personnes, classer des demandes par ordre "
        "de priorité selon leur auteur, ou contrôler le travail des agents.",
        "Usage exclu : l'appliquer à d'autres textes (plaintes pénales, dossiers médicaux, "
        "recrutement) sans nouvelle évaluation.",
    ],
    "mention": (
        "Votre demande a été orientée vers le service compétent à l'aide d'un traitement "
        "algorithmique. Ce traitement a pour seule finalité d'acheminer votre demande vers le "
        "service municipal chargé d'y répondre ; il ne prend aucune décision sur votre "
        "situation. Conformément à l'article L311-3-1 du code des relations entre le public et "
        "l'administration, vous pouvez obtenir la communication des règles définissant ce "
        "traitement et des principales caractéristiques de sa mise en œuvre en vous adressant "
        "à {contact}. En cas de refus ou d'absence de réponse dans un délai d'un mois, vous "
        "pouvez saisir la Commission d'accès aux documents administratifs (CADA, www.cada.fr) "
        "dans les deux mois."
    ),
    "mention_note": (
        "L'orientation d'une demande est une mesure d'organisation interne plutôt qu'une "
        "décision individuelle au sens de l'article L311-3-1 ; {organisation} applique "
        "néanmoins ces obligations de transparence, par précaution. Le texte ci-dessus est à "
        "reproduire sur les accusés de réception et les réponses."
    ),
    "item1": (
        "L'algorithme oriente seul une demande uniquement lorsque sa confiance atteint au moins "
        "{threshold} et que la demande relève de la commune ; ce seuil a été choisi pour que, "
        "sur des demandes de validation, au moins {target_precision} des orientations "
        "automatiques soient justes. Sinon, la demande va dans une file examinée par un agent, "
        "qui choisit le service. Tout agent peut corriger une orientation, et chaque correction "
        "est enregistrée. L'algorithme ne contribue pas à la réponse : il détermine seulement "
        "quel service reçoit la demande. Sur la période, {auto_share} des demandes ont été "
        "orientées automatiquement et {review_share} confiées à un agent."
    ),
    "item2": (
        "Donnée traitée : le texte de la demande, tel que {organisation} l'a reçu, et sa langue. "
        "Avant toute analyse, les données personnelles repérées dans le texte ({entity_types}) "
        "sont remplacées par des balises comme <PERSON_1> : le modèle ne voit que le texte "
        "anonymisé. Le journal d'audit conserve ce texte anonymisé, le type et la position des "
        "données masquées, le score de chaque service et une empreinte à clé (HMAC) du texte "
        "d'origine, qui permet de repérer un doublon sans permettre de reconstituer le texte. "
        "Le modèle a été entraîné sur {train_rows} demandes rédigées pour ce projet "
        "({data_file}), anonymisées de la même façon."
    ),
    "item3": (
        "Le modèle combine deux classifieurs de texte : un réseau de neurones de langue "
        "({base_model}, affiné pour cette tâche, pondération {ensemble}) et un classifieur "
        "fondé sur la fréquence des mots (TF-IDF, pondération {baseline_weight}). Il calcule une "
        "probabilité pour chaque service ; une température de {temperature} corrige ces "
        "probabilités pour qu'elles reflètent la fréquence réelle des bonnes réponses. "
        "L'orientation dépend du seuil de confiance ({threshold}), de l'écart minimal exigé "
        "entre les deux services les plus probables ({min_margin}) et de la classe « "
        "{out_of_scope} », qui envoie toujours la demande à un agent. Les mots qui pèsent le "
        "plus pour chaque service figurent à la section 5 ; pour une demande donnée, la lettre "
        "d'explication individuelle montre les mots qui ont compté."
    ),
    "item4": [
        "Réception de la demande et détection de sa langue.",
        "Anonymisation : repérage des données personnelles (règles et modèle de reconnaissance "
        "d'entités nommées) et remplacement par des balises.",
        "Calcul d'un score de confiance pour chaque service à partir du texte anonymisé.",
        "Comparaison du meilleur score au seuil : orientation automatique vers le service, ou "
        "envoi à un agent avec le motif (confiance insuffisante, hors périmètre…).",
        "Enregistrement de la décision dans un journal d'audit chaîné par empreintes SHA-256, "
        "avec, si elle est demandée, l'explication des mots qui ont compté (valeurs de "
        "Shapley).",
        "Relecture possible par un agent, qui confirme ou corrige le service ; sa décision est "
        "elle-même enregistrée.",
    ],
}

REGISTER = [
    ("Nom du traitement", "Orientation automatique des demandes des usagers (triage)"),
    ("Responsable du traitement", "{organisation} ; coordonnées : {to_complete}"),
    ("Délégué à la protection des données", "{dpo}"),
    (
        "Finalités",
        "Acheminer les demandes des usagers vers le service municipal compétent ; mesurer et "
        "contrôler la qualité de cet acheminement.",
    ),
    (
        "Base légale",
        "Exécution d'une mission d'intérêt public (RGPD, art. 6, par. 1, e) : le traitement "
        "des demandes adressées par le public à l'administration.",
    ),
    (
        "Personnes concernées",
        "Usagers qui adressent une demande ; personnes citées dans ces demandes ; agents qui "
        "relisent les orientations (identifiant).",
    ),
    (
        "Catégories de données",
        "Texte des demandes, qui peut contenir des données de toute nature, y compris des "
        "données sensibles si l'usager les écrit ; données repérées et masquées avant analyse : "
        "{entity_types} ; langue, canal et date de réception ; identifiant de l'agent qui "
        "relit.",
    ),
    (
        "Destinataires",
        "Agents des services destinataires des demandes ; délégué à la protection des données "
        "et auditeurs habilités, pour le journal d'audit.",
    ),
    (
        "Transferts hors de l'Union européenne",
        "Aucun du fait du traitement : le modèle s'exécute localement, sans appel à un service "
        "extérieur. Hébergement : {to_complete}",
    ),
    ("Durées de conservation", "Journal d'audit : {retention}"),
    (
        "Mesures de sécurité",
        "Anonymisation avant toute analyse ; texte d'origine non enregistré par le traitement "
        "(empreinte à clé seulement) ; journal en ajout seul, chaîné par empreintes SHA-256 et "
        "vérifiable ; modèle et configuration d'anonymisation identifiés par leur empreinte ; "
        "contrôle d'accès, chiffrement et sauvegardes : {to_complete}",
    ),
]

INVENTORY = [
    ("Nom", "triage : orientation des demandes des usagers"),
    ("Administration", "{organisation}"),
    ("Finalité", "Transmettre chaque demande au service municipal compétent."),
    (
        "Décisions concernées",
        "Aucune décision sur la situation des personnes : l'algorithme répartit les demandes "
        "entre services.",
    ),
    (
        "Type d'algorithme",
        "Apprentissage automatique supervisé : classification de texte (réseau de neurones "
        "{base_model} et TF-IDF), probabilités calibrées, seuil d'abstention.",
    ),
    (
        "Degré d'automatisation",
        "{auto_share} des demandes orientées sans intervention humaine sur la période ; les "
        "autres sont orientées par un agent ; toute orientation peut être corrigée.",
    ),
    ("Données utilisées", "Texte de la demande, anonymisé avant analyse ; langue."),
    (
        "Principaux paramètres",
        "Seuil de confiance {threshold} ; écart minimal {min_margin} ; température "
        "{temperature} ; pondération du réseau de neurones {ensemble}.",
    ),
    ("Version du modèle", "{model_created} (empreinte {model_hash})"),
    ("Contact", "{contact}"),
]

AI_ACT = [
    (
        "Classification",
        "L'orientation de demandes n'est pas en elle-même un usage listé à l'annexe III du "
        "règlement (UE) 2024/1689. Certaines demandes portant sur l'accès à des prestations et "
        "services publics essentiels (annexe III, point 5, a), l'article 6, paragraphe 3, "
        "s'applique : un tel système n'est pas considéré comme à haut risque lorsqu'il "
        "accomplit une tâche procédurale étroite sans influencer de manière significative le "
        "résultat de la décision. C'est le cas ici : il choisit seulement le service qui "
        "recevra la demande, n'évalue ni l'éligibilité ni la situation de la personne, et la "
        "réponse sur le fond est toujours donnée par un agent. Il ne réalise aucun profilage "
        "de personnes physiques (art. 6, par. 3, dernier alinéa) : il classe des textes, pas "
        "des personnes.",
    ),
    (
        "Documentation",
        "L'article 6, paragraphe 4, demande de documenter cette évaluation avant la mise en "
        "service et d'enregistrer le système dans la base de données de l'UE (art. 49, par. "
        "2). Le présent rapport en fournit les éléments ; l'évaluation est à valider par le "
        "délégué à la protection des données et le service juridique.",
    ),
    (
        "Journalisation (art. 12)",
        "Chaque décision est journalisée automatiquement : date, version du modèle et de la "
        "configuration d'anonymisation, scores, seuil, motif de l'envoi à un agent et, si elle "
        "est demandée, explication. Le journal est chaîné par empreintes et sa vérification est "
        "rapportée à la section 6 ({records} enregistrements ; {chain}).",
    ),
    (
        "Contrôle humain (art. 14)",
        "Les demandes incertaines ou hors périmètre vont à un agent ({review_share} sur la "
        "période). Un agent peut confirmer ou corriger toute orientation ({reviews} revues, "
        "dont {overrides} corrections, sur la période). Les explications (section 5 et lettre "
        "individuelle) aident les agents à comprendre et à contester un choix ; le seuil peut "
        "être relevé pour augmenter la part relue ; l'indicateur de dérive (section 3) signale "
        "quand le modèle doit être réévalué.",
    ),
    (
        "Information et maîtrise de l'IA (art. 4)",
        "Les usagers sont informés par la mention explicite (section 1) ; les agents qui "
        "utilisent le système doivent être formés à son fonctionnement et à ses limites "
        "(section 2).",
    ),
]

LETTER = {
    "title": "Comment votre demande a été orientée",
    "reference": "Référence de votre demande",
    "received": "reçue le",
    "intro": (
        "Vous avez adressé une demande à {service}. Ce document vous explique comment un "
        "programme informatique (un « algorithme ») a aidé à la transmettre au bon service, "
        "comme le prévoit l'article R311-3-1-2 du code des relations entre le public et "
        "l'administration."
    ),
    "h_role": "1. Ce que l'algorithme a fait, et ce qu'il n'a pas fait",
    "role_auto": (
        "L'algorithme a seulement choisi le service auquel transmettre votre demande : "
        "{department}. Il n'a rien décidé sur votre situation : c'est un agent de ce service "
        "qui lit votre demande et vous répond."
    ),
    "role_review": (
        "L'algorithme n'a pas choisi de service, parce que {reason}. Votre demande a donc été "
        "confiée à un agent, qui la lit et la transmet au service compétent. L'algorithme n'a "
        "rien décidé sur votre situation."
    ),
    "h_data": "2. Les informations utilisées",
    "data_masked": (
        "L'algorithme n'a utilisé que le texte de votre demande. Avant de le lire, il a "
        "remplacé les informations personnelles par des mentions entre chevrons, comme "
        "<PERSON_1> : {masked}. Voici le texte tel que l'algorithme l'a lu :"
    ),
    "data_none": (
        "L'algorithme n'a utilisé que le texte de votre demande. Il n'y a repéré aucune "
        "information personnelle. Voici le texte tel qu'il l'a lu :"
    ),
    "data_kept": (
        "L'algorithme ne conserve pas votre texte d'origine : seul ce texte masqué est "
        "enregistré, avec le résultat ci-dessous."
    ),
    "data_no_text": (
        "Le texte masqué n'a pas été conservé ; seuls le type des informations masquées et le "
        "résultat ci-dessous l'ont été."
    ),
    "h_how": "3. Comment le choix a été fait",
    "how": (
        "Pour chaque service de la commune, l'algorithme calcule un degré de confiance. Pour "
        "votre demande, le service le plus probable était « {top} », avec une confiance de "
        "{confidence}. La règle fixée par la commune : l'algorithme ne transmet seul une "
        "demande que si cette confiance atteint au moins {threshold} ; sinon, un agent décide."
    ),
    "how_none": "L'algorithme n'a pas pu calculer de confiance pour votre demande.",
    "scores": "Les services les plus probables",
    "words": (
        "Dans le texte ci-dessus, les mots surlignés en bleu ont poussé vers « {label} », ceux "
        "en rouge en ont éloigné. Les mots qui ont le plus compté :"
    ),
    "words_none": (
        "Le détail des mots qui ont compté n'a pas été calculé pour votre demande ; vous "
        "pouvez le demander au service."
    ),
    "towards": "a rapproché de ce service",
    "against": "a éloigné de ce service",
    "h_steps": "4. Les étapes suivies",
    "steps": [
        "Votre demande a été reçue le {date}.",
        "{masked_step}",
        "L'algorithme a calculé un degré de confiance pour chacun des {n_departments} services.",
        "{outcome}",
        "La décision a été enregistrée dans un journal sécurisé, qui permet de vérifier "
        "qu'elle n'a pas été modifiée depuis.",
    ],
    "masked_some": "{masked_count} information(s) personnelle(s) y ont été masquées.",
    "masked_none": "Aucune information personnelle n'y a été repérée.",
    "outcome_auto": (
        "Sa confiance dépassant le seuil, votre demande a été transmise à : {department}."
    ),
    "outcome_review": "Votre demande a été confiée à un agent, parce que {reason}.",
    "h_human": "5. Un agent a-t-il vérifié ?",
    "human_confirmed": "Oui. Le {date}, un agent a vérifié l'orientation et l'a confirmée.",
    "human_overridden": "Oui. Le {date}, un agent a transmis votre demande à : {department}.",
    "human_auto": (
        "Pas encore à ce jour : votre demande a été transmise directement à {department}, où "
        "un agent la lit. S'il estime qu'elle relève d'un autre service, il la réoriente."
    ),
    "human_queue": (
        "Votre demande attend dans la file des agents : un agent choisira le service compétent."
    ),
    "h_rights": "6. Vos questions et vos droits",
    "contact": (
        "Pour toute question sur votre demande ou sur cette explication, contactez {contact}."
    ),
    "rules": (
        "Vous pouvez demander la communication des règles de cet algorithme et de ses "
        "principales caractéristiques (article L311-3-1 du code des relations entre le public "
        "et l'administration). Un rapport de transparence décrit son fonctionnement et ses "
        "résultats."
    ),
    "cada": (
        "Si le service refuse de vous répondre, ou ne vous répond pas dans un délai d'un mois, "
        "vous pouvez saisir gratuitement la Commission d'accès aux documents administratifs "
        "(CADA) dans les deux mois : sur www.cada.fr, ou par courrier à CADA, 20 avenue de "
        "Ségur, TSA 50730, 75334 Paris Cedex 07."
    ),
    "gdpr": (
        "Pour vos données personnelles (accès, rectification, opposition), écrivez au délégué "
        "à la protection des données ({dpo}). Si sa réponse ne vous satisfait pas, vous pouvez "
        "adresser une réclamation à la CNIL (www.cnil.fr)."
    ),
    "footer": (
        "Document produit le {generated} à partir du journal d'audit (enregistrement n° {seq}, "
        "empreinte {hash})."
    ),
    "generic_service": "la commune",
    "generic_contact": (
        "le service qui a reçu votre demande (coordonnées sur votre accusé de réception)"
    ),
    "generic_dpo": "coordonnées sur le site de la commune",
}
