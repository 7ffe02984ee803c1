"""Appending to and reading the audit chain."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from workstation.security.audit_chain import GENESIS_HASH, AuditEntry, entry_hash
from workstation.store.case_store import CaseStore


def append_audit(
    store: CaseStore,
    *,
    user_name: str,
    os_user: str,
    action: str,
    obj: str,
    details: dict | None = None,
) -> AuditEntry:
    """Append one entry, chained to the last; joins the caller's transaction."""
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
    return AuditEntry(
        seq, logged_at, user_name, os_user, action, obj, details, prev_hash, digest
    )


def read_audit(store: CaseStore, limit: int | None = None) -> list[AuditEntry]:
    sql = (
        "SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%f'), user_name, "
        "os_user, action, object, details, prev_hash, hash FROM audit_log ORDER BY seq"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8])
        for r in store.execute(sql).fetchall()
    ]
