"""Overlapping tiles over a large image, and merging the boxes found in them.

A detector with a fixed input size shrinks a large frame until small faces
vanish. Cutting the frame into overlapping tiles of the detector's size lets
it see them at full resolution; the boxes from all tiles and from the whole
frame are then merged by non-maximum suppression.

>>> tile_windows(1000, 600, tile=640, overlap=80)
[(0, 0, 640, 600), (360, 0, 1000, 600)]
>>> nms(np.array([[0, 0, 10, 10], [1, 1, 10, 10], [20, 20, 30, 30]]),
...     np.array([0.9, 0.8, 0.7])).tolist()
[0, 2]
"""

from __future__ import annotations

import logging
import math

import numpy as np

log = logging.getLogger(__name__)


def _starts(length: int, tile: int, overlap: int) -> list[int]:
    """Start offsets along one axis; the last tile ends at the edge."""
    if length <= tile:
        return [0]
    step = tile - overlap
    count = math.ceil((length - overlap) / step)
    starts = [min(i * step, length - tile) for i in range(count)]
    return sorted(set(starts))


def tile_windows(
    width: int, height: int, *, tile: int = 640, overlap: int = 64
) -> list[tuple[int, int, int, int]]:
    """Windows covering a ``width`` x ``height`` image, each at most ``tile`` square.

    Neighbouring windows overlap by at least ``overlap`` pixels, so any object
    up to ``overlap`` pixels across lies wholly inside one window.

    Args:
        width: Image width in pixels.
        height: Image height in pixels.
        tile: Side of a window.
        overlap: Minimum overlap of neighbours; less than ``tile``.

    Returns:
        ``(x0, y0, x1, y1)`` windows, row by row.
    """
    if not 0 <= overlap < tile:
        raise ValueError(f"overlap {overlap} must be in [0, {tile})")
    return [
        (x, y, min(x + tile, width), min(y + tile, height))
        for y in _starts(height, tile, overlap)
        for x in _starts(width, tile, overlap)
    ]


def iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Intersection over union of every box in ``a`` with every box in ``b``.

    Args:
        a: (n, 4) boxes ``x1, y1, x2, y2``.
        b: (m, 4) boxes.

    Returns:
        (n, m) array of IoU values.
    """
    a = np.asarray(a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 4)
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-12), 0.0)


def nms(boxes: np.ndarray, scores: np.ndarray, *, threshold: float = 0.4) -> np.ndarray:
    """Greedy non-maximum suppression.

    Args:
        boxes: (n, 4) boxes.
        scores: (n,) confidences.
        threshold: A box is dropped when its IoU with a kept, higher-scoring
            box exceeds this.

    Returns:
        Indices of the kept boxes, highest score first.
    """
    order = np.argsort(-np.asarray(scores), kind="stable")
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    keep: list[int] = []
    while order.size:
        best = int(order[0])
        keep.append(best)
        if order.size == 1:
            break
        overlaps = iou_matrix(boxes[best : best + 1], boxes[order[1:]])[0]
        order = order[1:][overlaps <= threshold]
    return np.asarray(keep, dtype=np.int64)


def touches_inner_edge(
    boxes: np.ndarray,
    window: tuple[int, int, int, int],
    image_size: tuple[int, int],
    *,
    margin: float = 2.0,
) -> np.ndarray:
    """Which boxes (in window coordinates) are cut by an edge inside the image.

    A box touching a window edge that is not also an image edge may be a
    partial object; the overlap guarantees a neighbouring window holds it
    whole, so such boxes are dropped.

    Args:
        boxes: (n, 4) boxes relative to the window's top-left corner.
        window: ``(x0, y0, x1, y1)`` in image pixels.
        image_size: ``(width, height)`` of the image.
        margin: Distance from an edge that counts as touching.

    Returns:
        (n,) boolean mask.
    """
    x0, y0, x1, y1 = window
    width, height = image_size
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    cut = np.zeros(boxes.shape[0], dtype=bool)
    if x0 > 0:
        cut |= boxes[:, 0] <= margin
    if y0 > 0:
        cut |= boxes[:, 1] <= margin
    if x1 < width:
        cut |= boxes[:, 2] >= (x1 - x0) - margin
    if y1 < height:
        cut |= boxes[:, 3] >= (y1 - y0) - margin
    return cut
