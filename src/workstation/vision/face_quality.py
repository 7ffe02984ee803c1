"""How useful a detected face is for comparison: one score from 0 to 1.

Four measurements go into the score, each mapped to 0..1 first:

* sharpness: the variance of the Laplacian of the grey aligned crop (the crop
  the recogniser sees), so blur and heavy compression lower it;
* size: the face box width in the source image; 8 px or less scores 0,
  112 px (the recogniser's input) or more scores 1, logarithmic in between;
* detector confidence: 0.4 or less scores 0 (the detection threshold is 0.5),
  0.85 or more 1;
* pose: yaw and roll estimated from the five keypoints; a frontal face scores
  1, a face turned 45 degrees 0.5 and a profile 0.

The score is their weighted geometric mean, so one very poor measurement
(a profile, a smear of pixels) pulls the whole score down. Searches sort
probes into bands by the score (:func:`quality_band`): clean photos measure
0.8-1.0, a face 28 px wide from night CCTV 0.3-0.5.

>>> pose = estimate_pose([(30, 40), (70, 40), (50, 60), (35, 80), (65, 80)])
>>> (round(pose.yaw), round(pose.roll))
(0, 0)
>>> round(quality_score(sharpness=400.0, width=112.0, det_score=0.9, pose=pose), 2)
0.94
>>> [str(quality_band(q)) for q in (0.94, 0.6, 0.4)]
['good', 'fair', 'poor']
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from workstation.domain.types import QualityBand

log = logging.getLogger(__name__)

#: Variance of the Laplacian at which the sharpness term is one half. Aligned
#: 112 px crops of clean photos measure 300-2000; a Gaussian blur of sigma 2
#: brings them under 60.
SHARPNESS_HALF = 100.0
SMALLEST_WIDTH = 8.0
FULL_WIDTH = 112.0
DET_FLOOR, DET_FULL = 0.4, 0.85
WEIGHTS = {"sharpness": 0.3, "size": 0.3, "detector": 0.15, "pose": 0.25}
#: Lowest quality of the good and of the fair band; below is poor. Faces 28 px
#: wide or smaller, or dark, noisy and compressed, fall under 0.55; the clean
#: reference photos all score over 0.75.
GOOD_QUALITY = 0.75
FAIR_QUALITY = 0.55


@dataclass(frozen=True)
class FacePose:
    """Head pose in degrees estimated from five keypoints.

    ``yaw`` is positive when the nose lies right of the face's midline in the
    image; ``roll`` is the angle of the line through the eyes.
    """

    yaw: float
    roll: float


#: A face looking straight at the camera.
FRONTAL = FacePose(0.0, 0.0)


def estimate_pose(landmarks) -> FacePose:
    """Estimate yaw and roll from eyes, nose tip and mouth corners.

    The keypoints are turned so that the eyes lie level; the nose tip's offset
    from the midline between eyes and mouth, relative to half the eye
    distance, approximates the tangent of the yaw (the nose stands out from
    the face about as far as half the eye distance).

    Args:
        landmarks: Five (x, y) points: left eye, right eye, nose tip, left and
            right mouth corner (image left and right).

    Returns:
        The estimated pose; (0, 0) for degenerate keypoints.
    """
    points = np.asarray(landmarks, dtype=np.float64).reshape(5, 2)
    dx, dy = points[1] - points[0]
    if math.hypot(dx, dy) < 1e-6:
        return FacePose(0.0, 0.0)
    roll = math.atan2(dy, dx)
    cos_r, sin_r = math.cos(-roll), math.sin(-roll)
    level = points @ np.array([[cos_r, sin_r], [-sin_r, cos_r]])
    eye_mid = (level[0] + level[1]) / 2.0
    mouth_mid = (level[3] + level[4]) / 2.0
    midline_x = (eye_mid[0] + mouth_mid[0]) / 2.0
    half_span = abs(level[1, 0] - level[0, 0]) / 2.0
    ratio = (level[2, 0] - midline_x) / max(half_span, 1e-6)
    return FacePose(math.degrees(math.atan(ratio)), math.degrees(roll))


def sharpness(aligned_bgr: np.ndarray) -> float:
    """Variance of the Laplacian of a face crop's grey levels.

    Args:
        aligned_bgr: The aligned crop (``uint8`` H x W x 3, BGR).

    Returns:
        The variance; higher is sharper.
    """
    import cv2

    grey = cv2.cvtColor(aligned_bgr, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def _size_term(width: float) -> float:
    if width <= SMALLEST_WIDTH:
        return 0.0
    return min(
        1.0, math.log(width / SMALLEST_WIDTH) / math.log(FULL_WIDTH / SMALLEST_WIDTH)
    )


def _pose_term(pose: FacePose) -> float:
    yaw = max(0.0, math.cos(math.radians(min(abs(pose.yaw), 90.0)))) ** 2
    roll = max(0.0, math.cos(math.radians(min(abs(pose.roll), 90.0)))) ** 0.5
    return yaw * roll


def quality_terms(
    *, sharpness: float, width: float, det_score: float, pose: FacePose
) -> dict[str, float]:
    """Each measurement mapped to 0..1 (see the module's description)."""
    return {
        "sharpness": sharpness / (sharpness + SHARPNESS_HALF) if sharpness > 0 else 0.0,
        "size": _size_term(width),
        "detector": min(
            1.0, max(0.0, (det_score - DET_FLOOR) / (DET_FULL - DET_FLOOR))
        ),
        "pose": _pose_term(pose),
    }


def quality_score(
    *, sharpness: float, width: float, det_score: float, pose: FacePose
) -> float:
    """The face's quality from 0 (useless) to 1 (clear, large, frontal).

    Args:
        sharpness: Variance of the Laplacian of the aligned crop.
        width: Face box width in source pixels.
        det_score: The detector's confidence.
        pose: The estimated head pose.

    Returns:
        The weighted geometric mean of the four terms.
    """
    terms = quality_terms(
        sharpness=sharpness, width=width, det_score=det_score, pose=pose
    )
    if min(terms.values()) <= 0.0:
        return 0.0
    return float(math.exp(sum(WEIGHTS[k] * math.log(v) for k, v in terms.items())))


def quality_band(quality: float) -> QualityBand:
    """The band of a face's quality score (see :data:`GOOD_QUALITY`)."""
    if quality >= GOOD_QUALITY:
        return QualityBand.GOOD
    if quality >= FAIR_QUALITY:
        return QualityBand.FAIR
    return QualityBand.POOR
