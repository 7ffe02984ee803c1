"""Case-quality rows: case records read from imported case lists, and findings.

A case list imported with the ``case_list`` spec leaves, per row, a
``case-record`` entity (kind and station as attributes), ``leads`` and
``assists`` links from the officers, and three events (``case.reported``,
``case.registered``, ``case.closed``) holding the times. A record imported
again (a later export of the same list) is read from its latest import only,
so a closing date filled in later replaces the empty one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.errors import NotFoundError
from workstation.domain.quality import Finding
from workstation.store.case_store import CaseStore

#: The event kinds of a case record's times.
REPORTED, REGISTERED, CLOSED = "case.reported", "case.registered", "case.closed"
RECORD_TYPE = "case-record"
LEADS, ASSISTS = "leads", "assists"


@dataclass(frozen=True)
class RecordRow:
    """A case record as stored, before its kind and dates are checked."""

    entity_id: int
    number: str
    title: str
    kind_text: str | None
    station: str | None
    import_id: int
    reported_at: datetime | None
    registered_at: datetime | None
    closed_at: datetime | None
    copies: int


@dataclass(frozen=True)
class OfficerRow:
    """An officer's link to a case record in one import."""

    record_id: int
    import_id: int
    role: str
    key: str
    name: str
    line: int | None


def record_rows(store: CaseStore, case_id: int) -> list[RecordRow]:
    """Every case record of a case, with the times of its latest import."""
    rows = store.execute(
        "WITH ev AS (SELECT entity_id, import_id, kind, occurred_at, "
        "count(*) OVER (PARTITION BY entity_id, import_id, kind) AS copies "
        "FROM events WHERE case_id = ? AND kind IN (?, ?, ?)), "
        "latest AS (SELECT entity_id, max(import_id) AS import_id FROM ev "
        "WHERE kind = ? GROUP BY entity_id) "
        "SELECT e.id, e.key, e.label, "
        "json_extract_string(e.attributes, '$.kind'), "
        "json_extract_string(e.attributes, '$.station'), l.import_id, "
        "max(ev.occurred_at) FILTER (WHERE ev.kind = ?), "
        "max(ev.occurred_at) FILTER (WHERE ev.kind = ?), "
        "max(ev.occurred_at) FILTER (WHERE ev.kind = ?), max(ev.copies) "
        "FROM entities e JOIN latest l ON l.entity_id = e.id "
        "JOIN ev ON ev.entity_id = e.id AND ev.import_id = l.import_id "
        "WHERE e.case_id = ? AND e.type = ? "
        "GROUP BY e.id, e.key, e.label, e.attributes, l.import_id ORDER BY e.key",
        [
            case_id,
            REPORTED,
            REGISTERED,
            CLOSED,
            REGISTERED,
            REPORTED,
            REGISTERED,
            CLOSED,
            case_id,
            RECORD_TYPE,
        ],
    ).fetchall()
    return [RecordRow(*row) for row in rows]


def officer_rows(store: CaseStore, case_id: int) -> list[OfficerRow]:
    """Every lead and assist link of a case's records, in file order."""
    rows = store.execute(
        "SELECT k.target_id, k.import_id, k.type, p.key, p.label, k.source_line "
        "FROM links k JOIN entities p ON p.id = k.source_id "
        "WHERE k.case_id = ? AND k.type IN (?, ?) "
        "ORDER BY k.import_id, k.source_line, k.id",
        [case_id, LEADS, ASSISTS],
    ).fetchall()
    return [OfficerRow(*row) for row in rows]


def import_specs(store: CaseStore, case_id: int) -> dict[int, dict]:
    """The mapping spec each import of a case was made with, by import id."""
    rows = store.execute(
        "SELECT id, spec FROM imports WHERE case_id = ?", [case_id]
    ).fetchall()
    return {row[0]: json.loads(row[1]) for row in rows}


# -- findings -----------------------------------------------------------------------

_FINDING_COLUMNS = (
    "f.id, c.number, f.record_no, f.case_kind, f.category, f.point, f.points, "
    "f.note, f.recorded_by, f.recorded_at, f.withdrawn_by, f.withdrawn_at, "
    "f.withdraw_reason"
)
_FINDING_FROM = "FROM quality_findings f JOIN cases c ON c.id = f.case_id"


def insert_finding(
    store: CaseStore,
    case_id: int,
    *,
    record_no: str,
    case_kind: str,
    category: str,
    point: str,
    points: float,
    note: str,
    recorded_by: str,
) -> int:
    row = store.execute(
        "INSERT INTO quality_findings (case_id, record_no, case_kind, category, "
        "point, points, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        [case_id, record_no, case_kind, category, point, points, note, recorded_by],
    ).fetchone()
    return row[0]


def get_finding(store: CaseStore, finding_id: int) -> Finding:
    row = store.execute(
        f"SELECT {_FINDING_COLUMNS} {_FINDING_FROM} WHERE f.id = ?", [finding_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"There is no finding {finding_id}; `workstation quality findings CASE` "
            "lists them."
        )
    return Finding(*row)


def list_findings(
    store: CaseStore, case_id: int, *, withdrawn: bool = False
) -> list[Finding]:
    """A case's findings, oldest first; withdrawn ones only when asked."""
    where = "" if withdrawn else " AND f.withdrawn_at IS NULL"
    rows = store.execute(
        f"SELECT {_FINDING_COLUMNS} {_FINDING_FROM} WHERE f.case_id = ?{where} "
        "ORDER BY f.id",
        [case_id],
    ).fetchall()
    return [Finding(*row) for row in rows]


def withdraw_finding(
    store: CaseStore, finding_id: int, *, withdrawn_by: str, reason: str
) -> None:
    store.execute(
        "UPDATE quality_findings SET withdrawn_by = ?, withdrawn_at = "
        "current_timestamp, withdraw_reason = ? WHERE id = ?",
        [withdrawn_by, reason, finding_id],
    )
