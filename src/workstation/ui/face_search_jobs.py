"""The Faces tab's searches as worker jobs: a probe photo, a video track, a face.

Each job runs a search service and cuts the crops the candidate table shows,
so the UI thread only turns PNG bytes into pixmaps. ``QImage`` is safe to make
off the UI thread; ``QPixmap`` is not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

from workstation.domain.progress import ProgressCallback
from workstation.services.faces import (
    FaceSearchResult,
    face_crop_png,
    search_faces,
    search_with_face,
)
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchOutcome:
    """A finished search with the face crops to show, made in the worker.

    ``probe_name`` names the probe as the status line says it: the photo's
    file name, or the track with its video and time span.
    """

    probe_name: str
    result: FaceSearchResult
    probe_image: QImage
    crops: dict[int, bytes] = field(default_factory=dict)


def probe_crop(
    path: Path,
    box: tuple[float, float, float, float],
    *,
    margin: float = 0.25,
    size: int = 160,
) -> QImage:
    """A square cut around the probe's face box, as the service cuts stored faces.

    The photo is read upright (EXIF orientation applied), like the detector saw
    it; parts of the square outside the photo are black. Safe in a worker.

    Args:
        path: The probe photo.
        box: ``x1, y1, x2, y2`` of the face in the upright photo.
        margin: Space on each side, as a fraction of the box's longer side.
        size: Side of the returned image in pixels.

    Returns:
        The crop; a null image when the photo cannot be read.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        log.warning("cannot read probe %s: %s", path.name, reader.errorString())
        return image
    x1, y1, x2, y2 = box
    side = max(x2 - x1, y2 - y1, 1.0) * (1.0 + 2.0 * max(margin, 0.0))
    left = round((x1 + x2 - side) / 2)
    top = round((y1 + y2 - side) / 2)
    square = QImage(round(side), round(side), QImage.Format.Format_RGB32)
    square.fill(Qt.GlobalColor.black)
    painter = QPainter(square)
    painter.drawImage(QPoint(-left, -top), image)
    painter.end()
    return square.scaled(
        size,
        size,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _outcome(
    ws: Workspace,
    probe_name: str,
    result: FaceSearchResult,
    probe_image: QImage,
    progress: ProgressCallback,
) -> SearchOutcome:
    """The outcome of ``result`` with every candidate's crop cut."""
    crops = {}
    total = len(result.candidates)
    message = QCoreApplication.translate("FacesView", "cutting candidate faces")
    for done, candidate in enumerate(result.candidates, start=1):
        crops[candidate.face_id] = face_crop_png(ws, candidate.face_id)
        progress(done, total, message)
    return SearchOutcome(probe_name, result, probe_image, crops)


def run_search(
    ws: Workspace, case_number: str, probe_path: Path, progress: ProgressCallback
) -> SearchOutcome:
    """Search ``probe_path`` against the case and cut the crops to display.

    Args:
        ws: Workspace session of the worker.
        case_number: The case whose faces are searched.
        probe_path: The probe photo.
        progress: Receives ``(done, total, message)``.

    Returns:
        The :class:`SearchOutcome`.
    """
    result = search_faces(ws, case_number, probe_path, progress=progress)
    probe_image = probe_crop(probe_path, result.probe_box)
    return _outcome(ws, probe_path.name, result, probe_image, progress)


def run_face_search(
    ws: Workspace, case_number: str, face_id: int, progress: ProgressCallback
) -> SearchOutcome:
    """Search with a stored face of the case: its video track, or its photo.

    The probe shown is the crop of that face (for a track, the face chosen;
    the search itself uses the track's template).

    Args:
        ws: Workspace session of the worker.
        case_number: The case of the face.
        face_id: The stored face (a track's face searches with the track).
        progress: Receives ``(done, total, message)``.

    Returns:
        The :class:`SearchOutcome`.
    """
    result = search_with_face(ws, case_number, face_id, progress=progress)
    png = face_crop_png(ws, result.probe_face_id or face_id)
    name = result.probe_name
    if result.probe_track_id is not None:
        name = QCoreApplication.translate(
            "FacesView", "track {track}, the track of face {face}"
        ).format(track=result.probe_track_id, face=face_id)
    return _outcome(ws, name, result, QImage.fromData(png), progress)


def run_track_search(
    ws: Workspace,
    case_number: str,
    track_id: int,
    shown_face_id: int | None,
    name: str,
    progress: ProgressCallback,
) -> SearchOutcome:
    """Search with a video track's template (all its faces averaged).

    Args:
        ws: Workspace session of the worker.
        case_number: The case of the track.
        track_id: The track.
        shown_face_id: The face shown as the probe (its clearest), if any.
        name: How the status line names the track.
        progress: Receives ``(done, total, message)``.

    Returns:
        The :class:`SearchOutcome`.
    """
    result = search_faces(ws, case_number, track_id=track_id, progress=progress)
    image = QImage()
    if shown_face_id is not None:
        image = QImage.fromData(face_crop_png(ws, shown_face_id))
    return _outcome(ws, name, result, image, progress)
