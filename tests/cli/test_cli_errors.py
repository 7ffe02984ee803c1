"""Errors a user can cause print one clear line and exit non-zero."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run_cli(*args, workspace):
    return subprocess.run(
        [sys.executable, "-m", "workstation", "--workspace", str(workspace), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line_error(result, *fragments):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_help_lists_the_commands():
    result = subprocess.run(
        [sys.executable, "-m", "workstation", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    for command in ("demo", "import", "verify", "faces", "graph", "report", "evidence"):
        assert command in result.stdout


@pytest.fixture
def cli_case(tmp_path):
    workspace = tmp_path / "ws"
    created = run_cli("case", "create", "C-1", "测试案件", workspace=workspace)
    assert created.returncode == 0, created.stderr
    return workspace


def test_unknown_case(cli_case):
    result = run_cli("evidence", "add", "NOPE", __file__, workspace=cli_case)
    assert_one_line_error(result, "NOPE", "C-1")


def test_missing_evidence_file(cli_case, tmp_path):
    missing = tmp_path / "missing.jpg"
    result = run_cli("evidence", "add", "C-1", str(missing), workspace=cli_case)
    assert_one_line_error(result, "missing.jpg")


def test_missing_import_file(cli_case, tmp_path):
    missing = tmp_path / "calls.csv"
    result = run_cli(
        "import", "C-1", str(missing), "--spec", "call_records", workspace=cli_case
    )
    assert_one_line_error(result, "calls.csv")


def test_import_with_wrong_column(cli_case, tmp_path):
    calls = tmp_path / "calls.csv"
    calls.write_text("from,to,when\n138,139,2026-01-01 10:00:00\n", encoding="utf-8")
    result = run_cli(
        "import", "C-1", str(calls), "--spec", "call_records", workspace=cli_case
    )
    assert_one_line_error(result, "caller")


def test_duplicate_case(cli_case):
    result = run_cli("case", "create", "C-1", "again", workspace=cli_case)
    assert_one_line_error(result, "C-1", "already exists")


def test_verify_clean_vault(cli_case, shared_data):
    photo = shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg"
    added = run_cli("evidence", "add", "C-1", str(photo), workspace=cli_case)
    assert added.returncode == 0, added.stderr
    result = run_cli("verify", workspace=cli_case)
    assert result.returncode == 0
    assert "1 files, every hash matches" in result.stdout


def test_audit_verify_names_the_tampered_entry(cli_case):
    import duckdb

    ok = run_cli("audit", "verify", workspace=cli_case)
    assert ok.returncode == 0 and "intact" in ok.stdout
    conn = duckdb.connect(str(cli_case / "workspace.duckdb"))
    conn.execute("UPDATE audit_log SET user_name = 'someone else' WHERE seq = 1")
    conn.close()
    broken = run_cli("audit", "verify", workspace=cli_case)
    assert broken.returncode == 2
    assert "entry 1" in broken.stdout
