"""The processing-report entries of a case's enhancements, for the PDF brief."""

from __future__ import annotations

import contextlib
import logging

from workstation.domain.errors import WorkstationError
from workstation.domain.records import Case, Evidence
from workstation.reports.processing_report import (
    ProcessingEntry,
    ProcessingStep,
    ScoreRow,
    ScoreWarning,
    StageName,
)
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.store import derivation_rows, evidence_rows
from workstation.store.derivation_rows import DerivationRow
from workstation.vision.enhance import OPERATIONS, ChainError
from workstation.vision.enhance.effect import MeasuredEffect
from workstation.vision.enhance.encoding import decode_png, preview_png
from workstation.vision.enhance.fusion import (
    FACE_FUSION_REFERENCE,
    FACE_FUSION_SUMMARY,
    FRAME_FUSION_REFERENCE,
    FRAME_FUSION_SUMMARY,
)
from workstation.vision.enhance.params import build_params, relevant_params
from workstation.vision.enhance.sources import source_before

log = logging.getLogger(__name__)

#: Longest side of the before/after pictures in the report, in pixels.
PREVIEW_SIDE = 640


def _step(record: dict) -> ProcessingStep:
    """A stored step, printing only the parameters that affect its result."""
    params = record["params"]
    operation = OPERATIONS.get(record["op"])
    if operation is not None:
        # a step recorded by another version is printed as stored
        with contextlib.suppress(ChainError):
            params = relevant_params(
                build_params(operation.params, params, where=record["op"])
            )
    return ProcessingStep(
        record["step"], record["op"], params, record["summary"], record["reference"]
    )


def _fusion_step(row: DerivationRow) -> ProcessingStep | None:
    fusion = row.source.get("fusion")
    if not fusion or row.source.get("kind") not in ("frames", "face"):
        return None
    params = {k: v for k, v in fusion.items() if k != "kind"}
    if row.source["kind"] == "frames":
        return ProcessingStep(
            0, "fuse_frames", params, FRAME_FUSION_SUMMARY, FRAME_FUSION_REFERENCE
        )
    return ProcessingStep(
        0, "fuse_face", params, FACE_FUSION_SUMMARY, FACE_FUSION_REFERENCE
    )


def _scores(row: DerivationRow) -> tuple[str, tuple, tuple]:
    if not row.effect:
        return "", (), ()
    effect = MeasuredEffect.from_dict(row.effect)

    def name(stage) -> StageName:
        return StageName(stage.kind, stage.count, stage.op)

    scores = tuple(
        ScoreRow(
            name(reading.stage),
            None if reading.face is None else reading.face.det_score,
            None if reading.face is None else reading.face.match,
        )
        for reading in effect.stages
    )
    warnings = tuple(
        ScoreWarning(name(w.stage), w.kind, w.before, w.after) for w in effect.warnings
    )
    reference = "" if effect.against_original else effect.reference
    return reference, scores, warnings


def _previews(ws: Workspace, row: DerivationRow, evidence: Evidence):
    before = after = None
    try:
        image = source_before(
            evidence_file(ws, evidence), evidence.original_name, row.source
        )
        before = preview_png(image, PREVIEW_SIDE)
    except WorkstationError as exc:
        log.warning("no 'before' picture for derivation %d: %s", row.id, exc)
    try:
        output = ws.root / row.output_path
        after = preview_png(decode_png(output.read_bytes(), name=output.name))
    except (OSError, WorkstationError) as exc:
        log.warning("no 'after' picture for derivation %d: %s", row.id, exc)
    return before, after


def processing_entries(ws: Workspace, case: Case) -> tuple[ProcessingEntry, ...]:
    """One report entry per enhancement of the case, oldest first.

    Each original is re-hashed (once per evidence item) so the report can state
    that it is unchanged.
    """
    entries = []
    unchanged: dict[int, bool] = {}
    for row in derivation_rows.list_derivations(ws.store, case.id):
        evidence = evidence_rows.get_evidence(ws.store, row.evidence_id)
        if evidence.id not in unchanged:
            path = evidence_file(ws, evidence)
            unchanged[evidence.id] = (
                ws.vault.check(path) is None and path.stem == row.input_sha256
            )
        before, after = _previews(ws, row, evidence)
        reference, scores, warnings = _scores(row)
        entries.append(
            ProcessingEntry(
                derivation_id=row.id,
                evidence_id=evidence.id,
                exhibit=f"#{evidence.id} {evidence.original_name}",
                original_path=evidence.original_path,
                original_sha256=row.input_sha256,
                original_unchanged=unchanged[evidence.id],
                source_kind=row.source.get("kind", "image"),
                frame=row.source.get("frame"),
                time_s=row.source.get("time_s"),
                frames=row.frames,
                output_name=row.output_name,
                output_sha256=row.output_sha256,
                examiner=row.created_by,
                created_at=row.created_at,
                chain_name=row.chain_name,
                steps=tuple(_step(r) for r in row.operations),
                fusion=_fusion_step(row),
                purpose=row.purpose,
                before_png=before,
                after_png=after,
                score_reference=reference,
                scores=scores,
                warnings=warnings,
                software=row.software,
            )
        )
    return tuple(entries)
