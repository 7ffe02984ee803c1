"""Case quality and timeliness: the supervisors' review of how cases are handled.

A review case (e.g. ``QA-2026-11``) holds the stations' case lists, imported
with the ``case_list`` spec (``workstation import QA-2026-11 list.xlsx --spec
case_list``). Supervisors record the problem points they find in a case
(:func:`record_finding`) from the checklist of its kind, and read the month's
figures per station and per officer (:func:`quality_summary`): cases handled
(lead and assist weighted), late registrations, the 30-day closure rate of
administrative cases, problem points by category and a ranking (see
:mod:`workstation.services.quality_figures` for how cases are scored).

Reading the figures and recording findings need the supervisors' right
(:attr:`Permission.REVIEW_QUALITY`); both are audited.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.quality import (
    CaseRecord,
    Checklist,
    Finding,
    Officer,
    QualitySummary,
    RecordProblem,
)
from workstation.domain.records import Case
from workstation.security.roles import Permission
from workstation.services.quality_checklist import checklist_path, load_checklist
from workstation.services.quality_figures import month_of, summarise
from workstation.services.workspace import Workspace
from workstation.store import quality_rows
from workstation.store.quality_rows import ASSISTS, LEADS, RecordRow

log = logging.getLogger(__name__)

_MONTH = re.compile(r"(\d{4})-(\d{2})")
#: What each part of a record is called when its import's spec does not say.
_DEFAULT_COLUMNS = {
    "reported": "报案时间",
    "registered": "登记时间",
    "closed": "结案时间",
    "kind": "案件类别",
    "station": "办案单位",
    "lead": "主办警号",
}


def parse_month(text: str) -> str:
    """``YYYY-MM``, checked.

    Raises:
        WorkstationError: Not a month written ``YYYY-MM``.

    >>> parse_month(" 2026-11 ")
    '2026-11'
    """
    match = _MONTH.fullmatch(str(text).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise WorkstationError(
            f"{text!r} is not a month; write it YYYY-MM, e.g. 2026-11."
        )
    return match.group(0)


def quality_checklist(ws: Workspace, path: str | Path | None = None) -> Checklist:
    """The checklist in force: ``path``, else the workspace's copy, else the default.

    Raises:
        InputFileError: The file is missing or wrong (the message names the key).
    """
    return load_checklist(checklist_path(ws.root, path))


@dataclass(frozen=True)
class _Columns:
    """The column names a record's import read its parts from."""

    names: dict[str, str]

    @classmethod
    def of_spec(cls, spec: dict | None) -> _Columns:
        names = dict(_DEFAULT_COLUMNS)
        if not spec:
            return cls(names)
        for event in spec.get("events", []):
            part = str(event.get("kind", "")).removeprefix("case.")
            if part in names and event.get("time"):
                names[part] = event["time"]
        for entity in spec.get("entities", {}).values():
            attributes = entity.get("attributes")
            if entity.get("type") == quality_rows.RECORD_TYPE and isinstance(
                attributes, dict
            ):
                names.update({k: v for k, v in attributes.items() if k in names})
        return cls(names)


def _day_of(when: datetime | None, earlier: datetime | None) -> bool:
    """Whether ``when`` is a bare date (midnight) on the day of a later ``earlier``.

    Lists often give only the day of a registration or closing; read as
    midnight, it would fall before a report made later that same day.
    """
    return (
        when is not None
        and earlier is not None
        and when.time() == time(0)
        and when.date() == earlier.date()
        and when < earlier
    )


def _check_record(
    row: RecordRow,
    officers: list[quality_rows.OfficerRow],
    columns: _Columns,
    checklist: Checklist,
) -> tuple[CaseRecord | None, list[RecordProblem]]:
    """A checked record, or None with the problems that keep it out."""
    leads = [o for o in officers if o.role == LEADS]
    line = leads[0].line if leads else None

    def problem(part: str, message: str) -> RecordProblem:
        column = columns.names.get(part, "")
        return RecordProblem(row.number, row.import_id, line, column, message)

    blocking, notes = [], []
    kind = checklist.kind_of(row.kind_text or "")
    if row.copies > 1 or len(leads) > 1:
        blocking.append(
            problem(
                "",
                f"the list has {max(row.copies, len(leads))} rows for this case; "
                "keep one row per case and import the list again",
            )
        )
    if kind is None:
        words = ", ".join(k.label for k in checklist.kinds)
        blocking.append(
            problem(
                "kind",
                f"case kind {row.kind_text or '(empty)'!r} is not one the "
                f"checklist knows ({words} or their aliases); correct it or add "
                "it to the kind's aliases",
            )
        )
    registered_at, closed_at = row.registered_at, row.closed_at
    if _day_of(registered_at, row.reported_at):
        registered_at = row.reported_at
        notes.append(
            problem(
                "registered",
                "gives the registration day without a time; counted as registered "
                "when it was reported, that day",
            )
        )
    if _day_of(closed_at, registered_at):
        closed_at = registered_at
    if registered_at is None:
        blocking.append(
            problem("registered", "has no registration time; fill it in the list")
        )
    elif row.reported_at is not None and row.reported_at > registered_at:
        blocking.append(
            problem(
                "registered",
                f"registered {row.registered_at:%Y-%m-%d %H:%M}, before it was "
                f"reported ({row.reported_at:%Y-%m-%d %H:%M}); correct the dates",
            )
        )
    if (
        registered_at is not None
        and closed_at is not None
        and closed_at < registered_at
    ):
        blocking.append(
            problem(
                "closed",
                f"closed {row.closed_at:%Y-%m-%d %H:%M}, before it was registered "
                f"({row.registered_at:%Y-%m-%d %H:%M}); correct the dates",
            )
        )
    if not leads:
        blocking.append(problem("lead", "names no lead officer"))
    if row.reported_at is None and registered_at is not None:
        notes.append(
            problem(
                "reported",
                "has no report time, so its registration is not checked for lateness",
            )
        )
    if not row.station:
        notes.append(problem("station", "names no station; it is counted under '-'"))
    if blocking:
        return None, blocking + notes
    record = CaseRecord(
        number=row.number,
        title=row.title,
        kind=kind,
        station=row.station or "-",
        reported_at=row.reported_at,
        registered_at=registered_at,
        closed_at=closed_at,
        lead=Officer(leads[0].key, leads[0].name),
        assists=tuple(Officer(o.key, o.name) for o in officers if o.role == ASSISTS),
        import_id=row.import_id,
        line=line,
    )
    return record, notes


def _records(
    ws: Workspace, case: Case, checklist: Checklist
) -> tuple[list[CaseRecord], list[RecordProblem], dict[str, RecordProblem]]:
    """The case's checked records, every problem, and why each left-out one is."""
    specs = quality_rows.import_specs(ws.store, case.id)
    team: dict[tuple[int, int], list[quality_rows.OfficerRow]] = {}
    for officer in quality_rows.officer_rows(ws.store, case.id):
        team.setdefault((officer.record_id, officer.import_id), []).append(officer)
    records, problems, left_out = [], [], {}
    for row in quality_rows.record_rows(ws.store, case.id):
        columns = _Columns.of_spec(specs.get(row.import_id))
        officers = team.get((row.entity_id, row.import_id), [])
        record, found = _check_record(row, officers, columns, checklist)
        problems += found
        if record is None:
            left_out[row.number] = found[0]
        else:
            records.append(record)
    return records, problems, left_out


def case_records(
    ws: Workspace, case_number: str, *, checklist: str | Path | None = None
) -> tuple[list[CaseRecord], list[RecordProblem]]:
    """Every usable case record of a review case and the problems found in the list."""
    ws.require(Permission.REVIEW_QUALITY)
    case = ws.case(case_number)
    records, problems, _ = _records(ws, case, quality_checklist(ws, checklist))
    return records, problems


def quality_summary(
    ws: Workspace,
    case_number: str,
    month: str,
    *,
    as_of: date | None = None,
    checklist: str | Path | None = None,
) -> QualitySummary:
    """The month's case-quality figures per station and per officer (audited).

    Args:
        ws: The open workspace.
        case_number: The review case holding the case lists.
        month: ``YYYY-MM``; the cases registered in it are counted.
        as_of: The day an open administrative case is judged on (today when
            None): past its limit it is overdue, else pending.
        checklist: A checklist file to use instead of the one in force.

    Returns:
        The figures, the month's records and findings, and the records left
        out of the figures with the reason.

    Raises:
        AccessDeniedError: The acting user is not a supervisor.
        NotFoundError: No such case.
        WorkstationError: A month not written YYYY-MM.
        InputFileError: The checklist file is wrong.
    """
    ws.require(Permission.REVIEW_QUALITY)
    month = parse_month(month)
    case = ws.case(case_number)
    rules = quality_checklist(ws, checklist)
    records, problems, _ = _records(ws, case, rules)
    findings = quality_rows.list_findings(ws.store, case.id)
    # the month's records' notes, and every record left out of the figures
    numbers, kept = _month_numbers(records, month), {r.number for r in records}
    shown = tuple(
        p for p in problems if p.record_no in numbers or p.record_no not in kept
    )
    summary = summarise(
        case.number, month, as_of or date.today(), rules, records, findings, shown
    )
    # officers' figures are personnel data: reading them is recorded
    ws.audit(
        "quality.figures",
        case.number,
        {
            "month": month,
            "as_of": summary.as_of.isoformat(),
            "cases": summary.totals.cases,
            "stations": len(summary.stations),
            "officers": len(summary.officers),
            "findings": len(summary.findings),
            "left_out": len({p.record_no for p in problems} - kept),
            "checklist": rules.source,
        },
    )
    log.info(
        "%s %s: quality figures of %d cases", case.number, month, summary.totals.cases
    )
    return summary


def _month_numbers(records: list[CaseRecord], month: str) -> set[str]:
    return {r.number for r in records if month_of(r.registered_at) == month}


def record_finding(
    ws: Workspace,
    case_number: str,
    record_no: str,
    category: str,
    point: str,
    *,
    note: str,
    points: float | None = None,
    checklist: str | Path | None = None,
) -> Finding:
    """Record a problem point found in one case record (supervisors; audited).

    Args:
        ws: The open workspace.
        case_number: The review case.
        record_no: The case record's number, as in the case list.
        category: The category's key or label in the checklist of the
            record's kind (``evidence`` or ``调查取证``).
        point: The point's key or label in that category.
        note: What was found, for the officers and the record.
        points: The deduction; the checklist's value when None.
        checklist: A checklist file to use instead of the one in force.

    Raises:
        AccessDeniedError: The acting user is not a supervisor.
        NotFoundError: No such case, record, category or point (the message
            lists the ones there are).
        WorkstationError: No note, negative points, or a record left out of
            the figures (the message says why).
    """
    ws.require(Permission.REVIEW_QUALITY)
    case = ws.case(case_number)
    if not note.strip():
        raise WorkstationError(
            f"Say what was found in case {record_no}: give a note with the finding."
        )
    if points is not None and points < 0:
        raise WorkstationError(f"A finding deducts 0 or more points, not {points:g}.")
    rules = quality_checklist(ws, checklist)
    record = _find_record(ws, case, rules, record_no)
    kind = rules.kind(record.kind)
    found_category = kind.category(category.strip())
    if found_category is None:
        names = ", ".join(f"{c.key} ({c.label})" for c in kind.categories)
        raise NotFoundError(
            f"The {kind.label_en.lower()} checklist has no category {category!r}; "
            f"choose one of: {names}."
        )
    found_point = found_category.point(point.strip())
    if found_point is None:
        names = ", ".join(f"{p.key} ({p.label})" for p in found_category.points)
        raise NotFoundError(
            f"Category {found_category.key} ({found_category.label}) has no point "
            f"{point!r}; choose one of: {names}."
        )
    deduct = found_point.points if points is None else float(points)
    with ws.store.transaction():
        finding_id = quality_rows.insert_finding(
            ws.store,
            case.id,
            record_no=record.number,
            case_kind=record.kind,
            category=found_category.key,
            point=found_point.key,
            points=deduct,
            note=note.strip(),
            recorded_by=ws.user,
        )
        ws.audit(
            "quality.finding",
            case.number,
            {
                "finding_id": finding_id,
                "record_no": record.number,
                "kind": record.kind,
                "category": found_category.key,
                "point": found_point.key,
                "points": deduct,
                "note": note.strip(),
            },
        )
    log.info("finding %d on %s recorded by %s", finding_id, record.number, ws.user)
    return quality_rows.get_finding(ws.store, finding_id)


def _find_record(
    ws: Workspace, case: Case, checklist: Checklist, record_no: str
) -> CaseRecord:
    records, _, left_out = _records(ws, case, checklist)
    number = record_no.strip().upper().replace(" ", "")
    for record in records:
        if record.number == number:
            return record
    if number in left_out:
        raise WorkstationError(
            f"Case {number} is left out of the figures: {left_out[number].describe()}"
        )
    raise NotFoundError(
        f"Case {case.number} holds no case record {record_no!r}; import the "
        "station's case list first (workstation import CASE FILE --spec case_list)."
    )


def withdraw_finding(
    ws: Workspace, case_number: str, finding_id: int, reason: str
) -> Finding:
    """Withdraw a finding recorded in error; it is kept with who withdrew it and why.

    Raises:
        AccessDeniedError: The acting user is not a supervisor.
        NotFoundError: No such finding in the case.
        WorkstationError: No reason, or the finding was withdrawn already.
    """
    ws.require(Permission.REVIEW_QUALITY)
    case = ws.case(case_number)
    finding = quality_rows.get_finding(ws.store, finding_id)
    if finding.case_number != case.number:
        raise NotFoundError(f"Case {case.number} has no finding {finding_id}.")
    if finding.withdrawn_at is not None:
        raise WorkstationError(
            f"Finding {finding_id} was withdrawn by {finding.withdrawn_by} already."
        )
    if not reason.strip():
        raise WorkstationError(f"Say why finding {finding_id} is withdrawn.")
    with ws.store.transaction():
        quality_rows.withdraw_finding(
            ws.store, finding_id, withdrawn_by=ws.user, reason=reason.strip()
        )
        ws.audit(
            "quality.withdraw",
            case.number,
            {
                "finding_id": finding_id,
                "record_no": finding.record_no,
                "points": finding.points,
                "reason": reason.strip(),
            },
        )
    return quality_rows.get_finding(ws.store, finding_id)


def list_findings(
    ws: Workspace, case_number: str, *, withdrawn: bool = False
) -> list[Finding]:
    """A review case's findings, oldest first (withdrawn ones when asked)."""
    ws.require(Permission.REVIEW_QUALITY)
    case = ws.case(case_number)
    return quality_rows.list_findings(ws.store, case.id, withdrawn=withdrawn)
