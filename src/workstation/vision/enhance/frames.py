"""Reading numbered frames of a video, with their time stamps."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from workstation.domain.errors import InputFileError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VideoInfo:
    """Frame count, frame rate and size of a video."""

    frames: int
    fps: float
    width: int
    height: int


@dataclass(frozen=True)
class VideoFrame:
    """One decoded frame: zero-based number, time from the start, BGR pixels."""

    number: int
    seconds: float
    image: np.ndarray


def _open(path: Path, label: str):
    capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        capture.release()
        raise InputFileError(
            f"{label}: the video cannot be opened; check that the file is intact "
            "and in a common format (MP4/H.264)."
        )
    return capture


def video_info(path: str | Path, *, name: str | None = None) -> VideoInfo:
    """Frame count, rate and size as the container states them.

    Raises:
        InputFileError: The video cannot be opened.
    """
    label = name or str(path)
    capture = _open(Path(path), label)
    try:
        return VideoInfo(
            frames=int(capture.get(cv2.CAP_PROP_FRAME_COUNT)),
            fps=float(capture.get(cv2.CAP_PROP_FPS)) or 0.0,
            width=int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
            height=int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        )
    finally:
        capture.release()


def read_frames(
    path: str | Path, numbers: Iterable[int], *, name: str | None = None
) -> list[VideoFrame]:
    """Decode the given frames (zero-based), in increasing order.

    The video is positioned once at the first wanted frame and decoded forward
    from there, so the same numbers always give the same pixels.

    Raises:
        InputFileError: The video cannot be opened or lacks a wanted frame.
    """
    label = name or str(path)
    wanted = sorted(set(int(n) for n in numbers))
    if not wanted:
        return []
    if wanted[0] < 0:
        raise InputFileError(f"{label}: frame numbers start at 0 (got {wanted[0]}).")
    capture = _open(Path(path), label)
    try:
        fps = float(capture.get(cv2.CAP_PROP_FPS)) or 0.0
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        if count and wanted[-1] >= count:
            raise InputFileError(
                f"{label}: has {count} frames (0 to {count - 1}); frame "
                f"{wanted[-1]} does not exist. Choose a frame in that range."
            )
        if wanted[0] > 0:
            capture.set(cv2.CAP_PROP_POS_FRAMES, wanted[0])
        frames, position, remaining = [], wanted[0], set(wanted)
        while remaining:
            ok, image = capture.read()
            if not ok or image is None:
                raise InputFileError(
                    f"{label}: frame {position} cannot be decoded; the file may be "
                    "truncated. Choose an earlier frame."
                )
            if position in remaining:
                seconds = position / fps if fps else 0.0
                frames.append(
                    VideoFrame(position, seconds, np.ascontiguousarray(image))
                )
                remaining.discard(position)
            position += 1
        return frames
    finally:
        capture.release()
