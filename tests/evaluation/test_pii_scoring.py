import pytest

from triage.evaluation.pii import score
from triage.evaluation.pii_corpus import GoldSpan, Sample

TEXT = "Marie Curie, 06 12 34 56 78, ACME Corp."
SAMPLE = Sample(
    id="s",
    text=TEXT,
    language="fr",
    spans=(GoldSpan("PERSON", 0, 11), GoldSpan("PHONE_NUMBER", 13, 27), GoldSpan("ORG", 29, 38)),
)


def test_partly_masked_span_is_not_found():
    report = score([SAMPLE], [[("PERSON", 0, 5), ("PHONE_NUMBER", 13, 27)]])
    assert report.per_type["PERSON"].recall == 0.0
    assert report.per_type["PHONE_NUMBER"].recall == 1.0


def test_span_masked_by_a_detection_of_another_type_is_found():
    report = score([SAMPLE], [[("LOCATION", 0, 11)]], scored_types=("PERSON",))
    assert report.per_type["PERSON"].recall == 1.0


def test_detection_on_unscored_gold_is_ignored():
    detections = [("PERSON", 0, 11), ("PERSON", 29, 38)]
    report = score([SAMPLE], [detections], scored_types=("PERSON", "PHONE_NUMBER"))
    assert report.per_type["PERSON"].predicted == 1
    assert report.per_type["PERSON"].precision == 1.0


def test_detection_outside_every_gold_span_is_a_false_positive():
    sample = Sample(
        id="t", text="Marie Curie habite ici", language="fr", spans=(GoldSpan("PERSON", 0, 11),)
    )
    report = score([sample], [[("PERSON", 0, 11), ("PERSON", 12, 18)]])
    assert report.per_type["PERSON"].precision == 0.5


@pytest.mark.parametrize(("precision", "recall", "f2"), [(1.0, 1.0, 1.0), (0.5, 1.0, 0.8333)])
def test_f2_weighs_recall(precision, recall, f2):
    from triage.evaluation.pii import Scores

    scores = Scores(gold=4, found=int(recall * 4), predicted=4, correct=int(precision * 4))
    assert scores.f2 == pytest.approx(f2, abs=1e-3)
