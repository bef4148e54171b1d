"""Schemathesis fuzzes every operation of the OpenAPI document: no answer may be a 500."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from .conftest import make_service


@pytest.fixture(scope="module")
def fuzzed(model_folder, anonymiser, tmp_path_factory):
    return make_service(model_folder, anonymiser, tmp_path_factory.mktemp("fuzzed"))


def _role(path: str) -> str:
    if path.startswith("/v1/keys"):
        return "admin"
    if path.startswith(("/v1/reports", "/v1/audit")) or path.endswith("/explanation"):
        return "dpo"
    return "agent"


def _fuzz(operation, mode: GenerationMode, headers: dict[str, str]) -> bool:
    """Send generated requests; False when no request can be generated (nothing to break)."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])

    try:
        run()
    except Unsatisfiable:
        # negative mode on an operation without parameters or body: no invalid request exists
        assert mode == GenerationMode.NEGATIVE
        return False
    return True


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_answers_a_server_error(fuzzed, mode):
    # Loaded in the test (not with schema.parametrize): the app needs the session's model.
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.client.app)
    fuzzed_labels = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if _fuzz(operation, mode, fuzzed.headers(_role(operation.path))):
            fuzzed_labels.append(operation.label)
    assert {"POST /v1/triage", "POST /v1/triage/batch", "POST /v1/keys"} <= set(fuzzed_labels)
    # every operation gets valid requests; all but those without any input get invalid ones too
    assert len(fuzzed_labels) == 12 if mode == GenerationMode.POSITIVE else len(fuzzed_labels) >= 9
