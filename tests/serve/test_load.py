from triage.serve.load import bench_serve


def test_a_short_load_test_answers_every_request_and_audits_each_once(model_folder, anonymiser):
    result = bench_serve(model_folder, seconds=4, clients=3, anonymiser=anonymiser)
    figures = result.to_dict()
    assert figures["errors"] == {}
    assert figures["accepted"] >= 10
    assert figures["audit_decisions"] == figures["accepted"]
    assert figures["audit_matches"]
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
    assert figures["requests_per_second"] > 0
