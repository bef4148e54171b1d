"""Plausibility checks on detections, whichever recognizer or NER made them."""

import pytest

from triage.anonymise.postprocess import Span, resolve


def _person(text: str, value: str) -> Span:
    start = text.index(value)
    return Span("PERSON", start, start + len(value), 0.85, "SpacyRecognizer")


DROPPED = [
    # Runs of capitals that open or end like a sentence (a NER reading an angry message).
    ("CA SUFFIT !!! C'EST LA TROISIEME FOIS QUE J'ECRIS.", "LA TROISIEME FOIS QUE"),
    ("ET MES ENFANTS NE DORMENT PLUS. MERCI.", "NE DORMENT PLUS"),
    ("THIS IS THE FOURTH WEEKEND IN A ROW.", "THE FOURTH WEEKEND IN"),
    # Nationalities, and departments addressed as people.
    ("She is French, I am American. Our details:", "American"),
    ("I am British-Ghanaian and fluent in Twi.", "British-Ghanaian"),
    ("Dear Hiring Manager,\nI am applying for the post.", "Hiring Manager"),
    ("Dear Accounts Payable,\nPlease find our invoice.", "Accounts Payable"),
    ("Dear Human Resources,\nPlease find attached my CV.", "Human Resources"),
]
KEPT = [
    # A name inside a run of capitals that neither opens nor ends like a sentence.
    ("AVEC VOTRE COLLEGUE SYLVIE IL Y A TROIS SEMAINES.", "COLLEGUE SYLVIE IL Y A TROIS SEMAINES"),
    ("MARIE DE LA TOUR\n12 RUE HAUTE", "MARIE DE LA TOUR"),
    # A nationality that is a surname after a title, or with a first name.
    ("Please ask Mr English about the hall.", "English"),
    ("Regards,\nDawn French", "Dawn French"),
]


@pytest.mark.parametrize(("text", "value"), DROPPED)
def test_implausible_person_is_dropped(text, value):
    assert resolve([_person(text, value)], text) == []


@pytest.mark.parametrize(("text", "value"), KEPT)
def test_plausible_person_is_kept(text, value):
    assert [text[s.start : s.end] for s in resolve([_person(text, value)], text)] == [value]
