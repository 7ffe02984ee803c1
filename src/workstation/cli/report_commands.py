"""`workstation report`: the PDF case brief."""

from __future__ import annotations

from pathlib import Path

from workstation.cli.common import open_workspace, progress_bar


def cmd_report(args) -> int:
    from workstation.services.report import write_brief

    with open_workspace(args) as ws, progress_bar("writing brief") as update:
        path = write_brief(
            ws, args.case, Path(args.output), lang=args.lang, progress=update
        )
    print(f"Case brief written to {path}")
    return 0


def register(commands) -> None:
    report = commands.add_parser("report", help="write the PDF case brief")
    report.add_argument("case")
    report.add_argument("-o", "--output", required=True)
    report.add_argument("--lang", choices=("zh", "en"), default="zh")
    report.set_defaults(func=cmd_report)
