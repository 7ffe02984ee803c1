"""Reading and verifying the audit trail."""

from __future__ import annotations

from workstation.security.audit_chain import AuditEntry, first_broken_entry
from workstation.security.roles import Permission
from workstation.services.workspace import Workspace
from workstation.store.audit_log import read_audit


def verify_audit(ws: Workspace) -> tuple[int, tuple[int, str] | None]:
    """Return the number of entries and the first broken one, if any."""
    ws.require(Permission.READ_AUDIT)
    entries = read_audit(ws.store)
    return len(entries), first_broken_entry(entries)


def recent_audit(ws: Workspace, limit: int = 50) -> list[AuditEntry]:
    ws.require(Permission.READ_AUDIT)
    entries = read_audit(ws.store)
    return entries[-limit:]
