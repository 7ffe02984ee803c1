"""Deconvolution of known blur: Wiener or Richardson-Lucy, Gaussian or motion kernel.

The blur kernel (point-spread function) is modelled, not estimated: a Gaussian
for out-of-focus or soft footage, a straight line of given length and angle for
motion. Only the luminance is deconvolved; colour is kept.

>>> kernel = motion_kernel(5, 0.0)
>>> kernel.shape, round(float(kernel.sum()), 6)
((5, 5), 1.0)
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from workstation.vision.enhance.params import choice, number
from workstation.vision.enhance.pixels import merge_luma, split_luma
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)


def gaussian_kernel(sigma: float) -> np.ndarray:
    """A normalised 2-D Gaussian kernel reaching three sigmas each way."""
    radius = max(1, math.ceil(3.0 * sigma))
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    g = np.exp(-(x**2) / (2.0 * sigma * sigma))
    kernel = np.outer(g, g)
    return kernel / kernel.sum()


def motion_kernel(length: int, angle: float) -> np.ndarray:
    """A normalised straight-line kernel ``length`` px long at ``angle`` degrees.

    The line is sampled finely and each sample spread over its four nearest
    pixels (bilinear), so oblique lines have no staircase.
    """
    size = length if length % 2 else length + 1
    centre = (size - 1) / 2.0
    kernel = np.zeros((size, size), dtype=np.float64)
    theta = math.radians(angle)
    steps = np.linspace(-(length - 1) / 2.0, (length - 1) / 2.0, 8 * length)
    xs = centre + steps * math.cos(theta)
    ys = centre - steps * math.sin(theta)
    x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
    fx, fy = xs - x0, ys - y0
    for dx, dy, weight in (
        (0, 0, (1 - fx) * (1 - fy)),
        (1, 0, fx * (1 - fy)),
        (0, 1, (1 - fx) * fy),
        (1, 1, fx * fy),
    ):
        cols, rows = np.clip(x0 + dx, 0, size - 1), np.clip(y0 + dy, 0, size - 1)
        np.add.at(kernel, (rows, cols), weight)
    return kernel / kernel.sum()


@dataclass(frozen=True)
class DeblurParams:
    """The blur model and the deconvolution method with its settings."""

    method: str = choice(
        "wiener", ("wiener", "richardson_lucy"), doc="deconvolution algorithm"
    )
    kernel: str = choice("gaussian", ("gaussian", "motion"), doc="blur model")
    sigma: float = number(
        1.5,
        0.3,
        10.0,
        unit="px",
        doc="Gaussian blur width",
        when=("kernel", "gaussian"),
    )
    length: int = number(
        9, 2, 64, integer=True, unit="px", doc="streak", when=("kernel", "motion")
    )
    angle: float = number(
        0.0,
        -180.0,
        180.0,
        unit="degrees",
        doc="motion direction, 0 = horizontal",
        when=("kernel", "motion"),
    )
    balance: float = number(
        0.02,
        0.0001,
        1.0,
        doc="Wiener noise-to-signal balance; larger is smoother",
        when=("method", "wiener"),
    )
    iterations: int = number(
        20,
        1,
        200,
        integer=True,
        doc="Richardson-Lucy rounds",
        when=("method", "richardson_lucy"),
    )


def blur_kernel(p: DeblurParams) -> np.ndarray:
    """The point-spread function ``p`` describes."""
    if p.kernel == "gaussian":
        return gaussian_kernel(p.sigma)
    return motion_kernel(p.length, p.angle)


@operation(
    "deblur",
    family="deblur",
    params=DeblurParams,
    summary=(
        "Deconvolves the luminance with a modelled blur kernel: Wiener (regularised "
        "inverse filter) or Richardson-Lucy (iterative maximum likelihood)."
    ),
    reference=(
        "Wiener, Extrapolation, Interpolation, and Smoothing of Stationary Time "
        "Series, 1949; Richardson, JOSA 62(1), 1972; Lucy, AJ 79(6), 1974."
    ),
)
def deblur(image: np.ndarray, p: DeblurParams) -> np.ndarray:
    """Deconvolve the luminance; the border is mirrored to avoid wrap-around."""
    from skimage import restoration

    psf = blur_kernel(p)
    luma, chroma = split_luma(image)
    pad = psf.shape[0]
    padded = np.pad(luma.astype(np.float64), pad, mode="reflect")
    if p.method == "wiener":
        restored = restoration.wiener(padded, psf, p.balance, clip=False)
    else:
        restored = restoration.richardson_lucy(
            padded, psf, num_iter=p.iterations, clip=False
        )
    restored = restored[pad:-pad, pad:-pad]
    return merge_luma(restored.astype(np.float32), chroma)
