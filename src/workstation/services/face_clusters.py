"""Clusters of a case's faces that probably show the same (unknown) person.

Computed on demand across all media of the case: each photo face is one
member, each video track is one member (its template; a track already is one
person). Faces below a quality floor are left out, as their embeddings say
little. Clusters are leads like search candidates: nobody is identified.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from workstation.domain.errors import WorkstationError
from workstation.services.face_engines import face_engine
from workstation.services.workspace import Workspace
from workstation.store import face_rows
from workstation.vision.face_clustering import cluster_faces

log = logging.getLogger(__name__)

#: Default similarity for two faces to join; on the reference set no pair of
#: different people scored above 0.25, while photos of one person mostly
#: score 0.4-0.8.
CLUSTER_THRESHOLD = 0.35
MIN_QUALITY = 0.3


@dataclass(frozen=True)
class FaceCluster:
    """One cluster: its photo faces and video tracks, clearest first.

    ``face_ids`` holds one face per member (a track's clearest face);
    ``track_ids`` the tracks among them.
    """

    number: int
    face_ids: tuple[int, ...]
    track_ids: tuple[int, ...]
    evidence_names: tuple[str, ...]
    best_quality: float

    @property
    def size(self) -> int:
        """Number of members (photo faces plus tracks)."""
        return len(self.face_ids)


def face_clusters(
    ws: Workspace,
    case_number: str,
    *,
    threshold: float = CLUSTER_THRESHOLD,
    min_quality: float = MIN_QUALITY,
    method: str = "auto",
) -> list[FaceCluster]:
    """Group the case's faces by probable identity (largest cluster first).

    Args:
        ws: The open workspace.
        case_number: The case.
        threshold: Cosine similarity at which faces count as the same person.
        min_quality: Faces (tracks) less clear than this are left out.
        method: ``average``, ``connected`` or ``auto``
            (see :func:`workstation.vision.face_clustering.cluster_faces`).

    Returns:
        The clusters, single faces included.

    Raises:
        WorkstationError: The threshold is not a cosine similarity.
    """
    if not -1.0 <= threshold <= 1.0:
        raise WorkstationError(
            f"The clustering threshold is a cosine similarity between -1 and 1 "
            f"(got {threshold})."
        )
    case = ws.case(case_number)
    pack = face_engine(ws).pack_name
    face_ids, track_ids, embeddings, qualities = face_rows.cluster_members(
        ws.store, case.id, pack, min_quality
    )
    labels = cluster_faces(embeddings, threshold=threshold, method=method)
    rows = face_rows.face_rows_by_id(ws.store, face_ids.tolist())
    clusters = []
    for number in range(int(labels.max()) + 1 if labels.size else 0):
        members = np.flatnonzero(labels == number)
        members = members[np.argsort(-qualities[members], kind="stable")]
        ids = tuple(int(face_ids[m]) for m in members)
        clusters.append(
            FaceCluster(
                number=number + 1,
                face_ids=ids,
                track_ids=tuple(int(track_ids[m]) for m in members if track_ids[m]),
                evidence_names=tuple(
                    dict.fromkeys(rows[i].evidence_name for i in ids if i in rows)
                ),
                best_quality=float(qualities[members[0]]),
            )
        )
    ws.audit(
        "face.clusters",
        case.number,
        {
            "threshold": threshold,
            "min_quality": min_quality,
            "members": int(labels.size),
            "clusters": len(clusters),
            "model_pack": pack,
        },
    )
    log.info(
        "%s: %d faces and tracks in %d clusters at %.2f",
        case.number,
        labels.size,
        len(clusters),
        threshold,
    )
    return clusters
