"""A workspace: the case database and the evidence vault, opened together.

A workspace with no user accounts is in single-user mode: whoever opens it
acts under their ``--user`` name (or OS login) and every permission is granted,
as before accounts existed (the demo and a fresh workspace work this way).
Once ``workstation user init`` has created the first administrator, the
workspace needs a login (:func:`workstation.services.users.login`) and
:meth:`Workspace.require` checks the logged-in user's role.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from workstation.domain.records import Case
from workstation.security.errors import AccessDeniedError, AuthenticationError
from workstation.security.roles import Permission, Role, allowed, roles_with
from workstation.services.encryption import is_encrypted, open_workspace_store
from workstation.settings import Settings, os_user
from workstation.store import user_rows
from workstation.store.audit_log import append_audit
from workstation.store.case_store import CaseStore
from workstation.store.cases import get_case
from workstation.store.vault import EvidenceVault

log = logging.getLogger(__name__)

DATABASE_NAME = "workspace.duckdb"
VAULT_NAME = "vault"
#: Work files of unfinished jobs (an import's staged copy); emptied on open.
STAGING_NAME = "staging"


def _discard_leftovers(folder: Path) -> None:
    if not folder.is_dir():
        return
    for leftover in folder.iterdir():
        log.warning("removing %s, left by a job that did not finish", leftover)
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def workspace_is_encrypted(workspace_dir: str | Path) -> bool:
    """Whether the workspace in this folder has an encrypted database."""
    return is_encrypted(Path(workspace_dir) / DATABASE_NAME)


class Workspace:
    """Everything a session works on: ``store``, ``vault`` and the acting user.

    Attributes:
        user: The acting user's name, recorded in the audit trail.
        os_user: The operating-system login, recorded beside it.
        role: The logged-in user's role; None before a login and in
            single-user mode.
        single_user: True while the workspace has no user accounts.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        passphrase: str | None = None,
        store: CaseStore | None = None,
    ) -> None:
        """Open (creating if needed) the workspace named by ``settings``.

        Args:
            settings: The session's settings (workspace folder, user name).
            passphrase: The passphrase of an encrypted workspace; None for a
                clear one.
            store: An open database to use instead of opening the folder's
                (see :meth:`worker_session`).

        Raises:
            WrongPassphraseError: The workspace is encrypted and the
                passphrase is missing or wrong, or it is clear and one was given.
            InputFileError: The database is locked by another program or damaged.
        """
        self.settings = settings
        self.root = Path(settings.workspace_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        if store is None:
            store = open_workspace_store(self.root / DATABASE_NAME, passphrase)
            # the database is now locked to this process: what a killed job
            # left behind is no one's
            _discard_leftovers(self.root / STAGING_NAME)
        self.store = store
        self.vault = EvidenceVault(self.root / VAULT_NAME)
        self.user = settings.user_name or os_user()
        self.os_user = os_user()
        self.role: Role | None = None
        self.single_user = not user_rows.any_users(self.store)
        #: Vault files whose hash was checked this session, with their status.
        self.verified_files: dict[str, tuple[int, int, int, int]] = {}
        log.debug(
            "workspace %s opened by %s (%s)",
            self.root,
            self.user,
            "single-user" if self.single_user else "accounts",
        )

    def staging_dir(self, prefix: str) -> tempfile.TemporaryDirectory:
        """A private work folder inside the workspace, removed when done.

        A job killed before it finishes leaves it behind; the next open of
        the workspace removes it, so staged copies of case files do not
        pile up in the system's temporary folder.
        """
        folder = self.root / STAGING_NAME
        folder.mkdir(mode=0o700, exist_ok=True)
        return tempfile.TemporaryDirectory(prefix=prefix, dir=folder)

    @property
    def encrypted(self) -> bool:
        """Whether the workspace database is encrypted."""
        return self.store.encrypted

    def set_session_user(self, name: str, role: Role) -> None:
        """Act as ``name`` with ``role`` from now on.

        Called by :mod:`workstation.services.users` after checking a password
        or creating the first administrator; nothing else should call it.
        """
        self.user = name
        self.role = role
        self.single_user = False

    def worker_session(self) -> Workspace:
        """A second session on this workspace, for a worker thread.

        It uses a connection of its own to the same open database (an
        encrypted one is not opened again, so no passphrase is asked) and acts
        as the same user with the same role. Close it before this session.
        """
        other = Workspace(self.settings, store=self.store.shared())
        other.follow(self)
        return other

    def follow(self, other: Workspace) -> None:
        """Act as whoever ``other`` acts as (a session of the same process)."""
        if other.root != self.root:
            raise AuthenticationError(
                f"A session of {other.root} cannot lend its login to {self.root}."
            )
        self.user, self.role = other.user, other.role
        self.single_user = other.single_user

    def require(self, permission: Permission) -> None:
        """Check that the acting user may do something; audit a refusal.

        Args:
            permission: What is about to be done.

        Raises:
            AuthenticationError: The workspace has accounts and nobody logged in.
            AccessDeniedError: The user's role does not hold ``permission``.
        """
        if self.single_user:
            return
        if self.role is None:
            raise AuthenticationError(
                f"Workspace {self.root} has user accounts: log in (--user NAME "
                f"and your password) to {permission.value}."
            )
        if not allowed(self.role, permission):
            self.audit(
                "access.denied",
                permission.name.lower(),
                {"role": self.role.value, "permission": permission.value},
            )
            needed = ", ".join(role.value for role in roles_with(permission))
            raise AccessDeniedError(
                f"{self.user} ({self.role.value}) may not {permission.value}; that "
                f"needs one of the roles: {needed}. Ask a colleague with such a "
                "role, or an administrator to change yours."
            )

    def case(self, number: str) -> Case:
        """The case numbered ``number``; needs the right to view cases."""
        self.require(Permission.VIEW_CASE)
        return get_case(self.store, number)

    def audit(
        self,
        action: str,
        obj: str,
        details: dict | None = None,
        *,
        user_name: str | None = None,
    ) -> None:
        """Append an entry to the audit chain as the acting (or a named) user."""
        append_audit(
            self.store,
            user_name=user_name or self.user,
            os_user=self.os_user,
            action=action,
            obj=obj,
            details=details,
        )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
