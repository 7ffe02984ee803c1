"""The audit log is a hash chain that names the first tampered entry."""

from __future__ import annotations

from workstation.security.audit_chain import first_broken_entry
from workstation.store.audit_log import append_audit, read_audit


def _log(store, n):
    for i in range(n):
        append_audit(
            store,
            user_name="分析员",
            os_user="analyst",
            action="test",
            obj=f"item-{i}",
            details={"i": i},
        )


def test_intact_chain_verifies(workspace):
    _log(workspace.store, 5)
    assert first_broken_entry(read_audit(workspace.store)) is None


def test_edited_entry_is_named(workspace):
    _log(workspace.store, 5)
    workspace.store.execute("UPDATE audit_log SET object = 'forged' WHERE seq = 3")
    assert first_broken_entry(read_audit(workspace.store))[0] == 3


def test_deleted_entry_is_named(workspace):
    _log(workspace.store, 5)
    workspace.store.execute("DELETE FROM audit_log WHERE seq = 2")
    assert first_broken_entry(read_audit(workspace.store))[0] == 3


def test_services_write_audit_entries(workspace, case):
    actions = [e.action for e in read_audit(workspace.store)]
    assert actions == ["case.create"]
    assert read_audit(workspace.store)[0].user_name == "analyst.test"
