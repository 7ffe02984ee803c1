"""Making clean photos look like night CCTV, to measure how searches cope.

A :class:`Degradation` shrinks a photo so that its face is a given number of
pixels wide, blurs it, darkens it, adds sensor noise and compresses it, in
that order (the order a camera and a recorder apply them). The workstation
uses degradations of its reference photos to measure how often different
people reach a score when the probe is poor (see
:mod:`workstation.services.face_calibration`), and the tests and benchmarks
use the named recipes below to measure the low-quality search path.

>>> import numpy as np
>>> image = np.full((200, 160, 3), 200, np.uint8)
>>> small = degrade(image, face_width=100.0, recipe=NIGHT_CCTV)
>>> small.shape, int(small.mean()) < 200
((56, 45, 3), True)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Degradation:
    """One way of spoiling a photo; every step is optional.

    Attributes:
        name: How the recipe is called in reports.
        face_width: Scale the image so the face is this many pixels wide
            (area interpolation); None keeps the size.
        blur_sigma: Gaussian blur sigma in pixels (0: none).
        gamma: Darkening exponent, ``x = (x / 255) ** gamma * 255`` (1: none).
        noise_sigma: Gaussian noise sigma in grey levels (0: none).
        jpeg_quality: JPEG quality of the final compression (None: none).
        seed: Seed of the noise, so a recipe gives the same image every run.
    """

    name: str
    face_width: float | None = None
    blur_sigma: float = 0.0
    gamma: float = 1.0
    noise_sigma: float = 0.0
    jpeg_quality: int | None = None
    seed: int = 0

    def describe(self) -> str:
        """The steps in words, e.g. ``"face 28 px, blur 0.8, gamma 2, ..."``."""
        parts = []
        if self.face_width is not None:
            parts.append(f"face {self.face_width:g} px")
        if self.blur_sigma:
            parts.append(f"blur sigma {self.blur_sigma:g}")
        if self.gamma != 1.0:
            parts.append(f"gamma {self.gamma:g}")
        if self.noise_sigma:
            parts.append(f"noise sigma {self.noise_sigma:g}")
        if self.jpeg_quality is not None:
            parts.append(f"JPEG {self.jpeg_quality}")
        return ", ".join(parts) or "none"


#: Night CCTV: a face 28 px wide, slightly out of focus, dark, noisy and
#: heavily compressed.
NIGHT_CCTV = Degradation(
    "night CCTV",
    face_width=28.0,
    blur_sigma=0.8,
    gamma=2.0,
    noise_sigma=8.0,
    jpeg_quality=20,
)
#: A distant face: 20 px wide, otherwise clean (JPEG 95).
TINY_FACE = Degradation("face 20 px", face_width=20.0, jpeg_quality=95)
#: Out of focus and badly compressed at full size.
BLUR_JPEG = Degradation("blur 3 + JPEG 10", blur_sigma=3.0, jpeg_quality=10)

RECIPES = (NIGHT_CCTV, TINY_FACE, BLUR_JPEG)


def degrade(image: np.ndarray, *, face_width: float, recipe: Degradation) -> np.ndarray:
    """Apply a degradation to a copy of an 8-bit BGR image.

    Args:
        image: ``uint8`` H x W x 3, BGR.
        face_width: Width in pixels of the face in ``image`` (to scale it to
            ``recipe.face_width``).
        recipe: What to do.

    Returns:
        The degraded image (smaller when the recipe shrinks the face).
    """
    import cv2

    spoiled = _before_compression(image, face_width, recipe)
    if recipe.jpeg_quality is None:
        return spoiled
    return cv2.imdecode(jpeg_bytes(spoiled, recipe.jpeg_quality), cv2.IMREAD_COLOR)


def degraded_jpeg(
    image: np.ndarray, *, face_width: float, recipe: Degradation
) -> bytes:
    """The degraded image as the bytes of a JPEG file (quality 95 without one)."""
    spoiled = _before_compression(image, face_width, recipe)
    quality = 95 if recipe.jpeg_quality is None else recipe.jpeg_quality
    return jpeg_bytes(spoiled, quality).tobytes()


def _before_compression(
    image: np.ndarray, face_width: float, recipe: Degradation
) -> np.ndarray:
    import cv2

    out = image
    if recipe.face_width is not None:
        scale = recipe.face_width / max(float(face_width), 1.0)
        size = (
            max(1, round(image.shape[1] * scale)),
            max(1, round(image.shape[0] * scale)),
        )
        out = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    if recipe.blur_sigma > 0:
        out = cv2.GaussianBlur(out, (0, 0), recipe.blur_sigma)
    if recipe.gamma != 1.0 or recipe.noise_sigma > 0:
        values = out.astype(np.float64)
        if recipe.gamma != 1.0:
            values = (values / 255.0) ** recipe.gamma * 255.0
        if recipe.noise_sigma > 0:
            rng = np.random.default_rng(recipe.seed)
            values = values + rng.normal(0.0, recipe.noise_sigma, values.shape)
        out = np.clip(np.round(values), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(out)


def jpeg_bytes(image: np.ndarray, quality: int) -> np.ndarray:
    """The JPEG encoding of an 8-bit BGR image, as a byte array."""
    import cv2

    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise ValueError("OpenCV could not encode the image as JPEG")
    return encoded


def calibration_recipes(count: int, *, seed: int) -> Iterator[Degradation]:
    """``count`` random degradations spanning poor CCTV conditions.

    Faces 16-48 px wide, blur sigma 0-1.5, gamma 1-2.5, noise sigma 0-10 and
    JPEG quality 15-60, drawn uniformly and independently from a seeded
    generator, so the same seed gives the same recipes.
    """
    rng = np.random.default_rng(seed)
    base = Degradation("calibration")
    for _ in range(count):
        yield replace(
            base,
            face_width=float(rng.uniform(16.0, 48.0)),
            blur_sigma=float(rng.uniform(0.0, 1.5)),
            gamma=float(rng.uniform(1.0, 2.5)),
            noise_sigma=float(rng.uniform(0.0, 10.0)),
            jpeg_quality=int(rng.integers(15, 61)),
            seed=int(rng.integers(2**31)),
        )
