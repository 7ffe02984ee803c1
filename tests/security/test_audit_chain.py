"""The audit log is a hash chain that names the first tampered entry."""

from __future__ import annotations

import pytest

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


def test_entry_inserted_in_the_middle_is_named(workspace):
    """A forger who knows the hash recipe still breaks the chain after the insert."""
    import json

    from workstation.security.audit_chain import entry_hash
    from workstation.services.audit import verify_audit

    _log(workspace.store, 5)
    second = read_audit(workspace.store)[1]
    workspace.store.execute("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3")
    workspace.store.execute("UPDATE audit_log SET seq = seq - 99 WHERE seq >= 100")
    forged = ["2026-01-01T00:00:00.000000", "分析员", "analyst", "face.decision"]
    digest = entry_hash(second.hash, 3, *forged, "F-1", {"decision": "confirmed"})
    workspace.store.execute(
        "INSERT INTO audit_log VALUES (3, ?, ?, ?, ?, 'F-1', ?, ?, ?)",
        [*forged, json.dumps({"decision": "confirmed"}), second.hash, digest],
    )
    assert len(read_audit(workspace.store)) == 6
    check = verify_audit(workspace)
    assert check.entries == 6
    assert check.broken == (4, "does not follow the previous entry")


def test_logins_user_changes_and_reviews_are_chained_in_the_audit(accounts):
    from account_data import log_in

    from workstation.security.errors import AuthenticationError
    from workstation.services import users
    from workstation.services.audit import verify_audit

    with pytest.raises(AuthenticationError):
        users.login(accounts, "ana", "wrong-password-x")
    log_in(accounts, "admin")
    users.set_user_active(accounts, "sam", False)
    logged = [(e.user_name, e.action) for e in read_audit(accounts.store)]
    assert logged[:7] == [
        ("analyst.test", "case.create"),
        ("admin", "user.init"),
        ("admin", "user.add"),
        ("admin", "user.add"),
        ("admin", "user.add"),
        ("admin", "user.add"),
        ("ana", "login.failed"),
    ]
    assert logged[7:] == [("admin", "login"), ("admin", "user.disable")]
    check = verify_audit(accounts)
    assert (check.entries, check.intact) == (9, True)
