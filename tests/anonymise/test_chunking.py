import pytest

from triage.anonymise.chunking import chunk_bounds


@pytest.mark.parametrize("length", [10, 999, 1000, 1001, 5432, 20000])
def test_chunks_cover_the_text_with_overlap(length):
    text = ("abcd efgh " * (length // 10 + 1))[:length]
    bounds = chunk_bounds(text, 1000, 100)
    assert bounds[0][0] == 0 and bounds[-1][1] == length
    for (start_a, end_a), (start_b, end_b) in zip(bounds, bounds[1:], strict=False):
        assert end_a - start_b >= 100, "consecutive chunks must overlap"
        assert start_b > start_a and end_b > end_a
    assert all(end - start <= 1000 for start, end in bounds)


def test_text_without_spaces_is_still_cut():
    bounds = chunk_bounds("x" * 2500, 1000, 100)
    assert bounds[-1][1] == 2500 and len(bounds) == 3
