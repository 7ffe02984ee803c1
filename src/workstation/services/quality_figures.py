"""The case-quality figures of a month, computed from records and findings.

Pure functions: they take checked case records, the findings on them and the
checklist, and return a :class:`~workstation.domain.quality.QualitySummary`.

How a case is scored: it starts at ``base_score``; every problem point found
in it deducts its points; a registration later than
``late_registration_days`` after the report deducts
``late_registration_points``; an administrative case not closed within
``closure_days`` of its registration (closed later, or still open after the
limit on the ``as_of`` day) deducts ``overdue_closure_points``. A station's
score is the mean of its cases' scores. An officer's is the mean of the
scores of the cases they worked on, each weighted by the officer's part in it
(``lead_weight`` or ``assist_weight``); a case's problem points are shared
between its officers in proportion to the same weights.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workstation.domain.quality import (
    ADMINISTRATIVE,
    CaseRecord,
    CategoryPoints,
    Checklist,
    Finding,
    MonthTrend,
    OfficerFigures,
    QualitySummary,
    RecordProblem,
    StationFigures,
    Timeliness,
)

log = logging.getLogger(__name__)

#: The trend chart shows at most this many months, ending with the month asked.
TREND_MONTHS = 12

IN_TIME, OVERDUE, PENDING = "in_time", "overdue", "pending"


def month_of(moment: datetime) -> str:
    """``YYYY-MM`` of a time.

    >>> month_of(datetime(2026, 11, 3, 9, 0))
    '2026-11'
    """
    return f"{moment.year:04d}-{moment.month:02d}"


def months_before(month: str, count: int) -> list[str]:
    """``count`` months ending with ``month``, oldest first.

    >>> months_before("2026-02", 3)
    ['2025-12', '2026-01', '2026-02']
    """
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1
    return [
        f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)
    ]


@dataclass(frozen=True)
class ScoredCase:
    """A record with what the figures need of it."""

    record: CaseRecord
    late: bool
    registration_hours: float | None
    closure: str | None  # in_time, overdue, pending; None for criminal cases
    points: float
    findings: tuple[Finding, ...]
    score: float


def score_case(
    record: CaseRecord,
    findings: Iterable[Finding],
    checklist: Checklist,
    as_of: date,
) -> ScoredCase:
    """Timeliness, problem points and score of one case."""
    settings = checklist.settings
    findings = tuple(findings)
    hours = None
    late = False
    if record.reported_at is not None:
        waited = record.registered_at - record.reported_at
        hours = waited.total_seconds() / 3600
        late = waited > timedelta(days=settings.late_registration_days)
    closure = None
    if record.kind == ADMINISTRATIVE:
        limit = record.registered_at + timedelta(days=settings.closure_days)
        if record.closed_at is not None:
            closure = IN_TIME if record.closed_at <= limit else OVERDUE
        else:
            closure = OVERDUE if datetime.combine(as_of, time.max) > limit else PENDING
    points = sum(f.points for f in findings)
    score = (
        settings.base_score
        - points
        - (settings.late_registration_points if late else 0.0)
        - (settings.overdue_closure_points if closure == OVERDUE else 0.0)
    )
    return ScoredCase(record, late, hours, closure, points, findings, score)


def timeliness(cases: list[ScoredCase]) -> Timeliness:
    """Counts of registration and closure over some cases."""
    hours = [c.registration_hours for c in cases if c.registration_hours is not None]
    admin = sum(1 for c in cases if c.record.kind == ADMINISTRATIVE)
    return Timeliness(
        cases=len(cases),
        administrative=admin,
        criminal=len(cases) - admin,
        late_registrations=sum(1 for c in cases if c.late),
        mean_registration_hours=sum(hours) / len(hours) if hours else None,
        closed_in_time=sum(1 for c in cases if c.closure == IN_TIME),
        overdue=sum(1 for c in cases if c.closure == OVERDUE),
        pending=sum(1 for c in cases if c.closure == PENDING),
    )


def category_points(
    findings: Iterable[tuple[Finding, float]], checklist: Checklist
) -> tuple[CategoryPoints, ...]:
    """``(finding, share of its points)`` summed by kind and category, most first."""
    points: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for finding, share in findings:
        key = (finding.case_kind, finding.category)
        points[key] += finding.points * share
        counts[key] += 1
    rows = []
    for (kind, key), total in points.items():
        category = (
            checklist.kind(kind).category(key) if kind in _kinds(checklist) else None
        )
        label = category.label if category else key
        label_en = category.label_en if category else key
        rows.append(
            CategoryPoints(kind, key, label, label_en, total, counts[(kind, key)])
        )
    return tuple(sorted(rows, key=lambda r: (-r.points, r.kind, r.category)))


def _kinds(checklist: Checklist) -> set[str]:
    return {k.kind for k in checklist.kinds}


def _mean(values: list[tuple[float, float]]) -> float:
    """The mean of ``(value, weight)`` pairs."""
    total = sum(w for _, w in values)
    return sum(v * w for v, w in values) / total if total else 0.0


def shared_ranks(merits: list[tuple]) -> list[int]:
    """Ranks of rows sorted best first, shared by rows of equal merit (1, 1, 3).

    The name that orders such rows on the page is no merit, so they share
    the better rank and the next row's rank counts them all.

    >>> shared_ranks([(98.0, 3), (97.0, 2), (97.0, 2), (95.5, 4)])
    [1, 2, 2, 4]
    """
    ranks: list[int] = []
    for i, merit in enumerate(merits):
        ranks.append(ranks[-1] if i and merit == merits[i - 1] else i + 1)
    return ranks


def station_figures(
    cases: list[ScoredCase], checklist: Checklist
) -> tuple[StationFigures, ...]:
    """Per station, best score first (then more cases, then the name).

    Stations with the same score and number of cases share a rank.
    """
    by_station: dict[str, list[ScoredCase]] = defaultdict(list)
    for case in cases:
        by_station[case.record.station].append(case)
    rows = []
    for station, own in by_station.items():
        findings = [(f, 1.0) for c in own for f in c.findings]
        rows.append(
            (
                station,
                timeliness(own),
                sum(c.points for c in own),
                category_points(findings, checklist),
                _mean([(c.score, 1.0) for c in own]),
            )
        )
    rows.sort(key=lambda r: (-round(r[4], 9), -r[1].cases, r[0]))
    ranks = shared_ranks([(round(r[4], 9), r[1].cases) for r in rows])
    return tuple(
        StationFigures(*row, rank=rank) for row, rank in zip(rows, ranks, strict=True)
    )


def officer_figures(
    cases: list[ScoredCase], checklist: Checklist
) -> tuple[OfficerFigures, ...]:
    """Per officer, best score first (then more weighted cases, then the name).

    Officers with the same score and weighted cases share a rank.
    """
    settings = checklist.settings
    parts: dict[str, list[tuple[ScoredCase, float, bool]]] = defaultdict(list)
    names: dict[str, str] = {}
    for case in cases:
        record = case.record
        team = [(record.lead, settings.lead_weight, True)] + [
            (o, settings.assist_weight, False) for o in record.assists
        ]
        total = sum(w for _, w, _ in team)
        for officer, weight, lead in team:
            parts[officer.key].append((case, weight / total if total else 0.0, lead))
            names[officer.key] = officer.name
    rows = []
    for key, own in parts.items():
        weights = [
            settings.lead_weight if lead else settings.assist_weight for *_, lead in own
        ]
        rows.append(
            dict(
                key=key,
                name=names[key],
                stations=tuple(sorted({c.record.station for c, _, _ in own})),
                lead_cases=sum(1 for *_, lead in own if lead),
                assist_cases=sum(1 for *_, lead in own if not lead),
                weighted_cases=sum(weights),
                late_registrations=sum(1 for c, _, _ in own if c.late),
                closed_in_time=sum(1 for c, _, _ in own if c.closure == IN_TIME),
                overdue=sum(1 for c, _, _ in own if c.closure == OVERDUE),
                problem_points=sum(c.points * share for c, share, _ in own),
                score=_mean(
                    [(c.score, w) for (c, _, _), w in zip(own, weights, strict=True)]
                ),
            )
        )
    rows.sort(
        key=lambda r: (-round(r["score"], 9), -r["weighted_cases"], r["name"], r["key"])
    )
    ranks = shared_ranks([(round(r["score"], 9), r["weighted_cases"]) for r in rows])
    return tuple(
        OfficerFigures(**row, rank=rank) for row, rank in zip(rows, ranks, strict=True)
    )


def summarise(
    case_number: str,
    month: str,
    as_of: date,
    checklist: Checklist,
    records: list[CaseRecord],
    findings: list[Finding],
    problems: tuple[RecordProblem, ...] = (),
) -> QualitySummary:
    """The month's figures: records registered in ``month`` are counted.

    Args:
        case_number: The review case holding the case lists.
        month: ``YYYY-MM``.
        as_of: The day open administrative cases are judged on.
        checklist: Settings and checklist in force.
        records: Every checked record of the case (all months, for the trend).
        findings: The findings in force (not withdrawn) on those records.
        problems: Records left out, with why, to print beside the figures.
    """
    by_record: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_record[finding.record_no].append(finding)
    scored = [score_case(r, by_record[r.number], checklist, as_of) for r in records]
    per_month: dict[str, list[ScoredCase]] = defaultdict(list)
    for case in scored:
        per_month[month_of(case.record.registered_at)].append(case)
    this_month = per_month.get(month, [])

    window = months_before(month, TREND_MONTHS)
    with_data = [m for m in window if m in per_month]
    start = window.index(with_data[0]) if with_data else len(window) - 1
    trend = tuple(
        MonthTrend(m, timeliness(per_month.get(m, []))) for m in window[start:]
    )
    month_findings = tuple(f for c in this_month for f in c.findings)
    summary = QualitySummary(
        case_number=case_number,
        month=month,
        as_of=as_of,
        checklist=checklist,
        totals=timeliness(this_month),
        problem_points=sum(c.points for c in this_month),
        stations=station_figures(this_month, checklist),
        officers=officer_figures(this_month, checklist),
        categories=category_points([(f, 1.0) for f in month_findings], checklist),
        trend=trend,
        records=tuple(sorted((c.record for c in this_month), key=lambda r: r.number)),
        findings=tuple(sorted(month_findings, key=lambda f: f.id)),
        problems=problems,
    )
    log.debug(
        "%s %s: %d cases, %d stations, %d officers",
        case_number,
        month,
        summary.totals.cases,
        len(summary.stations),
        len(summary.officers),
    )
    return summary
