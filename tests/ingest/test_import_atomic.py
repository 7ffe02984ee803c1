"""An import is all or nothing: a failure, a cancel or a kill leaves no trace."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap

import pytest

from workstation.domain.progress import Cancelled
from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.services.workspace import Workspace
from workstation.settings import Settings
from workstation.store import tabular_load

TABLES = ("imports", "import_rejects", "entities", "links", "events")


def write_calls(path, rows: int, *, phones: int = 20000, seed: int = 7) -> int:
    """Call records with one bad duration in 1000 rows; return the distinct phones."""
    rng = random.Random(seed)
    numbers = [
        f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" for _ in range(phones)
    ]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("caller,callee,start_time,duration_s,cell_id\r\n")
        out.writelines(
            f"{numbers[i % phones]},{numbers[(i * 7 + 3) % phones]},"
            f"2024-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00,"
            f"{'x' if i % 1000 == 999 else i % 900},41_{10 + i % 3}_{i % 5}\r\n"
            for i in range(rows)
        )
    return len(set(numbers))


def counts(ws) -> dict[str, int]:
    return {
        t: ws.store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
    }


def import_actions(ws) -> int:
    return ws.store.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'import'"
    ).fetchone()[0]


def test_failure_after_entities_rolls_everything_back(
    workspace, case, tmp_path, monkeypatch
):
    path = tmp_path / "calls.csv"
    write_calls(path, 2000, phones=300)
    seen = {}

    def broken_links(loader, import_id):
        seen["entities"] = loader.count(
            "SELECT count(*) FROM entities WHERE case_id = ?", [case.id]
        )
        raise OSError("disk full")

    monkeypatch.setattr(tabular_load._Loader, "insert_links", broken_links)
    with pytest.raises(OSError, match="disk full"):
        import_table(workspace, case.number, path, "call_records")
    assert seen["entities"] == 300  # the entities were in before the failure
    assert counts(workspace) == dict.fromkeys(TABLES, 0)
    assert import_actions(workspace) == 0

    monkeypatch.undo()  # the same file imports fine afterwards
    summary = import_table(workspace, case.number, path, "call_records")
    assert (summary.rows_read, summary.rows_loaded, len(summary.rejected)) == (
        2000,
        1998,
        2,
    )
    assert [r.line for r in summary.rejected] == [1001, 2001]
    assert counts(workspace)["entities"] == 300


def test_cancel_rolls_everything_back(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    write_calls(path, 2000, phones=300)

    class CancelAtLinks:
        def __init__(self):
            self.reached = False

        def is_set(self):
            return self.reached

    token = CancelAtLinks()

    def progress(done, total, message):
        if message == "adding links and events":
            token.reached = True

    with pytest.raises(Cancelled):
        import_table(
            workspace,
            case.number,
            path,
            "call_records",
            progress=progress,
            cancel=token,
        )
    assert counts(workspace) == dict.fromkeys(TABLES, 0)
    assert import_actions(workspace) == 0


KILLED_IMPORT = textwrap.dedent(
    """
    import sys
    from workstation.services.ingest import import_table
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    def progress(done, total, message):
        print(message, flush=True)

    settings = Settings.from_environment(workspace_dir=sys.argv[1], user_name="t")
    with Workspace(settings) as ws:
        import_table(ws, "K-1", sys.argv[2], "call_records", progress=progress)
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_mid_import_leaves_all_or_nothing(tmp_path):
    rows = 300_000
    path = tmp_path / "calls.csv"
    phones = write_calls(path, rows)
    root = tmp_path / "workspace"
    settings = Settings.from_environment(workspace_dir=root, user_name="t")
    with Workspace(settings) as ws:
        create_case(ws, "K-1", "kill test")

    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(root), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        if line.startswith("adding entities"):  # staged and checked, in the transaction
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=120)
    assert child.returncode == -signal.SIGKILL, (seen, child.stderr.read())
    assert "finished" not in seen

    with Workspace(settings) as ws:
        found = counts(ws)
        case_ok = ws.case("K-1")
        imported = import_actions(ws)
    assert case_ok.number == "K-1"
    nothing = dict.fromkeys(TABLES, 0)
    everything = {
        "imports": 1,
        "import_rejects": 300,
        "entities": phones,
        "links": rows - 300,
        "events": 0,
    }
    assert found in (nothing, everything)
    assert imported == found["imports"]
