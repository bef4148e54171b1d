import pytest

TEXT = (
    "Bonjour, la collecte des déchets n'est pas passée : la poubelle et le bac de tri devant "
    "chez moi débordent depuis deux semaines. "
    "Merci, Ysolde Quernadec, 06 58 21 47 93"
)


@pytest.fixture(scope="module")
def decision_id(service) -> str:
    answer = service.client.post(
        "/v1/triage", json={"text": TEXT}, headers=service.headers("agent")
    )
    assert answer.status_code == 200
    return answer.json()["decision_id"]


def _call(service, method: str, path: str, decision_id: str, headers: dict):
    path = path.format(id=decision_id)
    bodies = {
        "/v1/triage": {"text": TEXT},
        "/v1/triage/batch": {"requests": [{"text": TEXT}]},
        f"/v1/decisions/{decision_id}/review": {"department": "voirie"},
        "/v1/keys": {"name": "someone", "role": "agent"},
    }
    return service.client.request(method, path, json=bodies.get(path), headers=headers)


ENDPOINTS = [
    ("POST", "/v1/triage", {"agent"}),
    ("POST", "/v1/triage/batch", {"agent"}),
    ("GET", "/v1/decisions/{id}", {"agent"}),
    ("POST", "/v1/decisions/{id}/review", {"agent"}),
    ("GET", "/v1/decisions/{id}/explanation", {"dpo"}),
    ("GET", "/v1/reports/transparency", {"dpo"}),
    ("GET", "/v1/audit/verify", {"dpo"}),
    ("POST", "/v1/audit/verify", {"dpo"}),
    ("GET", "/v1/keys", {"admin"}),
    ("POST", "/v1/keys", {"admin"}),
]


@pytest.mark.parametrize(("method", "path", "allowed"), ENDPOINTS)
@pytest.mark.parametrize("role", ["agent", "dpo", "admin"])
def test_each_role_reaches_only_its_endpoints(service, decision_id, method, path, allowed, role):
    answer = _call(service, method, path, decision_id, service.headers(role))
    assert (
        answer.status_code == (201 if method == "POST" and path == "/v1/keys" else 200)
        if role in allowed
        else 403
    )
    if role not in allowed:
        assert answer.json()["error"] == "forbidden"


@pytest.mark.parametrize(("method", "path", "allowed"), ENDPOINTS)
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer trk_000000000000_wrong"}, {"X-API-Key": "not-a-key"}],
    ids=["missing", "wrong-bearer", "wrong-header"],
)
def test_a_missing_or_wrong_key_is_401(service, decision_id, method, path, allowed, headers):
    answer = _call(service, method, path, decision_id, headers)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert answer.json()["error"] == "unauthorized"


def test_the_x_api_key_header_works_like_bearer(service, decision_id):
    answer = service.client.get(
        f"/v1/decisions/{decision_id}", headers={"X-API-Key": service.tokens["agent"]}
    )
    assert answer.status_code == 200


def test_health_needs_no_key_and_openapi_lists_every_endpoint(service):
    assert service.client.get("/healthz").json()["status"] == "ok"
    paths = service.client.get("/openapi.json").json()["paths"]
    for _, path, _ in ENDPOINTS:
        assert path.replace("{id}", "{decision_id}") in paths


def test_a_decision_is_anonymised_and_read_back_as_decided(service):
    answer = service.client.post(
        "/v1/triage",
        json={"text": TEXT, "id": "req-1", "channel": "web", "received_at": "2025-01-02T10:00:00Z"},
        headers=service.headers("agent"),
    ).json()
    assert answer["department"] == "dechets_proprete"
    assert "Quernadec" not in answer["anonymised_text"] and "06 58" not in answer["anonymised_text"]
    stored = service.client.get(
        f"/v1/decisions/{answer['decision_id']}", headers=service.headers("agent")
    ).json()
    assert stored["id"] == "req-1"
    assert stored["department"] == answer["department"]
    record = service.triage.audit.decision(answer["decision_id"])
    assert record.payload["channel"] == "web"
    assert "Quernadec" not in str(record.payload)


def test_a_batch_keeps_the_order_and_audits_each_request_once(service):
    texts = [TEXT, "Je voudrais un acte de naissance pour mon fils.", "   "]
    before = sum(1 for _ in service.triage.audit.records(kind="decision"))
    answer = service.client.post(
        "/v1/triage/batch",
        json={"requests": [{"text": t, "id": f"b{i}"} for i, t in enumerate(texts)]},
        headers=service.headers("agent"),
    )
    decisions = answer.json()["decisions"]
    assert [d["id"] for d in decisions] == ["b0", "b1", "b2"]
    assert decisions[2]["queue"] == "human_review"
    after = sum(1 for _ in service.triage.audit.records(kind="decision"))
    assert after - before == 3
    for d in decisions:
        assert service.triage.audit.decision(d["decision_id"]) is not None


def test_a_review_is_recorded_with_the_key_as_reviewer(service, decision_id):
    agent = service.keys.authenticate(service.tokens["agent"])
    answer = service.client.post(
        f"/v1/decisions/{decision_id}/review",
        json={"department": "voirie", "reason": "trottoir"},
        headers=service.headers("agent"),
    )
    assert answer.status_code == 200
    assert answer.json()["outcome"] == "overridden"
    assert answer.json()["reviewer"] == agent.id
    last = service.triage.audit.history(decision_id)[-1]
    assert last.kind == "review"
    assert last.payload["department"] == "voirie" and last.payload["reviewer"] == agent.id
    stored = service.client.get(f"/v1/decisions/{decision_id}", headers=service.headers("agent"))
    assert stored.json()["reviews"][-1]["department"] == "voirie"
    assert service.client.post("/v1/audit/verify", headers=service.headers("dpo")).json()["ok"]


def test_a_review_to_an_unknown_department_is_422_and_not_recorded(service, decision_id):
    events = len(service.triage.audit.history(decision_id))
    answer = service.client.post(
        f"/v1/decisions/{decision_id}/review",
        json={"department": "nowhere"},
        headers=service.headers("agent"),
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "department"
    assert len(service.triage.audit.history(decision_id)) == events


@pytest.mark.parametrize(
    ("method", "path", "role", "body"),
    [
        ("GET", "/v1/decisions/nope", "agent", None),
        ("GET", "/v1/decisions/nope/explanation", "dpo", None),
        ("POST", "/v1/decisions/nope/review", "agent", {"department": "voirie"}),
        ("DELETE", "/v1/keys/nope", "admin", None),
    ],
)
def test_an_unknown_id_is_404(service, method, path, role, body):
    answer = service.client.request(method, path, json=body, headers=service.headers(role))
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"


def test_an_old_decision_is_explained_once_and_the_explanation_audited(service):
    decision_id = service.client.post(
        "/v1/triage", json={"text": TEXT}, headers=service.headers("agent")
    ).json()["decision_id"]
    first = service.client.get(
        f"/v1/decisions/{decision_id}/explanation", headers=service.headers("dpo")
    ).json()
    assert first["source"] == "computed"
    assert any("poubelle" in word for word, *_ in first["explanation"]["words"])
    kinds = [r.kind for r in service.triage.audit.history(decision_id)]
    assert kinds == ["decision", "explanation"]
    again = service.client.get(
        f"/v1/decisions/{decision_id}/explanation", headers=service.headers("dpo")
    ).json()
    assert again["source"] == "trail"
    assert again["explanation"] == first["explanation"]
    assert [r.kind for r in service.triage.audit.history(decision_id)] == kinds


def test_the_transparency_report_is_html_for_a_period(service, decision_id):
    answer = service.client.get(
        "/v1/reports/transparency",
        params={"from": "2020-01-01", "to": "2100-01-01", "language": "en"},
        headers=service.headers("dpo"),
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "<html" in answer.text.lower()
    backwards = service.client.get(
        "/v1/reports/transparency",
        params={"from": "2024-02-01", "to": "2024-01-01"},
        headers=service.headers("dpo"),
    )
    assert backwards.status_code == 422


def test_admin_creates_lists_and_revokes_keys_and_a_revoked_key_is_401(service):
    admin = service.headers("admin")
    created = service.client.post(
        "/v1/keys", json={"name": "desk 4", "role": "agent"}, headers=admin
    )
    assert created.status_code == 201
    new = created.json()
    bearer = {"Authorization": f"Bearer {new['key']}"}
    assert service.client.get("/v1/decisions/nope", headers=bearer).status_code == 404
    listed = service.client.get("/v1/keys", headers=admin).json()
    assert {k["id"] for k in listed} >= {new["id"]}
    assert all("key" not in k and "hash" not in k for k in listed)
    revoked = service.client.delete(f"/v1/keys/{new['id']}", headers=admin)
    assert revoked.json()["revoked_at"] is not None
    assert service.client.get("/v1/decisions/nope", headers=bearer).status_code == 401


@pytest.mark.parametrize(
    "params",
    [{"from": "0001-01-01", "to": "9999-12-31"}, {"to": "9999-12-31"}, {"from": "9999-12-31"}],
)
def test_extreme_report_dates_are_not_a_server_error(service, params):
    answer = service.client.get(
        "/v1/reports/transparency", params=params, headers=service.headers("dpo")
    )
    assert answer.status_code in (200, 422)
