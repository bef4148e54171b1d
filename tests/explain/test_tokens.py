import pytest

from triage.explain.tokens import WordTokenizer, keep_words, word_spans


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Je suis <PERSON_1>, rue <ADDRESS_12>.",
            ["Je", "suis", "<PERSON_1>", "rue", "<ADDRESS_12>"],
        ),
        ("l'école d’été", ["l'école", "d’été"]),
        ("nid-de-poule !!", ["nid", "de", "poule"]),
        ("...", []),
        ("", []),
    ],
)
def test_words_keep_placeholders_whole(text, words):
    assert [text[a:b] for a, b in word_spans(text)] == words


def test_tokenizer_gives_the_mask_token_one_id_and_the_empty_string_none():
    tokenizer = WordTokenizer()
    assert tokenizer("...")["input_ids"] == ["..."]
    assert tokenizer("")["input_ids"] == []
    out = tokenizer("« Bonjour <PERSON_1> ! »")
    assert out["input_ids"] == ["Bonjour", "<PERSON_1>"]
    assert out["offset_mapping"] == [(0, 9), (10, 24)]  # nothing of the text is left out


def test_keep_words_deletes_only_the_words_not_kept():
    text = "Le lampadaire de <ADDRESS_1> est cassé."
    spans = word_spans(text)
    keep = [w not in ("lampadaire", "<ADDRESS_1>") for w in (text[a:b] for a, b in spans)]
    assert keep_words(text, spans, keep) == "Le de est cassé."
    assert keep_words(text, spans, [not k for k in keep]) == "lampadaire <ADDRESS_1> ."
