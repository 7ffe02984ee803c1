"""Local user accounts: the first administrator, logins and account management.

Passwords are kept only as scrypt hashes. Every login, failed login and change
to an account is audited; an account is locked after
:data:`MAX_FAILED_LOGINS` failed logins in a row until an administrator
enables it again.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import NoReturn

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.security.errors import AuthenticationError, PasswordPolicyError
from workstation.security.passwords import (
    check_new_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from workstation.security.roles import Permission, Role, parse_role
from workstation.services.workspace import Workspace
from workstation.store import user_rows
from workstation.store.user_rows import UserAccount

log = logging.getLogger(__name__)

#: Failed logins in a row after which an account is locked.
MAX_FAILED_LOGINS = 5
_NAME = re.compile(r"[\w.@-]{1,64}")


def check_user_name(name: str) -> str:
    """A valid account name: letters (any script), digits, ``. @ - _``.

    Raises:
        PasswordPolicyError: The name is empty, too long or has other characters.
    """
    if not _NAME.fullmatch(name or ""):
        raise PasswordPolicyError(
            f"User name {name!r} is not allowed; use 1-64 letters, digits or "
            ". @ - _ (no spaces)."
        )
    return name


def init_users(ws: Workspace, name: str, password: str) -> UserAccount:
    """Create the first administrator and log in as them.

    Until this is done the workspace is in single-user mode; afterwards it
    needs a login.

    Args:
        ws: The open workspace, still without accounts.
        name: The administrator's user name.
        password: Their password (at least 10 characters).

    Raises:
        AuthenticationError: The workspace has accounts already.
        PasswordPolicyError: The name or password is not acceptable.
    """
    if user_rows.any_users(ws.store):
        raise AuthenticationError(
            f"Workspace {ws.root} has user accounts already; an administrator "
            "adds more with `workstation user add`."
        )
    check_user_name(name)
    check_new_password(password, name)
    with ws.store.transaction():
        account = user_rows.insert_user(
            ws.store, name, Role.ADMINISTRATOR.value, hash_password(password), name
        )
        ws.audit(
            "user.init",
            name,
            {"role": Role.ADMINISTRATOR.value, "previous_user": ws.user},
            user_name=name,
        )
    ws.set_session_user(name, Role.ADMINISTRATOR)
    log.info("created the first administrator %s of %s", name, ws.root)
    return account


@cache
def _decoy_hash() -> str:
    # verified for unknown names, so they take as long as a wrong password
    return hash_password("not a password of anyone")


def login(ws: Workspace, name: str, password: str) -> UserAccount:
    """Check a user's password and act as them; audit the attempt.

    Args:
        ws: The open workspace with accounts.
        name: The user name.
        password: The password typed.

    Returns:
        The account logged in.

    Raises:
        AuthenticationError: Unknown name, wrong password, or the account is
            disabled or locked. The attempt is audited as ``login.failed``.
    """
    if not user_rows.any_users(ws.store):
        raise AuthenticationError(
            f"Workspace {ws.root} has no user accounts (single-user mode); create "
            "the first administrator with `workstation user init`."
        )
    account = user_rows.find_user(ws.store, name)
    if account is None:
        verify_password(password, _decoy_hash())
        _refuse(ws, name, "unknown user", _wrong_credentials(ws))
    if account.failed_logins >= MAX_FAILED_LOGINS:
        _refuse(
            ws,
            name,
            "account locked",
            f"Account {name} is locked after {MAX_FAILED_LOGINS} failed logins; "
            f"an administrator can unlock it with `workstation user enable {name}`.",
        )
    stored = user_rows.stored_password_hash(ws.store, name)
    if not verify_password(password, stored):
        with ws.store.transaction():
            failures = user_rows.record_failed_login(ws.store, name)
        _refuse(ws, name, "wrong password", _wrong_credentials(ws), failures=failures)
    if not account.active:
        _refuse(
            ws,
            name,
            "account disabled",
            f"Account {name} is disabled; ask an administrator to enable it.",
        )
    role = Role(account.role)
    with ws.store.transaction():
        user_rows.record_login(ws.store, name)
        if needs_rehash(stored):
            user_rows.set_password_hash(ws.store, name, hash_password(password))
        ws.audit("login", name, {"role": role.value}, user_name=name)
    ws.set_session_user(name, role)
    log.info("%s logged in to %s as %s", name, ws.root, role.value)
    return user_rows.find_user(ws.store, name)


def _wrong_credentials(ws: Workspace) -> str:
    return (
        f"Wrong user name or password for workspace {ws.root}; nothing was done. "
        "Try again, or ask an administrator."
    )


def _refuse(ws: Workspace, name: str, reason: str, message: str, **details) -> NoReturn:
    ws.audit("login.failed", name, {"reason": reason, **details}, user_name=name)
    log.info("failed login as %s on %s: %s", name, ws.root, reason)
    raise AuthenticationError(message)


def add_user(ws: Workspace, name: str, role: Role | str, password: str) -> UserAccount:
    """Create an account (administrators only).

    Raises:
        AccessDeniedError: The acting user is not an administrator.
        PasswordPolicyError: The name or password is not acceptable.
        WorkstationError: The name is taken.
    """
    ws.require(Permission.MANAGE_USERS)
    _need_accounts(ws)
    role = parse_role(str(role))
    check_user_name(name)
    check_new_password(password, name)
    if user_rows.find_user(ws.store, name) is not None:
        raise WorkstationError(f"User {name} exists already; choose another name.")
    with ws.store.transaction():
        account = user_rows.insert_user(
            ws.store, name, role.value, hash_password(password), ws.user
        )
        ws.audit("user.add", name, {"role": role.value})
    return account


def list_users(ws: Workspace) -> list[UserAccount]:
    """Every account, by name (administrators only)."""
    ws.require(Permission.MANAGE_USERS)
    return user_rows.list_users(ws.store)


def set_user_role(ws: Workspace, name: str, role: Role | str) -> UserAccount:
    """Give an account another role (administrators only).

    Raises:
        WorkstationError: It would leave no active administrator.
    """
    ws.require(Permission.MANAGE_USERS)
    account = _account(ws, name)
    role = parse_role(str(role))
    if account.role == Role.ADMINISTRATOR and role != Role.ADMINISTRATOR:
        _keep_an_administrator(ws, name)
    with ws.store.transaction():
        user_rows.set_role(ws.store, name, role.value)
        ws.audit("user.role", name, {"from": account.role, "to": role.value})
    return _account(ws, name)


def set_user_active(ws: Workspace, name: str, active: bool) -> UserAccount:
    """Disable an account, or enable (and unlock) it (administrators only).

    Raises:
        WorkstationError: Disabling it would leave no active administrator.
    """
    ws.require(Permission.MANAGE_USERS)
    account = _account(ws, name)
    if not active and account.role == Role.ADMINISTRATOR:
        _keep_an_administrator(ws, name)
    with ws.store.transaction():
        user_rows.set_active(ws.store, name, active)
        ws.audit(
            "user.enable" if active else "user.disable",
            name,
            {"failed_logins_cleared": account.failed_logins} if active else {},
        )
    return _account(ws, name)


def change_password(
    ws: Workspace, name: str, new_password: str, *, old_password: str | None = None
) -> None:
    """Set a new password: one's own with the old one, anyone's as administrator.

    Raises:
        AuthenticationError: Changing one's own password with a wrong old one.
        AccessDeniedError: Changing someone else's without being administrator.
        PasswordPolicyError: The new password is not acceptable.
    """
    _need_accounts(ws)
    account = _account(ws, name)
    own = name == ws.user and ws.role is not None
    if own and ws.role != Role.ADMINISTRATOR:
        stored = user_rows.stored_password_hash(ws.store, name)
        if old_password is None or not verify_password(old_password, stored):
            ws.audit("user.password_refused", name, {"reason": "wrong old password"})
            raise AuthenticationError(
                f"The current password of {name} is wrong; the password was not "
                "changed."
            )
    else:
        ws.require(Permission.MANAGE_USERS)
    check_new_password(new_password, name)
    with ws.store.transaction():
        user_rows.set_password_hash(ws.store, name, hash_password(new_password))
        ws.audit("user.password", account.name, {"by": ws.user})


def _need_accounts(ws: Workspace) -> None:
    if ws.single_user:
        raise AuthenticationError(
            f"Workspace {ws.root} has no user accounts yet; create the first "
            "administrator with `workstation user init`."
        )


def _account(ws: Workspace, name: str) -> UserAccount:
    account = user_rows.find_user(ws.store, name)
    if account is None:
        known = ", ".join(a.name for a in user_rows.list_users(ws.store))
        raise NotFoundError(f"No user {name!r} in this workspace (users: {known}).")
    return account


def _keep_an_administrator(ws: Workspace, name: str) -> None:
    others = [a for a in user_rows.active_administrators(ws.store) if a != name]
    if not others:
        raise WorkstationError(
            f"{name} is the last active administrator; make another user "
            "administrator first."
        )
