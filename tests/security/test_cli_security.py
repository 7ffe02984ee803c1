"""The command line: first administrator, logins, role checks and encryption."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ADMIN_PASSWORD = "chief-of-unit-2026"
ANALYST_PASSWORD = "analyst-wu-2026"
PASSPHRASE = "three cats crossed the bridge at night"


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
