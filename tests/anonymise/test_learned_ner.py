"""The learned NER: its wiring in place of the stock NER (with a fake), and its training."""

import json
import logging

import pytest
import spacy

from triage.anonymise import Anonymiser
from triage.anonymise.config import load_config
from triage.anonymise.ner_training import REPORT_FILE, train_pii_ner
from triage.exceptions import ConfigError, InputError, MissingDependencyError


@pytest.fixture(scope="module")
def fake_ner(tmp_path_factory):
    """A 'learned NER' that is an entity ruler: it knows one odd name and two addresses."""
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "zorglub"},
            {"label": "ADDRESS", "pattern": "4 impasse des Quilles"},
            {"label": "ADDRESS", "pattern": "parc des Quilles"},
        ]
    )
    folder = tmp_path_factory.mktemp("fake-ner")
    nlp.to_disk(folder)
    return folder


def _config(folder, tmp_path, *, language="fr"):
    path = tmp_path / "learned.yaml"
    path.write_text(f"extends: default\nlearned_ner:\n  {language}: {folder}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def learned_anonymiser(fake_ner, tmp_path_factory):
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    with Anonymiser(_config(fake_ner, tmp_path_factory.mktemp("cfg"))) as anonymiser:
        yield anonymiser


def test_learned_ner_replaces_the_stock_ner_of_its_languages_only(learned_anonymiser):
    pipelines = learned_anonymiser.analyzer.nlp_engine.nlp
    assert "ner" not in pipelines["fr"].pipe_names
    assert "triage_learned_ner" in pipelines["fr"].pipe_names
    assert "ner" in pipelines["en"].pipe_names
    assert "triage_learned_ner" not in pipelines["en"].pipe_names


def test_learned_person_and_numbered_address_are_masked(learned_anonymiser):
    text = "bonjour c'est zorglub, j'habite au 4 impasse des Quilles depuis mars."
    redaction = learned_anonymiser.anonymise(text, "fr")
    found = {(e.type, text[e.start : e.end]) for e in redaction.entities}
    assert ("PERSON", "zorglub") in found
    assert ("ADDRESS", "4 impasse des Quilles") in found


def test_learned_address_without_a_number_stays_visible(learned_anonymiser):
    text = "Le banc du parc des Quilles est cassé, merci de le réparer."
    redaction = learned_anonymiser.anonymise(text, "fr")
    assert redaction.anonymised_text == text


def test_english_requests_keep_the_stock_ner(learned_anonymiser):
    text = "The library keeps zorglub records from 1900."
    assert learned_anonymiser.anonymise(text, "en").anonymised_text == text


def test_config_hash_changes_when_the_learned_ner_is_retrained_in_place(fake_ner, tmp_path):
    import shutil

    folder = tmp_path / "ner"
    shutil.copytree(fake_ner, folder)
    config = _config(folder, tmp_path)
    before = Anonymiser(config).config_hash
    assert before != Anonymiser().config_hash
    (folder / "meta.json").write_text('{"lang": "fr", "name": "retrained"}', encoding="utf-8")
    assert Anonymiser(config).config_hash != before


def test_relative_learned_ner_folders_are_relative_to_the_file_naming_them(tmp_path):
    base = tmp_path / "profiles" / "learned.yaml"
    base.parent.mkdir()
    base.write_text("extends: default\nlearned_ner:\n  fr: ../ner-fr\n", encoding="utf-8")
    user = tmp_path / "elsewhere" / "mine.yaml"
    user.parent.mkdir()
    user.write_text(f"extends: {base}\nlearned_ner:\n  en: ner-en\n", encoding="utf-8")
    config = load_config(user)
    assert config.learned_ner == {
        "fr": str((tmp_path / "ner-fr").resolve()),
        "en": str((tmp_path / "elsewhere" / "ner-en").resolve()),
    }
    # The same file in another folder keeps its digest: the folders' place is not part of it.
    moved = tmp_path / "moved" / "profiles" / "learned.yaml"
    moved.parent.mkdir(parents=True)
    moved.write_text(base.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_config(moved).digest == load_config(base).digest


def test_a_routing_model_folder_carries_copies_of_its_learned_ners(fake_ner, tmp_path, monkeypatch):
    from triage.training import save_anonymiser_config

    model = tmp_path / "model"
    model.mkdir()
    config = _config(fake_ner, tmp_path)
    save_anonymiser_config(load_config(config), model)
    # Decisions routed with the model record the hash its training recorded.
    assert Anonymiser(model / "anonymiser.yaml").config_hash == Anonymiser(config).config_hash
    assert (model / "pii-ner" / "fr" / "config.cfg").is_file()
    assert "fr: pii-ner/fr" in (model / "anonymiser.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)  # loaded from anywhere, it finds its copies
    with Anonymiser(model / "anonymiser.yaml") as anonymiser:
        text = "bonjour c'est zorglub"
        assert "zorglub" not in anonymiser.anonymise(text, "fr").anonymised_text


def test_missing_learned_ner_folder_is_an_error_naming_the_command(tmp_path):
    anonymiser = Anonymiser(_config(tmp_path / "absent", tmp_path))
    with pytest.raises(MissingDependencyError, match="train-pii-ner"):
        _ = anonymiser.analyzer


def test_learned_ner_for_an_unconfigured_language_is_a_config_error(fake_ner, tmp_path):
    with pytest.raises(ConfigError, match="learned_ner names languages"):
        load_config(_config(fake_ner, tmp_path, language="de"))


def _corpus(path, rows):
    with path.open("w", encoding="utf-8") as sink:
        for number, (text, spans, split) in enumerate(rows):
            language = "en" if text.startswith("Hello") else "fr"
            record = {"id": f"r{number}", "language": language, "split": split, "text": text}
            record["spans"] = [
                {"type": kind, "start": text.index(value), "end": text.index(value) + len(value)}
                for kind, value in spans
            ]
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


NAMES = ["Lucie Marchal", "Idriss Benali", "Maëlle Kergoat", "Tomasz Nowak", "Aïcha Diallo"]
STREETS = ["12 rue des Lilas", "3 bis avenue Foch", "27 impasse du Moulin", "8 place Carnot"]


def test_training_fine_tunes_and_saves_a_ner_with_person_and_address_labels(tmp_path):
    rows = [
        (
            f"Bonjour, je suis {NAMES[i % 5]} et j'habite {STREETS[i % 4]}. Merci.",
            [("PERSON", NAMES[i % 5]), ("ADDRESS", STREETS[i % 4])],
            "train",
        )
        for i in range(12)
    ]
    rows.append(("Texte du jeu de test, jamais lu : Odile Vasseur.", [], "test"))
    rows.append(("Hello, I am Lucie Marchal.", [("PERSON", "Lucie Marchal")], "train"))
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, rows)
    report = train_pii_ner([corpus], tmp_path / "ner", splits=["train"], languages=["fr"], epochs=2)
    # the test row and the English row are left out
    assert report.training_requests + report.checkpoint_requests == 12
    assert report.labels == {"PERSON": "PER", "ADDRESS": "ADDRESS"}
    assert len(report.epochs) == 2 and 1 <= report.best_epoch <= 2
    saved = json.loads((tmp_path / "ner" / REPORT_FILE).read_text(encoding="utf-8"))
    assert saved["data_digest"] == report.data_digest
    nlp = spacy.load(tmp_path / "ner")
    assert nlp.component_names == ["ner"]
    assert {"PER", "ADDRESS"} <= set(nlp.get_pipe("ner").labels)
    # The trained folder is what an anonymiser config names: it loads and runs in place.
    with Anonymiser(_config(tmp_path / "ner", tmp_path)) as anonymiser:
        text = "Bonjour, je suis Idriss Benali et j'habite 12 rue des Lilas. Merci."
        redaction = anonymiser.anonymise(text, "fr")
    assert "triage_learned_ner" in anonymiser.analyzer.nlp_engine.nlp["fr"].pipe_names
    assert "12 rue des Lilas" not in redaction.anonymised_text


def test_training_refuses_to_write_into_a_folder_that_is_not_a_learned_ner(tmp_path):
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "notes.txt").write_text("mine", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, [("Je suis Lucie Marchal.", [("PERSON", "Lucie Marchal")], "dev")] * 12)
    with pytest.raises(InputError, match="not an earlier learned NER"):
        train_pii_ner([corpus], tmp_path / "ner")
    assert (tmp_path / "ner" / "notes.txt").is_file()


def test_training_needs_at_least_ten_requests_in_the_chosen_splits(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, [("Je suis Lucie Marchal.", [("PERSON", "Lucie Marchal")], "dev")] * 12)
    with pytest.raises(InputError, match="0 requests"):
        train_pii_ner([corpus], tmp_path / "ner", splits=["nope"])


def test_case_copies_keep_the_spans_on_the_same_characters():
    from triage.anonymise.ner_training import _case_variants
    from triage.evaluation.pii_corpus import GoldSpan, Sample

    text = "Je suis Léa Çelik, 3 rue de l'Église."
    spans = (GoldSpan("PERSON", 8, 17), GoldSpan("ADDRESS", 19, 36))
    samples = [Sample(id=str(n), text=text, language="fr", spans=spans) for n in range(40)]
    copies = _case_variants(samples, share=0.5, seed=0)
    assert 5 < len(copies) < 35
    texts = {copy.text for copy in copies}
    assert texts <= {text.lower(), text.upper(), "je suis lea celik, 3 rue de l'eglise."}
    assert len(texts) == 3
    for copy in copies:
        assert copy.spans == spans and len(copy.text) == len(text)
        assert copy.text[8:17].casefold() in {"léa çelik", "lea celik"}


def test_train_pii_ner_command_logs_scores_but_no_text_to_mlflow(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from triage.cli import app

    mlflow = pytest.importorskip("mlflow")
    store = tmp_path / "mlflow"
    store.mkdir()
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{store / 'mlflow.db'}")
    rows = [
        (f"Bonjour, je suis {NAMES[i % 5]}, au {STREETS[i % 4]}.", [("PERSON", NAMES[i % 5])], "d")
        for i in range(12)
    ]
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, rows)
    out = tmp_path / "ner"
    result = CliRunner().invoke(
        app, ["train-pii-ner", str(corpus), "-o", str(out), "--epochs", "1", "--split", "d"]
    )
    assert result.exit_code == 0, result.output
    assert "NER saved to" in result.output and (out / REPORT_FILE).is_file()
    mlflow.set_tracking_uri(f"sqlite:///{store / 'mlflow.db'}")
    runs = mlflow.search_runs(experiment_names=["triage-pii-ner"], output_format="list")
    assert runs[0].data.params["base_model"] == "fr_core_news_md"
    assert "best_f2" in runs[0].data.metrics
    for path in store.rglob("*"):
        if path.is_file():
            assert b"Marchal" not in path.read_bytes(), path
