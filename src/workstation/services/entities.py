"""Marking entities (suspect, witness, victim) and reading case figures."""

from __future__ import annotations

from workstation.domain.errors import WorkstationError
from workstation.domain.records import Entity
from workstation.services.workspace import Workspace
from workstation.store import browse_rows, entity_rows

ROLES = ("suspect", "victim", "witness", "associate", "")


def set_role(
    ws: Workspace, case_number: str, type_: str, key: str, role: str
) -> Entity:
    """Give an entity a role in the case (audited)."""
    if role not in ROLES:
        raise WorkstationError(
            f"Unknown role {role!r}; use one of: {', '.join(r for r in ROLES if r)}."
        )
    case = ws.case(case_number)
    entity = entity_rows.find_entity(ws.store, case.id, type_, key)
    with ws.store.transaction():
        entity_rows.set_entity_role(ws.store, entity.id, role)
        ws.audit("entity.role", case.number, {"entity": entity.id, "role": role})
    return entity


def suspects(ws: Workspace, case_number: str) -> list[Entity]:
    case = ws.case(case_number)
    return entity_rows.entities_with_role(ws.store, case.id, "suspect")


def case_counts(ws: Workspace, case_number: str) -> dict[str, int]:
    """Row counts of the case: entities, links, evidence, faces, searches, imports."""
    return browse_rows.case_totals(ws.store, ws.case(case_number).id)
