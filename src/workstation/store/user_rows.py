"""User account rows: names, roles, password hashes and login bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workstation.store.case_store import CaseStore

_COLUMNS = "name, role, active, failed_logins, created_by, created_at, last_login_at"


@dataclass(frozen=True)
class UserAccount:
    """A local account (the password hash stays in the store)."""

    name: str
    role: str
    active: bool
    failed_logins: int
    created_by: str
    created_at: datetime
    last_login_at: datetime | None


def any_users(store: CaseStore) -> bool:
    """Whether the workspace has any account (else it is in single-user mode)."""
    return store.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def insert_user(
    store: CaseStore, name: str, role: str, password_hash: str, created_by: str
) -> UserAccount:
    row = store.execute(
        "INSERT INTO users (name, role, password_hash, created_by) "
        f"VALUES (?, ?, ?, ?) RETURNING {_COLUMNS}",
        [name, role, password_hash, created_by],
    ).fetchone()
    return UserAccount(*row)


def find_user(store: CaseStore, name: str) -> UserAccount | None:
    row = store.execute(
        f"SELECT {_COLUMNS} FROM users WHERE name = ?", [name]
    ).fetchone()
    return UserAccount(*row) if row else None


def stored_password_hash(store: CaseStore, name: str) -> str | None:
    row = store.execute(
        "SELECT password_hash FROM users WHERE name = ?", [name]
    ).fetchone()
    return row[0] if row else None


def list_users(store: CaseStore) -> list[UserAccount]:
    rows = store.execute(f"SELECT {_COLUMNS} FROM users ORDER BY name").fetchall()
    return [UserAccount(*r) for r in rows]


def active_administrators(store: CaseStore) -> list[str]:
    rows = store.execute(
        "SELECT name FROM users WHERE role = 'administrator' AND active ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def set_role(store: CaseStore, name: str, role: str) -> None:
    store.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])


def set_active(store: CaseStore, name: str, active: bool) -> None:
    """Enable or disable an account; enabling also clears its failed logins."""
    store.execute(
        "UPDATE users SET active = ?, failed_logins = CASE WHEN ? THEN 0 "
        "ELSE failed_logins END WHERE name = ?",
        [active, active, name],
    )


def set_password_hash(store: CaseStore, name: str, password_hash: str) -> None:
    store.execute(
        "UPDATE users SET password_hash = ? WHERE name = ?", [password_hash, name]
    )


def record_login(store: CaseStore, name: str) -> None:
    store.execute(
        "UPDATE users SET failed_logins = 0, last_login_at = current_timestamp "
        "WHERE name = ?",
        [name],
    )


def record_failed_login(store: CaseStore, name: str) -> int:
    """Count one more failed login; return the count since the last success."""
    row = store.execute(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE name = ? "
        "RETURNING failed_logins",
        [name],
    ).fetchone()
    return row[0] if row else 0
