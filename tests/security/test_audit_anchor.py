"""The audit anchor: entries removed from the end of the trail are noticed.

The hash chain alone cannot see that its newest entries were deleted; the
anchor file beside the database, and a head written down outside the
workstation, can.
"""

from __future__ import annotations

import json

import pytest
from account_data import log_in

from workstation.domain.errors import WorkstationError
from workstation.security.audit_anchor import AnchorState, read_anchor
from workstation.security.audit_chain import entry_hash
from workstation.security.errors import AccessDeniedError
from workstation.services.audit import (
    audit_head,
    entry_head,
    reset_anchor,
    verify_audit,
)
from workstation.services.workspace import Workspace
from workstation.store.audit_log import anchor_path, read_audit


def _log(ws, n: int) -> None:
    for i in range(n):
        ws.audit("test", f"item-{i}", {"i": i})


def _anchor(ws):
    return read_anchor(anchor_path(ws.store))


def _truncate(ws, keep: int) -> None:
    ws.store.execute("DELETE FROM audit_log WHERE seq > ?", [keep])


def test_every_committed_entry_moves_the_anchor(workspace):
    path = anchor_path(workspace.store)
    assert path.name == "workspace.duckdb.audit-head.json"
    assert not path.exists()  # an empty log has nothing to anchor
    _log(workspace, 5)
    assert _anchor(workspace) == audit_head(workspace)
    assert _anchor(workspace).seq == 5
    assert (
        json.loads(path.read_text("utf-8"))["hash"]
        == read_audit(workspace.store)[-1].hash
    )

    check = verify_audit(workspace)
    assert check.intact and check.anchor.state == AnchorState.MATCHES
    assert check.head.reference == f"5:{check.head.hash}"


def test_any_entry_can_be_written_down_and_expected(workspace):
    _log(workspace, 4)
    second = entry_head(workspace, 2)
    assert second.seq == 2 and second.hash == read_audit(workspace.store)[1].hash
    assert entry_head(workspace, 9) is None
    check = verify_audit(workspace, expect=second.reference)
    assert check.intact and "2 entries added since" in check.expected.message


def test_a_rolled_back_entry_leaves_the_anchor_where_it_was(workspace):
    _log(workspace, 2)
    before = _anchor(workspace)
    with pytest.raises(RuntimeError), workspace.store.transaction():
        workspace.audit("test", "rolled back")
        raise RuntimeError("the work failed")
    assert _anchor(workspace) == before == audit_head(workspace)


def test_a_worker_session_moves_the_same_anchor(workspace):
    _log(workspace, 1)
    worker = workspace.worker_session()
    try:
        worker.audit("test", "from the worker")
    finally:
        worker.close()
    assert _anchor(workspace).seq == 2


def test_truncated_log_is_reported_with_what_is_missing(workspace, case):
    _log(workspace, 6)  # case.create + 6 = 7 entries
    _truncate(workspace, 4)

    check = verify_audit(workspace)
    assert check.broken is None  # the shorter chain is still valid
    assert not check.intact
    assert check.anchor.state == AnchorState.TRUNCATED
    assert check.anchor.missing == 3
    (message,) = check.problems
    assert "ends at entry 4" in message and "records entry 7" in message
    assert "at least 3 entries at the end are missing" in message
    assert "the last entry left is 4" in message and "test item-2" in message
    assert "workstation audit anchor --reset" in message


def test_the_anchor_is_kept_as_evidence_when_work_goes_on(workspace):
    _log(workspace, 5)
    recorded = _anchor(workspace)
    _truncate(workspace, 2)
    _log(workspace, 1)  # 3 entries, the anchor still says 5
    assert _anchor(workspace) == recorded
    assert verify_audit(workspace).anchor.state == AnchorState.TRUNCATED
    _log(workspace, 3)  # entry 5 exists again, but it is another entry
    assert _anchor(workspace) == recorded
    check = verify_audit(workspace)
    assert check.broken is None
    assert check.anchor.state == AnchorState.DIFFERENT
    assert "records entry 5" in check.problems[0]
    assert "cut back to before entry 5" in check.problems[0]


def test_deleted_anchor_is_reported_and_not_made_again(workspace):
    _log(workspace, 3)
    path = anchor_path(workspace.store)
    path.unlink()
    check = verify_audit(workspace)
    assert check.anchor.state == AnchorState.MISSING and not check.intact
    assert "Audit anchor missing" in check.problems[0]
    assert "kept since entry 1" in check.problems[0]
    _log(workspace, 1)
    assert not path.exists()
    assert verify_audit(workspace).anchor.state == AnchorState.MISSING


@pytest.mark.parametrize(
    ("edit", "state"),
    [
        (lambda a: {**a, "hash": "f" * 64}, AnchorState.DIFFERENT),
        (lambda a: {**a, "seq": a["seq"] + 4}, AnchorState.TRUNCATED),
        (lambda a: {**a, "seq": "many"}, AnchorState.DAMAGED),
        (lambda a: {"format": "something else"}, AnchorState.DAMAGED),
    ],
    ids=["other hash", "higher number", "not a number", "not an anchor"],
)
def test_edited_anchor_is_reported(workspace, edit, state):
    _log(workspace, 3)
    path = anchor_path(workspace.store)
    path.write_text(json.dumps(edit(json.loads(path.read_text("utf-8")))), "utf-8")
    check = verify_audit(workspace)
    assert check.anchor.state == state and not check.intact
    assert check.broken is None
    if state == AnchorState.DAMAGED:
        assert "anchor file is damaged" in check.problems[0]
        assert str(path) in check.problems[0]


def test_binary_junk_as_anchor_is_a_damaged_anchor(workspace):
    _log(workspace, 2)
    anchor_path(workspace.store).write_bytes(b"\xff\xfe\x00junk" * 50)
    assert verify_audit(workspace).anchor.state == AnchorState.DAMAGED
    _log(workspace, 1)  # work goes on; the damaged file stays for inspection
    assert anchor_path(workspace.store).read_bytes().startswith(b"\xff\xfe")


def test_a_head_written_down_catches_a_rewrite_of_both_log_and_anchor(workspace):
    """Someone who truncates the log and rewrites the anchor to match."""
    _log(workspace, 6)
    written_down = verify_audit(workspace).head.reference
    assert verify_audit(workspace, expect=written_down).intact

    _truncate(workspace, 3)
    kept = read_audit(workspace.store)[-1]
    path = anchor_path(workspace.store)
    anchor = json.loads(path.read_text("utf-8"))
    anchor.update(seq=kept.seq, hash=kept.hash, logged_at=kept.logged_at)
    path.write_text(json.dumps(anchor), "utf-8")
    assert verify_audit(workspace).intact  # the anchor was rewritten too

    check = verify_audit(workspace, expect=written_down)
    assert check.expected.state == AnchorState.TRUNCATED and not check.intact
    assert "ends at entry 3, but entry 6 was expected" in check.problems[0]

    # the same number of entries, forged with correctly recomputed hashes
    prev = kept.hash
    for seq in range(4, 7):
        fields = ["2026-01-01T00:00:00.000000", "x", "x", "forged", f"f-{seq}", {}]
        digest = entry_hash(prev, seq, *fields)
        workspace.store.execute(
            "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)",
            [seq, *fields[:5], prev, digest],
        )
        prev = digest
    assert verify_audit(workspace).broken is None
    check = verify_audit(workspace, expect=written_down[:20])  # a short prefix
    assert check.expected.state == AnchorState.DIFFERENT
    assert "rewritten from entry 6 or earlier" in check.problems[-1]


@pytest.mark.parametrize("text", ["", "12", "x:abcdef012345", "3:abc", "0:" + "a" * 64])
def test_a_malformed_expected_head_is_refused_clearly(workspace, text):
    _log(workspace, 1)
    with pytest.raises(WorkstationError, match="write it as SEQ:HASH"):
        verify_audit(workspace, expect=text)


def test_an_upgraded_workspace_starts_its_anchor_with_the_next_entry(workspace):
    _log(workspace, 3)
    # as a workspace written before anchors existed: no marker row, no file
    workspace.store.execute("DELETE FROM audit_anchor")
    anchor_path(workspace.store).unlink()
    check = verify_audit(workspace)
    assert check.intact and check.anchor.state == AnchorState.NOT_STARTED
    _log(workspace, 1)
    assert _anchor(workspace).seq == 4
    assert verify_audit(workspace).anchor.state == AnchorState.MATCHES


def test_a_new_database_beside_an_old_anchor_is_reported(workspace):
    settings = workspace.settings
    _log(workspace, 4)
    workspace.close()
    (settings.workspace_dir / "workspace.duckdb").unlink()
    with Workspace(settings) as fresh:
        fresh.audit("test", "a fresh log")
        check = verify_audit(fresh)
    assert check.anchor.state == AnchorState.TRUNCATED
    assert check.anchor.missing == 3


def test_only_an_administrator_resets_the_anchor_with_a_reason(accounts):
    _truncate(accounts, 3)
    log_in(accounts, "sue")
    assert verify_audit(accounts).anchor.state == AnchorState.TRUNCATED
    with pytest.raises(AccessDeniedError, match="restart its anchor"):
        reset_anchor(accounts, "restored from backup")
    log_in(accounts, "admin")
    with pytest.raises(WorkstationError, match="Say why"):
        reset_anchor(accounts, "  ")
    previous = _anchor(accounts)

    head = reset_anchor(accounts, "restored from the backup of 3 May")
    assert _anchor(accounts) == head == audit_head(accounts)
    entry = read_audit(accounts.store)[-1]
    assert (entry.action, entry.user_name) == ("audit.anchor_reset", "admin")
    assert entry.details["reason"] == "restored from the backup of 3 May"
    assert entry.details["found"] == "different"  # the logins went past entry 6
    assert entry.details["previous_anchor"] == previous.reference
    check = verify_audit(accounts)
    assert check.intact and check.anchor.state == AnchorState.MATCHES
    log_in(accounts, "ana")  # work goes on and the anchor follows again
    assert _anchor(accounts) == audit_head(accounts)
