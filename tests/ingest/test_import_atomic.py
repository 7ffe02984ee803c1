"""An import is all or nothing: a failure or a cancel leaves no trace.

A kill (SIGKILL) at several points of a large import is tested in
``tests/reliability/test_import_kill.py``.
"""

from __future__ import annotations

import pytest

from call_records import write_calls
from workstation.domain.progress import Cancelled
from workstation.services.ingest import import_table
from workstation.store import tabular_load

TABLES = ("imports", "import_rejects", "entities", "links", "events")


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
