"""Person names announced by a cue the NER model can miss.

Cues: titles, "je suis", relatives and families, form fields ("Nom : ..."), greetings
("Bonjour Nadia,"), a birth mention ("Santu Pieri, né le ..."), a child's age or class
("Maël (10 ans)"), signatures and name lines. Complements spaCy's NER; outside form fields the
name must be capitalised (or all upper case), so "Monsieur le Maire" or "je suis inquiète" are
not names. Letters are Unicode classes, so "Aydın", "Ní Bhriain" or "Ó Murchú" match.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "PERSON"
_WORD = (
    r"(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}\p{Ll}+)*"
    r"|\p{Lu}{2,}(?:[-'’]\p{Lu}+)*|\p{Lu}[’']\p{Lu}\p{Ll}+)"
)
_PARTICLE = (
    r"(?:de|du|des|van|von|der|den|le|la|ben|ibn|el|al|da|di|do|dos|das|del|mac|mc|bin|bint|abu|ní|ó"
    r"|ua|nic|ter|ten|te|zu|y)"
)
_NOT_NAME = (
    r"(?:Le|La|Les|L|Maire|Madame|Monsieur|Adjoint|Adjointe|Directeur|Directrice|Président|"
    r"Présidente|Responsable|Conseiller|Conseillère|Préfet|Préfète|Mairie|Service|Services|"
    r"Bonjour|Merci|Cordialement|The|Mayor|Sir|Madam|Dear|Objet|Re|Tel|Tél|Mr|Mrs|Ms|Je|Tu|Il|"
    r"Elle|Nous|Vous|On|Courriel|Mail|Email|Adresse|SIRET|SIREN|RIB|IBAN|CAF|CPAM|PS|NB|OK|"
    r"Ok|Thanks|Hello|Hi|Regards|Cheers|Bonne|Bon|Salut|Mme|Mlle|Dr|We|I|My|Our|Town|City|Council"
    r"|County)\b"
)
# One or two particles may stand between words ("Kimberly van den Bogaert").
_NEXT_WORD = rf"(?:[ ](?:{_PARTICLE}[ ]){{0,2}}(?!{_NOT_NAME}){_WORD})"
# An initial before the name: "D. MORRISON", "R CUNNINGHAM" (not a bare "A" or "I": words).
_INITIAL = r"(?:\p{Lu}\.[ ]?|(?![AIÀY][ ])\p{Lu}[ ])"
_NAME = rf"(?-i:(?!{_NOT_NAME}){_INITIAL}?{_WORD}{_NEXT_WORD}{{0,3}})"
# A first and last name alone on a line (signature blocks, "Interlocuteur :" lines).
_FULL_NAME = rf"(?-i:(?!{_NOT_NAME})(?:{_INITIAL}{_WORD}|{_WORD}{_NEXT_WORD}{{1,2}}))"
_LOWER_WORD = r"(?-i:\p{Ll}[\p{Ll}\-]{1,20})"
#: The end of the writer's own message: the end of the text, or the header of the e-mail it
#: replies to ("On Mon, 2 Nov … wrote:", "Le lun. 2 nov. … a écrit :", "-----Original Message").
_MESSAGE_END = (
    r"(?:\Z|\n\s*(?:(?:On|Le)\b[^\n]{0,160}(?:wrote|a[ ]écrit)[ ]?:"
    r"|-{2,}[ ]*(?:Original Message|Message d'origine|Forwarded message|Message transféré)))"
)
_LOWER_NAME = rf"(?:{_LOWER_WORD}[ ]{_LOWER_WORD})"
_TITLES = (
    r"madame|monsieur|mademoiselle|mme|mlle|mr|mrs|ms|miss|dr|docteur|maître|maitre|me"
    r"|(?<!\d[ ]?)m\.|mr\."
    r"|mrs\.|ms\.|dr\.|mmes|mm\."
)
_SELF = (
    r"je suis|je m'appelle|je m’appelle|je me nomme|je soussigné|je soussignée|moi c'est"
    r"|my name is|i am|i'm|this is|signé|sign[ée]|c'est|c|we are|nous sommes|au nom de"
    r"|in the name of|de la part de|on behalf of|(?:sur|last |first |family )?name is"
    r"|(?:sur)?names are|nom est|prénom est"
)
_KIN = (
    r"(?:(?:mon|ma|mes|notre|nos|my|our|son|sa|ses|leur|leurs|their|his|her)[ ]+)?"
    r"(?:fils|fille|filles|mari|femme|épouse|époux|epouse|epoux|conjoint|conjointe|compagnon"
    r"|compagne|mère|mere|père|pere|frère|frere|soeur|sœur|voisin|voisine|voisins|enfant|enfants"
    r"|petit-fils|petite-fille|neveu|nièce|oncle|tante|locataire|jumeaux|jumelles|famille|bébé"
    r"|son|daughter|husband|wife|partner|neighbour|neighbor|child|children|kids|mother|father"
    r"|brother|sister|family|twins|baby|parents of|ami|amie|copain|copine|maman|papa|tata|tonton"
    r"|mamie|papi|papy|nounou|cousin|cousine|grand-mère|grand-père|beau-frère|belle-sœur"
    r"|belle-soeur|beau-père|belle-mère|collègue|friend|aunt|uncle|grandma|grandpa|grandmother"
    r"|grandfather|nanny|colleague|fiancé|fiancée|fiance|fiancee|petit ami|petite amie|boyfriend"
    r"|girlfriend|consorts|pote|potes|poto|mate|buddy)"
)
# A relative described after the name: "Nathalie, maman de Léo", "Bernadette (la voisine".
_DESCRIBED = (
    rf"(?:[ ]*,[ ]*(?:(?:la|le|l'|l’|the)[ ]+)?{_KIN}(?=[ ]+(?:de|du|d'|d’|of)\b|[ ]*(?:$|\)))"
    rf"|[ ]*\([ ]*(?:(?:la|le|l'|l’|the)[ ]+)?{_KIN}\b)"
)
# Verbs after which a name follows "to"/"with": "talking to Marek", "pass this on to Ibrahim".
_TALK = (
    r"talk(?:ing|ed)?|speak(?:ing)?|spoke|spoken|chat(?:ting|ted)?|conversation|meeting"
    r"|pass(?:ed)?[ ]+(?:this|it)[ ]+on|parlé|parler|discuté|discuter|rendez-vous"
)
_NAMED = (
    r"(?:is|are|est|sont|s'appelle|s’appelle|named|called|nommée?|prénommée?|prenommee?"
    r"|will be|sera|will remain|remains|reste|restera)"
)
# Jobs of people met in the street or at a counter, named right after ("l'agent Kervella").
_AGENT = (
    r"(?:agent|agente|policier|policière|gardien|gardienne|facteur|factrice|chauffeur|conducteur"
    r"|conductrice|animateur|animatrice|éducateur|éducatrice|educateur|educatrice|atsem"
    r"|surveillant|surveillante|technicien|technicienne|employé|employée|ripeur|jardinier"
    r"|driver|officer|warden|postman|caretaker|receptionist|cashier|lifeguard|instructor"
    r"|maître-nageur|maitre-nageur|moniteur|monitrice|entraîneur|entraineur|coach)"
)
# Someone's role, then the name: "Our architect is Matteo Bianchi", "votre interlocutrice : X".
_ROLE = (
    r"(?:(?:my|our|your|his|her|their|the|mon|ma|notre|votre|son|sa|leur|le|la|l'|l’)[ ]+)"
    r"(?:contact|architect|lawyer|solicitor|notary|doctor|gp|landlord|landlady|accountant"
    r"|builder|plumber|electrician|representative|teacher|coach|carer|social worker|contractor"
    r"|interlocuteur|interlocutrice|référent|référente|referent|avocat|avocate|notaire|médecin"
    r"|architecte|comptable|propriétaire|représentant|représentante|professeur|professeure"
    r"|account manager|manager|adviser|advisor|case officer|caseworker|point of contact"
    r"|maîtresse|instituteur|institutrice|infirmier|infirmière|assistante sociale"
    r"|assistant social|gestionnaire|conseiller|conseillère|plombier|électricien|gérant|gérante)"
)
_SIGN_OFF = (
    r"cordialement|bien cordialement|bien à vous|salutations|merci|merci d'avance|sincèrement"
    r"|respectueusement|distinguées|distingués|dévoués|regards|best regards|kind regards"
    r"|sincerely|thanks|thank you|many thanks|yours faithfully|yours sincerely|bonne journée"
    r"|cheers|best|best wishes|warm regards|all the best|take care|bises|bisous|amitiés"
    r"|à bientôt|a bientot"
)
_GREETING = r"bonjour|bonsoir|salut|coucou|hello|hi|dear|cher|chère|chers"
_FIELD = (
    r"nom|prénom|prenom|prénoms|prenoms|nom de famille|nom d'usage|nom de naissance|name"
    r"|first name|last name|surname|full name|given names?"
)
_CLASS = r"\d{1,2}[ ]?ans|\d{1,2}[ ]?years?(?:[ ]old)?|CP|CE1|CE2|CM1|CM2|PS|MS|GS|\d+e|\d+ème"
# Closing words that can end a message in lower case and are not names.
_LOWER_CLOSERS = (
    r"merci|cordialement|bonjour|svp|stp|bisous|thanks|thank|cheers|regards|bye|ok|urgent"
    r"|salutations|merci beaucoup|voila|voilà|please|asap|cdlt|slt|bonne|journee|journée"
    r"|bientot|bientôt|demain|oui|non|adresse|courriel|mail|email|tel|tél|telephone|téléphone"
    r"|thx|thnx|ty|cya|bisous|biz|bises|a\+"
)
# Quote marks of a replied e-mail and list bullets at the start of a line ("> Jean Dupont").
_QUOTE = r"(?:[>*•·\-–][ >]*)?"
# A name line ends there, or at a comma, unless the writer goes on ("Titulaire du BAFA, je...").
_LINE_END = r"(?=[ ]*(?:$|[|–]|,(?![ ]*(?:je|j['’]|nous|I|we)\b)))"
# Names that are not a person's: "business name Gîte du Vieux Four".
_NOT_PERSONAL = r"(?:business|company|trading|brand|domain|file|user|street|road|place|pet|dog|cat)"
# A couple signing: "Anaïs et Kevin", "Anke & Joost", "Lauren & Marcus Bell".
_AND_NAME = rf"[ ]+(?:et|and|&)[ ]+{_NAME}"
PATTERNS = [
    (
        "Name line",
        rf"(?m)(?<=^[ ]*{_QUOTE}(?:[\w ]{{2,30}}[:–-][ ]*)?){_FULL_NAME}{_LINE_END}",
        0.5,
    ),
    # A first name alone on the line above a phone number: "Ibra\n07 44 21 90 36".
    (
        "Name above a phone",
        rf"(?m)(?<=^[ ]*)(?-i:(?!{_NOT_NAME}|(?:Portable|Mobile|Fixe|Téléphone|Telephone|Phone"
        rf"|Contact|Tel|Tél|Tél\.|Urgent|Signé)\b){_WORD})(?=[ ]*\n[ ]*(?:\+|0)\d[\d .\-]{{7,}})",
        0.5,
    ),
    ("Last word", rf"(?<=[.!?\n][ ]*{_QUOTE}){_NAME}(?=[ ]*{_MESSAGE_END})", 0.5),
    # A sign-off and the name on one line: "Bises, Steph", "Merci, Paul."
    (
        "Sign-off, name",
        rf"(?<=\b(?:{_SIGN_OFF})[ ]*,[ ]*){_NAME}(?=[ ]*[.!]?[ ]*{_MESSAGE_END})",
        0.55,
    ),
    # The first of a couple signing; the other name is added by name expansion.
    (
        "Couple",
        rf"(?m)(?:(?<=[.!?][ ]*)|(?<=[.!?,][ ]*\n[ ]*)){_NAME}(?={_AND_NAME}[ ]*(?:\Z|$))",
        0.5,
    ),
    # ... or alone on a line of a signature block, after the address.
    ("Couple line", rf"(?m)(?<=^[ ]*){_NAME}(?={_AND_NAME}[ ]*$)", 0.5),
    (
        "Lower-case last word",
        rf"(?<=[.!?\n][ ]*)(?!(?:{_LOWER_CLOSERS})\b){_LOWER_WORD}"
        r"(?=[ ]*(?:[+(\d][\d .()\-]{8,18}\d[ ]*)?\Z)",
        0.5,
    ),
    # After a sign-off line, at the end or before the address, phone or e-mail ("merci de me
    # répondre\nnadia belkacem\n12 rue ...").
    (
        "Lower-case signature",
        rf"(?<=\b(?:{_SIGN_OFF})[^\n]{{0,30}}\n[ \n]*){_LOWER_NAME}"
        r"(?=[ ]*(?:\Z|\n[ ]*(?:\d|\+|[\w.\-]+@)))",
        0.5,
    ),
    ("After a title", rf"(?<=\b(?:{_TITLES})[ ]+){_NAME}", 0.6),
    ("Introduced", rf"(?<=\b(?:{_SELF})[ ]+){_NAME}", 0.55),
    (
        "Relative",
        rf"(?<=\b{_KIN}[ ]*,?[ ]+(?:{_NAMED}[ ]+|(?:de|d['’]|of)[ ]*)?){_NAME}",
        0.55,
    ),
    # A job noun right before the name: "c'est l'agent Kervella qui", "the driver, Sylvain, gave".
    (
        "Agent",
        rf"(?<=\b(?:l['’]|le[ ]|la[ ]|the[ ]|my[ ]|our[ ]|notre[ ]|votre[ ]){_AGENT}"
        rf"(?:[ ]+|[ ]*,[ ]*)){_NAME}",
        0.55,
    ),
    ("Role", rf"(?<=\b{_ROLE}[ ]*(?:{_NAMED}[ ]+|:[ ]*)){_NAME}", 0.55),
    # A maiden name: "Ombeline de Saint-Aubin, née du Plessis".
    ("Maiden name", rf"(?<=\b(?:née|nee)[ ]+)(?:{_PARTICLE}[ ]+)?{_NAME}", 0.55),
    # A name given inline: "name on card R CUNNINGHAM", "(number ..., name Amara Okafor)".
    (
        "Name given",
        rf"(?<=\b(?:name on(?: the)? card|cardholder|card holder|(?<!{_NOT_PERSONAL}[ ])name|nom"
        rf"|titulaire)(?:[ ]+(?:is|was|est|:))?[ ]*:?[ ]+)"
        rf"{_NAME}",
        0.55,
    ),
    ("Greeting", rf"(?<=^[ ]*(?:{_GREETING})[ ]+){_NAME}(?=[ ]*[,!\n])", 0.55),
    # Up to the end of the line, or to a maiden name, found apart ("Nom : DIALLO née SOW").
    (
        "Form field",
        rf"(?m)(?<=^[ ]*(?:{_FIELD})[ ]*:[ ]*)[^\W\d_][^\n:]{{0,40}}?"
        r"(?=[ ]*$|[ ]+(?:née|nee|épouse|epouse)[ ])",
        0.6,
    ),
    ("Born", rf"{_NAME}(?=,?[ ]+(?:né|née|nés|born)\b|[ ]*\([ ]*(?:né|née|born)\b)", 0.55),
    # E-mail headers and reply lines: "Amandine Chauvancy <a.chauvancy@…> wrote:".
    (
        "Before an address",
        rf"(?!(?-i:AM|PM)\b){_FULL_NAME}(?=[ ]*<[^<>\s@]+@[^<>\s]+>)",
        0.6,
    ),
    ("Described relative", rf"{_NAME}(?={_DESCRIBED})", 0.55),
    # The writer and someone else: "Thibaut et moi serons absents", "Priya and I".
    (
        "With me",
        rf"(?<!\b(?:in|at|to|from|near|à|en|au|de)[ ]){_NAME}"
        r"(?=[ ]+(?:et moi|and I|and me|et nous)\b(?!['’]))",
        0.55,
    ),
    ("Me with", rf"(?<=\b(?:moi|me|myself) (?:et|and|avec|with)[ ]+){_NAME}", 0.55),
    # "merci de me contacter, moi, Priya, au ..."
    ("Me, name", rf"(?<=\b(?:moi|me|myself),[ ]*){_NAME}(?=[ ]*,)", 0.55),
    ("Talked to", rf"(?<=\b(?:{_TALK})[ ]+(?:to|with|avec)[ ]+){_NAME}", 0.55),
    ("Whose name", rf"{_NAME}(?=['’]s[ ]+(?:name|behalf)\b)", 0.55),
    (
        "Lower-case introduced",
        rf"(?<=\b(?:this is|it's|its|i'm|im)[ ]+)(?!(?:{_LOWER_CLOSERS})\b){_LOWER_WORD}"
        r"(?=[ ]+from\b)",
        0.5,
    ),
    # "salut, c'est gaëlle du jardin partagé": the writer introduces themself after a greeting.
    (
        "Lower-case greeting introduction",
        rf"(?<=^[ ]*(?:{_GREETING})[ ]*,?[ ]*(?:c['’]est|ici|this is|it['’]s|its)[ ]+)"
        rf"(?!(?:{_LOWER_CLOSERS})\b){_LOWER_WORD}(?=[ ]+(?:du|de|des|d['’]|from|of)\b|[ ]*[,.!])",
        0.5,
    ),
    # "la petite Anaïs (18 mois)", "le petit Noah": a young child (lower case "petite": not the
    # "Petite Enfance" department).
    (
        "Little one",
        rf"(?<=\b(?:la|le|ma|mon|sa|son|notre|votre|leur|les|mes|nos|ses)[ ]+(?-i:petite?s?)[ ]+)"
        rf"{_NAME}",
        0.55,
    ),
    ("Child's age or class", rf"{_NAME}(?=[ ]*\((?-i:{_CLASS})\b)", 0.55),
    (
        "Signature",
        rf"(?<=\b(?:{_SIGN_OFF})(?:[ ]+\p{{Ll}}+){{0,2}}[ ]*[,.!]*[ ]*\n[ \n]*"
        rf"(?:(?:{_TITLES})[ ]+)?)"
        rf"{_NAME}(?=[ ]*(?:\n|$|,))",
        0.6,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Cue-based person recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="PersonCueRecognizer",
        patterns=PATTERNS,
        language=language,
        context=[] if context is None else context,
    )
