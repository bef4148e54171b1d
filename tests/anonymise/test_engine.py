import pytest

from triage import Anonymiser, ConfigError, InputError, Redaction
from triage.anonymise.language import LanguageDetector

KEY = "0123456789abcdef0123456789abcdef"  # 32 bytes: AES-256


def test_same_value_gets_same_placeholder_and_types_are_numbered(anonymiser):
    text = (
        "Je suis Marie Curie. Appelez le 06 12 34 56 78 ou le +33 6 12 34 56 78, "
        "sinon Pierre Curie au 07 11 22 33 44. Marie Curie vous remercie."
    )
    redaction = anonymiser.anonymise(text, "fr")
    assert redaction.anonymised_text == (
        "Je suis <PERSON_1>. Appelez le <PHONE_NUMBER_1> ou le <PHONE_NUMBER_1>, "
        "sinon <PERSON_2> au <PHONE_NUMBER_2>. <PERSON_1> vous remercie."
    )


def test_entity_offsets_point_into_the_original_text(anonymiser):
    text = "Bonjour, écrivez à jean.dupont@example.org ou au 01 42 68 53 00."
    redaction = anonymiser.anonymise(text, "fr")
    assert [(e.type, text[e.start : e.end]) for e in redaction.entities] == [
        ("EMAIL_ADDRESS", "jean.dupont@example.org"),
        ("PHONE_NUMBER", "01 42 68 53 00"),
    ]


def test_to_dict_holds_no_raw_value(anonymiser):
    text = "Je suis Marie Curie, tél. 06 12 34 56 78"
    data = anonymiser.anonymise(text, "fr").to_dict()
    assert "Marie" not in str(data) and "06 12" not in str(data)
    assert data["entities"][0].keys() >= {"type", "start", "end", "score"}


def test_pseudonymisation_round_trips_with_the_key_only():
    anonymiser = Anonymiser(pseudonymisation_key=KEY)
    text = "Je suis Marie Curie, tél. 06 12 34 56 78"
    redaction = anonymiser.anonymise(text, "fr")
    assert set(redaction.pseudonyms) == {"<PERSON_1>", "<PHONE_NUMBER_1>"}
    assert "Marie" not in str(redaction.to_dict())
    assert anonymiser.reidentify(redaction, KEY) == text
    with pytest.raises(Exception):  # noqa: B017 - Presidio raises its own error on a wrong key
        Anonymiser().reidentify(redaction, "fedcba9876543210fedcba9876543210")


@pytest.mark.parametrize("key", ["short", "x" * 20])
def test_pseudonymisation_key_of_wrong_length_is_refused(key):
    with pytest.raises(ConfigError, match="16, 24 or 32 bytes"):
        Anonymiser(pseudonymisation_key=key)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_an_input_error(anonymiser, text):
    with pytest.raises(InputError, match="empty"):
        anonymiser.anonymise(text)


def test_batch_keeps_going_after_a_bad_text(anonymiser):
    results = anonymiser.anonymise_batch(
        ["Je suis Marie Curie.", "", "I am John Smith."], return_errors=True
    )
    assert isinstance(results[0], Redaction) and isinstance(results[2], Redaction)
    assert isinstance(results[1], InputError)
    assert results[2].anonymised_text == "I am <PERSON_1>."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bonjour, le lampadaire de ma rue est cassé depuis une semaine.", "fr"),
        ("Hello, the street light in front of my house has been broken for a week.", "en"),
    ],
)
def test_language_is_detected_when_not_given(anonymiser, text, language):
    assert anonymiser.anonymise(text).language == language


def test_unconfigured_language_is_warned_and_analysed_with_the_default(anonymiser):
    redaction = anonymiser.anonymise("Hallo, ich heiße Anna Schmidt, Tel. 06 12 34 56 78", "de")
    assert redaction.language == "fr"
    assert any("'de'" in warning for warning in redaction.warnings)
    assert "06 12 34 56 78" not in redaction.anonymised_text


def test_injected_language_detector_is_used(anonymiser):
    class AlwaysEnglish(LanguageDetector):
        def detect(self, text: str) -> str | None:
            return "en"

    custom = Anonymiser(anonymiser.config, language_detector=AlwaysEnglish())
    custom._analyzer = anonymiser.analyzer  # share the loaded models
    assert custom.anonymise("Bonjour tout le monde, comment allez-vous ?").language == "en"


def test_html_email_is_reduced_to_visible_text_without_leaking_attributes(anonymiser):
    html = (
        '<html><body><p>Bonjour,</p><p>Écrivez-moi : <a href="mailto:secret.person@example.org">'
        "ici</a></p><script>var x='0612345678';</script></body></html>"
    )
    redaction = anonymiser.anonymise(html, "fr")
    assert redaction.source_format == "html"
    assert "secret.person" not in redaction.anonymised_text
    assert "0612345678" not in redaction.anonymised_text
    assert "<p>" not in redaction.anonymised_text
    assert redaction.warnings


@pytest.mark.parametrize("address", ["a.chauvancy@mairie-eze.fr", "b.roy@exemple.fr"])
def test_address_in_angle_brackets_is_plain_text_not_an_html_tag(anonymiser, address):
    # "<a.…@…>" and "<b.…@…>" start like <a> and <b> tags; a plain-text reply header.
    text = f"On Mon, Nov 2, 2026 at 10:05 AM Amandine Chauvancy <{address}> wrote:\n> Thanks"
    redaction = anonymiser.anonymise(text, "en")
    assert redaction.source_format == "text"
    found = {(e.type, text[e.start : e.end]) for e in redaction.entities}
    assert ("EMAIL_ADDRESS", address) in found


def test_identifiers_far_into_a_long_text_are_masked(anonymiser):
    filler = "Le trottoir est abîmé devant la boulangerie. " * 2500  # ~110,000 characters
    text = filler + "Rappelez-moi au 06 12 34 56 78, Marie Curie." + filler[:5000]
    redaction = anonymiser.anonymise(text, "fr")
    assert "06 12 34 56 78" not in redaction.anonymised_text
    assert any("chunks" in warning for warning in redaction.warnings)
    start = text.index("06 12")
    assert any(e.start == start and e.type == "PHONE_NUMBER" for e in redaction.entities)


def test_identifier_across_a_chunk_boundary_is_masked_once():
    anonymiser = Anonymiser()
    config = anonymiser.config.model_copy(update={"chunk_size": 1000, "chunk_overlap": 100})
    small = Anonymiser(config)
    text = ("mot " * 248) + "appelez le 06 12 34 56 78 svp " + ("mot " * 300)
    redaction = small.anonymise(text, "fr")
    phones = [e for e in redaction.entities if e.type == "PHONE_NUMBER"]
    assert len(phones) == 1
    assert text[phones[0].start : phones[0].end] == "06 12 34 56 78"


def test_worker_processes_give_the_same_result_as_one_process(anonymiser):
    texts = [
        f"Je suis Marie Curie {i}, j'habite au {i} rue des Lilas, tél. 06 12 34 56 7{i % 10}"
        for i in range(12)
    ]
    with Anonymiser(anonymiser.config, n_process=2, batch_size=4) as parallel:
        results = parallel.anonymise_batch(texts, ["fr"] * len(texts))
    expected = anonymiser.anonymise_batch(texts, ["fr"] * len(texts))
    assert [r.anonymised_text for r in results] == [r.anonymised_text for r in expected]
