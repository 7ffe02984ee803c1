"""Sharpening by unsharp masking of the luminance."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.vision.enhance.params import number
from workstation.vision.enhance.pixels import merge_luma, split_luma
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnsharpParams:
    """Width of the blur subtracted, how much detail is added back, and a floor."""

    radius: float = number(2.0, 0.3, 20.0, unit="px", doc="Gaussian sigma")
    amount: float = number(1.0, 0.0, 5.0, doc="gain of the added detail")
    threshold: float = number(
        0.0, 0.0, 64.0, unit="levels", doc="smaller differences are left alone"
    )


@operation(
    "unsharp_mask",
    family="sharpen",
    params=UnsharpParams,
    summary=(
        "Adds back the difference between the luminance and a Gaussian-blurred "
        "copy of it, times the amount, where it exceeds the threshold."
    ),
    reference="Malin, Unsharp masking, AAS Photo-Bulletin 16, 1977.",
)
def unsharp_mask(image: np.ndarray, p: UnsharpParams) -> np.ndarray:
    """Sharpen the luminance; colour is kept."""
    luma, chroma = split_luma(image)
    detail = luma - cv2.GaussianBlur(luma, (0, 0), p.radius)
    if p.threshold > 0:
        detail = np.where(np.abs(detail) * 255.0 >= p.threshold, detail, 0.0)
    return merge_luma(luma + np.float32(p.amount) * detail, chroma)
