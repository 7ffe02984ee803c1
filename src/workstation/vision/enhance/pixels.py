"""Pixel helpers the operations share: 8-bit checks and luminance splitting.

Operations take and return contiguous ``uint8`` BGR arrays (H x W x 3). Work
that should not shift colours (deblurring, sharpening) is done on the
luminance of YCrCb, with the two chroma planes kept as they were.

>>> import numpy as np
>>> image = np.full((2, 2, 3), 100, np.uint8)
>>> luma, chroma = split_luma(image)
>>> bool(np.allclose(luma, 100 / 255))
True
>>> bool((merge_luma(luma, chroma) == image).all())
True
"""

from __future__ import annotations

import cv2
import numpy as np


def check_image(image: np.ndarray) -> np.ndarray:
    """Return ``image`` as a contiguous uint8 H x W x 3 array.

    Raises:
        ValueError: Not an 8-bit three-channel image.
    """
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(
            f"expected an 8-bit BGR image, got {image.dtype} {tuple(image.shape)}"
        )
    return np.ascontiguousarray(image)


def to_uint8(values: np.ndarray, scale: float = 255.0) -> np.ndarray:
    """Scale, round half to even, clip to 0..255 and convert to uint8."""
    return np.clip(np.rint(values * scale), 0, 255).astype(np.uint8)


def split_luma(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Luminance (float32, 0..1) and the chroma planes of an 8-bit BGR image."""
    ycc = cv2.cvtColor(image.astype(np.float32) / 255.0, cv2.COLOR_BGR2YCrCb)
    return np.ascontiguousarray(ycc[:, :, 0]), ycc[:, :, 1:]


def merge_luma(luma: np.ndarray, chroma: np.ndarray) -> np.ndarray:
    """Put a changed luminance back with its chroma; return 8-bit BGR."""
    ycc = np.dstack([np.clip(luma, 0.0, 1.0).astype(np.float32), chroma])
    return to_uint8(cv2.cvtColor(ycc, cv2.COLOR_YCrCb2BGR))


def apply_curve(image: np.ndarray, curve: np.ndarray) -> np.ndarray:
    """Map every channel through a 256-entry tone curve (values 0..1)."""
    table = to_uint8(np.asarray(curve, dtype=np.float64)).reshape(256, 1)
    return cv2.LUT(image, table)
