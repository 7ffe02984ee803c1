"""Reading and verifying the audit trail."""

from __future__ import annotations

from workstation.security.audit_chain import AuditEntry, first_broken_entry
from workstation.security.roles import Permission, allowed
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


def may_read_audit(ws: Workspace) -> bool:
    """Whether the acting user may read the audit trail (without asking to)."""
    if ws.single_user:
        return True
    return ws.role is not None and allowed(ws.role, Permission.READ_AUDIT)
