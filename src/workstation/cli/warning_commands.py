"""`workstation watchlist` and `workstation warn`: the fraud early warning."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from workstation.cli.common import open_workspace
from workstation.domain.errors import WorkstationError

#: How many residents of each officer the terminal shows.
SHOWN_PER_OFFICER = 20


def day(text: str) -> date:
    """A ``--from`` or ``--to`` day written ``YYYY-MM-DD``.

    >>> day("2026-10-01")
    datetime.date(2026, 10, 1)
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day; write it as YYYY-MM-DD, e.g. 2026-10-01"
        ) from None


def cmd_watchlist_load(args) -> int:
    from workstation.services.fraud_warning import load_watch_list

    with open_workspace(args) as ws:
        loaded = load_watch_list(
            ws, args.case, args.file, name=args.name, country_code=args.country_code
        )
    print(
        f"Loaded watch-list {loaded.id} ({loaded.name}): {loaded.numbers} numbers "
        f"from {loaded.file_name}."
    )
    return 0


def cmd_watchlist_list(args) -> int:
    from workstation.services.fraud_warning import list_watch_lists

    with open_workspace(args) as ws:
        lists = list_watch_lists(ws, args.case)
    if not lists:
        print("No watch-lists in this case; load one with `workstation watchlist load`")
    for w in lists:
        print(
            f"{w.id:>4}  {w.name:<24} {w.numbers:>6} numbers  {w.file_name}  "
            f"by {w.loaded_by} {w.loaded_at:%Y-%m-%d %H:%M}"
        )
    return 0


def _print_result(result) -> None:
    listed = sum(1 for r in result.residents if r.listed)
    print(
        f"{result.case_number} {result.start} to {result.end}: {result.watched} "
        f"watched numbers reached {listed} residents and "
        f"{len(result.residents) - listed} unlisted numbers."
    )
    for group in result.groups:
        print(f"\n{group.officer or '(no officer)'}: {len(group.residents)}")
        for r in group.residents[:SHOWN_PER_OFFICER]:
            who = r.name if r.listed else "(unlisted)"
            print(
                f"  {r.rank:>4}  {r.score:>6.2f}  {who:<10} {' '.join(r.phones):<16} "
                f"contacts {r.contacts} (calls {r.calls}, messages {r.messages}), "
                f"{r.call_seconds} s, {len(r.watched_numbers)} numbers, "
                f"{r.days} days, first {r.first_contact:%Y-%m-%d %H:%M}"
            )
        if len(group.residents) > SHOWN_PER_OFFICER:
            print(f"  ... {len(group.residents) - SHOWN_PER_OFFICER} more")


def check_export_paths(csv_path: str | None, pdf_path: str | None) -> None:
    """Refuse ``--csv`` and ``--pdf`` files that could not be written as named.

    Raises:
        WorkstationError: A file does not end in its format's suffix.
        NotFoundError: A file's folder does not exist.
    """
    from workstation.services.file_output import check_folder

    for option, value, suffix in (
        ("--csv", csv_path, ".csv"),
        ("--pdf", pdf_path, ".pdf"),
    ):
        if value is None:
            continue
        path = Path(value)
        if path.suffix.lower() != suffix:
            raise WorkstationError(
                f"{option} {value}: the dispatch list is written as a {suffix} "
                f"file; give a name ending in {suffix}."
            )
        check_folder(path)


def cmd_warn(args) -> int:
    from workstation.security.roles import Permission
    from workstation.services.dispatch_export import (
        export_dispatch_csv,
        export_dispatch_pdf,
    )
    from workstation.services.fraud_warning import run_warning

    # an export that cannot happen fails before the list is worked out and shown
    check_export_paths(args.csv, args.pdf)
    with open_workspace(args) as ws:
        if args.csv or args.pdf:
            ws.require(Permission.EXPORT)
        result = run_warning(
            ws,
            args.case,
            args.start,
            args.end,
            list_ids=args.lists,
            weights=args.weights,
        )
        _print_result(result)
        if args.csv:
            path = export_dispatch_csv(ws, result, args.csv, lang=args.lang)
            print(f"Dispatch list (CSV) written to {path}")
        if args.pdf:
            path = export_dispatch_pdf(
                ws,
                result,
                args.pdf,
                lang=args.lang,
                classification=args.classification,
            )
            print(f"Dispatch list (PDF) written to {path}")
    return 0


def register(commands) -> None:
    watchlist = commands.add_parser(
        "watchlist", help="load and list watch-lists of numbers used by fraudsters"
    )
    sub = watchlist.add_subparsers(dest="watchlist_command", required=True)
    load = sub.add_parser(
        "load",
        help="load a CSV/TXT/XLSX file: the number in the first column, an "
        "optional source or note in the second",
    )
    load.add_argument("case")
    load.add_argument("file")
    load.add_argument("--name", help="what the list is called (default: file name)")
    load.add_argument(
        "--country-code",
        default="86",
        help="country code of numbers written without one (default: 86)",
    )
    load.set_defaults(func=cmd_watchlist_load)
    listing = sub.add_parser("list", help="the case's watch-lists")
    listing.add_argument("case")
    listing.set_defaults(func=cmd_watchlist_list)

    warn = commands.add_parser(
        "warn",
        help="residents contacted by watched numbers, ranked by risk, per officer",
    )
    warn.add_argument("case")
    warn.add_argument(
        "--from", dest="start", type=day, required=True, metavar="YYYY-MM-DD"
    )
    warn.add_argument(
        "--to",
        dest="end",
        type=day,
        required=True,
        metavar="YYYY-MM-DD",
        help="the window's last day (included)",
    )
    warn.add_argument(
        "--list",
        dest="lists",
        type=int,
        action="append",
        metavar="ID",
        help="use this watch-list only (repeat for more; default: all)",
    )
    warn.add_argument("--weights", metavar="FILE.toml", help="other risk weights")
    warn.add_argument("--csv", metavar="FILE.csv", help="write the dispatch list")
    warn.add_argument("--pdf", metavar="FILE.pdf", help="write the dispatch list")
    warn.add_argument("--lang", choices=("zh", "en"), default="zh")
    warn.add_argument(
        "--classification",
        metavar="MARKING",
        help="marking on every PDF page (default: 内部 / RESTRICTED)",
    )
    warn.set_defaults(func=cmd_warn)
