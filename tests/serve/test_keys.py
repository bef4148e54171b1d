import re

import pytest
from typer.testing import CliRunner

from triage.cli import app
from triage.exceptions import InputError
from triage.serve import KeyStore


def test_keys_are_stored_hashed_never_raw(tmp_path):
    store = KeyStore(tmp_path / "keys.db")
    key, token = store.create(name="desk 1", role="agent")
    raw = (tmp_path / "keys.db").read_bytes()
    secret = token.rsplit("_", 1)[-1]
    assert token.encode() not in raw and secret.encode() not in raw
    assert key.id.encode() in raw
    assert store.authenticate(token) == key


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: t.replace("trk_", "xyz_"),
        lambda t: "trk_ffffffffffff_" + t.rsplit("_", 1)[-1],
        lambda t: "",
        lambda t: t + "_",
    ],
    ids=["last-char", "prefix", "other-id", "empty", "suffix"],
)
def test_a_wrong_key_does_not_authenticate(tmp_path, mangle):
    store = KeyStore(tmp_path / "keys.db")
    _, token = store.create(name="desk 1", role="dpo")
    assert store.authenticate(mangle(token)) is None


def test_a_revoked_key_no_longer_authenticates_and_stays_listed(tmp_path):
    store = KeyStore(tmp_path / "keys.db")
    key, token = store.create(name="old", role="admin")
    store.revoke(key.id)
    assert store.authenticate(token) is None
    assert store.list()[0].revoked_at is not None


@pytest.mark.parametrize(("name", "role"), [("x", "root"), ("  ", "agent")])
def test_a_key_needs_a_known_role_and_a_name(tmp_path, name, role):
    with pytest.raises(InputError):
        KeyStore(tmp_path / "keys.db").create(name=name, role=role)


def test_cli_creates_lists_and_revokes_keys(tmp_path):
    runner, db = CliRunner(), str(tmp_path / "keys.db")
    created = runner.invoke(
        app, ["keys", "create", "--role", "dpo", "--name", "dpo office", "--keys", db]
    )
    assert created.exit_code == 0, created.output
    token = re.search(r"trk_[0-9a-f]{12}_\S+", created.output).group(0)
    key = KeyStore(db).authenticate(token)
    assert key is not None and key.role == "dpo"
    listed = runner.invoke(app, ["keys", "list", "--keys", db])
    assert key.id in listed.output and token not in listed.output
    revoked = runner.invoke(app, ["keys", "revoke", key.id, "--keys", db])
    assert revoked.exit_code == 0
    assert KeyStore(db).authenticate(token) is None
    assert runner.invoke(app, ["keys", "revoke", "nope", "--keys", db]).exit_code == 2
    assert (
        runner.invoke(
            app, ["keys", "create", "--role", "root", "--name", "x", "--keys", db]
        ).exit_code
        == 2
    )
