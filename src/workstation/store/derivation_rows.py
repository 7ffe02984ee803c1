"""Derivation rows: how each enhanced image was made from an evidence item."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.domain.errors import NotFoundError
from workstation.store.case_store import CaseStore


@dataclass(frozen=True)
class DerivationRow:
    """One recorded enhancement.

    ``operations`` lists the steps in order, each with every parameter, its
    algorithm and reference; ``source`` says what the chain started from (an
    image, a video frame, fused frames or a fused face, with frame numbers and
    time stamps); ``software`` names the library versions; ``effect`` holds
    the measured face scores (None when not measured).
    """

    id: int
    case_id: int
    evidence_id: int | None
    input_name: str
    input_sha256: str
    output_sha256: str
    output_evidence_id: int | None
    output_name: str
    output_path: str
    chain_name: str
    operations: list[dict[str, Any]]
    source: dict[str, Any]
    frames: tuple[int, ...]
    software: dict[str, str]
    effect: dict[str, Any] | None
    purpose: str
    created_by: str
    created_at: datetime


_SELECT = (
    "SELECT d.id, d.case_id, d.evidence_id, coalesce(i.original_name, ''), "
    "d.input_sha256, d.output_sha256, d.output_evidence_id, "
    "coalesce(o.original_name, ''), coalesce(d.output_path, ''), "
    "coalesce(d.chain_name, ''), d.operations, d.source, d.frames, d.software, "
    "d.effect, coalesce(d.purpose, ''), d.created_by, d.created_at "
    "FROM derivations d "
    "LEFT JOIN evidence i ON i.id = d.evidence_id "
    "LEFT JOIN evidence o ON o.id = d.output_evidence_id "
)


def _loads(text: str | None, default: Any) -> Any:
    return json.loads(text) if text else default


def _row(values: tuple) -> DerivationRow:
    values = list(values)
    values[10] = _loads(values[10], [])
    values[11] = _loads(values[11], {})
    values[12] = tuple(values[12] or ())
    values[13] = _loads(values[13], {})
    values[14] = _loads(values[14], None)
    return DerivationRow(*values)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def insert_derivation(
    store: CaseStore,
    case_id: int,
    *,
    evidence_id: int,
    input_sha256: str,
    output_sha256: str,
    output_evidence_id: int,
    output_path: str,
    chain_name: str,
    operations: list[dict[str, Any]],
    source: dict[str, Any],
    frames: list[int],
    software: dict[str, str],
    effect: dict[str, Any] | None,
    purpose: str,
    created_by: str,
) -> DerivationRow:
    """Record one enhancement; return the stored row."""
    new_id = store.execute(
        "INSERT INTO derivations (case_id, evidence_id, input_sha256, "
        "output_sha256, output_evidence_id, output_path, chain_name, operations, "
        "source, frames, software, effect, purpose, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            case_id,
            evidence_id,
            input_sha256,
            output_sha256,
            output_evidence_id,
            output_path,
            chain_name,
            _dumps(operations),
            _dumps(source),
            list(frames),
            _dumps(software),
            None if effect is None else _dumps(effect),
            purpose,
            created_by,
        ],
    ).fetchone()[0]
    return get_derivation(store, new_id)


def get_derivation(store: CaseStore, derivation_id: int) -> DerivationRow:
    """The derivation with this id.

    Raises:
        NotFoundError: No such derivation.
    """
    row = store.execute(f"{_SELECT} WHERE d.id = ?", [derivation_id]).fetchone()
    if row is None:
        raise NotFoundError(
            f"No derivation with id {derivation_id}; list a case's derivations "
            "with `workstation enhance list CASE`."
        )
    return _row(row)


def list_derivations(store: CaseStore, case_id: int) -> list[DerivationRow]:
    """The case's derivations, oldest first."""
    rows = store.execute(
        f"{_SELECT} WHERE d.case_id = ? ORDER BY d.created_at, d.id", [case_id]
    ).fetchall()
    return [_row(r) for r in rows]


@dataclass(frozen=True)
class TrackShotRow:
    """One of a face track's best faces: its frame, box, landmarks and score."""

    face_id: int
    frame: int
    box: tuple[float, ...]
    landmarks: tuple[tuple[float, float], ...]
    det_score: float


def track_shots(
    store: CaseStore, case_id: int, track_id: int
) -> tuple[int, list[TrackShotRow]]:
    """The evidence id of a face track and its best faces, clearest first.

    Raises:
        NotFoundError: No such track in the case, or it has no faces with
            landmarks.
    """
    row = store.execute(
        "SELECT evidence_id, best_face_ids FROM face_tracks WHERE id = ? "
        "AND case_id = ?",
        [track_id, case_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No face track {track_id} in this case; `workstation faces tracks CASE` "
            "lists the case's tracks."
        )
    evidence_id, best = row[0], list(row[1] or ())
    faces = store.execute(
        "SELECT id, frame, box, landmarks, det_score FROM faces "
        "WHERE id IN (SELECT unnest(?::BIGINT[])) AND landmarks IS NOT NULL",
        [best],
    ).fetchall()
    by_id = {f[0]: f for f in faces}
    shots = [
        TrackShotRow(
            face_id=face_id,
            frame=int(by_id[face_id][1]),
            box=tuple(float(v) for v in by_id[face_id][2]),
            landmarks=tuple(
                (float(x), float(y))
                for x, y in zip(
                    by_id[face_id][3][0::2], by_id[face_id][3][1::2], strict=True
                )
            ),
            det_score=float(by_id[face_id][4]),
        )
        for face_id in best
        if face_id in by_id
    ]
    if not shots:
        raise NotFoundError(
            f"Face track {track_id} has no stored faces with landmarks to align; "
            "scan the video again."
        )
    return evidence_id, shots


def count_derivations(store: CaseStore, case_id: int) -> int:
    """How many enhancements the case has recorded."""
    return store.execute(
        "SELECT count(*) FROM derivations WHERE case_id = ?", [case_id]
    ).fetchone()[0]
