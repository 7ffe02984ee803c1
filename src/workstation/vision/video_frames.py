"""Reading video files frame by frame at a chosen sampling rate.

Every frame is decoded in order (compressed video cannot skip decoding), but
only the sampled ones are converted to images. A frame's number is its
zero-based position in decoding order and its time is its number divided by
the stream's frame rate, so a stored face points back to its exact frame
(``image_loading.read_video_frame`` seeks to that number).

A truncated or partly damaged file yields the frames that could be decoded and
reports where decoding stopped. (An MP4 whose index sits after the media data,
as most recorders write it, cannot be read at all once cut short; that is
reported as such.)
"""

from __future__ import annotations

import logging
import math
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation.domain.errors import InputFileError

log = logging.getLogger(__name__)

#: Frames analysed per second of video unless the caller chooses otherwise.
DEFAULT_SAMPLE_FPS = 5.0
#: Sampled frames decoded ahead of the one being analysed.
PREFETCH = 2
_END = object()
VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".mpg"})


@dataclass(frozen=True)
class VideoInfo:
    """What the container says about a video (the frame count may be wrong)."""

    width: int
    height: int
    fps: float
    frame_count: int

    @property
    def duration_s(self) -> float:
        """Length in seconds according to the container."""
        return self.frame_count / self.fps if self.fps > 0 else 0.0


@dataclass(frozen=True)
class VideoFrame:
    """One decoded frame: number, time in seconds and BGR pixels."""

    number: int
    time_s: float
    image: np.ndarray


def _open(path: str | Path, label: str):
    import cv2

    capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        capture.release()
        raise InputFileError(
            f"{label}: the video cannot be opened: it is damaged, cut short before "
            "its index was written (an interrupted MP4 recording), or in a format "
            "OpenCV does not read. Obtain an intact copy, or convert it to MP4, AVI "
            "or MKV."
        )
    return capture


def _info(capture) -> VideoInfo:
    import cv2

    fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
    if not math.isfinite(fps) or fps <= 0 or fps > 1000:
        fps = 25.0
    return VideoInfo(
        width=int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
        height=int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        fps=fps,
        frame_count=max(0, int(capture.get(cv2.CAP_PROP_FRAME_COUNT))),
    )


def video_info(path: str | Path, *, name: str | None = None) -> VideoInfo:
    """Size, frame rate and frame count of a video.

    Raises:
        InputFileError: The file cannot be opened as a video.
    """
    capture = _open(path, name or str(path))
    try:
        return _info(capture)
    finally:
        capture.release()


def sample_step(fps: float, sample_fps: float) -> float:
    """Frames between two analysed frames (at least 1).

    >>> sample_step(25.0, 5.0), sample_step(29.97, 5.0), sample_step(10.0, 30.0)
    (5.0, 5.994, 1.0)
    """
    if sample_fps <= 0:
        raise ValueError("the sampling rate must be positive")
    return max(1.0, fps / sample_fps)


class VideoSampler:
    """Iterate over the frames of a video sampled at ``sample_fps``.

    After iteration, ``frames_decoded`` counts every frame read and
    ``complete`` says whether decoding reached the end the container
    announced (False for a truncated or damaged file).

    Args:
        path: The video file.
        sample_fps: Frames per second to analyse; every frame when it is at
            least the video's frame rate.
        name: How to name the file in messages.

    Raises:
        InputFileError: The file cannot be opened, or not a single frame of
            it decodes.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        sample_fps: float = DEFAULT_SAMPLE_FPS,
        name: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.label = name or str(path)
        self.sample_fps = float(sample_fps)
        self.info = video_info(path, name=self.label)
        self.step = sample_step(self.info.fps, self.sample_fps)
        self.frames_decoded = 0
        self.complete = False

    def expected_samples(self) -> int:
        """How many frames will be analysed if the whole file decodes."""
        return math.ceil(self.info.frame_count / self.step)

    def __iter__(self) -> Iterator[VideoFrame]:
        """The sampled frames, decoded one frame ahead on a worker thread.

        OpenCV releases the interpreter lock while it decodes, so decoding
        the next frames overlaps with whatever the caller does with this one.
        """
        frames: queue.Queue = queue.Queue(maxsize=PREFETCH)
        stop = threading.Event()

        def hand_over(item) -> bool:
            while not stop.is_set():
                try:
                    frames.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:
            try:
                for frame in self._decode():
                    if not hand_over(frame):
                        return
                hand_over(_END)
            except BaseException as exc:  # handed to the consuming thread
                hand_over(exc)

        worker = threading.Thread(target=produce, name="video-decode", daemon=True)
        worker.start()
        try:
            while True:
                item = frames.get()
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            worker.join()

    def _decode(self) -> Iterator[VideoFrame]:
        capture = _open(self.path, self.label)
        next_sample = 0.0
        number = 0
        try:
            while True:
                if not capture.grab():
                    break
                if number >= next_sample - 1e-6:
                    ok, image = capture.retrieve()
                    if ok and image is not None:
                        yield VideoFrame(
                            number, number / self.info.fps, np.ascontiguousarray(image)
                        )
                    next_sample += self.step
                number += 1
        finally:
            capture.release()
            self.frames_decoded = number
        if number == 0:
            raise InputFileError(
                f"{self.label}: no frame of the video could be decoded; the file "
                "is damaged or in an unsupported codec."
            )
        self.complete = self.info.frame_count == 0 or number >= self.info.frame_count
        if not self.complete:
            log.info(
                "%s: decoding stopped at frame %d of %d; the file is truncated or "
                "damaged, the frames before are used",
                self.label,
                number,
                self.info.frame_count,
            )


def sampled_frame_numbers(
    frame_count: int, fps: float, sample_fps: float = DEFAULT_SAMPLE_FPS
) -> list[int]:
    """The frames :class:`VideoSampler` analyses in a video of ``frame_count``.

    >>> sampled_frame_numbers(20, 29.97, 5.0)
    [0, 6, 12, 18]
    >>> sampled_frame_numbers(4, 10.0, 30.0)
    [0, 1, 2, 3]
    """
    step = sample_step(fps, sample_fps)
    numbers = []
    k = 0
    while (number := math.ceil(k * step - 1e-6)) < frame_count:
        numbers.append(max(0, number))
        k += 1
    return numbers


class VideoFrameReader:
    """Decodes the frames of one video on request, for stepping and playing.

    The next frame in order is decoded straight on; a frame a little ahead is
    reached by decoding forward; any other frame by seeking the container, so
    stepping and playing cost one decode per frame. Frame numbers are the
    zero-based decoding positions :class:`VideoSampler` stores faces under.
    Use one reader from one thread at a time.

    Args:
        path: The video file.
        name: How to name the file in messages.

    Raises:
        InputFileError: The file cannot be opened as a video.
    """

    #: Frames ahead that are decoded forward rather than sought.
    FORWARD_LIMIT = 12

    def __init__(self, path: str | Path, *, name: str | None = None) -> None:
        self.label = name or str(path)
        self._capture = _open(path, self.label)
        self.info = _info(self._capture)
        self._next: int | None = 0

    def read_rgb(self, number: int) -> np.ndarray:
        """Frame ``number`` as a contiguous ``uint8`` RGB array (H x W x 3).

        Raises:
            InputFileError: The video has no readable frame ``number``.
        """
        import cv2

        if self._capture is None:
            raise InputFileError(f"{self.label}: the video was closed.")
        ahead = -1 if self._next is None else number - self._next
        if not 0 <= ahead <= self.FORWARD_LIMIT:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, int(number))
            ahead = 0
        ok = True
        for _ in range(ahead):
            ok = self._capture.grab()
            if not ok:
                break
        image = None
        if ok:
            ok, image = self._capture.read()
        if not ok or image is None:
            self._next = None  # position unknown: seek next time
            raise InputFileError(f"{self.label}: has no readable frame {number}.")
        self._next = number + 1
        return np.ascontiguousarray(image[:, :, ::-1])

    def close(self) -> None:
        """Release the file."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None


def is_video_name(name: str) -> bool:
    """Whether a file name has a video suffix the workstation scans."""
    return Path(name).suffix.lower() in VIDEO_SUFFIXES
