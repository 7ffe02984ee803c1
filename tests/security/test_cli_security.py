"""The command line: first administrator, logins, role checks and encryption."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ADMIN_PASSWORD = "chief-of-unit-2026"
ANALYST_PASSWORD = "analyst-wu-2026"
PASSPHRASE = "three cats crossed the bridge at night"
NEW_PASSPHRASE = "four dogs swam the river at dawn"


def cli(workspace, *args, user=None, password=None, stdin=None, env=None):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("WORKSTATION_PASSWORD", "WORKSTATION_USER")
    }
    if password is not None:
        environment["WORKSTATION_PASSWORD"] = password
    environment.update(env or {})
    command = [sys.executable, "-m", "workstation", "--workspace", str(workspace)]
    if user:
        command += ["--user", user]
    return subprocess.run(
        [*command, *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )


def one_line_error(result, *fragments) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow
def test_accounts_logins_and_roles_on_the_command_line(tmp_path):
    ws = tmp_path / "ws"
    out = ok(
        cli(
            ws,
            "user",
            "init",
            "--password-stdin",
            user="chief",
            stdin=ADMIN_PASSWORD + "\n",
        )
    )
    assert "Created administrator chief" in out

    # a workspace with accounts wants a password; without a terminal it says how
    one_line_error(cli(ws, "case", "list", user="chief"), "WORKSTATION_PASSWORD")
    admin = {"user": "chief", "password": ADMIN_PASSWORD}
    ok(
        cli(
            ws,
            "user",
            "add",
            "wu",
            "--role",
            "analyst",
            "--password-stdin",
            stdin=ANALYST_PASSWORD + "\n",
            **admin,
        )
    )
    one_line_error(
        cli(ws, "user", "list", user="wu", password="not-the-password"),
        "Wrong user name or password",
    )
    one_line_error(
        cli(ws, "user", "list", user="wu", password=ANALYST_PASSWORD),
        "wu (analyst) may not manage user accounts",
    )
    shown = ok(cli(ws, "audit", "show", "--last", "50", **admin))
    for action in ("user.init", "user.add", "login.failed", "access.denied"):
        assert action in shown


@pytest.mark.slow
def test_encrypting_on_the_command_line(tmp_path):
    ws = tmp_path / "ws"
    env = {"CASE_PASSPHRASE": PASSPHRASE}
    ok(cli(ws, "case", "create", "C-7", "加密案件"))
    out = ok(
        cli(ws, "--passphrase-env", "CASE_PASSPHRASE", "workspace", "encrypt", env=env)
    )
    assert "Encrypted workspace" in out and "encrypted disk" in out
    assert "加密案件".encode() not in (ws / "workspace.duckdb").read_bytes()

    one_line_error(cli(ws, "case", "list"), "--passphrase-env")
    one_line_error(
        cli(
            ws,
            "--passphrase-env",
            "CASE_PASSPHRASE",
            "case",
            "list",
            env={"CASE_PASSPHRASE": PASSPHRASE.upper()},
        ),
        "Wrong passphrase",
    )
    listed = ok(cli(ws, "--passphrase-env", "CASE_PASSPHRASE", "case", "list", env=env))
    assert "加密案件" in listed

    # the passphrase changes; the wrong current one is refused in one line
    rekey = ["--passphrase-env", "CASE_PASSPHRASE", "workspace", "rekey"]
    env["NEW_PASSPHRASE"] = NEW_PASSPHRASE
    wrong = {**env, "CASE_PASSPHRASE": NEW_PASSPHRASE}
    new = ["--new-passphrase-env", "NEW_PASSPHRASE"]
    one_line_error(cli(ws, *rekey, *new, env=wrong), "Wrong passphrase")
    one_line_error(
        cli(ws, *rekey, "--new-passphrase-env", "UNSET_X", env=env), "UNSET_X"
    )
    out = ok(cli(ws, *rekey, *new, env=env))
    assert "Changed the passphrase" in out and "Only the new passphrase" in out
    one_line_error(
        cli(ws, "--passphrase-env", "CASE_PASSPHRASE", "case", "list", env=env),
        "Wrong passphrase",
    )
    listed = ok(cli(ws, "--passphrase-env", "NEW_PASSPHRASE", "case", "list", env=env))
    assert "加密案件" in listed
    shown = ok(cli(ws, "--passphrase-env", "NEW_PASSPHRASE", "audit", "show", env=env))
    assert "workspace.encrypt" in shown and "workspace.rekey" in shown


@pytest.mark.slow
def test_audit_verify_on_the_command_line_names_what_was_removed(tmp_path):
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    ws = tmp_path / "ws"
    for number in ("A-1", "A-2", "A-3"):
        ok(cli(ws, "case", "create", number, "审计"))
    out = ok(cli(ws, "audit", "verify"))
    assert "Audit trail intact: 3 entries" in out
    expect = out.strip().splitlines()[-1].split("--expect ")[1]
    assert expect.startswith("3:") and len(expect) == 66

    settings = Settings.from_environment(workspace_dir=ws, user_name="t")
    with Workspace(settings) as opened:  # the newest entry removed
        opened.store.execute("DELETE FROM audit_log WHERE seq = 3")
    result = cli(ws, "audit", "verify", "--expect", expect)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Audit trail truncated: it ends at entry 2, but its")
    assert "at least 1 entry at the end is missing" in lines[0]
    assert lines[1].startswith("Audit trail truncated: it ends at entry 2, but entry 3")

    with Workspace(settings) as opened:  # and an older one edited
        opened.store.execute("UPDATE audit_log SET object = 'B-9' WHERE seq = 1")
    result = cli(ws, "audit", "verify")
    assert result.returncode == 2
    assert result.stdout.startswith("Audit trail broken at entry 1: content changed")
    one_line_error(cli(ws, "audit", "verify", "--expect", "3:abc"), "SEQ:HASH")


def test_passphrase_variable_that_is_not_set_is_named(monkeypatch):
    from argparse import Namespace

    from workstation.cli.credentials import passphrase_from_args
    from workstation.security.errors import WrongPassphraseError

    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    with pytest.raises(WrongPassphraseError, match="NOT_SET_ANYWHERE"):
        passphrase_from_args(Namespace(passphrase_env="NOT_SET_ANYWHERE"))
    monkeypatch.setenv("NOT_SET_ANYWHERE", PASSPHRASE)
    assert passphrase_from_args(Namespace(passphrase_env="NOT_SET_ANYWHERE")) == (
        PASSPHRASE
    )
