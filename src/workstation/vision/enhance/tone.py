"""Tone: levels and gamma, automatic exposure for dark footage, CLAHE."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.vision.enhance.errors import ParameterError
from workstation.vision.enhance.params import number
from workstation.vision.enhance.pixels import apply_curve
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)

_LEVELS = np.arange(256, dtype=np.float64) / 255.0


def levels_curve(black: float, white: float, gamma: float) -> np.ndarray:
    """The 256-entry curve: stretch ``black..white`` to 0..1, then ``x ** (1/gamma)``.

    >>> curve = levels_curve(0, 255, 1.0)
    >>> float(curve[0]), float(curve[255])
    (0.0, 1.0)
    """
    stretched = np.clip((_LEVELS * 255.0 - black) / (white - black), 0.0, 1.0)
    return stretched ** (1.0 / gamma)


@dataclass(frozen=True)
class LevelsParams:
    """Input black and white points and a midtone gamma (>1 brightens)."""

    black: float = number(0.0, 0.0, 254.0, unit="levels", doc="input black point")
    white: float = number(255.0, 1.0, 255.0, unit="levels", doc="input white point")
    gamma: float = number(1.0, 0.1, 10.0, doc="midtone gamma; above 1 brightens")

    def __post_init__(self) -> None:
        if self.white <= self.black:
            raise ParameterError(
                "white",
                f"{self.white:g} must be above black ({self.black:g})",
            )


@operation(
    "levels",
    family="tone",
    params=LevelsParams,
    summary=(
        "Linear contrast stretch of black..white to the full range followed by a "
        "power-law (gamma) curve, the same on every channel."
    ),
    reference="Gonzalez & Woods, Digital Image Processing, 4th ed., 2018, §3.2.",
)
def levels(image: np.ndarray, p: LevelsParams) -> np.ndarray:
    """Apply black/white points and gamma through one lookup table."""
    return apply_curve(image, levels_curve(p.black, p.white, p.gamma))


@dataclass(frozen=True)
class AutoExposureParams:
    """Exposure chosen from the image itself, for dark (night, indoor) footage."""

    target_mean: float = number(
        0.45, 0.1, 0.8, doc="mean luminance to reach, 0 black .. 1 white"
    )
    low_percentile: float = number(
        0.5, 0.0, 20.0, unit="%", doc="luminance percentile taken as black"
    )
    high_percentile: float = number(
        99.5, 80.0, 100.0, unit="%", doc="luminance percentile taken as white"
    )
    max_gamma: float = number(
        4.0, 1.0, 10.0, doc="limit on the gamma, so noise is not lifted without end"
    )


def auto_levels(image: np.ndarray, p: AutoExposureParams) -> tuple[float, float, float]:
    """The (black, white, gamma) levels that :func:`auto_exposure` applies.

    Black and white are luminance percentiles; gamma then brings the mean
    luminance of the stretched image to ``target_mean``.
    """
    luma = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    black, white = np.percentile(luma, [p.low_percentile, p.high_percentile])
    black, white = float(black), float(max(white, black + 1.0))
    stretched = np.clip((luma.astype(np.float64) - black) / (white - black), 0, 1)
    mean = float(stretched.mean())
    if mean <= 0.0 or mean >= 1.0:
        return black, white, 1.0
    # mean ** (1/gamma) ~= target  =>  gamma = log(mean) / log(target)
    gamma = math.log(mean) / math.log(p.target_mean)
    gamma = min(max(gamma, 1.0 / p.max_gamma), p.max_gamma)
    return black, white, gamma


@operation(
    "auto_exposure",
    family="tone",
    params=AutoExposureParams,
    summary=(
        "Levels set from the image: black and white points at luminance "
        "percentiles, then the gamma that brings the mean luminance to the target."
    ),
    reference=(
        "Gonzalez & Woods, Digital Image Processing, 4th ed., 2018, §3.2-3.3 "
        "(contrast stretching, power-law transform)."
    ),
)
def auto_exposure(image: np.ndarray, p: AutoExposureParams) -> np.ndarray:
    """Brighten (or darken) the image to a target mean luminance."""
    black, white, gamma = auto_levels(image, p)
    log.debug("auto exposure: black %.1f white %.1f gamma %.2f", black, white, gamma)
    return apply_curve(image, levels_curve(black, white, gamma))


@dataclass(frozen=True)
class ClaheParams:
    """Contrast-limited adaptive histogram equalisation of the lightness."""

    clip_limit: float = number(2.0, 0.5, 40.0, doc="contrast limit per tile")
    tiles: int = number(8, 1, 32, integer=True, doc="tiles across and down")


@operation(
    "clahe",
    family="tone",
    params=ClaheParams,
    summary=(
        "Equalises the lightness histogram tile by tile with a clipped histogram "
        "(limiting noise gain) and bilinear blending between tiles; colour kept."
    ),
    reference=(
        "Zuiderveld, Contrast Limited Adaptive Histogram Equalization, "
        "Graphics Gems IV, 1994."
    ),
)
def clahe(image: np.ndarray, p: ClaheParams) -> np.ndarray:
    """Apply CLAHE to the L channel of CIE Lab."""
    lab = cv2.cvtColor(image, cv2.COLOR_BGR2Lab)
    equaliser = cv2.createCLAHE(clipLimit=p.clip_limit, tileGridSize=(p.tiles,) * 2)
    lab[:, :, 0] = equaliser.apply(np.ascontiguousarray(lab[:, :, 0]))
    return cv2.cvtColor(lab, cv2.COLOR_Lab2BGR)
