"""Reading and verifying the audit trail, and its anchor outside the database.

:func:`verify_audit` recomputes the hash chain (an edited, inserted or deleted
entry), compares the log with its anchor file (entries removed from the end)
and, when asked, with a head written down earlier (``SEQ:HASH`` from an
earlier verification or a brief), which also holds against someone who
rewrote the anchor file too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from workstation.domain.errors import WorkstationError
from workstation.security.audit_anchor import (
    AnchorFinding,
    AnchorState,
    AuditAnchorError,
    AuditHead,
    compare_with_anchor,
    compare_with_reference,
    read_anchor,
)
from workstation.security.audit_chain import AuditEntry, first_broken_entry
from workstation.security.roles import Permission, allowed
from workstation.services.workspace import Workspace
from workstation.store.audit_log import (
    anchor_path,
    anchor_since,
    append_audit,
    head_at,
    read_audit,
)
from workstation.store.audit_log import audit_head as stored_audit_head

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditCheck:
    """What :func:`verify_audit` found.

    Attributes:
        entries: How many entries the log holds.
        head: The newest entry (None while the log is empty).
        broken: ``(seq, why)`` of the first entry that breaks the chain.
        anchor: The comparison with the anchor file.
        expected: The comparison with the head the caller expected, if any.
    """

    entries: int
    head: AuditHead | None
    broken: tuple[int, str] | None
    anchor: AnchorFinding
    expected: AnchorFinding | None = None

    @property
    def intact(self) -> bool:
        """Whether nothing shows that the log was tampered with."""
        return (
            self.broken is None
            and self.anchor.sound
            and (self.expected is None or self.expected.sound)
        )

    @property
    def problems(self) -> list[str]:
        """One sentence per finding that shows tampering, the chain first."""
        found = []
        if self.broken is not None:
            seq, why = self.broken
            found.append(
                f"Audit trail broken at entry {seq}: {why}. Entries from {seq} on "
                "cannot be trusted; compare them with a backup of the database."
            )
        for finding in (self.anchor, self.expected):
            if finding is not None and not finding.sound:
                found.append(finding.message)
        return found


def verify_audit(ws: Workspace, expect: str | None = None) -> AuditCheck:
    """Check the hash chain, the anchor file and, if given, an expected head.

    Args:
        ws: The open workspace; the user needs the right to read the audit.
        expect: ``SEQ:HASH`` written down earlier (at least 12 hex digits).

    Raises:
        AccessDeniedError: The user may not read the audit trail.
        WorkstationError: ``expect`` is not of the form ``SEQ:HASH``.
    """
    ws.require(Permission.READ_AUDIT)
    entries = read_audit(ws.store)
    check = AuditCheck(
        entries=len(entries),
        head=AuditHead.of(entries[-1]) if entries else None,
        broken=first_broken_entry(entries),
        anchor=_anchor_finding(ws, entries),
        expected=(None if expect is None else compare_with_reference(entries, expect)),
    )
    log.info(
        "audit of %s: %d entries, chain %s, anchor %s",
        ws.root,
        check.entries,
        "broken" if check.broken else "intact",
        check.anchor.state,
    )
    return check


def _anchor_finding(ws: Workspace, entries: list[AuditEntry]) -> AnchorFinding:
    path = anchor_path(ws.store)
    if path is None:
        return AnchorFinding(
            AnchorState.NOT_STARTED, "An in-memory workspace has no anchor file."
        )
    try:
        anchor = read_anchor(path)
    except AuditAnchorError as exc:
        return AnchorFinding(AnchorState.DAMAGED, str(exc))
    if anchor is not None:
        return compare_with_anchor(entries, anchor, where=path.name)
    since = anchor_since(ws.store)
    if since is None:
        return AnchorFinding(
            AnchorState.NOT_STARTED,
            f"The anchor {path.name} is started with the next audit entry (the "
            "log was written by a version without one, or is empty).",
        )
    return AnchorFinding(
        AnchorState.MISSING,
        f"Audit anchor missing: {path} was kept since entry {since} and is gone, "
        "so entries removed from the end of the trail could not be seen. Compare "
        "the trail with a head recorded elsewhere (`workstation audit verify "
        "--expect SEQ:HASH`), then an administrator may restart the anchor with "
        "`workstation audit anchor --reset --reason TEXT`.",
    )


def audit_head(ws: Workspace) -> AuditHead | None:
    """The newest audit entry's number, time and hash, for a brief to print.

    It names no person or case, so no permission is needed. Whoever holds a
    printed head can later check that the trail still reaches it with
    ``workstation audit verify --expect SEQ:HASH``.
    """
    return stored_audit_head(ws.store)


def entry_head(ws: Workspace, seq: int) -> AuditHead | None:
    """Entry ``seq``'s number, time and hash, e.g. for a brief to print.

    A brief that prints the case's latest entry as ``SEQ:HASH`` stays the same
    for the same case data and lets a reader check later, with ``workstation
    audit verify --expect SEQ:HASH``, that the trail still holds that entry.
    Like :func:`audit_head` it names no person, so no permission is needed.
    """
    return head_at(ws.store, seq)


def reset_anchor(ws: Workspace, reason: str) -> AuditHead:
    """Accept the log as it is and restart its anchor at a new entry.

    The new entry records the reason, what the old anchor showed and the old
    anchor's head, so the reset itself is in the trail.

    Args:
        ws: The open workspace; the user must be an administrator.
        reason: Why, e.g. "restored from the backup of 3 May".

    Returns:
        The entry the anchor now records.

    Raises:
        AccessDeniedError: The user is not an administrator.
        WorkstationError: No reason was given, or the workspace is in memory.
    """
    ws.require(Permission.RESET_AUDIT_ANCHOR)
    if not reason.strip():
        raise WorkstationError(
            "Say why the audit anchor is reset (--reason TEXT); the reason is "
            "written to the audit trail."
        )
    path = anchor_path(ws.store)
    if path is None:
        raise WorkstationError("An in-memory workspace has no audit anchor.")
    check = verify_audit(ws)
    try:
        previous = read_anchor(path)
    except AuditAnchorError:
        previous = None
    entry = append_audit(
        ws.store,
        user_name=ws.user,
        os_user=ws.os_user,
        action="audit.anchor_reset",
        obj=path.name,
        details={
            "reason": reason.strip(),
            "found": check.anchor.state.value,
            "chain": "broken" if check.broken else "intact",
            "previous_anchor": previous.reference if previous else None,
            "entries_before": check.entries,
        },
        restart_anchor=True,
    )
    log.info("audit anchor of %s reset by %s: %s", ws.root, ws.user, reason)
    return AuditHead.of(entry)


def recent_audit(ws: Workspace, limit: int = 50) -> list[AuditEntry]:
    ws.require(Permission.READ_AUDIT)
    entries = read_audit(ws.store)
    return entries[-limit:]


def may_read_audit(ws: Workspace) -> bool:
    """Whether the acting user may read the audit trail (without asking to)."""
    if ws.single_user:
        return True
    return ws.role is not None and allowed(ws.role, Permission.READ_AUDIT)
