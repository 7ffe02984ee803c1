"""`workstation warn`: an export that cannot happen fails before anything is shown."""

from __future__ import annotations

import json

import pytest

from fraud_warning_case import CASE, build_case
from workstation.cli.main import main

WINDOW = ["--from", "2026-10-01", "--to", "2026-10-14"]


@pytest.fixture
def warn_case(workspace, tmp_path):
    """The generated fraud-warning case, its workspace closed for the CLI."""
    build_case(workspace, tmp_path)
    folder = workspace.root
    workspace.close()
    return folder


def one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""  # no dispatch list was worked out and printed
    (line,) = captured.err.splitlines()
    assert line.startswith("error: ")
    return line


def last_audit_action(folder) -> str:
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    with Workspace(Settings.from_environment(workspace_dir=folder)) as ws:
        action, details = ws.store.execute(
            "SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    return f"{action} {json.loads(details)}"


@pytest.mark.parametrize("option", ["--pdf", "--csv"])
def test_a_missing_folder_is_refused_first(warn_case, tmp_path, capsys, option):
    target = tmp_path / "no" / "such" / f"dispatch{option.replace('--', '.')}"
    args = ["--workspace", str(warn_case), "warn", CASE, *WINDOW, option, str(target)]

    assert main(args) == 1

    line = one_error_line(capsys)
    assert f"Folder {target.parent} does not exist" in line
    assert "warning.run" not in last_audit_action(warn_case)


@pytest.mark.parametrize(
    ("option", "name", "suffix"),
    [("--pdf", "dispatch.txt", ".pdf"), ("--csv", "dispatch", ".csv")],
)
def test_a_wrong_suffix_is_refused_first(
    warn_case, tmp_path, capsys, option, name, suffix
):
    target = tmp_path / name
    args = ["--workspace", str(warn_case), "warn", CASE, *WINDOW, option, str(target)]

    assert main(args) == 1

    line = one_error_line(capsys)
    assert f"{option} {target}" in line and f"ending in {suffix}" in line
    assert not target.exists()


def test_a_user_who_may_not_export_is_refused_first(
    warn_case, tmp_path, capsys, monkeypatch
):
    from workstation.security import passwords
    from workstation.security.passwords import ScryptCost
    from workstation.services.users import add_user, init_users
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    monkeypatch.setattr(passwords, "PASSWORD_COST", ScryptCost(n=2**12, r=8, p=1))
    with Workspace(Settings.from_environment(workspace_dir=warn_case)) as ws:
        init_users(ws, "admin", "admin-password-1")
        add_user(ws, "ana", "analyst", "analyst-password-1")
    monkeypatch.setenv("WORKSTATION_PASSWORD", "analyst-password-1")
    target = tmp_path / "dispatch.csv"
    base = ["--workspace", str(warn_case), "--user", "ana", "warn", CASE, *WINDOW]

    assert main([*base, "--csv", str(target)]) == 1

    assert "may not export" in one_error_line(capsys)
    assert not target.exists()
    assert last_audit_action(warn_case).startswith("access.denied")

    # without an export the same user still sees the list
    assert main(base) == 0
    assert "watched numbers reached" in capsys.readouterr().out
