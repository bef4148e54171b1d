import triage


def test_public_api_is_the_explicit_list():
    exported = {name for name in dir(triage) if not name.startswith("_")}
    assert set(triage.__all__) - {"__version__"} == exported - {
        "anonymise",
        "records",
        "exceptions",
        "io",
        "cli",
        "evaluation",
        "benchmarks",
    }
    for name in triage.__all__:
        assert hasattr(triage, name), name
