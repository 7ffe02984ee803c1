"""Noise and compression artefacts: non-local means, bilateral, JPEG re-application."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.vision.enhance.params import number
from workstation.vision.enhance.pixels import to_uint8
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NlMeansParams:
    """Non-local means strengths (in 8-bit levels) and window sizes."""

    strength: float = number(5.0, 1.0, 30.0, doc="luminance filter strength h")
    colour_strength: float = number(5.0, 0.0, 30.0, doc="colour filter strength")
    template: int = number(7, 3, 15, odd=True, unit="px", doc="patch size")
    search: int = number(21, 5, 41, odd=True, unit="px", doc="search window")


@operation(
    "nl_means",
    family="denoise",
    params=NlMeansParams,
    summary=(
        "Replaces each pixel by a weighted mean of pixels whose surrounding "
        "patches look alike, found anywhere in a search window."
    ),
    reference=(
        "Buades, Coll & Morel, A non-local algorithm for image denoising, CVPR 2005."
    ),
)
def nl_means(image: np.ndarray, p: NlMeansParams) -> np.ndarray:
    """Denoise with OpenCV's non-local means for colour images."""
    return cv2.fastNlMeansDenoisingColored(
        image, None, p.strength, p.colour_strength, p.template, p.search
    )


@dataclass(frozen=True)
class BilateralParams:
    """Bilateral filter neighbourhood and the two Gaussian widths."""

    diameter: int = number(5, 1, 31, integer=True, unit="px", doc="neighbourhood")
    sigma_colour: float = number(
        20.0, 1.0, 150.0, unit="levels", doc="how different a neighbour may look"
    )
    sigma_space: float = number(3.0, 0.5, 20.0, unit="px", doc="how far it may be")


@operation(
    "bilateral",
    family="denoise",
    params=BilateralParams,
    summary=(
        "Smooths with weights falling off with both distance and difference in "
        "colour, so noise is averaged while edges are kept."
    ),
    reference=(
        "Tomasi & Manduchi, Bilateral filtering for gray and color images, ICCV 1998."
    ),
)
def bilateral(image: np.ndarray, p: BilateralParams) -> np.ndarray:
    """Apply OpenCV's bilateral filter."""
    return cv2.bilateralFilter(image, p.diameter, p.sigma_colour, p.sigma_space)


@dataclass(frozen=True)
class DeblockParams:
    """JPEG quality used to re-compress the shifted copies."""

    quality: int = number(
        10, 1, 95, integer=True, doc="about the quality the footage was saved at"
    )


_BLOCK = 8


@operation(
    "deblock",
    family="denoise",
    params=DeblockParams,
    summary=(
        "Removes block artefacts by averaging the 64 copies obtained by shifting "
        "the image by 0-7 px, re-compressing it as JPEG and shifting back."
    ),
    reference=(
        "Nosratinia, Enhancement of JPEG-compressed images by re-application of "
        "JPEG, J. VLSI Signal Processing 27, 2001."
    ),
)
def deblock(image: np.ndarray, p: DeblockParams) -> np.ndarray:
    """Average of shifted JPEG re-compressions (4:2:0, baseline)."""
    height, width = image.shape[:2]
    padded = cv2.copyMakeBorder(
        image, _BLOCK, _BLOCK, _BLOCK, _BLOCK, cv2.BORDER_REFLECT_101
    )
    total = np.zeros(image.shape, dtype=np.float64)
    settings = [cv2.IMWRITE_JPEG_QUALITY, p.quality]
    for dy in range(_BLOCK):
        for dx in range(_BLOCK):
            window = np.ascontiguousarray(
                padded[dy : dy + height + _BLOCK, dx : dx + width + _BLOCK]
            )
            ok, encoded = cv2.imencode(".jpg", window, settings)
            if not ok:
                raise RuntimeError("OpenCV could not encode a JPEG")
            decoded = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
            y0, x0 = _BLOCK - dy, _BLOCK - dx
            total += decoded[y0 : y0 + height, x0 : x0 + width]
    return to_uint8(total / (_BLOCK * _BLOCK), scale=1.0)
