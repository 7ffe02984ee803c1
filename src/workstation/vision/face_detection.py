"""Finding face boxes in a whole image: small faces, huge faces, any frame size.

The detector sees a fixed square (640 px, or 320 px for small frames), so a
large frame is shrunk before detection and a face filling a small image is
blown up beyond what the detector learnt. :func:`find_face_boxes` therefore:

1. runs the detector on the whole frame;
2. when the smallest face asked for (``min_face`` pixels wide) would shrink
   below :data:`RELIABLE_FACE` pixels in that view, also runs it once on the
   whole frame scaled so that such a face measures :data:`RELIABLE_FACE`
   pixels (the detector is fully convolutional, so one input of the scaled
   frame's size sees what overlapping 640 px tiles of it would, without the
   tiles' overlap and padding: on the benchmark photos 48 million detector
   input pixels instead of 72 million);
3. keeps the whole-frame boxes and adds the scaled pass's boxes of small
   faces that lie outside every whole-frame box;
4. when nothing was found, pads the frame with a black border half its size
   and tries once more, which finds faces that fill the frame.

The scaled pass needs a detector that takes inputs of any size without
building a session for each (``any_size``; photos come in many sizes). Video
frames all have one size, so there the detector's session for that size is
made once and reused; there step 1 gets the frame's own shape (long side
640 px, rounded up to multiples of 32) instead of insightface's padded
square, and is skipped when the scaled frame is at most 640 px on its short
side, as that view shows every face the 640 px one would. Photos keep both,
so that their larger faces get exactly insightface's boxes.
Single images whose scaled size exceeds :data:`MAX_SCALED_PIXELS`, or callers
without an ``any_size`` detector, get overlapping 640 px tiles of the scaled
frame instead (tiles cut by an inner edge are dropped; the overlap guarantees
another tile holds the face whole), which bounds the detector's memory.

SCRFD-500M finds faces down to about 14 px at native resolution (measured on
``players.jpg`` scaled so that its faces are 14-28 px wide: 16 of 16 found),
so :data:`RELIABLE_FACE` is 16.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from workstation.vision.tiling import (
    nms,
    tile_windows,
    touches_inner_edge,
)

log = logging.getLogger(__name__)

DET_SIDE = 640
SMALL_DET_SIDE = 320
#: Frames whose longer side is at most this use the small detector input.
SMALL_FRAME = 400
RELIABLE_FACE = 16.0
MAX_UPSCALE = 2.0
NMS_THRESHOLD = 0.4
#: Largest scaled frame searched in one detector run (pixels); larger ones are
#: tiled. 2048 x 2048 needs about 0.5 GB of detector memory.
MAX_SCALED_PIXELS = 2048 * 2048


@dataclass(frozen=True)
class BoxSearch:
    """How one frame was searched: for logs and benchmarks."""

    detector_runs: int
    tiles: int
    padded: bool


def _detect(detector, image: np.ndarray, side: int | tuple[int, int]):
    size = (side, side) if isinstance(side, int) else side
    boxes, keypoints = detector.detect(image, input_size=size, max_num=0)
    if keypoints is None:
        keypoints = np.zeros((boxes.shape[0], 5, 2), dtype=np.float32)
    return boxes.astype(np.float32), keypoints.astype(np.float32)


def _tile_pass(detector, image: np.ndarray, scale: float, overlap: int):
    import cv2

    height, width = image.shape[:2]
    if scale == 1.0:
        scaled = image
    else:
        interpolation = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
        scaled = cv2.resize(
            image,
            (max(1, round(width * scale)), max(1, round(height * scale))),
            interpolation=interpolation,
        )
    size = (scaled.shape[1], scaled.shape[0])
    windows = tile_windows(*size, tile=DET_SIDE, overlap=overlap)
    found_boxes, found_points = [], []
    for window in windows:
        x0, y0, x1, y1 = window
        tile = np.ascontiguousarray(scaled[y0:y1, x0:x1])
        boxes, points = _detect(detector, tile, DET_SIDE)
        if boxes.shape[0] == 0:
            continue
        whole = ~touches_inner_edge(boxes[:, :4], window, size)
        boxes, points = boxes[whole], points[whole]
        offset = np.array([x0, y0], dtype=np.float32)
        boxes[:, 0:2] = (boxes[:, 0:2] + offset) / scale
        boxes[:, 2:4] = (boxes[:, 2:4] + offset) / scale
        found_boxes.append(boxes)
        found_points.append((points + offset) / scale)
    return found_boxes, found_points, len(windows)


def _padded_pass(detector, image: np.ndarray):
    import cv2

    height, width = image.shape[:2]
    border = max(height, width) // 2
    padded = cv2.copyMakeBorder(
        image, border, border, border, border, cv2.BORDER_CONSTANT, value=(0, 0, 0)
    )
    boxes, points = _detect(detector, padded, DET_SIDE)
    boxes[:, 0:4] -= border
    points -= border
    boxes[:, [0, 2]] = np.clip(boxes[:, [0, 2]], 0, width)
    boxes[:, [1, 3]] = np.clip(boxes[:, [1, 3]], 0, height)
    usable = (boxes[:, 2] - boxes[:, 0] > 1) & (boxes[:, 3] - boxes[:, 1] > 1)
    return boxes[usable], points[usable]


def _merge(all_boxes: list[np.ndarray], all_points: list[np.ndarray], largest: float):
    """Whole-frame boxes, plus the tile boxes that add a small face.

    Faces the whole-frame view found keep its boxes, so a frame without small
    faces gives exactly the boxes of a single detector run. A tile box is
    added when it is narrower than ``largest`` pixels (wider faces are the
    whole-frame pass's to find; a wide box only the tiles saw is a fragment
    of something larger) and lies mostly outside every whole-frame box.
    Tile boxes are merged among themselves by non-maximum suppression.
    """
    frame_boxes, frame_points = all_boxes[0], all_points[0]
    if len(all_boxes) == 1:
        return frame_boxes, frame_points
    tile_boxes = np.concatenate(all_boxes[1:])
    tile_points = np.concatenate(all_points[1:])
    small = tile_boxes[:, 2] - tile_boxes[:, 0] < largest
    tile_boxes, tile_points = tile_boxes[small], tile_points[small]
    if tile_boxes.shape[0] == 0:
        return frame_boxes, frame_points
    keep = nms(tile_boxes[:, :4], tile_boxes[:, 4], threshold=NMS_THRESHOLD)
    tile_boxes, tile_points = tile_boxes[keep], tile_points[keep]
    if frame_boxes.shape[0]:
        inside = _share_inside(tile_boxes[:, :4], frame_boxes[:, :4]).max(axis=1)
        new = inside <= 0.5
        tile_boxes, tile_points = tile_boxes[new], tile_points[new]
    return (
        np.concatenate([frame_boxes, tile_boxes]),
        np.concatenate([frame_points, tile_points]),
    )


def _share_inside(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each box, the share of its area inside each of ``others``."""
    x1 = np.maximum(boxes[:, None, 0], others[None, :, 0])
    y1 = np.maximum(boxes[:, None, 1], others[None, :, 1])
    x2 = np.minimum(boxes[:, None, 2], others[None, :, 2])
    y2 = np.minimum(boxes[:, None, 3], others[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / np.maximum(area[:, None], 1e-9)


def _scaled_size(width: int, height: int, scale: float) -> tuple[int, int]:
    """Detector input covering the frame at ``scale`` (multiples of 32)."""
    return (
        32 * math.ceil(width * scale / 32.0),
        32 * math.ceil(height * scale / 32.0),
    )


def _whole_pass(detector, image: np.ndarray, side: int, fixed_size: bool):
    """The detector's view of the whole frame, ``side`` pixels on its long side.

    insightface letterboxes every frame into a ``side`` x ``side`` square.
    Video frames (``fixed_size``) get their own shape instead, rounded up to
    multiples of 32: the same pixels for 60 % of the work on a 16:9 frame.
    Photos keep the square, so their boxes are exactly insightface's (the
    shipped score calibration was measured on them).
    """
    if not fixed_size:
        return _detect(detector, image, side)
    height, width = image.shape[:2]
    scale = side / max(height, width)
    return _detect(detector, image, _scaled_size(width, height, scale))


def _whole_scaled_pass(detector, image: np.ndarray, scale: float):
    """One detector run over the whole frame scaled by ``scale``.

    The frame is shrunk with area averaging (as tiles are), which keeps faces
    of 10-15 px detectable that a bilinear shrink aliases away, and padded
    at the right and bottom to the detector's multiple of 32.
    """
    import cv2

    height, width = image.shape[:2]
    scaled_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    interpolation = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
    scaled = cv2.resize(image, scaled_size, interpolation=interpolation)
    size = _scaled_size(width, height, scale)
    scaled = cv2.copyMakeBorder(
        scaled,
        0,
        size[1] - scaled_size[1],
        0,
        size[0] - scaled_size[0],
        cv2.BORDER_CONSTANT,
        value=(0, 0, 0),
    )
    boxes, points = _detect(detector, scaled, size)
    x_scale, y_scale = scaled_size[0] / width, scaled_size[1] / height
    boxes[:, [0, 2]] /= x_scale
    boxes[:, [1, 3]] /= y_scale
    points[..., 0] /= x_scale
    points[..., 1] /= y_scale
    return boxes, points


def find_face_boxes(
    detector,
    image: np.ndarray,
    *,
    min_face: float | None = 20.0,
    fixed_size: bool = False,
    any_size=None,
) -> tuple[np.ndarray, np.ndarray, BoxSearch]:
    """Detect faces in an 8-bit BGR frame of any size.

    Args:
        detector: An insightface SCRFD detector with keypoints.
        image: ``uint8`` H x W x 3 array, BGR.
        min_face: Width in pixels of the smallest face to find; None searches
            the whole frame once (as insightface does), plus the padded retry.
        fixed_size: Many frames of this size follow (video): the scaled pass
            runs on ``detector`` (its session for that size is made once),
            and the 640 px pass is skipped when the scaled frame's short side
            is at most 640 px.
        any_size: The same model as ``detector``, taking any input size on
            one session: used for the scaled pass of single images. Without
            it single images are searched in tiles.

    Returns:
        ``(boxes, keypoints, search)``: (n, 5) boxes ``x1, y1, x2, y2, score``
        in descending score, (n, 5, 2) keypoints, and how the frame was searched.
    """
    height, width = image.shape[:2]
    longest = max(height, width)
    side = SMALL_DET_SIDE if longest <= SMALL_FRAME else DET_SIDE
    full_scale = side / longest
    largest_small = 2.0 * RELIABLE_FACE / full_scale
    if min_face is None or min_face * full_scale >= RELIABLE_FACE:
        boxes, points = _whole_pass(detector, image, side, fixed_size)
        return _finish(detector, image, [boxes], [points], np.inf, 1, 0)
    scale = min(MAX_UPSCALE, RELIABLE_FACE / float(min_face))
    if fixed_size and min(width, height) * scale <= DET_SIDE:
        boxes, points = _whole_scaled_pass(detector, image, scale)
        return _finish(detector, image, [boxes], [points], np.inf, 1, 0)

    boxes, points = _whole_pass(detector, image, side, fixed_size)
    all_boxes, all_points = [boxes], [points]
    if max(width, height) * scale <= side:
        return _finish(detector, image, all_boxes, all_points, largest_small, 1, 0)
    # one run over the whole scaled frame where a session takes its size
    scaled_fits = width * height * scale**2 <= MAX_SCALED_PIXELS
    one_size = detector if fixed_size else any_size if scaled_fits else None
    if one_size is not None:
        more_boxes, more_points = _whole_scaled_pass(one_size, image, scale)
        return _finish(
            detector,
            image,
            [boxes, more_boxes],
            [points, more_points],
            largest_small,
            2,
            0,
        )

    # Faces up to this size (in the scaled frame) may be missed by the
    # whole-frame pass, so neighbouring tiles must overlap by more.
    overlap = min(
        DET_SIDE // 2, math.ceil(1.2 * RELIABLE_FACE * scale / full_scale) + 8
    )
    more_boxes, more_points, tiles = _tile_pass(detector, image, scale, overlap)
    return _finish(
        detector,
        image,
        all_boxes + more_boxes,
        all_points + more_points,
        largest_small,
        1 + tiles,
        tiles,
    )


def _finish(detector, image, all_boxes, all_points, largest, runs, tiles):
    """Merge the passes' boxes, retry padded when none, sort by score."""
    height, width = image.shape[:2]
    merged_boxes, merged_points = _merge(all_boxes, all_points, largest)
    padded = False
    if merged_boxes.shape[0] == 0:
        merged_boxes, merged_points = _padded_pass(detector, image)
        runs += 1
        padded = True
    order = np.argsort(-merged_boxes[:, 4], kind="stable")
    merged_boxes, merged_points = merged_boxes[order], merged_points[order]
    search = BoxSearch(detector_runs=runs, tiles=tiles, padded=padded)
    log.debug(
        "%dx%d frame: %d faces, %d detector runs (%d tiles%s)",
        width,
        height,
        merged_boxes.shape[0],
        runs,
        tiles,
        ", padded" if padded else "",
    )
    return merged_boxes, merged_points, search
