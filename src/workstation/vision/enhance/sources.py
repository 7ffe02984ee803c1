"""What a chain starts from: a photo, a video frame, fused frames or a fused face.

:func:`render_source` makes the chain's input from an evidence file and
returns, with it, the unprocessed picture to compare against and a record of
everything needed to make the same input again (frame numbers, time stamps,
fusion settings, registrations, the landmarks of a fused face).
:func:`rerender_source` makes it again from that record, without a detector.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workstation.domain.errors import InputFileError, NotFoundError
from workstation.domain.records import DetectedFace
from workstation.vision.enhance.chain import Fusion, make_fusion
from workstation.vision.enhance.errors import ChainError, ParameterError
from workstation.vision.enhance.frames import read_frames, video_info
from workstation.vision.enhance.fusion import (
    FaceShot,
    best_shots,
    face_square,
    follow_face,
    fuse_faces,
    fuse_frames,
    pick_face,
)
from workstation.vision.enhance.params import params_to_dict
from workstation.vision.image_loading import load_bgr

log = logging.getLogger(__name__)

Detector = Callable[[np.ndarray], Sequence[DetectedFace]]


@dataclass(frozen=True)
class Rendered:
    """The chain's input and what it was made from.

    Attributes:
        image: The input to the steps (uint8 BGR).
        before: The unprocessed picture of the same scene, for comparison (the
            photo, the chosen frame, or the same square of it for a face).
        record: Plain data that :func:`rerender_source` makes ``image`` from.
        frames: Frame numbers used (empty for a photo).
        fusion: The fusion kind ("frames" or "face"; "" if none).
        notes: Remarks, e.g. frames left out of a fusion.
    """

    image: np.ndarray
    before: np.ndarray
    record: dict[str, Any]
    frames: tuple[int, ...] = ()
    fusion: str = ""
    notes: tuple[str, ...] = field(default=())


def _shot_record(shot: FaceShot) -> dict[str, Any]:
    return {
        "frame": shot.frame,
        "box": list(shot.box),
        "landmarks": [list(p) for p in shot.landmarks],
        "det_score": shot.det_score,
    }


def _shot(data: dict[str, Any]) -> FaceShot:
    return FaceShot(
        int(data["frame"]),
        tuple(float(v) for v in data["box"]),
        tuple((float(x), float(y)) for x, y in data["landmarks"]),
        float(data["det_score"]),
    )


def _square_of(image: np.ndarray, left: int, top: int, side: int) -> np.ndarray:
    """The square of ``image`` at (left, top), black where it runs off the edge."""
    out = np.zeros((side, side, 3), np.uint8)
    height, width = image.shape[:2]
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + side, width), min(top + side, height)
    if x1 > x0 and y1 > y0:
        out[y0 - top : y1 - top, x0 - left : x1 - left] = image[y0:y1, x0:x1]
    return out


def _window(chosen: int, radius: int, frame_count: int) -> list[int]:
    last = frame_count - 1 if frame_count > 0 else chosen + radius
    return list(range(max(0, chosen - radius), min(last, chosen + radius) + 1))


def _chosen_frame(path: Path, name: str, frame: int | None) -> tuple[int, float]:
    info = video_info(path, name=name)
    if frame is None:
        raise InputFileError(
            f"{name} is a video: choose the frame to enhance with --frame N "
            f"(0 to {max(info.frames - 1, 0)})."
        )
    if frame < 0 or (info.frames and frame >= info.frames):
        raise InputFileError(
            f"{name}: has {info.frames} frames (0 to {info.frames - 1}); frame "
            f"{frame} does not exist. Choose a frame in that range."
        )
    return info.frames, info.fps


def _fuse_frames(path, name, chosen, fusion: Fusion, frame_count, fps) -> Rendered:
    p = fusion.params
    frames = read_frames(path, _window(chosen, p.radius, frame_count), name=name)
    try:
        result = fuse_frames([(f.number, f.image) for f in frames], chosen, p)
    except ParameterError as exc:
        raise ChainError(
            f"[fusion], parameter {exc.parameter!r}: {exc.reason}."
        ) from exc
    reference = next(f for f in frames if f.number == chosen)
    record = {
        "kind": "frames",
        "frame": chosen,
        "time_s": reference.seconds,
        "fps": fps,
        "fusion": {"kind": "frames", **params_to_dict(p)},
        "frames": [f.number for f in frames],
        "registrations": [
            {
                "frame": r.frame,
                "correlation": r.correlation,
                "matrix": list(r.matrix),
                "used": r.used,
                "note": r.note,
            }
            for r in result.registrations
        ],
    }
    used = result.frames_used
    return Rendered(
        image=result.image,
        before=reference.image,
        record=record,
        frames=used,
        fusion="frames",
        notes=tuple(
            f"frame {r.frame} left out: {r.note}"
            for r in result.registrations
            if not r.used
        ),
    )


def _fuse_face(path, name, chosen, fusion: Fusion, shots, fps) -> Rendered:
    p = fusion.params
    frames = {
        f.number: f for f in read_frames(path, [s.frame for s in shots], name=name)
    }
    result = fuse_faces({n: f.image for n, f in frames.items()}, shots, chosen, p)
    anchor = next(s for s in shots if s.frame == chosen)
    before = _square_of(frames[chosen].image, *face_square(anchor, p.margin))
    record = {
        "kind": "face",
        "frame": chosen,
        "time_s": frames[chosen].seconds,
        "fps": fps,
        "fusion": {"kind": "face", **params_to_dict(p)},
        "frames": sorted(frames),
        "shots": [_shot_record(s) for s in shots],
    }
    return Rendered(
        image=result.image,
        before=before,
        record=record,
        frames=result.frames_used,
        fusion="face",
        notes=result.left_out,
    )


def _detected_shots(
    path, name, chosen, fusion: Fusion, frame_count, detect: Detector
) -> list[FaceShot]:
    p = fusion.params
    window = read_frames(path, _window(chosen, p.radius, frame_count), name=name)
    detections = {f.number: list(detect(f.image)) for f in window}
    start = pick_face(detections[chosen], p.region)
    if start is None:
        where = "in the region given" if p.region else ""
        raise NotFoundError(
            f"{name}: no face found {where} in frame {chosen}; choose a frame "
            "where the face is visible, or a region around it."
        )
    track = follow_face(detections, FaceShot.of(chosen, start))
    if len(track) < 2:
        raise NotFoundError(
            f"{name}: the face in frame {chosen} is not found in frames "
            f"{window[0].number}-{window[-1].number} around it, so there is nothing "
            "to fuse. Widen the radius or enhance the single frame."
        )
    return best_shots(track, chosen, p.shots)


def render_source(
    path: str | Path,
    name: str,
    *,
    is_video: bool,
    frame: int | None = None,
    fusion: Fusion | None = None,
    track_shots: Sequence[FaceShot] | None = None,
    track_id: int | None = None,
    detect: Detector | None = None,
) -> Rendered:
    """Make a chain's input from an evidence file.

    Args:
        path: The (vault) file.
        name: The evidence's name, for messages.
        is_video: Whether the file is a video.
        frame: The chosen frame of a video (zero-based); ignored for photos.
        fusion: How to combine frames first (videos only).
        track_shots: The stored best faces of a face track, for face fusion
            without detection; their first is the chosen frame when
            ``frame`` is None.
        track_id: The stored track, recorded with the source.
        detect: Face detector, needed for face fusion without ``track_shots``.

    Raises:
        ChainError: Fusion asked of a photo, or a fusion region off the frame.
        InputFileError: The file cannot be read, or the frame does not exist.
        NotFoundError: Face fusion found no face to follow.
    """
    path = Path(path)
    if not is_video:
        if fusion is not None or track_shots:
            raise ChainError(
                f"{name} is a photo: frame and face fusion need a video. Remove "
                "the [fusion] table (or --fuse-frames/--fuse-face/--track)."
            )
        if frame is not None:
            raise InputFileError(
                f"{name} is a photo; a frame number applies only to videos. "
                "Leave --frame out."
            )
        image = load_bgr(path, name=name)
        return Rendered(image=image, before=image, record={"kind": "image"})
    if track_shots:
        if fusion is not None and fusion.kind != "face":
            raise ChainError(
                "A face track is fused face by face, but the chain's [fusion] is "
                f'of kind {fusion.kind!r}; use kind = "face" or no [fusion].'
            )
        fusion = fusion or make_fusion({"kind": "face"}, where="[fusion]")
        shots = list(track_shots)[: fusion.params.shots]
        chosen = frame if frame is not None else shots[0].frame
        if all(s.frame != chosen for s in shots):
            raise NotFoundError(
                f"{name}: the track's best faces are in frames "
                f"{', '.join(str(s.frame) for s in shots)}; choose one of them "
                "with --frame, or leave --frame out."
            )
        _, fps = _chosen_frame(path, name, chosen)
        shots.sort(key=lambda s: s.frame)
        rendered = _fuse_face(path, name, chosen, fusion, shots, fps)
        rendered.record["track_id"] = track_id
        return rendered
    frame_count, fps = _chosen_frame(path, name, frame)
    if fusion is None:
        (single,) = read_frames(path, [frame], name=name)
        record = {"kind": "frame", "frame": frame, "time_s": single.seconds, "fps": fps}
        return Rendered(single.image, single.image, record, frames=(frame,))
    if fusion.kind == "frames":
        return _fuse_frames(path, name, frame, fusion, frame_count, fps)
    if detect is None:
        raise ValueError("face fusion without stored shots needs a detector")
    shots = _detected_shots(path, name, frame, fusion, frame_count, detect)
    return _fuse_face(path, name, frame, fusion, shots, fps)


def rerender_source(path: str | Path, name: str, record: dict[str, Any]) -> Rendered:
    """Make a chain's input again from a stored source record (no detector).

    Raises:
        InputFileError: The file cannot be read.
        ChainError: The record is damaged.
    """
    path = Path(path)
    kind = record.get("kind")
    if kind == "image":
        image = load_bgr(path, name=name)
        return Rendered(image=image, before=image, record=record)
    frame = int(record["frame"])
    if kind == "frame":
        (single,) = read_frames(path, [frame], name=name)
        return Rendered(single.image, single.image, record, frames=(frame,))
    fusion = make_fusion(record["fusion"], where="stored [fusion]")
    if kind == "frames":
        frames = read_frames(path, record["frames"], name=name)
        result = fuse_frames(
            [(f.number, f.image) for f in frames], frame, fusion.params
        )
        before = next(f.image for f in frames if f.number == frame)
        return Rendered(result.image, before, record, frames=result.frames_used)
    if kind == "face":
        shots = [_shot(s) for s in record["shots"]]
        fps = float(record.get("fps") or 0.0)
        rendered = _fuse_face(path, name, frame, fusion, shots, fps)
        return Rendered(rendered.image, rendered.before, record, rendered.frames)
    raise ChainError(f"stored source kind {kind!r} is not one this version knows.")


def source_before(path: str | Path, name: str, record: dict[str, Any]) -> np.ndarray:
    """The unprocessed picture a stored source is compared with, without fusing.

    The photo itself, the chosen frame, or for a fused face the same square of
    the chosen frame.

    Raises:
        InputFileError: The file cannot be read.
    """
    kind = record.get("kind")
    if kind == "image":
        return load_bgr(path, name=name)
    frame = int(record["frame"])
    (single,) = read_frames(path, [frame], name=name)
    if kind != "face":
        return single.image
    margin = float(record["fusion"].get("margin", 0.6))
    anchor = next(_shot(s) for s in record["shots"] if int(s["frame"]) == frame)
    return _square_of(single.image, *face_square(anchor, margin))
