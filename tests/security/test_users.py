"""Accounts and roles: single-user mode, logins, lockout and role checks."""

from __future__ import annotations

import pytest
from account_data import PASSWORDS, log_in

from workstation.domain.errors import WorkstationError
from workstation.security.errors import (
    AccessDeniedError,
    AuthenticationError,
    PasswordPolicyError,
)
from workstation.security.passwords import hash_password
from workstation.security.roles import Permission, Role
from workstation.services import users
from workstation.services.cases import create_case
from workstation.services.graph import write_link_chart
from workstation.services.workspace import Workspace
from workstation.store import user_rows
from workstation.store.audit_log import read_audit


def actions(ws) -> list[tuple[str, str, str]]:
    return [(e.user_name, e.action, e.object) for e in read_audit(ws.store)]


def test_without_accounts_everything_is_allowed_as_before(workspace, case):
    assert workspace.single_user and workspace.role is None
    for permission in Permission:
        workspace.require(permission)
    assert workspace.case("T-001").number == "T-001"


def test_init_creates_an_administrator_and_ends_single_user_mode(
    workspace, case, cheap_scrypt
):
    account = users.init_users(workspace, "admin", PASSWORDS["admin"])
    assert (account.name, account.role, account.active) == (
        "admin",
        "administrator",
        True,
    )
    assert (workspace.user, workspace.role, workspace.single_user) == (
        "admin",
        Role.ADMINISTRATOR,
        False,
    )
    assert actions(workspace)[-1] == ("admin", "user.init", "admin")
    with pytest.raises(AuthenticationError, match="has user accounts already"):
        users.init_users(workspace, "second", "another-password-1")

    settings = workspace.settings
    workspace.close()
    with Workspace(settings) as reopened:  # a new session must log in
        assert not reopened.single_user and reopened.role is None
        with pytest.raises(AuthenticationError, match="log in"):
            reopened.case("T-001")
        users.login(reopened, "admin", PASSWORDS["admin"])
        assert reopened.case("T-001").number == "T-001"


def test_init_checks_name_and_password(workspace, cheap_scrypt):
    with pytest.raises(PasswordPolicyError, match="at least 10"):
        users.init_users(workspace, "admin", "short")
    with pytest.raises(PasswordPolicyError, match="not allowed"):
        users.init_users(workspace, "two words", "long-enough-password")
    assert workspace.single_user
    assert not user_rows.any_users(workspace.store)


def test_login_success_and_failures_are_audited(accounts):
    ws = accounts
    log_in(ws, "ana")
    assert (ws.user, ws.role) == ("ana", Role.ANALYST)
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        users.login(ws, "ana", "not-her-password")
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        users.login(ws, "nobody", "whatever-password")
    entries = read_audit(ws.store)
    tail = [(e.user_name, e.action, e.details.get("reason")) for e in entries[-3:]]
    assert tail == [
        ("ana", "login", None),
        ("ana", "login.failed", "wrong password"),
        ("nobody", "login.failed", "unknown user"),
    ]
    assert all(e.os_user for e in entries)  # the OS login is recorded too


def test_five_failures_lock_the_account_until_an_administrator_enables_it(
    accounts,
):
    ws = accounts
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError, match="Wrong user name"):
            users.login(ws, "ivan", "guess-guess-guess")
    with pytest.raises(AuthenticationError, match="locked after 5 failed logins"):
        users.login(ws, "ivan", PASSWORDS["ivan"])  # even the right password
    log_in(ws, "admin")
    users.set_user_active(ws, "ivan", True)
    log_in(ws, "ivan")
    assert user_rows.find_user(ws.store, "ivan").failed_logins == 0


def test_disabled_account_cannot_log_in(accounts):
    users.set_user_active(accounts, "sam", False)
    with pytest.raises(AuthenticationError, match="sam is disabled"):
        log_in(accounts, "sam")


def test_only_administrators_manage_users(accounts):
    ws = accounts
    for name in ("ana", "ivan", "sue"):
        log_in(ws, name)
        with pytest.raises(AccessDeniedError, match="manage user accounts"):
            users.add_user(ws, f"new-{name}", "analyst", "a-long-password-1")
        with pytest.raises(AccessDeniedError):
            users.set_user_role(ws, "ana", "administrator")
        with pytest.raises(AccessDeniedError):
            users.list_users(ws)
    denied = [e for e in read_audit(ws.store) if e.action == "access.denied"]
    assert len(denied) == 9
    assert {e.user_name for e in denied} == {"ana", "ivan", "sue"}

    log_in(ws, "admin")
    users.add_user(ws, "new-one", "investigator", "a-long-password-1")
    users.set_user_role(ws, "new-one", "supervisor")
    listed = {a.name: a.role for a in users.list_users(ws)}
    assert list(listed) == ["admin", "ana", "ivan", "new-one", "sam", "sue"]
    assert listed["new-one"] == "supervisor"
    assert [a for _, a, _ in actions(ws)][-2:] == ["user.add", "user.role"]


def test_the_last_administrator_stays(accounts):
    with pytest.raises(WorkstationError, match="last active administrator"):
        users.set_user_role(accounts, "admin", "analyst")
    with pytest.raises(WorkstationError, match="last active administrator"):
        users.set_user_active(accounts, "admin", False)
    users.set_user_role(accounts, "sue", "administrator")
    users.set_user_role(accounts, "admin", "analyst")  # now allowed


def test_exports_need_an_investigator_and_cases_are_opened_by_one(accounts, tmp_path):
    ws = accounts
    log_in(ws, "ana")
    with pytest.raises(AccessDeniedError, match="export"):
        write_link_chart(ws, "T-001", tmp_path / "chart.png")
    with pytest.raises(AccessDeniedError, match="create and close cases"):
        create_case(ws, "T-002", "another")
    assert not (tmp_path / "chart.png").exists()
    log_in(ws, "ivan")
    create_case(ws, "T-002", "another")
    ws.require(Permission.EXPORT)


def test_own_password_change_needs_the_old_one(accounts):
    ws = accounts
    log_in(ws, "ana")
    with pytest.raises(AuthenticationError, match="current password"):
        users.change_password(ws, "ana", "brand-new-password", old_password="wrong")
    users.change_password(
        ws, "ana", "brand-new-password", old_password=PASSWORDS["ana"]
    )
    with pytest.raises(AccessDeniedError):
        users.change_password(ws, "ivan", "brand-new-password")
    users.login(ws, "ana", "brand-new-password")
    log_in(ws, "admin")  # an administrator resets anyone's
    users.change_password(ws, "ana", "reset-by-admin-1")
    users.login(ws, "ana", "reset-by-admin-1")


def test_login_renews_a_hash_made_with_an_older_cost(accounts, cheap_scrypt):
    from workstation.security.passwords import ScryptCost

    old = hash_password(PASSWORDS["sue"], cost=ScryptCost(n=2**10))
    user_rows.set_password_hash(accounts.store, "sue", old)
    log_in(accounts, "sue")
    renewed = user_rows.stored_password_hash(accounts.store, "sue")
    assert renewed != old and "n=4096," in renewed
