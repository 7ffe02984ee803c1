"""Running work in a child process and killing it with SIGKILL at a chosen line."""

from __future__ import annotations

import os
import signal
import subprocess


def run_child(command: list[str], *, kill_at: str | None = None) -> list[str]:
    """Run ``command``; SIGKILL it when a line of its output starts with ``kill_at``.

    Returns:
        The lines it printed, up to the one that triggered the kill.

    Raises:
        AssertionError: Killed: it ended before the line, or by itself. Not
            killed: it failed, or did not print "finished" last.
    """
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        if kill_at and line.startswith(kill_at):
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=300)
    if kill_at is None:
        assert child.returncode == 0, (seen, child.stderr.read())
        assert seen[-1] == "finished", seen
    else:
        assert child.returncode == -signal.SIGKILL, (seen, child.stderr.read())
        assert "finished" not in seen
    return seen
