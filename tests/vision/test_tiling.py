"""Tiles over large frames and merging the boxes found in them."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from workstation.vision.tiling import iou_matrix, nms, tile_windows, touches_inner_edge


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (641, 640), (3000, 500)])
def test_windows_cover_the_frame_with_the_overlap_asked_for(width, height):
    windows = tile_windows(width, height, tile=640, overlap=100)
    covered = np.zeros((height, width), dtype=bool)
    for x0, y0, x1, y1 in windows:
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert x1 - x0 == min(640, width) and y1 - y0 == min(640, height)
        covered[y0:y1, x0:x1] = True
    assert covered.all()
    xs = sorted({w[0] for w in windows})
    for left, right in itertools.pairwise(xs):
        assert left + 640 - right >= 100


def test_a_small_frame_is_one_window_and_bad_overlaps_are_refused():
    assert tile_windows(300, 200) == [(0, 0, 300, 200)]
    with pytest.raises(ValueError, match="overlap"):
        tile_windows(1000, 1000, tile=640, overlap=640)


def test_nms_keeps_the_best_of_overlapping_boxes():
    boxes = np.array([[0, 0, 10, 10], [1, 0, 11, 10], [50, 50, 60, 60], [0, 0, 10, 4]])
    scores = np.array([0.7, 0.9, 0.8, 0.95])
    assert nms(boxes, scores).tolist() == [3, 1, 2]
    assert iou_matrix(boxes[:1], boxes[1:2])[0, 0] == pytest.approx(90 / 110)


def test_boxes_cut_by_an_inner_tile_edge_are_marked():
    boxes = np.array([[0, 10, 20, 30], [300, 300, 340, 340], [620, 0, 640, 20]])
    inner = touches_inner_edge(boxes, (500, 0, 1140, 640), (2000, 640))
    assert inner.tolist() == [True, False, True]
    at_image_edge = touches_inner_edge(boxes, (0, 0, 640, 640), (640, 640))
    assert at_image_edge.tolist() == [False, False, False]
