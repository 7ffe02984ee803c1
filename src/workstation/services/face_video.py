"""Faces in video evidence: sampled frames, tracks, best shots and templates.

A video is analysed as one unit: its frames are sampled (5 per second by
default), the faces of each sampled frame are found and followed from frame to
frame (:mod:`workstation.vision.face_tracking`), and everything is stored in
one transaction: the tracks first, then every face with its frame number,
time and track, then each track's best faces. An interrupted video leaves
nothing behind and is analysed again by the next scan.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.progress import Cancelled, CancelToken, ProgressCallback
from workstation.services.workspace import Workspace
from workstation.store import face_rows, track_rows
from workstation.vision.face_engine import MIN_FACE, AnalysedFace, FaceEngine
from workstation.vision.face_tracking import FaceTracker, Track
from workstation.vision.video_frames import (
    DEFAULT_SAMPLE_FPS,
    VideoFrame,
    VideoSampler,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VideoAnalysis:
    """What one video gave: its faces (with frame and time) and their tracks."""

    faces: list[tuple[int, float, AnalysedFace]]
    face_tracks: list[int]
    tracks: list[Track]
    frames_analysed: int
    frames_decoded: int
    frame_count: int
    complete: bool
    sample_fps: float


@dataclass(frozen=True)
class StoredVideo:
    """What was stored for one video."""

    faces: int
    track_ids: tuple[int, ...]
    frames_analysed: int
    complete: bool


def _pixels(frame: VideoFrame):
    return frame.image


def analyse_video(
    engine: FaceEngine,
    path: str | Path,
    *,
    name: str | None = None,
    sample_fps: float = DEFAULT_SAMPLE_FPS,
    min_face: float | None = MIN_FACE,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> VideoAnalysis:
    """Find and track the faces of a video (nothing is stored).

    Args:
        engine: The loaded face engine.
        path: The video file.
        name: How to name the file in messages.
        sample_fps: Frames analysed per second of video.
        min_face: Smallest face width searched for, in pixels.
        progress: Called as ``progress(frames analysed, frames expected, name)``.
        cancel: Checked before each analysed frame.

    Returns:
        The faces and tracks; ``complete`` is False when decoding stopped
        early (truncated or damaged file), in which case the frames before
        were used.

    Raises:
        InputFileError: The video cannot be opened or decodes no frame.
        Cancelled: The user cancelled.
    """
    label = name or Path(path).name
    sampler = VideoSampler(path, sample_fps=sample_fps, name=label)
    expected = sampler.expected_samples()
    tracker = FaceTracker()
    faces: list[tuple[int, float, AnalysedFace]] = []
    face_tracks: list[int] = []
    analysed = 0
    frames = iter(sampler)
    try:
        for frame, found in engine.detect_each(
            frames, image_of=_pixels, min_face=min_face, video=True
        ):
            if cancel is not None and cancel.is_set():
                raise Cancelled(
                    f"Face scan cancelled in {label} at frame {frame.number}; "
                    "nothing of this video was kept and the next scan analyses "
                    "it again."
                )
            numbers = tracker.update(
                frame.number,
                frame.time_s,
                [
                    (f.box, f.embedding, f.quality, len(faces) + i)
                    for i, f in enumerate(found)
                ],
            )
            faces.extend((frame.number, frame.time_s, f) for f in found)
            face_tracks.extend(numbers)
            analysed += 1
            if progress:
                progress(analysed, max(expected, analysed), label)
    finally:
        frames.close()
    tracks = tracker.finish()
    log.info(
        "%s: %d frames analysed of %d decoded, %d faces, %d tracks",
        label,
        analysed,
        sampler.frames_decoded,
        len(faces),
        len(tracks),
    )
    return VideoAnalysis(
        faces=faces,
        face_tracks=face_tracks,
        tracks=tracks,
        frames_analysed=analysed,
        frames_decoded=sampler.frames_decoded,
        frame_count=sampler.info.frame_count,
        complete=sampler.complete,
        sample_fps=sampler.sample_fps,
    )


def store_video(
    ws: Workspace,
    case_id: int,
    evidence_id: int,
    model_pack: str,
    analysis: VideoAnalysis,
) -> StoredVideo:
    """Store a video's tracks and faces and mark it scanned, in one transaction."""
    store = ws.store
    with store.transaction():
        track_ids = [
            track_rows.insert_track(
                store,
                case_id,
                evidence_id,
                model_pack,
                first_frame=t.first_frame,
                last_frame=t.last_frame,
                first_time_s=t.first_time_s,
                last_time_s=t.last_time_s,
                n_faces=t.n_faces,
                template=t.template(),
                quality=t.quality,
            )
            for t in analysis.tracks
        ]
        face_ids = face_rows.insert_faces(
            store,
            case_id,
            evidence_id,
            [f for _, _, f in analysis.faces],
            model_pack,
            frames=[frame for frame, _, _ in analysis.faces],
            times=[time_s for _, time_s, _ in analysis.faces],
            track_ids=[track_ids[n] for n in analysis.face_tracks],
        )
        for track, track_id in zip(analysis.tracks, track_ids, strict=True):
            track_rows.set_best_faces(
                store, track_id, [face_ids[f.key] for f in track.best_faces()]
            )
        face_rows.mark_scanned(
            store,
            case_id,
            evidence_id,
            model_pack,
            len(face_ids),
            frames_analysed=analysis.frames_analysed,
            sample_fps=analysis.sample_fps,
        )
    return StoredVideo(
        faces=len(face_ids),
        track_ids=tuple(track_ids),
        frames_analysed=analysis.frames_analysed,
        complete=analysis.complete,
    )
