"""Finding face boxes in a whole image: small faces, huge faces, any frame size.

The detector sees a fixed square (640 px, or 320 px for small frames), so a
large frame is shrunk before detection and a face filling a small image is
blown up beyond what the detector learnt. :func:`find_face_boxes` therefore:

1. runs the detector on the whole frame;
2. when the smallest face asked for (``min_face`` pixels wide) would shrink
   below :data:`RELIABLE_FACE` pixels in that view, also runs it on
   overlapping tiles of the frame scaled so that such a face measures
   :data:`RELIABLE_FACE` pixels (tiles cut by an inner edge are dropped; the
   overlap guarantees another tile holds the face whole);
3. keeps the whole-frame boxes and adds the tile boxes of small faces
   (merged among themselves by non-maximum suppression) that lie outside
   every whole-frame box;
4. when nothing was found, pads the frame with a black border half its size
   and tries once more, which finds faces that fill the frame.

Video frames all have one size, so there step 2 is one detector run over the
whole scaled frame (a detector session for that input size is made once)
rather than tiles; step 1 is then skipped when the scaled frame is at most
640 px tall, as it shows every face the 640 px view would.

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


@dataclass(frozen=True)
class BoxSearch:
    """How one frame was searched: for logs and benchmarks."""

    detector_runs: int
    tiles: int
    padded: bool


def _detect(detector, image: np.ndarray, side: int):
    boxes, keypoints = detector.detect(image, input_size=(side, side), max_num=0)
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


def _whole_scaled_pass(detector, image: np.ndarray, scale: float):
    """One detector run over the whole frame scaled by ``scale``."""
    height, width = image.shape[:2]
    size = _scaled_size(width, height, scale)
    boxes, points = detector.detect(image, input_size=size, max_num=0)
    if points is None:
        points = np.zeros((boxes.shape[0], 5, 2), dtype=np.float32)
    return boxes.astype(np.float32), points.astype(np.float32)


def find_face_boxes(
    detector,
    image: np.ndarray,
    *,
    min_face: float | None = 20.0,
    fixed_size: bool = False,
) -> tuple[np.ndarray, np.ndarray, BoxSearch]:
    """Detect faces in an 8-bit BGR frame of any size.

    Args:
        detector: An insightface SCRFD detector with keypoints.
        image: ``uint8`` H x W x 3 array, BGR.
        min_face: Width in pixels of the smallest face to find; None searches
            the whole frame once (as insightface does), plus the padded retry.
        fixed_size: Many frames of this size follow (video): instead of tiles,
            the detector gets one input sized to the whole scaled frame (its
            session for that size is made once), and the 640 px pass is
            skipped when the scaled frame is no taller than 640 px.

    Returns:
        ``(boxes, keypoints, search)``: (n, 5) boxes ``x1, y1, x2, y2, score``
        in descending score, (n, 5, 2) keypoints, and how the frame was searched.
    """
    height, width = image.shape[:2]
    longest = max(height, width)
    side = SMALL_DET_SIDE if longest <= SMALL_FRAME else DET_SIDE
    full_scale = side / longest
    scale = None
    if min_face is not None and min_face * full_scale < RELIABLE_FACE:
        scale = min(MAX_UPSCALE, RELIABLE_FACE / float(min_face))
    if fixed_size and scale is not None and min(width, height) * scale <= DET_SIDE:
        boxes, points = _whole_scaled_pass(detector, image, scale)
        return _finish(detector, image, [boxes], [points], np.inf, 1, 0)
    boxes, points = _detect(detector, image, side)
    all_boxes, all_points = [boxes], [points]
    runs, tiles = 1, 0
    if fixed_size and scale is not None:
        more_boxes, more_points = _whole_scaled_pass(detector, image, scale)
        return _finish(
            detector,
            image,
            [boxes, more_boxes],
            [points, more_points],
            2.0 * RELIABLE_FACE / full_scale,
            2,
            0,
        )

    if scale is not None:
        # Faces up to this size (in the scaled frame) may be missed by the
        # whole-frame pass, so neighbouring tiles must overlap by more.
        largest_small = RELIABLE_FACE * scale / full_scale
        overlap = min(DET_SIDE // 2, math.ceil(1.2 * largest_small) + 8)
        if max(width, height) * scale > side:
            more_boxes, more_points, tiles = _tile_pass(detector, image, scale, overlap)
            all_boxes += more_boxes
            all_points += more_points
            runs += tiles

    return _finish(
        detector,
        image,
        all_boxes,
        all_points,
        2.0 * RELIABLE_FACE / full_scale,
        runs,
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
