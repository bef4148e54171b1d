"""The letter to the person concerned: plain words, their anonymised text, no personal data."""

from __future__ import annotations

import html
import re

import pytest

from triage.exceptions import InputError
from triage.report import ServiceContact, build_letter
from triage.report.texts import load_texts

from .conftest import LEAKED, PLANTED, REVIEW_NOTE, REVIEWER

SERVICE = ServiceContact("Mairie de Villeneuve", "accueil@villeneuve.example")


@pytest.fixture(scope="module")
def letter(trail, model_folder) -> str:
    return build_letter(trail, "planted-auto", model_folder=model_folder, service=SERVICE)


def test_the_letter_shows_only_the_anonymised_text(letter, trail):
    text = trail.decision("planted-auto").payload["anonymised_text"]
    assert "&lt;PERSON_1&gt;" in letter and "&lt;FR_NIR_1&gt;" in letter
    for value in PLANTED.values():
        assert value not in letter
    shown = letter.split('id="anonymised-text">')[1].split("</div>")[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == text


def test_the_letter_names_no_agent_and_quotes_no_review_note(letter):
    for secret in (REVIEWER, REVIEW_NOTE, "Tramontane", LEAKED):
        assert secret not in letter


def test_an_auto_routed_then_corrected_request_says_so(letter):
    assert "Voirie" in letter  # the department the algorithm chose
    assert "un agent a transmis votre demande à : Urbanisme" in letter
    assert "n&#39;a rien décidé sur votre situation" in letter


def test_the_words_that_counted_are_listed_and_coloured(letter):
    words = letter.split('id="words"')[1].split("</table>")[0]
    assert "<td>lampadaire</td>" in words
    assert 'class="w" style="background: rgba(0, 110, 200' in letter


def test_a_request_sent_to_an_agent_gives_the_reason_in_plain_words(trail, model_folder):
    html = build_letter(trail, "planted-review", model_folder=model_folder)
    reason = load_texts("fr").LETTER_REASONS["low_confidence"].replace("'", "&#39;")
    assert f"parce que {reason}" in html


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "fr",
            [
                "Commission d&#39;accès aux documents administratifs",
                "www.cada.fr",
                "CNIL",
                "L311-3-1",
                "R311-3-1-2",
                "accueil@villeneuve.example",
            ],
        ),
        (
            "en",
            [
                "Commission d&#39;accès aux documents administratifs",
                "www.cada.fr",
                "CNIL",
                "within one month",
                "accueil@villeneuve.example",
            ],
        ),
    ],
)
def test_the_letter_says_how_to_reach_the_service_and_the_cada(
    trail, model_folder, language, phrases
):
    html = build_letter(
        trail, "planted-auto", model_folder=model_folder, language=language, service=SERVICE
    )
    assert f'<html lang="{language}">' in html
    for phrase in phrases:
        assert phrase in html


def test_the_letter_is_self_contained(letter):
    assert "<script" not in letter and "http" not in letter


def test_an_unknown_decision_is_an_input_error(trail):
    with pytest.raises(InputError, match="no decision"):
        build_letter(trail, "no-such-decision")
