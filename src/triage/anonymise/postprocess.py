"""Clean Presidio's raw detections: allow-list, false positives, one mask per character."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .recognizers.url import PERSONAL_SITE

__all__ = ["Span", "merge", "normalise_value", "resolve"]

#: A person-like name right after these words names a place, not someone ("rue Victor Hugo").
_PLACE_BEFORE_NAME = re.compile(
    r"(?:\b(?:rue|avenue|av|boulevard|bd|place|rond-point|impasse|allée|allee|chemin|quai|square|cours"
    r"|école|ecole|collège|college|lycée|lycee|gymnase|stade|salle|parc|jardin|crèche|creche"
    r"|résidence|residence|médiathèque|mediatheque|bibliothèque|piscine|hôpital|hopital"
    r"|centre|maison|groupe scolaire|espace|street|road|school|park|restaurant|traiteur"
    r"|boulangerie|café|bar|hôtel|hotel|magasin|société|entreprise|association|garage"
    r"|pharmacie|cabinet|salon|brasserie|épicerie|supermarché|club|collectif|comité|quartier)"
    r"(?:[ ]+(?:maternelle|élémentaire|elementaire|primaire|municipale?|publique|privée"
    r"|communale?|sportif|culturel|social|scolaire|nautique|aquatique"
    r"|de[ ]+(?:loisirs|quartier|santé|sante|vacances|la[ ]+jeunesse)|des[ ]+sports))?"
    r"[ ]+(?:de[ ]+|du[ ]+"
    r"|des[ ]+|d'|d’|la[ ]+|le[ ]+|chez[ ]+)?)$",
    re.IGNORECASE,
)
#: "le dossier de crèche de Lina": a place word used as a common noun, then the owner's name.
_GENERIC_PLACE = re.compile(r"\bd(?:e[ ]+|['’])$", re.IGNORECASE)
_OWNER_OF = re.compile(r"(?:\bde[ ]+|\bd['’])$", re.IGNORECASE)
#: Job titles the English model tags as persons ("Priyanka Desai, Head of Operations").
_JOB_WORDS = {
    "head",
    "director",
    "managing",
    "manager",
    "chief",
    "officer",
    "executive",
    "secretary",
    "treasurer",
    "chair",
    "chairman",
    "chairwoman",
    "coordinator",
    "assistant",
    "deputy",
    "senior",
    "engineer",
    "network",
    "software",
    "project",
    "technician",
    "consultant",
    "developer",
    "analyst",
    "architect",
    "designer",
    "specialist",
    "advisor",
    "adviser",
    "administrator",
    "supervisor",
    "lead",
    "sales",
    "support",
    "accountant",
    "founder",
    "partner",
    "associate",
    "principal",
    "hiring",
}
_LEADING_TITLE = re.compile(
    r"(?:madame|monsieur|mademoiselle|mme|mlle|mr|mrs|ms|miss|dr|docteur|maître|maitre|me|councillor"
    r"|m\.|mr\.|mrs\.|ms\.|dr\.)\s+",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(_LEADING_TITLE.pattern + "$", re.IGNORECASE)
_TITLE_WITH_ARTICLE = re.compile(
    r"(?:monsieur|madame|mademoiselle|mr|mrs|ms|dear)\s+(?:le|la|les|l'|the)\b", re.IGNORECASE
)
_URL_WITH_PATH_OR_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.|/", re.IGNORECASE)
#: A page of a government site or of a town or public body's own site.
_PUBLIC_SITE = re.compile(
    r"^(?:[a-z]+://)?(?:www\.)?(?:[\w\-]+\.)*"
    r"(?:(?:gouv|gov|service-public)\.[a-z]{2,3}|gov|europa\.eu"
    r"|(?:ville|mairie|commune|agglo|metropole|departement|region)-[\w\-]+\.[a-z]{2,3})(?:/\S*)?$",
    re.IGNORECASE,
)
_INSTEAD_OF = re.compile(r"\bla place d[eu']?\s*$", re.IGNORECASE)  # "à la place de X"
_PLACE_AFTER_NAME = re.compile(
    r"[ ]+(?:(?:sports?|leisure|community|primary|secondary|nursery|medical|health|swimming"
    r"|music|youth|arts|day|care|shopping|train|bus|fire|police)[ ]+)?"
    r"(?:school|college|high school|park|street|road|avenue|square|library|hospital|stadium"
    r"|gym|pool|centre|center|office|branch|agency|site|factory|plant|shop|store|headquarters"
    r"|campus|surgery|clinic|station|airport|harbour|hall)\b",
    re.IGNORECASE,
)
#: A company: a legal form right after the name ("Plomberie Rossi SARL", "Fresh Fields
#: Catering Ltd"). Not a SIREN number: sole traders have one under their own name.
_LEGAL_FORM = (
    r"SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SCP|SELARL|GAEC|EARL|Ltd|Limited|LLC|LLP|Inc|PLC|plc"
    r"|GmbH|BV|NV|SpA|SL"
)
_COMPANY_AFTER = re.compile(rf"[ ]*,?[ ]*(?:{_LEGAL_FORM})\b")
_COMPANY_LAST_WORD = re.compile(rf"[ ](?:{_LEGAL_FORM})\.?$")
#: A team or department greeted as if it were a person ("Dear Procurement Team").
_ORG_UNIT_WORDS = {
    "team", "department", "dept", "committee", "board", "staff", "office", "desk", "payable",
    "receivable", "control", "resources",
}  # fmt: skip
#: Nationalities a NER fine-tuned on persons alone tags as persons ("I am British-Ghanaian").
_DEMONYMS = {
    "american", "british", "english", "welsh", "scottish", "irish", "french", "german", "dutch",
    "belgian", "swiss", "italian", "spanish", "portuguese", "polish", "romanian", "bulgarian",
    "greek", "turkish", "russian", "ukrainian", "swedish", "norwegian", "danish", "finnish",
    "austrian", "czech", "hungarian", "canadian", "australian", "mexican", "brazilian",
    "argentinian", "chilean", "colombian", "peruvian", "indian", "pakistani", "bangladeshi",
    "chinese", "japanese", "korean", "vietnamese", "thai", "filipino", "indonesian", "malaysian",
    "ghanaian", "nigerian", "senegalese", "malian", "ivorian", "cameroonian", "congolese",
    "moroccan", "algerian", "tunisian", "egyptian", "lebanese", "syrian", "iranian", "iraqi",
    "israeli", "ethiopian", "kenyan", "african", "caribbean", "european", "asian",
}  # fmt: skip
#: "né le 30 avril 1979 à Huế": the word after "born ... in" is a birthplace.
_BIRTHPLACE_BEFORE = re.compile(
    r"\b(?:né|née|nés|nées|nee|born)\b[^.\n;]{0,40}?\b(?:à|a|in|at)\s+$", re.IGNORECASE
)
_AFTER_SENTENCE = re.compile(r"[.!?\n][ \t]*$")
#: The first letter of each sentence or line, to tell a writer who never uses capitals.
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])[\s>*-]*([^\W\d_])")
_NOT_IN_NAME = re.compile(r"[\n|@(<\d]")
#: The rest of a name after a span that stops on a particle ("Donald van" + " der Voet").
_PARTICLE_TAIL = re.compile(
    r"(?:[ ](?:de|du|des|van|von|der|den|la|le|ten|ter|di|da))*[ ][^\W\d_][\w'’-]*"
)
_WORDS = re.compile(r"[^\s]+")
_PARTICLES = {
    "de",
    "du",
    "des",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "da",
    "di",
    "dos",
    "del",
    "y",
    "ní",
    "ó",
    "el",
    "al",
    "ben",
    "bin",
    "ibn",
    "ter",
    "ten",
    "te",
    "zu",
    "mac",
    "do",
    "das",
}
_POSSESSIVES = {
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
}
_TITLE_WORDS = {
    "madame",
    "monsieur",
    "mademoiselle",
    "mme",
    "mlle",
    "m.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "docteur",
    "maître",
    "sir",
    "madam",
    "bonjour",
    "hello",
    "dear",
    "cher",
    "chère",
    "le",
    "la",
    "maire",
    "the",
    "mayor",
}
#: Words that make a run of capitals a sentence, not a name: pronouns, negation, conjunctions
#: and auxiliaries that no name contains (name particles such as "de", "le", "van" are not here).
_SENTENCE_WORDS = {
    "que", "qui", "ne", "pas", "plus", "il", "ils", "elle", "elles", "nous", "vous", "je",
    "j'ai", "on", "y", "est", "sont", "ai", "avons", "avez", "ont", "fois", "cette", "ces",
    "mais", "donc", "car", "pour", "avec", "dans", "sur", "the", "is", "are", "was", "were",
    "in", "of", "to", "for", "with", "this", "that", "it", "we", "you", "not",
}  # fmt: skip
_ARTICLES = {"le", "la", "les", "un", "une", "des", "the", "a", "an"}
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿæœáíóúåøãõı]", re.IGNORECASE)
_COMMA_GAP = re.compile(r"[ ]*,[ ]*")
#: An English house name ending right before an address: "Rose Cottage, ", "Old Mill House\n".
_HOUSE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’\-]*[ ]){1,2}(?:Cottage|House|Farm|Barn|Lodge|Mill|Manor|Grange"
    r"|Croft|Villa)[ ]*[,\n][ ]*\Z"
)
_NON_ALNUM = re.compile(r"[\W_]+")
_FRENCH_PREFIX = re.compile(r"^(?:0033|33)0?(?=[1-9]\d{8}$)")


@dataclass(frozen=True, slots=True)
class Span:
    """A detection in text offsets, with the name of the recognizer that made it."""

    type: str
    start: int
    end: int
    score: float
    source: str = ""


def normalise_value(entity_type: str, value: str) -> str:
    """Key under which two writings of the same value share a placeholder."""
    folded = unicodedata.normalize("NFKD", value)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    if entity_type == "PERSON":
        return " ".join(folded.split())
    compact = _NON_ALNUM.sub("", folded)
    if entity_type == "PHONE_NUMBER":
        # +33 6..., 0033 6... and 06... are the same French number.
        compact = _FRENCH_PREFIX.sub("0", compact)
    return compact


def _trim(span: Span, text: str) -> Span | None:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:("):
        end -= 1
    if span.type == "PERSON":
        # Keep titles visible ("Madame <PERSON_1>"): they are not personal data, and the
        # NER model sometimes includes them in the name.
        if _TITLE_WITH_ARTICLE.match(text, start, end):
            return None  # "Monsieur le Maire", "Madame la Directrice"
        title = _LEADING_TITLE.match(text, start, end)
        if title is not None and title.end() < end:
            start = title.end()
        start = _skip_relative(text, start, end)
    if span.type == "PERSON":
        end = _trim_person_end(text, start, end)
    if start >= end:
        return None
    return Span(span.type, start, end, span.score, span.source)


def _skip_relative(text: str, start: int, end: int) -> int:
    """Start of the name after a leading possessive and lower-case relative noun, if any."""
    words = list(_WORDS.finditer(text, start, end))
    if len(words) < 3 or words[0].group().casefold() not in _POSSESSIVES:
        return start
    for word in words[1:]:
        if word.group()[0].isupper():
            return word.start()
        if not word.group().replace("-", "").isalpha():
            break
    return start


def _trim_person_end(text: str, start: int, end: int) -> int:
    """Cut what the NER model ran on past a name: the next line, a number, trailing words."""
    cut = _NOT_IN_NAME.search(text, start, end)
    if cut is not None:
        end = cut.start()
    words = list(_WORDS.finditer(text, start, end))
    if len(words) >= 2 and words[0].group()[0].isupper():
        # "Iain MacLeod instead of Ian": stop at the first lower-case word that is no particle
        for word in words[1:]:
            if word.group().islower() and word.group() not in _PARTICLES:
                end = word.start()
                break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–|"):
        end -= 1
    last = text[start:end].rsplit(" ", 1)
    if len(last) == 2 and last[1] in _PARTICLES:
        tail = _PARTICLE_TAIL.match(text, end)
        if tail is not None and tail.group().split()[-1][0].isupper():
            end = tail.end()
    return end


def _plausible(span: Span, text: str, allow: set[str]) -> bool:
    value = text[span.start : span.end]
    if value.strip().casefold() in allow:
        return False
    if span.type == "PERSON":
        # spaCy sometimes tags numbers, single letters or whole lower-case phrases as persons.
        letters = [char for char in value if char.isalpha()]
        if len(letters) < 2 or any(char.isdigit() for char in value) or "@" in value:
            return False
        cue = span.source in ("PersonCueRecognizer", "NameExpansion", "UnknownWordAfterCue")
        after_title = _TITLE_BEFORE.search(text[max(0, span.start - 15) : span.start])
        lone_lower = " " not in value.strip() and value.islower()
        if lone_lower and not (
            after_title or cue or _writes_in_lower_case(text) or _signs_off(span, text)
        ):
            # A single lower-case word is a common word far more often than a name, unless
            # the writer uses no capitals at all ("she named him joshua").
            return False
        if " " in value.strip() and value.islower() and not (cue or _writes_in_lower_case(text)):
            return False  # "our camper van": lower-case words from a writer who uses capitals
        bare = "".join(
            char for char in unicodedata.normalize("NFD", value) if not unicodedata.combining(char)
        )
        if not _VOWEL.search(bare) and all(char < "ɏ" for char in letters):
            # "DPLG", "SNCF": an acronym; no Latin-script name lacks a vowel ("LƯƠNG" has two,
            # with horns)
            return False
        if _glued(span, text):
            return False  # "CE2", a class; a code, not a name
        words = value.casefold().split()
        if words and (
            words[0] in _POSSESSIVES or all(w in allow or w in _TITLE_WORDS for w in words)
        ):
            return False  # "Mon fils", "Bonjour Monsieur"
        if "&" in value or _COMPANY_AFTER.match(text, span.end) or _COMPANY_LAST_WORD.search(value):
            return False  # "Couvertures Vidal & Fils", "Plomberie Rossi SARL": companies
        if words and words[-1] in _ORG_UNIT_WORDS:
            return False  # "Dear Events Team"
        if _PLACE_AFTER_NAME.match(text, span.end):
            return False  # "the Jules Ferry school"
        if all(word in _JOB_WORDS for word in words):
            return False  # "Head", "Managing Director"
        if (
            len(words) == 1
            and not after_title
            and all(part in _DEMONYMS for part in words[0].split("-"))
        ):
            return False  # "I am American", "British-Ghanaian"; "Mr English" is a name
        if _caps_sentence(value, words):
            return False  # "LA TROISIEME FOIS QUE": a NER reading an angry message in capitals
        before = text[max(0, span.start - 40) : span.start]
        if _BIRTHPLACE_BEFORE.search(before):
            return False
        place = _PLACE_BEFORE_NAME.search(before)
        if place and not _INSTEAD_OF.search(before) and not _generic_place(before, place.start()):
            return False
    if span.type == "URL" and PERSONAL_SITE.match(value):
        return True  # "patrimoine-et-moi.over-blog.com": someone's blog, even without "www"
    if span.type == "URL" and not _URL_WITH_PATH_OR_HOST.search(value):
        return False  # a bare domain ("gmail.com", "orange.fr") names a provider, not a person
    if span.type == "URL" and _PUBLIC_SITE.match(value):
        return False  # a public service's or a town's page: nobody's own site
    return True


def _caps_sentence(value: str, words: list[str]) -> bool:
    """A run of capitals that opens or ends like a sentence and holds a sentence word.

    Only at its edges: "COLLEGUE SYLVIE IL Y A TROIS SEMAINES" holds a name, so it stays.
    """
    if len(words) < 3 or not value.isupper() or not any(w in _SENTENCE_WORDS for w in words):
        return False
    return words[0] in _SENTENCE_WORDS or words[0] in _ARTICLES or words[-1] in _SENTENCE_WORDS


def _signs_off(span: Span, text: str) -> bool:
    """True for a word alone after the last full stop or line break: a signature."""
    return not text[span.end :].strip() and bool(_AFTER_SENTENCE.search(text, 0, span.start))


def _writes_in_lower_case(text: str) -> bool:
    """True when most sentences and lines start in lower case: the writer skips capitals."""
    firsts = _SENTENCE_START.findall(text)
    return bool(firsts) and sum(letter.islower() for letter in firsts) * 2 >= len(firsts)


def _glued(span: Span, text: str) -> bool:
    """True when letters or digits touch the span: it is part of a longer token ("CE2")."""
    return (span.end < len(text) and text[span.end].isalnum()) or (
        span.start > 0 and text[span.start - 1].isalnum()
    )


def _generic_place(before: str, place_start: int) -> bool:
    """True for "de crèche de Lina": the place word is a common noun, the name its owner."""
    return bool(_GENERIC_PLACE.search(before, 0, place_start) and _OWNER_OF.search(before))


def resolve(spans: Iterable[Span], text: str, allow_list: Sequence[str] = ()) -> list[Span]:
    """Drop allow-listed and implausible detections, then merge overlaps.

    Overlapping detections become one span covering all of them, typed after the longest one
    (then the highest score), so every character is masked exactly once.
    """
    allow = {word.casefold() for word in allow_list}
    candidates = [
        trimmed
        for span in spans
        if (trimmed := _trim(span, text)) is not None and _plausible(trimmed, text, allow)
    ]
    candidates = [_with_particles(_with_house_name(span, text), text) for span in candidates]
    address_ends = [span.end for span in candidates if span.type == "ADDRESS"]
    return merge(span for span in candidates if not _country_after(span, text, address_ends))


def _with_particles(span: Span, text: str) -> Span:
    """A name with the particles that join it to its neighbours.

    Covers "d'" glued before it ("Mme d'Escayrac-Fressac") and a Welsh, Catalan, Spanish or
    Arabic joining particle with the name after it ("Rhodri ap Dafydd", "Llobet i Serra").
    """
    if span.type != "PERSON":
        return span
    start, end = span.start, span.end
    if _GLUED_PARTICLE.search(text, max(0, start - 3), start):
        start -= 2
    joined = _JOINED_NAME.match(text, end)
    if joined:
        end = joined.end()
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.type, start, end, span.score, span.source)


_GLUED_PARTICLE = re.compile(r"(?:^|(?<=[\s(]))[dD]['’]$")
_JOINED_NAME = re.compile(r"[ ](?:ap|ab|i|y|ibn|bin|bint)[ ](?-i:[A-ZÀ-Ý][a-zà-ÿ'’\-]+)")


def _with_house_name(span: Span, text: str) -> Span:
    """An address with the English house name written before it ("Rose Cottage, 3 chemin …").

    Checked here on the few addresses found rather than by the address patterns, where trying
    it at every capitalised word cost a quarter of their time.
    """
    if span.type != "ADDRESS":
        return span
    house = _HOUSE_BEFORE.search(text, max(0, span.start - 60), span.start)
    if house is None:
        return span
    return Span(span.type, house.start(), span.end, span.score, span.source)


def _country_after(span: Span, text: str, address_ends: Sequence[int]) -> bool:
    """True for one word after an address and a comma, at the end of its line: a country."""
    if span.type != "PERSON" or " " in text[span.start : span.end]:
        return False
    line_rest = text[span.end :].split("\n", 1)[0]
    if line_rest.strip(" .") or span.start in address_ends:
        return False
    before = text[: span.start]
    return any(_COMMA_GAP.fullmatch(before, end) for end in address_ends if end < span.start)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Merge overlapping spans (no filtering): one span per group, typed after the longest."""
    candidates = list(spans)
    candidates.sort(key=lambda span: (span.start, -span.end))
    merged: list[Span] = []
    best: list[Span] = []
    for span in candidates:
        if merged and span.start < merged[-1].end:
            group_best = max(best[-1], span, key=lambda s: (s.end - s.start, s.score))
            merged[-1] = Span(
                group_best.type,
                merged[-1].start,
                max(merged[-1].end, span.end),
                group_best.score,
                group_best.source,
            )
            best[-1] = group_best
        else:
            merged.append(span)
            best.append(span)
    return merged
