"""`workstation quality`: case quality and timeliness of a review case.

``workstation quality CASE --month YYYY-MM`` prints the month's figures per
station and per officer (``-o FILE.pdf`` writes the monthly summary too);
``quality finding``, ``findings``, ``withdraw`` and ``checklist`` record and
list what supervisors find.
"""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date

from workstation.cli.credentials import open_session
from workstation.domain.errors import WorkstationError
from workstation.domain.quality import rate_text

_SUMMARY = "summary"


class _SummaryByDefault(argparse._SubParsersAction):
    """Sub-commands where a first word that names none is the summary's CASE."""

    def __call__(self, parser, namespace, values, option_string=None):
        if values and values[0] not in self._name_parser_map:
            values = [_SUMMARY, *values]
        super().__call__(parser, namespace, values, option_string)


class _AnyChoice(dict):
    """The sub-command table, letting any first word through to the action."""

    def __contains__(self, key) -> bool:
        return True


def _as_of(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WorkstationError(
            f"--as-of {text!r} is not a date; write it YYYY-MM-DD."
        ) from None


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, Chinese characters counting two."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return text + " " * max(0, width - len(text) - wide)


def _print_summary(summary) -> None:
    totals, settings = summary.totals, summary.checklist.settings
    hours = totals.mean_registration_hours
    print(
        f"{summary.case_number} {summary.month} (closures as of "
        f"{summary.as_of.isoformat()}): {totals.cases} cases "
        f"({totals.administrative} administrative, {totals.criminal} criminal), "
        f"{totals.late_registrations} registered late (> "
        f"{settings.late_registration_days:g} day), mean report to registration "
        f"{'-' if hours is None else f'{hours:.1f} h'}; administrative closed in "
        f"{settings.closure_days:g} days {rate_text(totals.closure_rate)} "
        f"({totals.closed_in_time} in time, {totals.overdue} overdue, "
        f"{totals.pending} pending); problem points {summary.problem_points:g}."
    )
    print("\nstations")
    print(f"{'rank':>4}  {'station':<16} cases  late  closure  points   score")
    for s in summary.stations:
        t = s.timeliness
        print(
            f"{s.rank:>4}  {_pad(s.station, 16)} {t.cases:>5} "
            f"{t.late_registrations:>5} {rate_text(t.closure_rate):>8} "
            f"{s.problem_points:>7g} {s.score:>7.2f}"
        )
    print("\nofficers")
    print(
        f"{'rank':>4}  {'officer':<18} lead assist weighted  late  closure  "
        "points   score"
    )
    for o in summary.officers:
        who = f"{o.name} ({o.key})"
        print(
            f"{o.rank:>4}  {_pad(who, 18)} {o.lead_cases:>4} {o.assist_cases:>6} "
            f"{o.weighted_cases:>8g} {o.late_registrations:>5} "
            f"{rate_text(o.closure_rate):>8} {o.problem_points:>7.2f} {o.score:>7.2f}"
        )
    if summary.categories:
        print("\nproblem points by category")
        for c in summary.categories:
            print(f"  {c.kind:<15} {c.label} ({c.category}): {c.points:g}")
    for problem in summary.problems:
        print(f"note: {problem.describe()}")


def cmd_quality_summary(args) -> int:
    from workstation.services.case_quality import quality_summary
    from workstation.services.quality_report import write_quality_summary

    as_of = _as_of(args.as_of)
    with open_session(args) as ws:
        summary = quality_summary(
            ws, args.case, args.month, as_of=as_of, checklist=args.checklist
        )
        _print_summary(summary)
        if args.output:
            path = write_quality_summary(
                ws,
                args.case,
                args.month,
                args.output,
                lang=args.lang,
                as_of=as_of,
                checklist=args.checklist,
            )
            print(f"\nWrote the monthly summary to {path}")
    return 0


def cmd_quality_finding(args) -> int:
    from workstation.services.case_quality import record_finding

    with open_session(args) as ws:
        finding = record_finding(
            ws,
            args.case,
            args.record,
            args.category,
            args.point,
            note=args.note,
            points=args.points,
            checklist=args.checklist,
        )
    print(
        f"Recorded finding {finding.id} on {finding.record_no}: {finding.category} / "
        f"{finding.point}, {finding.points:g} points."
    )
    return 0


def cmd_quality_findings(args) -> int:
    from workstation.services.case_quality import list_findings

    with open_session(args) as ws:
        findings = list_findings(ws, args.case, withdrawn=args.withdrawn)
    if not findings:
        print("No findings.")
    for f in findings:
        gone = (
            f"  WITHDRAWN by {f.withdrawn_by}: {f.withdraw_reason}"
            if (f.withdrawn_at)
            else ""
        )
        print(
            f"{f.id:>4}  {f.record_no:<14} {f.category}/{f.point} {f.points:g}  "
            f"{f.recorded_by} {f.recorded_at:%Y-%m-%d %H:%M}  {f.note}{gone}"
        )
    return 0


def cmd_quality_withdraw(args) -> int:
    from workstation.services.case_quality import withdraw_finding

    with open_session(args) as ws:
        finding = withdraw_finding(ws, args.case, args.id, args.reason)
    print(f"Withdrew finding {finding.id} on {finding.record_no}.")
    return 0


def cmd_quality_checklist(args) -> int:
    from workstation.services.case_quality import quality_checklist

    with open_session(args) as ws:
        checklist = quality_checklist(ws, args.checklist)
    s = checklist.settings
    print(f"Checklist {checklist.source}")
    print(
        f"  lead {s.lead_weight:g}, assist {s.assist_weight:g}; late after "
        f"{s.late_registration_days:g} day(s) (-{s.late_registration_points:g}); "
        f"administrative closed within {s.closure_days:g} days "
        f"(-{s.overdue_closure_points:g}); base score {s.base_score:g}"
    )
    for kind in checklist.kinds:
        print(f"{kind.kind} ({kind.label}; also {', '.join(kind.aliases)})")
        for category in kind.categories:
            print(f"  {category.key} ({category.label})")
            for point in category.points:
                print(f"    {point.key} ({point.label}): {point.points:g}")
    return 0


def _checklist_option(parser) -> None:
    parser.add_argument(
        "--checklist",
        metavar="FILE",
        help="checklist TOML to use (default: quality/checklist.toml in the "
        "workspace, else the shipped one)",
    )


def register(commands) -> None:
    quality = commands.add_parser(
        "quality",
        help="case quality and timeliness of a review case (supervisors)",
        description="workstation quality CASE --month YYYY-MM [-o FILE.pdf] prints "
        "the month's figures; the sub-commands record and list findings.",
    )
    sub = quality.add_subparsers(
        dest="quality_command",
        required=True,
        metavar="{CASE,finding,findings,withdraw,checklist}",
        action=_SummaryByDefault,
    )
    sub.choices = _AnyChoice(sub.choices)

    summary = sub.add_parser(_SUMMARY, help="the month's figures (the default)")
    summary.add_argument("case", help="the review case holding the case lists")
    summary.add_argument("--month", required=True, metavar="YYYY-MM")
    summary.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="judge open administrative cases on this day (default: today)",
    )
    summary.add_argument("-o", "--output", metavar="FILE.pdf", help="write the PDF")
    summary.add_argument("--lang", choices=("zh", "en"), default="zh")
    _checklist_option(summary)
    summary.set_defaults(func=cmd_quality_summary)

    finding = sub.add_parser("finding", help="record a problem point in a case")
    finding.add_argument("case")
    finding.add_argument("record", help="the case record's number (案件编号)")
    finding.add_argument("--category", required=True, help="category key or label")
    finding.add_argument("--point", required=True, help="point key or label")
    finding.add_argument("--note", required=True, help="what was found")
    finding.add_argument(
        "--points", type=float, help="deduction (default: the checklist's)"
    )
    _checklist_option(finding)
    finding.set_defaults(func=cmd_quality_finding)

    listing = sub.add_parser("findings", help="list the findings of a review case")
    listing.add_argument("case")
    listing.add_argument("--withdrawn", action="store_true", help="include withdrawn")
    listing.set_defaults(func=cmd_quality_findings)

    withdraw = sub.add_parser("withdraw", help="withdraw a finding made in error")
    withdraw.add_argument("case")
    withdraw.add_argument("id", type=int)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(func=cmd_quality_withdraw)

    checklist = sub.add_parser("checklist", help="print the checklist in force")
    _checklist_option(checklist)
    checklist.set_defaults(func=cmd_quality_checklist)
