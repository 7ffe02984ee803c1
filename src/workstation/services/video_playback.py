"""Playing video evidence frame by frame with the faces stored for each frame.

The stored faces of a video are read from the database in one query
(:func:`video_faces`); its frames are decoded on request by an
:class:`OpenVideo`, which a viewer opens and uses from one thread of its own
(decoding takes milliseconds a frame; the database is not touched).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from workstation.domain.records import Evidence
from workstation.services.browse import FaceBox
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.store import browse_rows
from workstation.vision.video_frames import (
    VideoFrameReader,
    VideoInfo,
    sampled_frame_numbers,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VideoFaces:
    """The faces stored for one video, by frame number.

    Attributes:
        scanned: Whether the video was scanned with the model pack.
        sample_fps: Frames analysed per second of video by that scan.
        by_frame: Each frame with faces, mapped to them, largest first.
    """

    scanned: bool
    sample_fps: float | None
    by_frame: Mapping[int, tuple[FaceBox, ...]] = field(default_factory=dict)

    def at(self, frame: int) -> tuple[FaceBox, ...]:
        """The faces stored for ``frame`` (empty for a frame not analysed)."""
        return self.by_frame.get(frame, ())

    @property
    def count(self) -> int:
        """Number of faces stored for the video."""
        return sum(len(faces) for faces in self.by_frame.values())


def video_faces(
    ws: Workspace, case_number: str, evidence_id: int, model_pack: str | None = None
) -> VideoFaces:
    """The stored faces of one video of the case, grouped by frame.

    Args:
        ws: The open workspace.
        case_number: The case holding the video.
        evidence_id: The video's evidence id.
        model_pack: Faces found by this pack; the settings' pack when None.

    Returns:
        The faces with their tracks and quality; ``scanned`` is False (and
        there are no faces) when the video was not scanned with the pack.
    """
    pack = model_pack or ws.settings.model_pack
    case_id = ws.case(case_number).id
    scanned, sample_fps = browse_rows.video_scan_rate(
        ws.store, case_id, evidence_id, pack
    )
    by_frame: dict[int, list[FaceBox]] = {}
    for row in browse_rows.video_face_boxes(ws.store, case_id, evidence_id, pack):
        frame, face_id, x1, y1, x2, y2, score, quality, track_id, label = row
        by_frame.setdefault(int(frame), []).append(
            FaceBox(face_id, (x1, y1, x2, y2), score, label, track_id, quality)
        )
    return VideoFaces(
        scanned=scanned,
        sample_fps=sample_fps,
        by_frame={frame: tuple(faces) for frame, faces in by_frame.items()},
    )


@dataclass(frozen=True)
class VideoDetails(VideoInfo):
    """What the container says about an opened video, with its evidence name."""

    name: str = ""

    def time_s(self, frame: int) -> float:
        """The time of ``frame`` from the start, in seconds (as faces store it)."""
        return frame / self.fps if self.fps > 0 else 0.0

    def sampled_frames(self, sample_fps: float | None) -> tuple[int, ...]:
        """The frames a face scan at ``sample_fps`` analysed (none when None)."""
        if not sample_fps:
            return ()
        return tuple(sampled_frame_numbers(self.frame_count, self.fps, sample_fps))


class OpenVideo:
    """One video evidence item opened for playing, checked against its hash.

    Use it from one thread at a time (the viewer's decoding thread).

    Args:
        ws: The workspace holding the item.
        evidence: The video.

    Raises:
        IntegrityError: The vault copy is missing or changed.
        InputFileError: The file cannot be opened as a video.
    """

    def __init__(self, ws: Workspace, evidence: Evidence) -> None:
        path = evidence_file(ws, evidence)
        self.evidence = evidence
        self._reader = VideoFrameReader(path, name=evidence.original_name)
        info = self._reader.info
        self.details = VideoDetails(**vars(info), name=evidence.original_name)
        log.debug(
            "opened %s: %dx%d, %d frames at %.2f/s",
            evidence.original_name,
            info.width,
            info.height,
            info.frame_count,
            info.fps,
        )

    def frame_rgb(self, number: int) -> np.ndarray:
        """Frame ``number`` (zero-based) as an RGB ``uint8`` array.

        Raises:
            InputFileError: The video has no readable frame ``number``.
        """
        return self._reader.read_rgb(number)

    def close(self) -> None:
        """Release the file."""
        self._reader.close()
