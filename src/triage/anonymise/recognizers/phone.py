"""Phone numbers: French ones in every common writing, foreign ones with a + prefix."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from .base import make_pattern_recognizer

ENTITY = "PHONE_NUMBER"
CONTEXT = [
    "tel",
    "tél",
    "téléphone",
    "telephone",
    "portable",
    "mobile",
    "fixe",
    "joindre",
    "appeler",
    "rappeler",
    "numéro",
    "numero",
    "phone",
    "call",
    "contact",
    "whatsapp",
    "sms",
    "gsm",
]
#: Regions whose national writings ("(602) 272-9781", "020 7946 0958") are recognised.
NATIONAL_REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ", "IN", "DE", "ES", "IT", "BE", "CH")
_PAIR = r"(?:[ .\-]?\d{2})"
PATTERNS = [
    # One separator throughout ("06 12 34 56 78", "06.12.34.56.78", "0612345678"), so that
    # product codes like "0478 1234 56" are not taken for numbers.
    ("FR national", r"(?<![\w+])0[1-9](?P<sep>[ .\-]?)\d{2}(?:(?P=sep)\d{2}){3}(?![\w])", 0.7),
    (
        "FR international",
        rf"(?<![\w])(?:\+|00)[ ]?33[ .\-]?(?:\(0\)[ ]?)?[1-9]{_PAIR}{{4}}(?![\w])",
        0.8,
    ),
    (
        "International +",
        r"(?<![\w+])\+[ ]?\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,6}(?![\w])",
        0.5,
    ),
]


def is_possible_phone(text: str) -> bool:
    """Accept French-looking numbers as is; check ``+`` numbers with libphonenumber."""
    compact = text.replace(" ", "")
    if not compact.startswith(("+", "00")):
        return True
    try:
        number = phonenumbers.parse(compact if compact.startswith("+") else "+" + compact[2:])
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Phone recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="PhoneRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
        check=is_possible_phone,
        validated_score=None,
    )


#: A number right after one of these words is a reference (fine, invoice, ticket), not a phone.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:no|n°|nº|num|number|ref|reference|réf|référence|notice|invoice|ticket|dossier|order"
    r"|case|claim|account|facture|commande)\.?[ ]*[:#]?[ ]*$",
    re.IGNORECASE,
)

_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:phone|tel|tél|téléphone|telephone|mobile|cell|fax|whatsapp|portable|contact)\.?[ ]*$",
    re.IGNORECASE,
)


def _reference(text: str, start: int, end: int) -> bool:
    """True for a bare digit run after a reference word that no phone word comes before."""
    if not text[start:end].isdigit():
        return False
    reference = _REFERENCE_BEFORE.search(text, 0, start)
    return reference is not None and not _PHONE_WORD_BEFORE.search(text, 0, reference.start())


class NationalPhoneRecognizer(PhoneRecognizer):
    """Presidio's libphonenumber recognizer for national writings of foreign numbers.

    Presidio scores its matches 0.4, under triage's default threshold; a number that
    libphonenumber parses as valid for one of the regions is worth masking on its own.
    """

    SCORE = 0.6

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Presidio's matches, less bare digit runs announced as a reference ("notice no. ...")."""
        results = super().analyze(text, entities, nlp_artifacts)  # type: ignore[arg-type]
        return [result for result in results if not _reference(text, result.start, result.end)]


def build_national(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Libphonenumber recognizer for the regions English-speaking residents come from."""
    return NationalPhoneRecognizer(
        supported_language=language,
        context=list(CONTEXT if context is None else context),
        supported_regions=NATIONAL_REGIONS,
    )


#: Words that make a bare local number ("call 785 8949", "9493 7477 office") a phone number.
LOCAL_CONTEXT = [
    "phone",
    "tel",
    "telephone",
    "call",
    "mobile",
    "cell",
    "fax",
    "office",
    "reach",
    "contact",
    "whatsapp",
    "sms",
]
LOCAL_PATTERNS = [
    # 7 to 12 digits in two to four groups, optionally after a bracketed area code; too weak
    # alone (score under the threshold), kept only next to a phone word.
    (
        "Local number",
        r"(?<![\w+])(?<!\d[ .\-])(?:\(\d{2,4}\)[ ]?)?\d{2,4}(?:[ .\-]\d{2,4}){1,3}"
        r"(?![\w])(?![ .\-/]\d)",
        0.3,
    ),
]
_DATE_LIKE = re.compile(r"\d{4}[.\-]\d{1,2}[.\-]\d{1,2}|\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}")


def is_local_number(text: str) -> bool:
    """Seven to twelve digits that are not a date."""
    digits = sum(char.isdigit() for char in text)
    return 7 <= digits <= 12 and _DATE_LIKE.fullmatch(text) is None


def build_local(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Bare local numbers next to a phone word, for languages without a fixed national format."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="LocalPhoneRecognizer",
        patterns=LOCAL_PATTERNS,
        language=language,
        context=LOCAL_CONTEXT if context is None else context,
        check=is_local_number,
        validated_score=None,
    )
