"""Output piped into a reader that has gone (``| head``) ends the command quietly."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from test_cli_errors import run_cli

# the module, not the ``main`` function that ``workstation.cli`` re-exports
cli_main = importlib.import_module("workstation.cli.main")


def run_into_closed_pipe(*args: str, buffered: bool) -> subprocess.CompletedProcess:
    """Run the CLI with its standard output a pipe nobody reads any more.

    Buffered, the closed pipe shows when the output is flushed; unbuffered
    (``PYTHONUNBUFFERED``), at the first line printed.
    """
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "workstation", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
            env=env,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
def test_a_closed_pipe_ends_the_command_quietly(buffered):
    result = run_into_closed_pipe("enhance", "presets", buffered=buffered)

    assert result.returncode == cli_main.EXIT_BROKEN_PIPE
    assert result.stderr == ""


def test_help_into_a_closed_pipe_is_quiet():
    result = run_into_closed_pipe("--help", buffered=True)

    assert result.returncode in (0, cli_main.EXIT_BROKEN_PIPE)
    assert result.stderr == ""


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
def test_a_workspace_command_into_a_closed_pipe_is_quiet(tmp_path, buffered):
    workspace = tmp_path / "ws"
    created = run_cli("case", "create", "C-1", "管道测试", workspace=workspace)
    assert created.returncode == 0, created.stderr

    result = run_into_closed_pipe(
        "--workspace", str(workspace), "audit", "show", buffered=buffered
    )

    assert result.returncode == cli_main.EXIT_BROKEN_PIPE
    assert result.stderr == ""


def test_a_broken_pipe_is_no_internal_error(monkeypatch, capsys):
    """A command that meets the closed pipe mid-way is not reported as a bug."""
    from workstation.cli import enhance_commands

    discarded = []

    def closed_pipe(args) -> int:
        print("Presets:")
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(enhance_commands, "cmd_presets", closed_pipe)
    monkeypatch.setattr(cli_main, "_discard_stdout", lambda: discarded.append(True))

    code = cli_main.main(["enhance", "presets"])

    assert code == cli_main.EXIT_BROKEN_PIPE
    assert discarded == [True]
    assert capsys.readouterr().err == ""
