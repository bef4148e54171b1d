import pytest

from triage.exceptions import ConfigError
from triage.serve import Limits

from .conftest import make_service

SMALL = Limits(max_body_bytes=2_000, max_batch=3, max_text_chars=200, rate_per_minute=5)


@pytest.fixture(scope="module")
def limited(model_folder, anonymiser, tmp_path_factory):
    return make_service(model_folder, anonymiser, tmp_path_factory.mktemp("limited"), SMALL)


def _decisions(service) -> int:
    return sum(1 for _ in service.triage.audit.records(kind="decision"))


@pytest.mark.parametrize(
    ("path", "body", "status", "error", "field"),
    [
        ("/v1/triage", {"text": "x" * 201}, 422, "text_too_long", "text"),
        ("/v1/triage", {"text": "é" * 1_500}, 413, "body_too_large", "body"),
        (
            "/v1/triage/batch",
            {"requests": [{"text": "bonjour"}] * 4},
            413,
            "batch_too_large",
            "requests",
        ),
        (
            "/v1/triage/batch",
            {"requests": [{"text": "bonjour"}, {"text": "y" * 201}]},
            422,
            "text_too_long",
            "requests[1].text",
        ),
        ("/v1/triage", {"text": ""}, 422, "invalid_request", "text"),
        ("/v1/triage", {"text": "a", "language": "de"}, 422, "unknown_language", "language"),
        ("/v1/triage", {"text": "a", "colour": "red"}, 422, "invalid_request", "colour"),
        ("/v1/triage", b'{"text": "bad \\ud800 text"}', 422, "invalid_request", "text"),
    ],
    ids=["text", "body", "batch", "batch-text", "empty", "language", "extra", "surrogate"],
)
def test_each_exceeded_limit_is_a_4xx_naming_the_field_and_audits_nothing(
    limited, path, body, status, error, field
):
    # each case has its own key, so the rate limit plays no part
    token = limited.keys.create(name="limits", role="agent")[1]
    before = _decisions(limited)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if isinstance(body, bytes):  # a lone surrogate escaped in JSON: httpx cannot encode it
        answer = limited.client.post(path, content=body, headers=headers)
    else:
        answer = limited.client.post(path, json=body, headers=headers)
    assert answer.status_code == status
    assert answer.json()["error"] == error
    assert answer.json()["field"] == field
    assert field.split("[")[0].split(".")[0] in answer.json()["message"]
    assert _decisions(limited) == before


def test_a_chunked_body_over_the_limit_is_413_before_parsing(limited):
    def chunks():
        for _ in range(5):
            yield b"x" * 1_000

    answer = limited.client.post("/v1/triage", content=chunks(), headers=limited.headers("agent"))
    assert answer.status_code == 413
    assert answer.json()["error"] == "body_too_large"


def test_invalid_json_is_422_not_500(limited):
    answer = limited.client.post(
        "/v1/triage",
        content=b'{"text": ',
        headers=limited.headers("dpo") | {"Content-Type": "application/json"},
    )
    assert answer.status_code == 422


def test_the_rate_limit_is_per_key_and_says_when_to_retry(limited):
    first, second = (limited.keys.create(name=n, role="agent")[1] for n in ("one", "two"))
    codes = [
        limited.client.get("/v1/decisions/x", headers={"X-API-Key": first}).status_code
        for _ in range(SMALL.rate_per_minute + 1)
    ]
    assert codes == [404] * SMALL.rate_per_minute + [429]
    refused = limited.client.get("/v1/decisions/x", headers={"X-API-Key": first})
    assert refused.json()["error"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) >= 1
    assert limited.client.get("/v1/decisions/x", headers={"X-API-Key": second}).status_code == 404


@pytest.mark.parametrize(
    "options",
    [{"max_batch": 0}, {"max_text_chars": -1}, {"max_body_bytes": 0}, {"rate_per_minute": 0}],
)
def test_a_limit_below_one_is_a_config_error(options):
    with pytest.raises(ConfigError):
        Limits(**options)
