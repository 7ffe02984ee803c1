"""Evidence rows: what was added to which case, by whom, with which hash."""

from __future__ import annotations

import json

from workstation.domain.errors import NotFoundError
from workstation.domain.records import Evidence
from workstation.store.case_store import CaseStore

_COLUMNS = (
    "id, case_id, sha256, original_name, original_path, size_bytes, media_type, "
    "added_by, added_at, vault_path"
)


def insert_evidence(
    store: CaseStore,
    case_id: int,
    *,
    sha256: str,
    original_name: str,
    original_path: str,
    size_bytes: int,
    media_type: str,
    vault_path: str,
    added_by: str,
    exif: dict | None = None,
) -> tuple[Evidence, bool]:
    """Insert an evidence row; return it and whether it was new to the case."""
    existing = store.execute(
        f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? AND sha256 = ?",
        [case_id, sha256],
    ).fetchone()
    if existing:
        return Evidence(*existing), False
    row = store.execute(
        "INSERT INTO evidence (case_id, sha256, original_name, original_path, "
        "size_bytes, media_type, vault_path, exif, added_by) "
        f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
        [
            case_id,
            sha256,
            original_name,
            original_path,
            size_bytes,
            media_type,
            vault_path,
            json.dumps(exif or {}, ensure_ascii=False, default=str),
            added_by,
        ],
    ).fetchone()
    return Evidence(*row), True


def list_evidence(store: CaseStore, case_id: int | None = None) -> list[Evidence]:
    if case_id is None:
        rows = store.execute(f"SELECT {_COLUMNS} FROM evidence ORDER BY id").fetchall()
    else:
        rows = store.execute(
            f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? ORDER BY id", [case_id]
        ).fetchall()
    return [Evidence(*r) for r in rows]


def get_evidence(store: CaseStore, evidence_id: int) -> Evidence:
    row = store.execute(
        f"SELECT {_COLUMNS} FROM evidence WHERE id = ?", [evidence_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No evidence item with id {evidence_id}.")
    return Evidence(*row)


def cases_holding(store: CaseStore, sha256: str) -> list[str]:
    rows = store.execute(
        "SELECT DISTINCT c.number FROM evidence e JOIN cases c ON c.id = e.case_id "
        "WHERE e.sha256 = ? ORDER BY 1",
        [sha256],
    ).fetchall()
    return [r[0] for r in rows]
