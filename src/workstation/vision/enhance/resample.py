"""Upscaling by Lanczos or bicubic interpolation."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.vision.enhance.errors import ParameterError
from workstation.vision.enhance.params import choice, number
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)

#: Largest output an upscale may make (pixels).
MAX_PIXELS = 100_000_000

_METHODS = {"lanczos": cv2.INTER_LANCZOS4, "bicubic": cv2.INTER_CUBIC}


@dataclass(frozen=True)
class UpscaleParams:
    """Scale factor and interpolation kernel."""

    factor: float = number(2.0, 1.0, 8.0, doc="output size / input size")
    method: str = choice("lanczos", ("lanczos", "bicubic"), doc="kernel")


@operation(
    "upscale",
    family="resample",
    params=UpscaleParams,
    summary=(
        "Enlarges by interpolation (Lanczos: windowed sinc over 8 x 8 pixels; "
        "bicubic: cubic convolution over 4 x 4); it adds no detail."
    ),
    reference=(
        "Duchon, Lanczos filtering in one and two dimensions, J. Appl. Meteorology "
        "18(8), 1979; Keys, Cubic convolution interpolation, IEEE TASSP 29(6), 1981."
    ),
)
def upscale(image: np.ndarray, p: UpscaleParams) -> np.ndarray:
    """Resize by ``p.factor`` with the chosen kernel."""
    height, width = image.shape[:2]
    size = (round(width * p.factor), round(height * p.factor))
    if size[0] * size[1] > MAX_PIXELS:
        raise ParameterError(
            "factor",
            f"{width} x {height} times {p.factor:g} would be {size[0]} x {size[1]} "
            f"pixels (over {MAX_PIXELS // 1_000_000} megapixels); crop first",
        )
    return cv2.resize(image, size, interpolation=_METHODS[p.method])
