"""Entity and link lookups used by several services."""

from __future__ import annotations

import json

from workstation.domain.errors import NotFoundError
from workstation.domain.records import Entity
from workstation.store.case_store import CaseStore

_COLUMNS = "id, case_id, type, key, label, attributes"


def _entity(row) -> Entity:
    attributes = json.loads(row[5]) if row[5] else {}
    return Entity(row[0], row[1], row[2], row[3], row[4], attributes)


def find_entity(store: CaseStore, case_id: int, type_: str, key: str) -> Entity:
    row = store.execute(
        f"SELECT {_COLUMNS} FROM entities WHERE case_id = ? AND type = ? AND key = ?",
        [case_id, type_, key],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No {type_} with key {key!r} in this case.")
    return _entity(row)


def set_entity_role(store: CaseStore, entity_id: int, role: str) -> None:
    store.execute("UPDATE entities SET role = ? WHERE id = ?", [role, entity_id])


def entities_with_role(store: CaseStore, case_id: int, role: str) -> list[Entity]:
    rows = store.execute(
        f"SELECT {_COLUMNS} FROM entities WHERE case_id = ? AND role = ? ORDER BY id",
        [case_id, role],
    ).fetchall()
    return [_entity(r) for r in rows]
