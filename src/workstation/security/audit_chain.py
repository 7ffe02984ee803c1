"""The audit log as a hash chain: each entry's hash covers the previous one.

Editing, inserting or deleting an entry breaks the chain from that entry on,
so :func:`first_broken_entry` names the first place that was tampered with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    logged_at: str
    user_name: str
    os_user: str
    action: str
    object: str
    details: Mapping
    prev_hash: str
    hash: str


def entry_hash(
    prev_hash: str,
    seq: int,
    logged_at: str,
    user_name: str,
    os_user: str,
    action: str,
    obj: str,
    details: Mapping,
) -> str:
    """Hash one entry over a canonical JSON form of its fields.

    >>> h = entry_hash(GENESIS_HASH, 1, "2026-01-01T00:00:00", "a", "a", "x", "y", {})
    >>> len(h)
    64
    """
    payload = json.dumps(
        [prev_hash, seq, logged_at, user_name, os_user, action, obj, details],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def first_broken_entry(entries: Iterable[AuditEntry]) -> tuple[int, str] | None:
    """Return ``(seq, why)`` of the first entry that breaks the chain, or None."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for entry in entries:
        if entry.seq != expected_seq:
            return entry.seq, f"expected entry {expected_seq}, found {entry.seq}"
        if entry.prev_hash != expected_prev:
            return entry.seq, "does not follow the previous entry"
        recomputed = entry_hash(
            entry.prev_hash,
            entry.seq,
            entry.logged_at,
            entry.user_name,
            entry.os_user,
            entry.action,
            entry.object,
            entry.details,
        )
        if recomputed != entry.hash:
            return entry.seq, "content changed after it was written"
        expected_prev = entry.hash
        expected_seq += 1
    return None
