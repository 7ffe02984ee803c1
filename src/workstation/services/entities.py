"""Marking entities (suspect, witness, victim) and reading case figures."""

from __future__ import annotations

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.records import Entity
from workstation.domain.types import EntityType
from workstation.ingest.normalise import phone_key
from workstation.security.roles import Permission
from workstation.services.workspace import Workspace
from workstation.store import browse_rows, entity_rows, graph_rows

ROLES = ("suspect", "victim", "witness", "associate", "")


def set_role(
    ws: Workspace, case_number: str, type_: str, key: str, role: str
) -> Entity:
    """Give an entity a role in the case (audited)."""
    ws.require(Permission.EDIT_CASE)
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


def entities_named(ws: Workspace, case_number: str, text: str) -> list[Entity]:
    """The case's entities an analyst means by ``text``.

    Args:
        ws: The open workspace.
        case_number: The case.
        text: Key, label, phone number as written, or ``TYPE:KEY``.

    Returns:
        The matches, by type and id.

    Raises:
        NotFoundError: No entity of the case matches.
    """
    case = ws.case(case_number)
    wanted = text.strip()
    kind, _, key = wanted.partition(":")
    matches: list[Entity] = []
    if key and kind.lower() in {t.value for t in EntityType}:
        matches = [
            e
            for e in graph_rows.match_entities(ws.store, case.id, key.strip())
            if e.type == kind.lower()
        ]
    if not matches:
        matches = graph_rows.match_entities(ws.store, case.id, wanted)
    if not matches and (number := phone_key(wanted)):
        matches = graph_rows.match_entities(ws.store, case.id, number)
    if not matches:
        raise NotFoundError(
            f"No entity of case {case.number} has the key or label {text!r}; "
            "check the spelling, or give TYPE:KEY such as person:18."
        )
    return matches


def describe(entity: Entity) -> str:
    """``person 张伟 (key 110...)``: an entity as messages name it."""
    return f"{entity.type} {entity.label} (key {entity.key})"


def several_named(
    text: str, case_number: str, matches: list[Entity]
) -> WorkstationError:
    """The error for ``text`` naming several entities, each listed."""
    listed = "; ".join(describe(e) for e in matches)
    return WorkstationError(
        f"{text!r} names {len(matches)} entities of case {case_number}: "
        f"{listed}. Give TYPE:KEY to choose one."
    )


def mark_role(ws: Workspace, case_number: str, text: str, role: str) -> Entity:
    """Give the entity ``text`` names a role in the case (audited).

    Args:
        ws: The open workspace.
        case_number: The case.
        text: Key, label, phone number as written, or ``TYPE:KEY``.
        role: One of :data:`ROLES`; "" clears the role.

    Returns:
        The entity.

    Raises:
        NotFoundError: No entity matches.
        WorkstationError: Several match (the message lists them), or the role
            is unknown.
    """
    matches = entities_named(ws, case_number, text)
    if len(matches) > 1:
        raise several_named(text, case_number, matches)
    (entity,) = matches
    return set_role(ws, case_number, entity.type, entity.key, role)


def with_role(ws: Workspace, case_number: str, role: str) -> list[Entity]:
    """The case's entities of one role, in the order they were added."""
    case = ws.case(case_number)
    return entity_rows.entities_with_role(ws.store, case.id, role)


def suspects(ws: Workspace, case_number: str) -> list[Entity]:
    """The case's suspects, in the order they were added."""
    return with_role(ws, case_number, "suspect")


def case_counts(ws: Workspace, case_number: str) -> dict[str, int]:
    """Row counts of the case: entities, links, evidence, faces, searches, imports."""
    return browse_rows.case_totals(ws.store, ws.case(case_number).id)
