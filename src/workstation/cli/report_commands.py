"""`workstation report`: the PDF case brief or full report."""

from __future__ import annotations

from pathlib import Path

from workstation.cli.common import open_workspace, progress_bar
from workstation.domain.errors import WorkstationError


def check_pdf_name(output: str) -> Path:
    """The ``-o`` file as a path; refuse a name that does not end in ``.pdf``.

    >>> check_pdf_name("briefs/C-1.PDF").name
    'C-1.PDF'

    Raises:
        WorkstationError: The name has another suffix, or none.
    """
    path = Path(output)
    if path.suffix.lower() != ".pdf":
        raise WorkstationError(
            f"-o {output}: the report is a PDF; give a file name ending in .pdf."
        )
    return path


def cmd_report(args) -> int:
    from workstation.services.report import write_report

    what = "case brief" if args.kind == "brief" else "full case report"
    output = check_pdf_name(args.output)
    with open_workspace(args) as ws, progress_bar(f"writing {what}") as update:
        path = write_report(
            ws,
            args.case,
            output,
            kind=args.kind,
            lang=args.lang,
            classification=args.classification,
            sections=args.sections,
            progress=update,
        )
    print(f"{what.capitalize()} written to {path}")
    return 0


def section_list(text: str) -> list[str]:
    """``--sections`` as a list of names: comma-separated, spaces ignored.

    >>> section_list("suspects, chart,evidence")
    ['suspects', 'chart', 'evidence']
    """
    return [name.strip() for name in text.split(",") if name.strip()]


def register(commands) -> None:
    report = commands.add_parser(
        "report",
        help="write the PDF case brief (a few pages) or full report (everything)",
    )
    report.add_argument("case")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    report.add_argument(
        "--kind",
        choices=("brief", "full"),
        default="brief",
        help="brief: the essentials in a few pages (default); full: every record",
    )
    report.add_argument("--lang", choices=("zh", "en"), default="zh")
    report.add_argument(
        "--classification",
        metavar="MARKING",
        help="marking printed on the cover and every page (default: 内部 in "
        "Chinese, RESTRICTED in English)",
    )
    report.add_argument(
        "--sections",
        type=section_list,
        metavar="NAME,NAME",
        help="print only these sections after the case summary, comma-separated: "
        "suspects, searches, chart (link chart and timeline), key_players, "
        "evidence, processing, audit, reviews (default: all)",
    )
    report.set_defaults(func=cmd_report)
