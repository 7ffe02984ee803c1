"""The examples in the face modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "workstation.domain.false_match",
    "workstation.vision.face_clustering",
    "workstation.vision.face_engine",
    "workstation.vision.face_index",
    "workstation.vision.face_quality",
    "workstation.vision.face_tracking",
    "workstation.vision.score_calibration",
    "workstation.vision.tiling",
    "workstation.vision.video_frames",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 0
    assert result.failed == 0
