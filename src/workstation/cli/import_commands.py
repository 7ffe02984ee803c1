"""`workstation import`: tabular files through mapping specs."""

from __future__ import annotations

from workstation.cli.common import open_workspace, progress_bar


def cmd_import(args) -> int:
    from workstation.services.ingest import import_table

    with open_workspace(args) as ws, progress_bar("importing") as update:
        summary = import_table(
            ws, args.case, args.file, args.spec, progress=update, again=args.again
        )
    print(
        f"Imported {args.file} ({summary.encoding}): {summary.rows_read} rows read, "
        f"{summary.rows_loaded} loaded, {len(summary.rejected)} rejected; "
        f"{summary.entities_added} new entities, {summary.links_added} links."
    )
    for row in summary.rejected[: args.show_rejects]:
        where = f"line {row.line}" if row.line else "line ?"
        column = f", column {row.column}" if row.column else ""
        print(f"  rejected {where}{column}: {row.reason}")
    hidden = len(summary.rejected) - args.show_rejects
    if hidden > 0:
        print(f"  ... {hidden} more rejected rows in import {summary.import_id}.")
    return 0


def register(commands) -> None:
    importer = commands.add_parser("import", help="import a CSV or XLSX file")
    importer.add_argument("case")
    importer.add_argument("file")
    importer.add_argument(
        "--spec", required=True, help="mapping spec (TOML file or shipped spec name)"
    )
    importer.add_argument(
        "--again",
        action="store_true",
        help="import the file even if the case already holds it (its rows count twice)",
    )
    importer.add_argument("--show-rejects", type=int, default=20, metavar="N")
    importer.set_defaults(func=cmd_import)
