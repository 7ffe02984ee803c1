"""Face rows: detected faces, scan marks, searches, candidate lists and decisions.

Faces of one image go in with one INSERT: their numbers are handed to DuckDB
as NumPy columns (a registered view), so a photo with dozens of faces costs
one statement rather than one per face.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.records import DetectedFace, StoredFace
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)

EMBEDDING_SIZE = 512
_view_numbers = itertools.count(1)


@dataclass(frozen=True)
class Gallery:
    """Stored faces for one model pack, as NumPy arrays.

    ``embeddings`` is an (n, 512) ``float32`` matrix whose rows match
    ``face_ids``, ``evidence_ids``, ``case_ids`` and ``track_ids`` (a track id
    of 0 means the face is not part of a video track).
    """

    face_ids: np.ndarray
    evidence_ids: np.ndarray
    embeddings: np.ndarray
    case_ids: np.ndarray | None = None
    track_ids: np.ndarray | None = None

    def __len__(self) -> int:
        """Number of faces in the gallery."""
        return int(self.face_ids.shape[0])


@dataclass(frozen=True)
class FaceSource:
    """Where a stored face was found: its row plus the evidence file it came from."""

    face: StoredFace
    case_number: str
    evidence_name: str
    vault_path: str
    media_type: str
    model_pack: str


# -- faces and scans ---------------------------------------------------------------


def insert_faces(
    store: CaseStore,
    case_id: int,
    evidence_id: int,
    faces: Sequence[DetectedFace],
    model_pack: str,
    *,
    frame: int = 0,
    time_s: float | None = None,
    frames: Sequence[int] | None = None,
    times: Sequence[float] | None = None,
    track_ids: Sequence[int | None] | None = None,
) -> list[int]:
    """Insert detected faces of one evidence item; return their ids in order.

    A face's quality is stored when it has one (``AnalysedFace.quality``).

    Args:
        store: The open workspace database.
        case_id: The case the evidence belongs to.
        evidence_id: The evidence item the faces were found in.
        faces: Detected faces with 512-d embeddings.
        model_pack: Name of the pack that produced them.
        frame: Frame index of all the faces (0 for photos).
        time_s: Time of that frame in seconds, for video.
        frames: Frame index per face (video); overrides ``frame``.
        times: Time in seconds per face (video); overrides ``time_s``.
        track_ids: Track id per face (video), None for none.

    Returns:
        The new face ids, in the order of ``faces``.
    """
    if not faces:
        return []
    count = len(faces)
    embeddings = np.asarray([f.embedding for f in faces], dtype=np.float32)
    if embeddings.shape != (count, EMBEDDING_SIZE):
        raise WorkstationError(
            f"Faces of evidence {evidence_id} have {embeddings.shape[1]}-d "
            f"embeddings; the database stores {EMBEDDING_SIZE}-d ones."
        )
    boxes = np.asarray([f.box for f in faces], dtype=np.float32).reshape(count, 4)
    landmarks = np.asarray([f.landmarks for f in faces], dtype=np.float32)
    landmarks = landmarks.reshape(count, 10)
    scalars = {"i": np.arange(count, dtype=np.int64)}
    scalars["det_score"] = np.asarray([f.det_score for f in faces], dtype=np.float32)
    scalars["quality"] = np.asarray(
        [getattr(f, "quality", np.nan) for f in faces], dtype=np.float32
    )
    scalars["frame"] = np.asarray(
        [frame] * count if frames is None else frames, dtype=np.int64
    )
    scalars["time_s"] = np.asarray(
        [np.nan if time_s is None else time_s] * count if times is None else times,
        dtype=np.float64,
    )
    scalars["track_id"] = np.asarray(
        [0] * count if track_ids is None else [t or 0 for t in track_ids],
        dtype=np.int64,
    )
    for j in range(4):
        scalars[f"b{j}"] = boxes[:, j]
    for j in range(10):
        scalars[f"l{j}"] = landmarks[:, j]
    vectors = {
        "i": np.repeat(np.arange(count, dtype=np.int64), EMBEDDING_SIZE),
        "j": np.tile(np.arange(EMBEDDING_SIZE, dtype=np.int64), count),
        "v": embeddings.ravel(),
    }
    number = next(_view_numbers)
    scalar_view, vector_view = f"_new_faces_{number}", f"_new_vectors_{number}"
    box_sql = ", ".join(f"s.b{j}" for j in range(4))
    landmark_sql = ", ".join(f"s.l{j}" for j in range(10))
    store.conn.register(scalar_view, scalars)
    store.conn.register(vector_view, vectors)
    try:
        with store.transaction():
            rows = store.execute(
                "INSERT INTO faces (case_id, evidence_id, frame, time_s, box, "
                "landmarks, det_score, quality, embedding, model_pack, track_id) "
                "SELECT ?, ?, s.frame, CASE WHEN isnan(s.time_s) THEN NULL "
                f"ELSE s.time_s END, [{box_sql}]::FLOAT[4], "
                f"[{landmark_sql}]::FLOAT[10], s.det_score, "
                "CASE WHEN isnan(s.quality) THEN NULL ELSE s.quality END, "
                "v.embedding, ?, nullif(s.track_id, 0) "
                f"FROM {scalar_view} s JOIN ("
                f"  SELECT i, list(v ORDER BY j)::FLOAT[{EMBEDDING_SIZE}] AS embedding"
                f"  FROM {vector_view} GROUP BY i"
                ") v ON v.i = s.i ORDER BY s.i RETURNING id",
                [case_id, evidence_id, model_pack],
            ).fetchall()
    finally:
        store.conn.unregister(scalar_view)
        store.conn.unregister(vector_view)
    return sorted(r[0] for r in rows)


def mark_scanned(
    store: CaseStore,
    case_id: int,
    evidence_id: int,
    model_pack: str,
    faces_found: int,
    *,
    frames_analysed: int | None = None,
    sample_fps: float | None = None,
) -> None:
    """Record that an evidence item was scanned with a pack (so rescans skip it).

    Videos also record how many frames were analysed at what sampling rate.
    """
    store.execute(
        "INSERT INTO face_scans (case_id, evidence_id, model_pack, faces_found, "
        "frames_analysed, sample_fps) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [case_id, evidence_id, model_pack, faces_found, frames_analysed, sample_fps],
    )


def scanned_evidence_ids(store: CaseStore, case_id: int, model_pack: str) -> set[int]:
    """Ids of the case's evidence already scanned with ``model_pack``."""
    rows = store.execute(
        "SELECT evidence_id FROM face_scans WHERE case_id = ? AND model_pack = ?",
        [case_id, model_pack],
    ).fetchall()
    return {r[0] for r in rows}


def count_faces(store: CaseStore, case_id: int, model_pack: str | None = None) -> int:
    """Number of stored faces of a case (for one pack when given)."""
    sql = "SELECT count(*) FROM faces WHERE case_id = ?"
    params: list = [case_id]
    if model_pack is not None:
        sql += " AND model_pack = ?"
        params.append(model_pack)
    return store.execute(sql, params).fetchone()[0]


def _scope_sql(case_id: int | None) -> tuple[str, list]:
    if case_id is None:
        return "model_pack = ?", []
    return "case_id = ? AND model_pack = ?", [case_id]


def load_gallery(
    store: CaseStore, case_id: int | None, model_pack: str, *, after_id: int = 0
) -> Gallery:
    """Stored faces found with ``model_pack``, ordered by id.

    Args:
        store: The open workspace database.
        case_id: The case; None for the faces of every case.
        model_pack: The pack whose embeddings are wanted.
        after_id: Only faces with a larger id (to top up a cached gallery).
    """
    where, params = _scope_sql(case_id)
    columns = store.execute(
        "SELECT id, evidence_id, case_id, coalesce(track_id, 0) AS track_id, "
        f"embedding FROM faces WHERE {where} AND id > ? ORDER BY id",
        [*params, model_pack, after_id],
    ).fetchnumpy()
    ids = np.asarray(columns["id"], dtype=np.int64)
    if ids.size == 0:
        empty = np.empty(0, dtype=np.int64)
        vectors = np.empty((0, EMBEDDING_SIZE), dtype=np.float32)
        return Gallery(ids, empty, vectors, empty, empty)
    embeddings = np.stack(columns["embedding"]).astype(np.float32, copy=False)
    return Gallery(
        ids,
        np.asarray(columns["evidence_id"], dtype=np.int64),
        embeddings,
        np.asarray(columns["case_id"], dtype=np.int64),
        np.asarray(columns["track_id"], dtype=np.int64),
    )


def gallery_state(
    store: CaseStore, case_id: int | None, model_pack: str
) -> tuple[int, int]:
    """(number of faces, largest face id) of a gallery: cheap change detection."""
    where, params = _scope_sql(case_id)
    count, largest = store.execute(
        f"SELECT count(*), coalesce(max(id), 0) FROM faces WHERE {where}",
        [*params, model_pack],
    ).fetchone()
    return int(count), int(largest)


def _stored_face(row) -> StoredFace:
    return StoredFace(
        id=row[0],
        case_id=row[1],
        evidence_id=row[2],
        frame=row[3],
        box=tuple(float(v) for v in row[4]),
        det_score=float(row[5]),
        person_id=row[6],
    )


def faces_of_evidence(store: CaseStore, evidence_id: int) -> list[StoredFace]:
    """Stored faces of one evidence item, by id."""
    rows = store.execute(
        "SELECT id, case_id, evidence_id, frame, box, det_score, person_id "
        "FROM faces WHERE evidence_id = ? ORDER BY id",
        [evidence_id],
    ).fetchall()
    return [_stored_face(r) for r in rows]


def face_source(store: CaseStore, face_id: int) -> FaceSource:
    """A stored face with its case and evidence file.

    Raises:
        NotFoundError: No face has that id.
    """
    row = store.execute(
        "SELECT f.id, f.case_id, f.evidence_id, f.frame, f.box, f.det_score, "
        "f.person_id, c.number, e.original_name, e.vault_path, e.media_type, "
        "f.model_pack FROM faces f JOIN evidence e ON e.id = f.evidence_id "
        "JOIN cases c ON c.id = f.case_id WHERE f.id = ?",
        [face_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No stored face with id {face_id}; run a face scan or check the id."
        )
    return FaceSource(_stored_face(row), row[7], row[8], row[9], row[10], row[11])


def faces_of_file(
    store: CaseStore, case_id: int, sha256: str, model_pack: str
) -> list[StoredFace]:
    """Stored faces (for one pack) of the case's evidence with this file hash."""
    rows = store.execute(
        "SELECT f.id, f.case_id, f.evidence_id, f.frame, f.box, f.det_score, "
        "f.person_id FROM faces f JOIN evidence e ON e.id = f.evidence_id "
        "WHERE f.case_id = ? AND e.sha256 = ? AND f.model_pack = ? ORDER BY f.id",
        [case_id, sha256, model_pack],
    ).fetchall()
    return [_stored_face(r) for r in rows]


@dataclass(frozen=True)
class FaceRow:
    """A stored face as lists show it: where it is, how clear, whose it is.

    ``frame`` and ``time_s`` locate a video face (frame 0 and None for
    photos); ``track_id`` is its video track; ``person`` lists the labels of
    the person entities it is linked to.
    """

    id: int
    case_number: str
    evidence_id: int
    evidence_name: str
    media_type: str
    frame: int
    time_s: float | None
    box: tuple[float, float, float, float]
    det_score: float
    quality: float | None
    track_id: int | None
    person: str | None


_FACE_ROW_SQL = (
    "SELECT f.id, c.number, f.evidence_id, e.original_name, e.media_type, f.frame, "
    "f.time_s, f.box, f.det_score, f.quality, f.track_id, ("
    "  SELECT string_agg(DISTINCT p.label, ', ' ORDER BY p.label) "
    "  FROM entities p WHERE p.id = f.person_id OR p.id IN ("
    "    SELECT pf.person_id FROM person_faces pf WHERE pf.face_id = f.id)) "
    "FROM faces f JOIN evidence e ON e.id = f.evidence_id "
    "JOIN cases c ON c.id = f.case_id "
)


def _face_row(row) -> FaceRow:
    return FaceRow(
        id=row[0],
        case_number=row[1],
        evidence_id=row[2],
        evidence_name=row[3],
        media_type=row[4],
        frame=row[5],
        time_s=row[6],
        box=tuple(float(v) for v in row[7]),
        det_score=float(row[8]),
        quality=None if row[9] is None else float(row[9]),
        track_id=row[10],
        person=row[11],
    )


def face_rows_by_id(store: CaseStore, face_ids: Sequence[int]) -> dict[int, FaceRow]:
    """The stored faces with these ids (ids not found are left out)."""
    if not len(face_ids):
        return {}
    rows = store.execute(
        _FACE_ROW_SQL + "WHERE list_contains(?, f.id)", [[int(i) for i in face_ids]]
    ).fetchall()
    return {r[0]: _face_row(r) for r in rows}


#: Orders :func:`list_faces` accepts.
FACE_ORDERS = {
    "quality": "f.quality DESC NULLS LAST, f.id",
    "id": "f.id",
    "evidence": "e.original_name, f.frame, f.id",
}


def list_faces(
    store: CaseStore,
    case_id: int,
    model_pack: str,
    *,
    order: str = "quality",
    evidence_id: int | None = None,
    track_id: int | None = None,
    min_quality: float | None = None,
    limit: int | None = None,
) -> list[FaceRow]:
    """Stored faces of a case, clearest first by default.

    Args:
        store: The open workspace database.
        case_id: The case.
        model_pack: Only faces found with this pack.
        order: A key of :data:`FACE_ORDERS`.
        evidence_id: Only faces of this evidence item.
        track_id: Only faces of this video track.
        min_quality: Only faces at least this clear.
        limit: At most this many rows.

    Raises:
        WorkstationError: Unknown ``order``.
    """
    if order not in FACE_ORDERS:
        raise WorkstationError(
            f"Faces cannot be ordered by {order!r}; use one of "
            f"{', '.join(FACE_ORDERS)}."
        )
    sql = _FACE_ROW_SQL + "WHERE f.case_id = ? AND f.model_pack = ?"
    params: list = [case_id, model_pack]
    for column, value in (("f.evidence_id", evidence_id), ("f.track_id", track_id)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    if min_quality is not None:
        sql += " AND f.quality >= ?"
        params.append(min_quality)
    sql += f" ORDER BY {FACE_ORDERS[order]}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_face_row(r) for r in store.execute(sql, params).fetchall()]


def face_embeddings(store: CaseStore, face_ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The stored embeddings of these faces, as ``float32`` vectors."""
    if not len(face_ids):
        return {}
    rows = store.execute(
        "SELECT id, embedding FROM faces WHERE list_contains(?, id)",
        [[int(i) for i in face_ids]],
    ).fetchall()
    return {r[0]: np.asarray(r[1], dtype=np.float32) for r in rows}


def cluster_members(
    store: CaseStore, case_id: int, model_pack: str, min_quality: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What face clustering groups: photo faces and video tracks of a case.

    Returns:
        ``(face_ids, track_ids, embeddings, qualities)``: one row per photo
        face at least ``min_quality`` clear (track id 0) and one per video
        track whose clearest face is (its clearest face's id, the track id,
        the track template).
    """
    rows = store.execute(
        "SELECT id, 0 AS track, embedding, coalesce(quality, 0) FROM faces "
        "WHERE case_id = $1 AND model_pack = $2 AND track_id IS NULL "
        "AND coalesce(quality, 0) >= $3 "
        "UNION ALL SELECT best_face_ids[1], id, template, quality FROM face_tracks "
        "WHERE case_id = $1 AND model_pack = $2 AND quality >= $3 "
        "ORDER BY 1",
        [case_id, model_pack, min_quality],
    ).fetchall()
    if not rows:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty((0, EMBEDDING_SIZE), np.float32), np.empty(0)
    return (
        np.array([r[0] for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.int64),
        np.asarray([r[2] for r in rows], dtype=np.float32),
        np.array([r[3] for r in rows], dtype=np.float64),
    )
