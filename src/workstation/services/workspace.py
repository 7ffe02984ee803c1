"""A workspace: the case database and the evidence vault, opened together."""

from __future__ import annotations

import logging
from pathlib import Path

from workstation.domain.records import Case
from workstation.settings import Settings, os_user
from workstation.store.audit_log import append_audit
from workstation.store.case_store import CaseStore
from workstation.store.cases import get_case
from workstation.store.vault import EvidenceVault

log = logging.getLogger(__name__)

DATABASE_NAME = "workspace.duckdb"
VAULT_NAME = "vault"


class Workspace:
    """Everything a session works on: ``store``, ``vault`` and the acting user."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = Path(settings.workspace_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        self.store = CaseStore(self.root / DATABASE_NAME)
        self.vault = EvidenceVault(self.root / VAULT_NAME)
        self.user = settings.user_name or os_user()
        self.os_user = os_user()
        log.debug("workspace %s opened by %s", self.root, self.user)

    def case(self, number: str) -> Case:
        return get_case(self.store, number)

    def audit(self, action: str, obj: str, details: dict | None = None) -> None:
        append_audit(
            self.store,
            user_name=self.user,
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
