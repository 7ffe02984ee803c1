"""Forensic image enhancement: apply a chain, list, show and verify derivations.

``workstation enhance CASE EVIDENCE --chain CHAIN`` applies a chain;
``enhance verify CASE ID``, ``enhance list CASE``, ``enhance show CASE ID``
and ``enhance presets`` work with what was recorded.
"""

from __future__ import annotations

import argparse
import dataclasses

from workstation.cli.common import open_workspace, progress_bar

_ACTIONS = {"verify": 2, "list": 1, "show": 2, "presets": 0}
_USAGE = (
    "workstation enhance CASE EVIDENCE --chain PRESET|FILE.toml [options]\n"
    "       workstation enhance verify CASE DERIVATION_ID\n"
    "       workstation enhance show CASE DERIVATION_ID\n"
    "       workstation enhance list CASE\n"
    "       workstation enhance presets"
)


def _region(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give the region as X,Y,WIDTH,HEIGHT in pixels, e.g. 40,30,64,64"
        )
    return values


def _chain_with_options(args):
    from workstation.services.enhance import load_chain
    from workstation.vision.enhance.chain import make_fusion

    chain = load_chain(args.chain)
    fusion = None
    if args.fuse_frames is not None:
        values = {"kind": "frames", "radius": args.fuse_frames}
        fusion = make_fusion(values | _with_region(args), where="--fuse-frames")
    elif args.fuse_face is not None:
        values = {"kind": "face", "shots": args.fuse_face}
        fusion = make_fusion(values | _with_region(args), where="--fuse-face")
    elif args.region is not None and chain.fusion is not None:
        values = {"kind": chain.fusion.kind, **_params(chain.fusion.params)}
        fusion = make_fusion(values | _with_region(args), where="--region")
    if fusion is not None:
        chain = dataclasses.replace(chain, fusion=fusion)
    return chain


def _params(params) -> dict:
    from workstation.vision.enhance.params import params_to_dict

    return params_to_dict(params)


def _with_region(args) -> dict:
    return {} if args.region is None else {"region": args.region}


def _print_effect(result) -> None:
    effect = result.effect
    if effect is None:
        print(f"  face scores: {result.effect_note}")
        return
    before, after = effect.before, effect.after
    if before is None and after is None:
        print("  face scores: no face found before or after the chain")
    else:
        against = (
            "the unprocessed original"
            if effect.against_original
            else f"reference photo {effect.reference}"
        )
        print(f"  face scores (match against {against}):")
        for stage in effect.stages:
            face, label = stage.face, stage.stage.label()
            if face is None:
                print(f"    {label:<28} no face found")
                continue
            match = "-" if face.match is None else f"{face.match:.3f}"
            print(f"    {label:<28} detector {face.det_score:.3f}  match {match}")
    for warning in effect.warnings:
        print(f"  warning: {warning.text()}")


def cmd_apply(args) -> int:
    from workstation.services.enhance import enhance_evidence, export_derivation

    chain = _chain_with_options(args)
    with open_workspace(args) as ws:
        with progress_bar("enhancing") as update:
            result = enhance_evidence(
                ws,
                args.case,
                args.evidence,
                chain,
                frame=args.frame,
                track_id=args.track,
                reference=args.reference,
                measure=not args.no_measure,
                purpose=args.purpose or "",
                progress=update,
            )
        if args.out:
            export_derivation(ws, args.case, result.derivation.id, args.out)
    row = result.derivation
    print(
        f"Derivation {row.id}: evidence {row.evidence_id} ({row.input_name}) -> "
        f"evidence {result.output.id} ({result.output.original_name})"
    )
    if row.frames:
        source = row.source
        how = {"frames": "fused frames", "face": "fused face shots"}
        print(
            f"  frame {source['frame']} at {source['time_s']:.3f} s; "
            f"{how.get(source['kind'], 'frames')}: {', '.join(map(str, row.frames))}"
        )
    for note in result.notes:
        print(f"  {note}")
    steps = ", ".join(f"{r['step']} {r['op']}" for r in row.operations)
    print(f"  chain {row.chain_name}: {steps or 'fusion only'}")
    print(f"  input  SHA-256 {row.input_sha256} (original unchanged)")
    print(f"  output SHA-256 {row.output_sha256}")
    print(f"  stored as {row.output_path}")
    if args.out:
        print(f"  copied to {args.out}")
    _print_effect(result)
    return 0


def cmd_list(args) -> int:
    from workstation.services.enhance import list_case_derivations

    with open_workspace(args) as ws:
        rows = list_case_derivations(ws, args.case)
    if not rows:
        print(f"No enhancements recorded in case {args.case}.")
        return 0
    print(f"{'id':>4}  {'made':<16}  {'examiner':<14}  {'chain':<18}  input -> output")
    for row in rows:
        frames = f" [frame {row.source.get('frame')}]" if row.frames else ""
        print(
            f"{row.id:>4}  {row.created_at:%Y-%m-%d %H:%M}  {row.created_by:<14}  "
            f"{row.chain_name:<18}  {row.input_name}{frames} -> {row.output_name} "
            f"({row.output_sha256[:12]})"
        )
    return 0


def cmd_show(args) -> int:
    from workstation.services.enhance import case_derivation
    from workstation.services.enhance_verify import stored_chain
    from workstation.vision.enhance import chain_to_toml

    with open_workspace(args) as ws:
        row = case_derivation(ws, args.case, args.derivation)
    print(f"# derivation {row.id} of case {args.case}, by {row.created_by}")
    print(f"# input  {row.input_name} SHA-256 {row.input_sha256}")
    print(f"# output {row.output_name} SHA-256 {row.output_sha256}")
    software = ", ".join(f"{k} {v}" for k, v in row.software.items())
    print(f"# software: {software}")
    print(chain_to_toml(stored_chain(row)), end="")
    return 0


def cmd_verify(args) -> int:
    from workstation.services.enhance_verify import verify_derivation

    with open_workspace(args) as ws, progress_bar("re-running") as update:
        result = verify_derivation(ws, args.case, args.derivation, progress=update)
    state = "VERIFIED" if result.ok else "DIFFERS"
    print(f"{state}  derivation {result.derivation_id}: {result.summary()}")
    return 0 if result.ok else 2


def cmd_presets(args) -> int:
    from workstation.services.enhance import list_presets
    from workstation.vision.enhance.registry import catalogue

    print("Presets:")
    for chain in list_presets():
        steps = " -> ".join(s.op for s in chain.steps)
        print(f"  {chain.name:<18} {steps}")
        print(f"  {'':<18} {chain.description}")
    print("Operations:")
    for op in catalogue():
        print(f"  {op.name:<14} {op.family:<10} {op.summary}")
    return 0


def cmd_enhance(args) -> int:
    words = args.words
    action = words[0] if words and words[0] in _ACTIONS else None
    expected = _ACTIONS[action] + 1 if action else 2
    if len(words) != expected:
        args.parser.error(f"expected {expected} words here; usage:\n  {_USAGE}")
    if action in ("verify", "show"):
        args.case = words[1]
        try:
            args.derivation = int(words[2])
        except ValueError:
            args.parser.error(f"derivation id {words[2]!r} is not a number")
        return cmd_verify(args) if action == "verify" else cmd_show(args)
    if action == "list":
        args.case = words[1]
        return cmd_list(args)
    if action == "presets":
        return cmd_presets(args)
    if not args.chain:
        args.parser.error(
            "give the chain to apply: --chain PRESET or --chain FILE.toml"
        )
    args.case, args.evidence = words
    return cmd_apply(args)


def register(commands) -> None:
    parser = commands.add_parser(
        "enhance",
        help="enhance a photo or video frame, with provenance",
        usage=_USAGE,
        description=(
            "Apply an enhancement chain to a copy of an evidence item (the original "
            "is never changed); the result is stored in the vault with its "
            "provenance. `enhance presets` lists chains and operations."
        ),
    )
    parser.add_argument("words", nargs="+", metavar="CASE EVIDENCE | ACTION ...")
    parser.add_argument("--chain", help="preset name or chain file (.toml)")
    parser.add_argument(
        "--frame", type=int, metavar="N", help="video frame number (from 0)"
    )
    parser.add_argument(
        "--track", type=int, metavar="ID", help="fuse the best faces of a face track"
    )
    fusion = parser.add_mutually_exclusive_group()
    fusion.add_argument(
        "--fuse-frames",
        type=int,
        metavar="R",
        help="average R registered frames each side of --frame",
    )
    fusion.add_argument(
        "--fuse-face",
        type=int,
        metavar="SHOTS",
        help="align and average the face's SHOTS best shots near --frame",
    )
    parser.add_argument(
        "--region",
        type=_region,
        metavar="X,Y,W,H",
        help="area to register frames on, or the face to follow",
    )
    parser.add_argument(
        "--reference",
        metavar="PHOTO",
        help="photo (file or evidence id) of the person, for scores",
    )
    parser.add_argument(
        "--no-measure", action="store_true", help="do not measure face scores"
    )
    parser.add_argument("--purpose", help="why the enhancement is made (reported)")
    parser.add_argument("--out", metavar="FILE.png", help="also copy the result here")
    parser.set_defaults(func=cmd_enhance, parser=parser)
