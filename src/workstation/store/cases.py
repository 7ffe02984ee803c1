"""Case rows."""

from __future__ import annotations

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.records import Case
from workstation.store.case_store import CaseStore

_COLUMNS = "id, number, title, kind, status, lead_officer, created_at, description"


def _case(row) -> Case:
    return Case(*row[:7], description=row[7])


def create_case(
    store: CaseStore,
    number: str,
    title: str,
    *,
    kind: str = "criminal",
    lead_officer: str = "",
    description: str = "",
) -> Case:
    number = number.strip()
    if not number:
        raise WorkstationError("A case needs a case number.")
    if find_case(store, number) is not None:
        raise WorkstationError(f"Case {number} already exists in this workspace.")
    row = store.execute(
        "INSERT INTO cases (number, title, kind, lead_officer, description) "
        f"VALUES (?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
        [number, title, kind, lead_officer, description],
    ).fetchone()
    return _case(row)


def find_case(store: CaseStore, number: str) -> Case | None:
    row = store.execute(
        f"SELECT {_COLUMNS} FROM cases WHERE number = ?", [number.strip()]
    ).fetchone()
    return _case(row) if row else None


def get_case(store: CaseStore, number: str) -> Case:
    case = find_case(store, number)
    if case is None:
        known = ", ".join(c.number for c in list_cases(store)) or "none yet"
        raise NotFoundError(
            f"No case numbered {number!r} in this workspace (cases: {known}). "
            "Create it with `workstation case create`."
        )
    return case


def list_cases(store: CaseStore) -> list[Case]:
    rows = store.execute(f"SELECT {_COLUMNS} FROM cases ORDER BY id").fetchall()
    return [_case(r) for r in rows]


def set_case_status(store: CaseStore, case_id: int, status: str) -> None:
    store.execute("UPDATE cases SET status = ? WHERE id = ?", [status, case_id])
