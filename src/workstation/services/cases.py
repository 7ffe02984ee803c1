"""Creating, listing and closing cases."""

from __future__ import annotations

from workstation.domain.records import Case
from workstation.security.roles import Permission
from workstation.services.workspace import Workspace
from workstation.store import cases as case_rows


def create_case(
    ws: Workspace,
    number: str,
    title: str,
    *,
    kind: str = "criminal",
    lead_officer: str = "",
    description: str = "",
) -> Case:
    ws.require(Permission.MANAGE_CASES)
    with ws.store.transaction():
        case = case_rows.create_case(
            ws.store,
            number,
            title,
            kind=kind,
            lead_officer=lead_officer or ws.user,
            description=description,
        )
        ws.audit("case.create", case.number, {"title": title, "kind": kind})
    return case


def list_cases(ws: Workspace) -> list[Case]:
    return case_rows.list_cases(ws.store)


def close_case(ws: Workspace, number: str) -> None:
    ws.require(Permission.MANAGE_CASES)
    case = ws.case(number)
    with ws.store.transaction():
        case_rows.set_case_status(ws.store, case.id, "closed")
        ws.audit("case.close", case.number)
