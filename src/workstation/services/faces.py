"""Faces: one place to import the face services from.

* :mod:`.face_scan` - scanning a case's photos and videos;
* :mod:`.face_video` - sampling, tracking and storing the faces of a video;
* :mod:`.face_search` - 1:N candidate searches with false-match rates;
* :mod:`.face_clusters` - grouping unknown faces by probable identity;
* :mod:`.face_review` - crops, clearest-first lists, tracks, best shots,
  searches with a stored face and the human decisions that alone link a face
  to a person;
* :mod:`.face_calibration` - measuring what a score means for a pack.

A search returns *candidates*: investigative leads ranked by similarity, each
pending a human decision. Nothing here identifies anyone; a person is named
only by a reviewer's recorded decision or an explicit link to a person entity.
"""

from __future__ import annotations

from workstation.services.face_clusters import FaceCluster, face_clusters
from workstation.services.face_engines import face_engine, release_engines
from workstation.services.face_review import (
    BestShot,
    FaceCrop,
    best_shots,
    clearest_faces,
    face_crop_png,
    face_crops,
    face_tracks,
    link_face_to_person,
    record_decision,
    search_with_face,
)
from workstation.services.face_scan import ScanFailure, ScanSummary, scan_faces
from workstation.services.face_search import (
    FaceSearchResult,
    ScoredCandidate,
    search_faces,
)

__all__ = [
    "BestShot",
    "FaceCluster",
    "FaceCrop",
    "FaceSearchResult",
    "ScanFailure",
    "ScanSummary",
    "ScoredCandidate",
    "best_shots",
    "clearest_faces",
    "face_clusters",
    "face_crop_png",
    "face_crops",
    "face_engine",
    "face_tracks",
    "link_face_to_person",
    "record_decision",
    "release_engines",
    "scan_faces",
    "search_faces",
    "search_with_face",
]
