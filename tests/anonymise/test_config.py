from pathlib import Path

import pytest

from triage import Anonymiser, ConfigError, load_config
from triage.anonymise.config import default_config_path


def test_default_config_loads_and_has_a_stable_hash():
    config = load_config()
    assert config.default_language == "fr"
    assert set(config.languages) == {"fr", "en"}
    assert load_config(default_config_path()).digest == config.digest


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("languages: [", "not valid YAML"),
        ("- a list", "mapping"),
        ("extends: default\nscore_threshold: 2", "score_threshold"),
        ("extends: default\nrecognizers:\n  - name: x\n    entity: X\n", "patterns"),
        ("extends: default\ndefault_language: de", "default_language"),
        ("extends: default\nunknown_key: 1", "unknown_key"),
        ("extends: default\nversion: 2", "version"),
    ],
)
def test_invalid_config_is_an_error_naming_the_problem(tmp_path, content, message):
    path = tmp_path / "config.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_unknown_builtin_recognizer_is_an_error(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("extends: default\nrecognizers:\n  - builtin: no_such\n", encoding="utf-8")
    anonymiser = Anonymiser(path)
    with pytest.raises(ConfigError, match="no_such"):
        _ = anonymiser.analyzer


def _user_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\n" + body, encoding="utf-8")
    return path


def test_user_config_adds_a_deny_list_and_a_pattern_recognizer(tmp_path, anonymiser):
    path = _user_config(
        tmp_path,
        "entities: [PERSON, PHONE_NUMBER, AGENT_CODE, STAFF]\n"
        "recognizers:\n"
        "  - name: agent_code\n"
        "    entity: AGENT_CODE\n"
        "    patterns: [{name: code, regex: 'AG-\\d{4}', score: 0.9}]\n"
        "  - name: staff\n"
        "    entity: STAFF\n"
        "    deny_list: [Gaston Lagaffe]\n",
    )
    custom = Anonymiser(path)
    text = "Voir avec Gaston Lagaffe, code AG-1234, tél. 06 12 34 56 78."
    redaction = custom.anonymise(text, "fr")
    types = {e.type for e in redaction.entities}
    assert {"AGENT_CODE", "STAFF", "PHONE_NUMBER"} <= types
    assert custom.config_hash != anonymiser.config_hash


def test_entity_types_not_listed_are_left_in_the_text(tmp_path):
    path = _user_config(tmp_path, "entities: [EMAIL_ADDRESS]\n")
    redaction = Anonymiser(path).anonymise("Marie Curie, marie@example.org", "fr")
    assert redaction.anonymised_text == "Marie Curie, <EMAIL_ADDRESS_1>"


def test_allow_list_entries_are_never_masked(tmp_path):
    path = _user_config(tmp_path, "allow_list: [Marie Curie]\n")
    redaction = Anonymiser(path).anonymise("Bonjour, je suis Marie Curie.", "fr")
    assert "Marie Curie" in redaction.anonymised_text


def test_missing_spacy_model_is_an_error_with_an_install_hint(tmp_path):
    path = _user_config(tmp_path, "languages:\n  en:\n    spacy_model: en_core_web_nonexistent\n")
    with pytest.raises(Exception, match="pip install"):
        _ = Anonymiser(path).analyzer
