"""Appending to and reading the audit chain, and keeping its anchor up to date.

Every entry is chained to the one before (:mod:`workstation.security.audit_chain`).
Once the transaction holding an entry commits, the anchor file beside the
database (:mod:`workstation.security.audit_anchor`) is rewritten with the
newest entry, but only while the log still holds the entry the anchor
recorded: an anchor that shows entries were removed is kept as evidence, not
overwritten. The ``audit_anchor`` row says since which entry the anchor is
kept, so a deleted anchor file is noticed rather than silently made again.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from workstation.security.audit_anchor import (
    AuditAnchorError,
    AuditHead,
    anchor_file_for,
    read_anchor,
    write_anchor,
)
from workstation.security.audit_chain import GENESIS_HASH, AuditEntry, entry_hash
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)

_TIME = "strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%f')"
# sessions of one workspace in several threads must not write the anchor at once
_ANCHOR_LOCK = threading.Lock()
_warned: set[str] = set()


def append_audit(
    store: CaseStore,
    *,
    user_name: str,
    os_user: str,
    action: str,
    obj: str,
    details: dict | None = None,
    restart_anchor: bool = False,
) -> AuditEntry:
    """Append one entry, chained to the last; joins the caller's transaction.

    Args:
        store: The workspace database.
        user_name: The acting workstation user.
        os_user: The operating-system login.
        action: What was done, e.g. ``import``.
        obj: What it was done to, e.g. the case number.
        details: JSON-serialisable particulars.
        restart_anchor: Start the anchor afresh at this entry, whatever it
            recorded before (an administrator accepting the log as it is).

    Returns:
        The entry as stored.
    """
    details = json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))
    with store.transaction():
        last = store.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        logged_at = (
            datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
        )
        digest = entry_hash(
            prev_hash, seq, logged_at, user_name, os_user, action, obj, details
        )
        store.execute(
            "INSERT INTO audit_log (seq, logged_at, user_name, os_user, action, "
            "object, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                seq,
                logged_at,
                user_name,
                os_user,
                action,
                obj,
                json.dumps(details, ensure_ascii=False),
                prev_hash,
                digest,
            ],
        )
        entry = AuditEntry(
            seq, logged_at, user_name, os_user, action, obj, details, prev_hash, digest
        )
        path = anchor_path(store)
        if path is not None:
            start = restart_anchor or anchor_since(store) is None
            if start:
                store.execute(
                    "INSERT OR REPLACE INTO audit_anchor (id, since_seq, started_by) "
                    "VALUES (1, ?, ?)",
                    [seq, user_name],
                )
            store.after_commit(
                lambda: _advance_anchor(
                    store, path, start=start, restart=restart_anchor
                )
            )
    return entry


def read_audit(store: CaseStore, limit: int | None = None) -> list[AuditEntry]:
    sql = (
        f"SELECT seq, {_TIME}, user_name, os_user, action, object, details, "
        "prev_hash, hash FROM audit_log ORDER BY seq"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
        for r in store.execute(sql).fetchall()
    ]


def audit_head(store: CaseStore) -> AuditHead | None:
    """The newest entry's number, time and hash; None while the log is empty."""
    row = store.execute(
        f"SELECT seq, {_TIME}, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return AuditHead(*row) if row else None


def anchor_path(store: CaseStore) -> Path | None:
    """The anchor file of the store's database; None for an in-memory one."""
    if store.path in ("", ":memory:"):
        return None
    return anchor_file_for(store.path)


def anchor_since(store: CaseStore) -> int | None:
    """The entry since which the anchor is kept; None if it was never started."""
    row = store.execute("SELECT since_seq FROM audit_anchor").fetchone()
    return row[0] if row else None


def _advance_anchor(
    store: CaseStore, path: Path, *, start: bool, restart: bool
) -> None:
    """Write the newest entry to the anchor, if the log still holds the old one.

    Runs after a commit and never raises: a problem is logged (once per file)
    and left for ``workstation audit verify`` to report.

    Args:
        store: The database whose log was appended to.
        path: Its anchor file.
        start: The anchor was started by this commit: a missing file is made.
            An existing one (left by a database that was replaced) must still
            match, or it is kept as evidence.
        restart: Overwrite the anchor whatever it records.
    """
    with _ANCHOR_LOCK:
        head = audit_head(store)
        if head is None:
            return
        try:
            recorded = None if restart else read_anchor(path)
        except AuditAnchorError as exc:
            _warn_once(path, str(exc))
            return
        if recorded is None and not (start or restart):
            _warn_once(
                path,
                f"the audit trail's anchor {path} is missing and is not made "
                "again; run `workstation audit verify`.",
            )
            return
        if recorded is not None and recorded != head_at(store, recorded.seq):
            _warn_once(
                path,
                f"the audit trail no longer holds the entry its anchor {path} "
                "records; the anchor is kept as it is. Run `workstation audit "
                "verify`.",
            )
            return
        try:
            write_anchor(path, head)
        except OSError as exc:
            _warn_once(path, f"cannot update the audit anchor {path}: {exc}")


def head_at(store: CaseStore, seq: int) -> AuditHead | None:
    """Entry ``seq``'s number, time and hash; None when the log has no such entry."""
    row = store.execute(
        f"SELECT seq, {_TIME}, hash FROM audit_log WHERE seq = ?", [seq]
    ).fetchone()
    return AuditHead(*row) if row else None


def _warn_once(path: Path, message: str) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        log.warning("%s", message)
