import inspect

import triage


def test_public_api_is_the_explicit_list():
    public = {
        name
        for name, value in vars(triage).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(triage.__all__) - {"__version__"}
    assert len(triage.__all__) == len(set(triage.__all__))
