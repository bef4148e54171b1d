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


def test_the_bench_serve_command_prints_throughput_latency_and_the_audit_check(model_folder):
    from typer.testing import CliRunner

    from triage.cli import app

    result = CliRunner().invoke(
        app, ["bench", "serve", "--seconds", "2", "--clients", "2", "--model", str(model_folder)]
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())  # rich wraps lines
    for figure in ("req/s", "errors 0", "p50", "p95", "p99", "one per accepted request"):
        assert figure in output
