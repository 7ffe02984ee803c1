"""Video face tracks: one row per person followed through a video.

A track is stored before its faces (the faces carry its id); its best face
ids are filled in once the faces have ids.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workstation.domain.errors import NotFoundError
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)

EMBEDDING_SIZE = 512


@dataclass(frozen=True)
class TrackRow:
    """A stored track; ``template`` is filled only by :func:`get_track`."""

    id: int
    case_id: int
    case_number: str
    evidence_id: int
    evidence_name: str
    model_pack: str
    first_frame: int
    last_frame: int
    first_time_s: float
    last_time_s: float
    n_faces: int
    best_face_ids: tuple[int, ...]
    quality: float
    template: np.ndarray | None = None

    @property
    def duration_s(self) -> float:
        """Seconds from the first to the last sighting."""
        return self.last_time_s - self.first_time_s


def insert_track(
    store: CaseStore,
    case_id: int,
    evidence_id: int,
    model_pack: str,
    *,
    first_frame: int,
    last_frame: int,
    first_time_s: float,
    last_time_s: float,
    n_faces: int,
    template: np.ndarray,
    quality: float,
) -> int:
    """Store a track (without best faces yet); return its id."""
    vector = np.asarray(template, dtype=np.float32).reshape(EMBEDDING_SIZE)
    return store.execute(
        "INSERT INTO face_tracks (case_id, evidence_id, model_pack, first_frame, "
        "last_frame, first_time_s, last_time_s, n_faces, best_face_ids, template, "
        f"quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, [], ?::FLOAT[{EMBEDDING_SIZE}], ?) "
        "RETURNING id",
        [
            case_id,
            evidence_id,
            model_pack,
            first_frame,
            last_frame,
            first_time_s,
            last_time_s,
            n_faces,
            vector.tolist(),
            quality,
        ],
    ).fetchone()[0]


def set_best_faces(store: CaseStore, track_id: int, face_ids: Sequence[int]) -> None:
    """Record a track's clearest faces, clearest first."""
    store.execute(
        "UPDATE face_tracks SET best_face_ids = ? WHERE id = ?",
        [[int(i) for i in face_ids], track_id],
    )


_TRACK_SQL = (
    "SELECT t.id, t.case_id, c.number, t.evidence_id, e.original_name, "
    "t.model_pack, t.first_frame, t.last_frame, t.first_time_s, t.last_time_s, "
    "t.n_faces, t.best_face_ids, t.quality "
    "FROM face_tracks t JOIN evidence e ON e.id = t.evidence_id "
    "JOIN cases c ON c.id = t.case_id "
)


def _track(row, template=None) -> TrackRow:
    return TrackRow(
        *row[:11],
        best_face_ids=tuple(row[11]),
        quality=float(row[12]),
        template=template,
    )


def list_tracks(
    store: CaseStore,
    case_id: int,
    model_pack: str,
    *,
    evidence_id: int | None = None,
) -> list[TrackRow]:
    """Tracks of a case (of one video when given), by video and start time."""
    sql = _TRACK_SQL + "WHERE t.case_id = ? AND t.model_pack = ?"
    params: list = [case_id, model_pack]
    if evidence_id is not None:
        sql += " AND t.evidence_id = ?"
        params.append(evidence_id)
    sql += " ORDER BY e.original_name, t.first_frame, t.id"
    return [_track(r) for r in store.execute(sql, params).fetchall()]


def get_track(store: CaseStore, track_id: int) -> TrackRow:
    """A track with its template.

    Raises:
        NotFoundError: No track has that id.
    """
    row = store.execute(
        _TRACK_SQL.replace("t.quality ", "t.quality, t.template ") + "WHERE t.id = ?",
        [track_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No face track with id {track_id}; `workstation faces tracks CASE` "
            "lists the tracks of a case."
        )
    return _track(row[:13], np.asarray(row[13], dtype=np.float32))


def count_tracks(store: CaseStore, case_id: int, model_pack: str) -> int:
    """Number of stored tracks of a case for one pack."""
    return store.execute(
        "SELECT count(*) FROM face_tracks WHERE case_id = ? AND model_pack = ?",
        [case_id, model_pack],
    ).fetchone()[0]
