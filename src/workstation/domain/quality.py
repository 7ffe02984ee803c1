"""Case-quality review: the checklist, case records, findings and the figures.

Plain frozen dataclasses shared by the service that computes the figures, the
monthly PDF and the Quality tab. Nothing here reads a file or the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

ADMINISTRATIVE = "administrative"
CRIMINAL = "criminal"
#: The case kinds a checklist must describe, in the order they are printed.
CASE_KINDS = (ADMINISTRATIVE, CRIMINAL)


@dataclass(frozen=True)
class QualitySettings:
    """How cases are counted and scored (``[settings]`` of the checklist).

    Attributes:
        lead_weight: What a case counts for its lead officer.
        assist_weight: What it counts for each assisting officer.
        late_registration_days: Registered more than this many days after
            the report is late.
        closure_days: An administrative case is closed in time within this
            many days of its registration.
        base_score: Every case's score before deductions.
        late_registration_points: Deducted for a late registration.
        overdue_closure_points: Deducted for an administrative case not
            closed in time.
    """

    lead_weight: float = 1.0
    assist_weight: float = 0.5
    late_registration_days: float = 1.0
    closure_days: float = 30.0
    base_score: float = 100.0
    late_registration_points: float = 2.0
    overdue_closure_points: float = 2.0


@dataclass(frozen=True)
class ProblemPoint:
    """One problem a reviewer may find, with its default deduction."""

    key: str
    label: str
    label_en: str
    points: float


@dataclass(frozen=True)
class ProblemCategory:
    """A group of problem points of one case kind (受案登记, 强制措施, ...)."""

    key: str
    label: str
    label_en: str
    points: tuple[ProblemPoint, ...]

    def point(self, name: str) -> ProblemPoint | None:
        """The point whose key or label (either language) is ``name``."""
        return next((p for p in self.points if name in _names(p)), None)


@dataclass(frozen=True)
class KindChecklist:
    """The checklist of one case kind and the words a case list uses for it."""

    kind: str
    label: str
    label_en: str
    aliases: tuple[str, ...]
    categories: tuple[ProblemCategory, ...]

    def category(self, name: str) -> ProblemCategory | None:
        """The category whose key or label (either language) is ``name``."""
        return next((c for c in self.categories if name in _names(c)), None)


def _names(item) -> tuple[str, ...]:
    return (item.key, item.label, item.label_en)


@dataclass(frozen=True)
class Checklist:
    """The settings and the checklist of every case kind, and where they came from."""

    source: str
    settings: QualitySettings
    kinds: tuple[KindChecklist, ...]

    def kind(self, kind: str) -> KindChecklist:
        """The checklist of ``administrative`` or ``criminal``."""
        return next(k for k in self.kinds if k.kind == kind)

    def kind_of(self, written: str) -> str | None:
        """The case kind a case list's word means (``行政`` is administrative)."""
        text = written.strip().casefold()
        for kind in self.kinds:
            names = (kind.kind, kind.label, kind.label_en, *kind.aliases)
            if text in {n.casefold() for n in names}:
                return kind.kind
        return None


@dataclass(frozen=True)
class Officer:
    """An officer named on a case list: police number and name."""

    key: str
    name: str


@dataclass(frozen=True)
class CaseRecord:
    """One police case of a case list, as the latest import of it says.

    Attributes:
        number: The case number (案件编号).
        title: Its name, or the number when the list has none.
        kind: ``administrative`` or ``criminal``.
        station: The station that handles it (办案单位).
        reported_at: When it was reported (报案).
        registered_at: When it was registered (受案/立案).
        closed_at: When it was closed, None while it is open.
        lead: The lead officer (主办).
        assists: The assisting officers (协办).
        import_id: The import the record was read from.
        line: Its line in that import's file.
    """

    number: str
    title: str
    kind: str
    station: str
    reported_at: datetime | None
    registered_at: datetime
    closed_at: datetime | None
    lead: Officer
    assists: tuple[Officer, ...]
    import_id: int
    line: int | None


@dataclass(frozen=True)
class Finding:
    """A problem point a supervisor found in one case record."""

    id: int
    case_number: str
    record_no: str
    case_kind: str
    category: str
    point: str
    points: float
    note: str
    recorded_by: str
    recorded_at: datetime
    withdrawn_by: str | None = None
    withdrawn_at: datetime | None = None
    withdraw_reason: str | None = None


@dataclass(frozen=True)
class RecordProblem:
    """Why a record of the case list is left out of the figures, or doubtful."""

    record_no: str
    import_id: int | None
    line: int | None
    column: str
    message: str

    def describe(self) -> str:
        """One line: the record, where it came from, the column and what to do."""
        where = f"import {self.import_id}" if self.import_id else "the case list"
        if self.line:
            where += f", line {self.line}"
        column = f", column {self.column}" if self.column else ""
        return f"Record {self.record_no} ({where}{column}): {self.message}"


@dataclass(frozen=True)
class CategoryPoints:
    """Problem points of one category (of one case kind)."""

    kind: str
    category: str
    label: str
    label_en: str
    points: float
    findings: int


def closure_rate(closed_in_time: int, overdue: int) -> float | None:
    """The share closed in time among the cases whose time is up; None if none.

    >>> closure_rate(2, 2), closure_rate(0, 0)
    (0.5, None)
    """
    due = closed_in_time + overdue
    return closed_in_time / due if due else None


def rate_text(rate: float | None) -> str:
    """A closure rate as shown in tables: a whole percentage, or "-" for none.

    >>> rate_text(0.5), rate_text(None)
    ('50%', '-')
    """
    return "-" if rate is None else f"{rate:.0%}"


@dataclass(frozen=True)
class Timeliness:
    """Registration and 30-day closure figures of a set of cases.

    ``closure_rate`` is the share of administrative cases closed in time
    among those whose time is up (closed, or open past the limit); None when
    there are none. ``pending`` are open and still within the limit.
    """

    cases: int
    administrative: int
    criminal: int
    late_registrations: int
    mean_registration_hours: float | None
    closed_in_time: int
    overdue: int
    pending: int

    @property
    def closure_rate(self) -> float | None:
        return closure_rate(self.closed_in_time, self.overdue)


@dataclass(frozen=True)
class StationFigures:
    """One station's month: timeliness, problem points, score and rank."""

    station: str
    timeliness: Timeliness
    problem_points: float
    by_category: tuple[CategoryPoints, ...]
    score: float
    rank: int


@dataclass(frozen=True)
class OfficerFigures:
    """One officer's month; cases and deductions shared by the weights.

    ``weighted_cases`` is lead cases times the lead weight plus assisted
    cases times the assist weight; ``problem_points`` is the officer's share
    of the problem points of those cases (a case's points are split between
    its officers in proportion to their weights); ``score`` is the mean score
    of the officer's cases, weighted the same way.
    """

    key: str
    name: str
    stations: tuple[str, ...]
    lead_cases: int
    assist_cases: int
    weighted_cases: float
    late_registrations: int
    closed_in_time: int
    overdue: int
    problem_points: float
    score: float
    rank: int

    @property
    def closure_rate(self) -> float | None:
        return closure_rate(self.closed_in_time, self.overdue)


@dataclass(frozen=True)
class MonthTrend:
    """The registration and closure figures of one month, for the trend chart."""

    month: str
    timeliness: Timeliness


@dataclass(frozen=True)
class QualitySummary:
    """The month's case-quality figures of a review case.

    Attributes:
        case_number: The workstation case holding the case lists.
        month: ``YYYY-MM``: records registered in it are counted.
        as_of: Open administrative cases are overdue when their limit is
            before this day.
        checklist: The settings and checklist the figures were computed with.
        totals: All of the month's cases together.
        stations: Per station, best score first.
        officers: Per officer, best score first.
        categories: Problem points by category, most first.
        trend: The figures of up to twelve months ending with ``month``.
        records: The month's case records, by number.
        findings: The findings on them (withdrawn ones left out).
        problems: Records left out of the figures or doubtful, with why.
    """

    case_number: str
    month: str
    as_of: date
    checklist: Checklist
    totals: Timeliness
    problem_points: float
    stations: tuple[StationFigures, ...]
    officers: tuple[OfficerFigures, ...]
    categories: tuple[CategoryPoints, ...]
    trend: tuple[MonthTrend, ...]
    records: tuple[CaseRecord, ...]
    findings: tuple[Finding, ...]
    problems: tuple[RecordProblem, ...]
