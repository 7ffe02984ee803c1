"""Face quality: sharpness, size, detector confidence and pose in one score."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.vision.face_engine import largest_face
from workstation.vision.face_quality import (
    FRONTAL,
    FacePose,
    estimate_pose,
    quality_score,
    quality_terms,
)
from workstation.vision.image_loading import load_bgr

FRONTAL_POINTS = [(30, 40), (70, 40), (50, 60), (35, 80), (65, 80)]


def test_pose_of_frontal_turned_and_tilted_keypoints():
    assert estimate_pose(FRONTAL_POINTS) == pytest.approx(FacePose(0.0, 0.0))
    # Nose shifted right by half the eye distance's half: yaw atan(0.5).
    turned = estimate_pose([(30, 40), (70, 40), (60, 60), (35, 80), (65, 80)])
    assert turned.yaw == pytest.approx(26.57, abs=0.01)
    assert turned.roll == pytest.approx(0.0)
    # The same face rotated by 30 degrees keeps its yaw and reports the roll.
    rotation = cv2.getRotationMatrix2D((50, 60), -30, 1.0)
    tilted = cv2.transform(np.array([FRONTAL_POINTS], dtype=np.float64), rotation)[0]
    pose = estimate_pose(tilted)
    assert pose.roll == pytest.approx(30.0, abs=1e-6)
    assert pose.yaw == pytest.approx(0.0, abs=1e-6)


def test_terms_and_score_are_bounded_and_ordered():
    best = quality_score(sharpness=2000, width=200, det_score=0.9, pose=FRONTAL)
    assert 0.9 < best <= 1.0
    terms = quality_terms(sharpness=100, width=8, det_score=0.4, pose=FRONTAL)
    assert terms == {"sharpness": 0.5, "size": 0.0, "detector": 0.0, "pose": 1.0}
    assert quality_score(sharpness=100, width=8, det_score=0.9, pose=FRONTAL) == 0.0
    profile = quality_score(
        sharpness=2000, width=200, det_score=0.9, pose=FacePose(90.0, 0.0)
    )
    assert profile < 1e-6
    turned = quality_score(
        sharpness=2000, width=200, det_score=0.9, pose=FacePose(45.0, 0.0)
    )
    assert profile < turned < best


def test_blur_and_shrinking_lower_the_quality_of_a_real_face(face_engine, shared_data):
    image = load_bgr(
        shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg"
    )
    qualities = []
    for sigma in (0, 2, 4):
        blurred = image if sigma == 0 else cv2.GaussianBlur(image, (0, 0), sigma)
        qualities.append(largest_face(face_engine.detect(blurred)).quality)
    small = cv2.resize(image, None, fx=0.1, fy=0.1, interpolation=cv2.INTER_AREA)
    tiny = largest_face(face_engine.detect(small))

    assert qualities[0] > 0.95
    assert qualities == sorted(qualities, reverse=True)
    assert qualities[2] < 0.75
    assert tiny.quality < qualities[0] - 0.15
