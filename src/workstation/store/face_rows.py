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
from workstation.domain.records import Candidate, DetectedFace, StoredFace
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)

EMBEDDING_SIZE = 512
_view_numbers = itertools.count(1)


@dataclass(frozen=True)
class Gallery:
    """The stored faces of a case for one model pack, as NumPy arrays.

    ``embeddings`` is an (n, 512) ``float32`` matrix whose rows match
    ``face_ids`` and ``evidence_ids``.
    """

    face_ids: np.ndarray
    evidence_ids: np.ndarray
    embeddings: np.ndarray

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
) -> list[int]:
    """Insert the faces found in one image (or frame); return their ids in order.

    Args:
        store: The open workspace database.
        case_id: The case the evidence belongs to.
        evidence_id: The evidence item the faces were found in.
        faces: Detected faces with 512-d embeddings.
        model_pack: Name of the pack that produced them.
        frame: Frame index (0 for photos).
        time_s: Time of the frame in seconds, for video.

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
                "landmarks, det_score, embedding, model_pack) "
                f"SELECT ?, ?, ?, ?, [{box_sql}]::FLOAT[4], "
                f"[{landmark_sql}]::FLOAT[10], s.det_score, v.embedding, ? "
                f"FROM {scalar_view} s JOIN ("
                f"  SELECT i, list(v ORDER BY j)::FLOAT[{EMBEDDING_SIZE}] AS embedding"
                f"  FROM {vector_view} GROUP BY i"
                ") v ON v.i = s.i ORDER BY s.i RETURNING id",
                [case_id, evidence_id, frame, time_s, model_pack],
            ).fetchall()
    finally:
        store.conn.unregister(scalar_view)
        store.conn.unregister(vector_view)
    return sorted(r[0] for r in rows)


def mark_scanned(
    store: CaseStore, case_id: int, evidence_id: int, model_pack: str, faces_found: int
) -> None:
    """Record that an evidence item was scanned with a pack (so rescans skip it)."""
    store.execute(
        "INSERT INTO face_scans (case_id, evidence_id, model_pack, faces_found) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [case_id, evidence_id, model_pack, faces_found],
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


def load_gallery(store: CaseStore, case_id: int, model_pack: str) -> Gallery:
    """All stored faces of a case found with ``model_pack``, ordered by id."""
    columns = store.execute(
        "SELECT id, evidence_id, embedding FROM faces "
        "WHERE case_id = ? AND model_pack = ? ORDER BY id",
        [case_id, model_pack],
    ).fetchnumpy()
    ids = np.asarray(columns["id"], dtype=np.int64)
    if ids.size == 0:
        empty = np.empty((0, EMBEDDING_SIZE), dtype=np.float32)
        return Gallery(ids, np.empty(0, dtype=np.int64), empty)
    embeddings = np.stack(columns["embedding"]).astype(np.float32, copy=False)
    evidence_ids = np.asarray(columns["evidence_id"], dtype=np.int64)
    return Gallery(ids, evidence_ids, embeddings)


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


def candidate_details(
    store: CaseStore, face_ids: Sequence[int]
) -> dict[int, tuple[str, str | None]]:
    """For each face id: (evidence original name, linked person labels or None)."""
    if not len(face_ids):
        return {}
    rows = store.execute(
        "SELECT f.id, e.original_name, ("
        "  SELECT string_agg(DISTINCT p.label, ', ' ORDER BY p.label) "
        "  FROM entities p WHERE p.id = f.person_id OR p.id IN ("
        "    SELECT pf.person_id FROM person_faces pf WHERE pf.face_id = f.id)) "
        "FROM faces f JOIN evidence e ON e.id = f.evidence_id "
        "WHERE list_contains(?, f.id)",
        [[int(i) for i in face_ids]],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


# -- searches, candidate lists and decisions -----------------------------------------


def insert_search(
    store: CaseStore,
    case_id: int,
    *,
    probe_name: str,
    probe_sha256: str,
    model_pack: str,
    threshold: float,
    searched_by: str,
    probe_face_id: int | None = None,
) -> int:
    """Record one 1:N search; return its id."""
    return store.execute(
        "INSERT INTO face_searches (case_id, probe_name, probe_sha256, "
        "probe_face_id, model_pack, threshold, searched_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            case_id,
            probe_name,
            probe_sha256,
            probe_face_id,
            model_pack,
            threshold,
            searched_by,
        ],
    ).fetchone()[0]


def insert_candidates(
    store: CaseStore, search_id: int, case_id: int, candidates: Sequence[Candidate]
) -> None:
    """Record a search's ranked candidates, every one pending a human decision."""
    if not candidates:
        return
    store.conn.executemany(
        "INSERT INTO matches (search_id, case_id, candidate_face_id, rank, score, "
        "above_threshold, decision) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
        [
            [search_id, case_id, c.face_id, c.rank, c.score, c.above_threshold]
            for c in candidates
        ],
    )


def search_case(store: CaseStore, search_id: int) -> tuple[int, str]:
    """(case id, case number) of a search.

    Raises:
        NotFoundError: No search has that id.
    """
    row = store.execute(
        "SELECT s.case_id, c.number FROM face_searches s "
        "JOIN cases c ON c.id = s.case_id WHERE s.id = ?",
        [search_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No face search with id {search_id}.")
    return row[0], row[1]


def set_decision(
    store: CaseStore,
    search_id: int,
    face_id: int,
    *,
    decision: str,
    decided_by: str,
    comment: str,
) -> None:
    """Set the human decision on one candidate of a search.

    Raises:
        NotFoundError: The face is not a candidate of that search.
    """
    row = store.execute(
        "UPDATE matches SET decision = ?, decided_by = ?, "
        "decided_at = current_timestamp, comment = ? "
        "WHERE search_id = ? AND candidate_face_id = ? RETURNING rank",
        [decision, decided_by, comment, search_id, face_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"Face {face_id} is not a candidate of face search {search_id}; "
            "decide only on faces listed by that search."
        )


def search_candidates(store: CaseStore, search_id: int) -> list[tuple]:
    """Rows (rank, face id, score, above threshold, decision, decided by, comment)."""
    return store.execute(
        "SELECT rank, candidate_face_id, score, above_threshold, decision, "
        "decided_by, comment FROM matches WHERE search_id = ? ORDER BY rank",
        [search_id],
    ).fetchall()


# -- people -----------------------------------------------------------------------


def person_label(store: CaseStore, case_id: int, entity_id: int) -> str:
    """The label of a person entity of the case.

    Raises:
        NotFoundError: No such entity in the case.
        WorkstationError: The entity is not a person.
    """
    row = store.execute(
        "SELECT type, label FROM entities WHERE id = ? AND case_id = ?",
        [entity_id, case_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No entity with id {entity_id} in this case; check the person's id."
        )
    if row[0] != "person":
        raise WorkstationError(
            f"Entity {entity_id} ({row[1]}) is a {row[0]}, not a person; only "
            "people can be given reference faces."
        )
    return row[1]


def link_person_face(
    store: CaseStore, case_id: int, person_id: int, face_id: int, source: str
) -> bool:
    """Attach a face to a person entity; return False when already attached.

    The face's assigned person (``faces.person_id``) is set when it has none.
    """
    row = store.execute(
        "INSERT INTO person_faces (case_id, person_id, face_id, source) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING face_id",
        [case_id, person_id, face_id, source],
    ).fetchone()
    # The first person a face is linked to becomes its assigned person.
    store.execute(
        "UPDATE faces SET person_id = ? WHERE id = ? AND person_id IS NULL",
        [person_id, face_id],
    )
    return row is not None
