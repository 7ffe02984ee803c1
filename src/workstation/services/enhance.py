"""Forensic image enhancement of case evidence, with provenance and re-verification.

A chain of operations is applied to a copy of an evidence item (a photo, a
video frame, fused frames or a fused face); the original is only read. The
result is written as a PNG into the evidence vault, recorded as a new evidence
item of the case and as a derivation: input and output SHA-256, every step with
every parameter, frame numbers and time stamps, library versions, the measured
effect on a face and the examiner. :func:`verify_derivation` re-runs the stored
chain on the vault original and compares the output hash.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation.domain.errors import InputFileError, NotFoundError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import Case, Evidence
from workstation.resources import resources_dir
from workstation.security.hashing import sha256_bytes
from workstation.security.roles import Permission
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.store import derivation_rows, evidence_rows
from workstation.store.derivation_rows import DerivationRow
from workstation.vision.enhance import (
    Chain,
    ChainError,
    apply_chain,
    chain_from_toml,
    step_records,
)
from workstation.vision.enhance.effect import MeasuredEffect, Stage, measure_effect
from workstation.vision.enhance.encoding import encode_png
from workstation.vision.enhance.fusion import FaceShot
from workstation.vision.enhance.provenance import software_versions
from workstation.vision.enhance.sources import Rendered, render_source
from workstation.vision.face_engine import largest_face
from workstation.vision.image_loading import load_bgr

log = logging.getLogger(__name__)

CHAINS_FOLDER = "chains"


# -- chains and presets -------------------------------------------------------------


def preset_names() -> list[str]:
    """Names of the shipped chain presets."""
    folder = resources_dir() / CHAINS_FOLDER
    return sorted(p.stem for p in folder.glob("*.toml"))


def load_chain(spec: str | Path) -> Chain:
    """A chain from a preset name or a ``.toml`` file, fully checked.

    Raises:
        ChainError: Unknown preset, unreadable file, or an invalid chain (the
            message names the file, step and parameter).
    """
    path = Path(spec)
    if path.suffix.lower() != ".toml" and not path.is_file():
        names = preset_names()
        if str(spec) not in names:
            raise ChainError(
                f"{spec!r} is neither a chain file (.toml) nor a preset; presets: "
                f"{', '.join(names)}."
            )
        path = resources_dir() / CHAINS_FOLDER / f"{spec}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ChainError(f"{path}: no such chain file; check the path.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ChainError(f"{path}: cannot be read as UTF-8 text ({exc}).") from exc
    return chain_from_toml(text, source=path.name)


def list_presets() -> list[Chain]:
    """Every shipped preset, checked."""
    return [load_chain(name) for name in preset_names()]


# -- results ------------------------------------------------------------------------


@dataclass(frozen=True)
class EnhancementResult:
    """A recorded enhancement.

    Attributes:
        derivation: The stored derivation row.
        output: The evidence item holding the result PNG.
        output_path: The vault file of the result.
        effect: Measured face scores, or None when not measured.
        effect_note: Why the effect was not measured ("" when it was).
        notes: Remarks on the source (e.g. frames left out of a fusion).
    """

    derivation: DerivationRow
    output: Evidence
    output_path: Path
    effect: MeasuredEffect | None
    effect_note: str = ""
    notes: tuple[str, ...] = ()


# -- finding the input --------------------------------------------------------------


def find_evidence(ws: Workspace, case: Case, ref: str | int) -> Evidence:
    """An evidence item of the case by id or by (a prefix of at least 8 of) its SHA-256.

    Raises:
        NotFoundError: No such item in the case, or the prefix is ambiguous.
    """
    items = evidence_rows.list_evidence(ws.store, case.id)
    text = str(ref).strip().lower()
    if text.isdigit() and len(text) < 8:
        found = [e for e in items if e.id == int(text)]
    elif len(text) >= 8 and all(c in "0123456789abcdef" for c in text):
        found = [e for e in items if e.sha256.startswith(text)]
        if not found and text.isdigit():
            found = [e for e in items if e.id == int(text)]
    else:
        found = []
    if not found:
        raise NotFoundError(
            f"No evidence {ref!r} in case {case.number}; give an evidence id or "
            "at least 8 hex digits of its SHA-256 (`workstation evidence list CASE` "
            "or the Evidence tab lists them)."
        )
    if len(found) > 1:
        raise NotFoundError(
            f"{ref!r} matches {len(found)} evidence items of case {case.number}; "
            "give more digits of the SHA-256."
        )
    return found[0]


def _kind(evidence: Evidence) -> bool:
    """True for a video, False for a photo; anything else is refused."""
    if evidence.media_type.startswith("video/"):
        return True
    if evidence.media_type.startswith("image/"):
        return False
    raise InputFileError(
        f"{evidence.original_name} is {evidence.media_type}, not a photo or a "
        "video; only images and video frames can be enhanced."
    )


def _reference_face(
    ws: Workspace, case: Case, reference, detect
) -> tuple[np.ndarray, str]:
    """The embedding of the reference photo's face and how to name the photo."""
    path = Path(str(reference))
    if path.is_file():
        image, label = load_bgr(path), path.name
    else:
        evidence = find_evidence(ws, case, reference)
        if _kind(evidence):
            raise InputFileError(
                f"Reference {evidence.original_name} is a video; give a photo of "
                "the person (a file or a photo evidence id)."
            )
        image = load_bgr(evidence_file(ws, evidence), name=evidence.original_name)
        label = f"{evidence.original_name} (evidence {evidence.id})"
    face = largest_face(detect(image))
    if face is None:
        raise NotFoundError(
            f"Reference {label}: no face found; choose a photo where the person's "
            "face is upright and clearly visible."
        )
    return face.embedding, label


# -- enhancing ----------------------------------------------------------------------


def _output_name(evidence: Evidence, chain: Chain, rendered: Rendered) -> str:
    stem = Path(evidence.original_name).stem or "evidence"
    record = rendered.record
    parts = [stem]
    if record["kind"] != "image":
        parts.append(f"f{int(record['frame']):06d}")
    if record["kind"] in ("frames", "face"):
        parts.append(f"{record['kind']}{len(rendered.frames)}")
    parts.append(chain.name)
    return ".".join(parts) + ".png"


def _store_png(ws: Workspace, png: bytes) -> tuple[str, Path, bool]:
    with tempfile.NamedTemporaryFile(
        dir=ws.vault.root, prefix=".derived-", suffix=".png", delete=False
    ) as tmp:
        tmp.write(png)
    try:
        return ws.vault.add(tmp.name)
    finally:
        os.unlink(tmp.name)


def _discard(path: Path) -> None:
    """Remove a vault file stored by a derivation that was then rolled back."""
    try:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        path.unlink()
    except OSError as exc:
        log.warning("could not remove %s after a failed derivation: %s", path, exc)


def _measure(ws, case, stages, reference, measure) -> tuple:
    if not measure:
        return None, "not measured (switched off)"
    from workstation.services.faces import face_engine

    try:
        engine = face_engine(ws)
    except WorkstationError as exc:
        log.warning("enhancement effect not measured: %s", exc)
        return None, f"not measured: {exc}"
    embedding = label = None
    if reference is not None:
        embedding, label = _reference_face(ws, case, reference, engine.detect)
    effect = measure_effect(
        stages,
        engine.detect,
        reference=embedding,
        reference_label=label or "",
    )
    return effect, ""


def step_reporter(
    progress: ProgressCallback | None, cancel: CancelToken | None, total: int
) -> Callable[[int, str], None]:
    """``step(done, message)``: stops if ``cancel`` is set, else reports progress.

    Raises:
        Cancelled: From the returned function, once ``cancel`` is set.
    """

    def step(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress:
            progress(done, total, message)

    return step


@dataclass(frozen=True)
class AppliedChain:
    """A chain run on an evidence item, nothing stored yet.

    Attributes:
        rendered: The chain's input and the unprocessed picture beside it.
        output: The result (uint8 BGR).
        effect: Measured face scores, or None when not measured.
        effect_note: Why the effect was not measured ("" when it was).
    """

    rendered: Rendered
    output: np.ndarray
    effect: MeasuredEffect | None
    effect_note: str


def run_chain(
    ws: Workspace,
    case: Case,
    evidence: Evidence,
    chain: Chain,
    *,
    frame: int | None = None,
    shots: list[FaceShot] | None = None,
    track_id: int | None = None,
    reference: str | Path | None = None,
    measure: bool = True,
    step: Callable[[int, str], None] | None = None,
    cancel: CancelToken | None = None,
) -> AppliedChain:
    """Make the chain's input from an evidence item, run the steps, measure faces.

    Nothing is written. ``step(done, message)`` is called before reading the
    original (0), after each step (1..n) and before measuring (n + 1).

    Raises:
        ChainError: A step does not fit the image, or fusion asked of a photo.
        NotFoundError: No face to fuse, or none in the reference photo.
        InputFileError: The evidence cannot be read or lacks the frame.
        Cancelled: ``cancel`` was set.
    """
    report = step or (lambda done, message: check_cancel(cancel))
    is_video = _kind(evidence)
    source_path = evidence_file(ws, evidence)
    report(0, "reading the original")
    detect = None
    if chain.fusion is not None and chain.fusion.kind == "face" and shots is None:
        from workstation.services.faces import face_engine

        detect = face_engine(ws).detect
    rendered = render_source(
        source_path,
        evidence.original_name,
        is_video=is_video,
        frame=frame,
        fusion=chain.fusion,
        track_shots=shots,
        track_id=track_id,
        detect=detect,
    )
    stages = [(Stage("original"), rendered.before)]
    if rendered.fusion:
        fused = Stage("fusion", len(rendered.frames), rendered.fusion)
        stages.append((fused, rendered.image))

    def keep(index, chain_step, image) -> None:
        stages.append((Stage("step", index, chain_step.op), image))
        report(index, chain_step.op)

    output = apply_chain(rendered.image, chain, on_step=keep, cancel=cancel)
    report(len(chain.steps) + 1, "measuring the effect on faces")
    effect, effect_note = _measure(ws, case, stages, reference, measure)
    return AppliedChain(rendered, output, effect, effect_note)


def enhance_evidence(
    ws: Workspace,
    case_number: str,
    evidence_ref: str | int,
    chain: Chain | str | Path,
    *,
    frame: int | None = None,
    track_id: int | None = None,
    reference: str | Path | None = None,
    measure: bool = True,
    purpose: str = "",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> EnhancementResult:
    """Apply a chain to a copy of an evidence item and record the result.

    Everything is computed and checked before anything is written; the PNG,
    its evidence row, the derivation and the audit entry are then stored
    together (a failure leaves none of them).

    Args:
        ws: The open workspace; ``ws.user`` is recorded as the examiner.
        case_number: The case holding the evidence.
        evidence_ref: Evidence id or SHA-256 (prefix of at least 8 digits).
        chain: A checked chain, a preset name or a chain file.
        frame: The frame of a video (zero-based); needed for video unless
            ``track_id`` is given.
        track_id: A stored face track: its best faces are aligned and fused.
        reference: A photo (file, or evidence id of the case) of the person,
            to score the face against; the unprocessed input when None.
        measure: Measure detector and match scores before, between and after
            the steps (needs the face model pack).
        purpose: Why the enhancement was made, printed in the report.
        progress: Called as ``progress(done, total, message)``.
        cancel: Checked between steps; a cancelled run writes nothing.

    Returns:
        The stored derivation, the result's evidence item and the effect.

    Raises:
        ChainError: The chain is invalid or a step does not fit the image.
        NotFoundError: No such case, evidence, track, or no face to fuse.
        InputFileError: The evidence cannot be read or lacks the frame.
        Cancelled: The user cancelled.
    """
    ws.require(Permission.EDIT_CASE)
    if not isinstance(chain, Chain):
        chain = load_chain(chain)
    case = ws.case(case_number)
    shots = None
    if track_id is not None:
        evidence_id, rows = derivation_rows.track_shots(ws.store, case.id, track_id)
        evidence = evidence_rows.get_evidence(ws.store, evidence_id)
        shots = [FaceShot(r.frame, r.box, r.landmarks, r.det_score) for r in rows]
        if evidence_ref not in (None, "") and (
            find_evidence(ws, case, evidence_ref).id != evidence.id
        ):
            raise NotFoundError(
                f"Face track {track_id} is in evidence {evidence.id} "
                f"({evidence.original_name}), not {evidence_ref}; give that item."
            )
    else:
        evidence = find_evidence(ws, case, evidence_ref)
    total = len(chain.steps) + 4
    step = step_reporter(progress, cancel, total)
    applied = run_chain(
        ws,
        case,
        evidence,
        chain,
        frame=frame,
        shots=shots,
        track_id=track_id,
        reference=reference,
        measure=measure,
        step=step,
        cancel=cancel,
    )
    rendered, output = applied.rendered, applied.output
    effect, effect_note = applied.effect, applied.effect_note
    step(len(chain.steps) + 2, "storing the result")
    png = encode_png(output)
    output_sha = sha256_bytes(png)
    operations = step_records(chain)
    software = software_versions()
    check_cancel(cancel)
    sha, stored, new_file = _store_png(ws, png)
    name = _output_name(evidence, chain, rendered)
    try:
        with ws.store.transaction():
            output_evidence, _ = evidence_rows.insert_evidence(
                ws.store,
                case.id,
                sha256=sha,
                original_name=name,
                original_path=(
                    f"derived from evidence {evidence.id} ({evidence.original_name}) "
                    f"by chain {chain.name}"
                ),
                size_bytes=len(png),
                media_type="image/png",
                vault_path=str(stored.relative_to(ws.root)),
                added_by=ws.user,
            )
            derivation = derivation_rows.insert_derivation(
                ws.store,
                case.id,
                evidence_id=evidence.id,
                input_sha256=evidence.sha256,
                output_sha256=output_sha,
                output_evidence_id=output_evidence.id,
                output_path=str(stored.relative_to(ws.root)),
                chain_name=chain.name,
                operations=operations,
                source={**rendered.record, "chain_description": chain.description},
                frames=list(rendered.frames),
                software=software,
                effect=None if effect is None else effect.to_dict(),
                purpose=purpose,
                created_by=ws.user,
            )
            ws.audit(
                "enhance.apply",
                case.number,
                {
                    "derivation_id": derivation.id,
                    "evidence_id": evidence.id,
                    "input_sha256": evidence.sha256,
                    "output_sha256": output_sha,
                    "output_evidence_id": output_evidence.id,
                    "chain": chain.name,
                    "steps": [s.op for s in chain.steps],
                    "source": rendered.record["kind"],
                    "frames": list(rendered.frames),
                },
            )
    except BaseException:
        if new_file:
            _discard(stored)
        raise
    if progress:
        progress(total, total, "done")
    log.info(
        "enhanced evidence %d of %s with %s: derivation %d, output %s",
        evidence.id,
        case.number,
        chain.name,
        derivation.id,
        output_sha[:12],
    )
    return EnhancementResult(
        derivation=derivation,
        output=output_evidence,
        output_path=stored,
        effect=effect,
        effect_note=effect_note,
        notes=rendered.notes,
    )


# -- reading back -------------------------------------------------------------------


def list_case_derivations(ws: Workspace, case_number: str) -> list[DerivationRow]:
    """The case's recorded enhancements, oldest first."""
    case = ws.case(case_number)
    return derivation_rows.list_derivations(ws.store, case.id)


def case_derivation(
    ws: Workspace, case_number: str, derivation_id: int
) -> DerivationRow:
    """One derivation of the case.

    Raises:
        NotFoundError: No such derivation in the case.
    """
    case = ws.case(case_number)
    row = derivation_rows.get_derivation(ws.store, derivation_id)
    if row.case_id != case.id:
        raise NotFoundError(
            f"Derivation {derivation_id} is not in case {case.number}; list the "
            "case's derivations with `workstation enhance list CASE`."
        )
    return row


def export_derivation(
    ws: Workspace, case_number: str, derivation_id: int, out_path: str | Path
) -> Path:
    """Copy a derivation's result PNG out of the vault (audited).

    Raises:
        NotFoundError: No such derivation, or the folder does not exist.
    """
    ws.require(Permission.EXPORT)
    row = case_derivation(ws, case_number, derivation_id)
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise NotFoundError(
            f"Folder {out_path.parent} does not exist; create it or choose another."
        )
    data = (ws.root / row.output_path).read_bytes()
    out_path.write_bytes(data)
    ws.audit(
        "enhance.export",
        case_number,
        {"derivation_id": row.id, "file": out_path.name, "sha256": sha256_bytes(data)},
    )
    return out_path
