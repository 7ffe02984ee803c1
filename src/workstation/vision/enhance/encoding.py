"""Deterministic PNG bytes of results, and small previews for reports.

OpenCV's PNG writer stores no time stamp or other varying metadata, so the
same pixels with the same compression level give the same bytes (and so the
same SHA-256) every time on the same build.

>>> import numpy as np
>>> image = np.zeros((4, 6, 3), np.uint8)
>>> encode_png(image) == encode_png(image.copy())
True
>>> decode_png(encode_png(image)).shape
(4, 6, 3)
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from workstation.domain.errors import InputFileError

log = logging.getLogger(__name__)

#: zlib level of result PNGs; fixed, because it changes the bytes (not the pixels).
PNG_COMPRESSION = 6


def encode_png(image: np.ndarray) -> bytes:
    """Lossless PNG bytes of an 8-bit BGR image."""
    ok, data = cv2.imencode(
        ".png", image, [cv2.IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION]
    )
    if not ok:
        raise RuntimeError("OpenCV could not encode a PNG")
    return data.tobytes()


def decode_png(data: bytes, *, name: str = "PNG") -> np.ndarray:
    """The 8-bit BGR pixels of PNG (or any OpenCV-readable) bytes.

    Raises:
        InputFileError: The bytes are not an image.
    """
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise InputFileError(f"{name}: not a readable image; obtain an intact copy.")
    return image


def preview_png(image: np.ndarray, max_side: int = 640) -> bytes:
    """PNG of the image shrunk (area averaging) to at most ``max_side`` pixels.

    Small images are enlarged by pixel repetition to at least 160 px on the
    longer side, so a tiny face crop stays visible and unsmoothed in a report.
    """
    height, width = image.shape[:2]
    longest = max(height, width)
    if longest > max_side:
        scale = max_side / longest
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    elif longest < 160:
        factor = -(-160 // longest)
        size = (width * factor, height * factor)
        image = cv2.resize(image, size, interpolation=cv2.INTER_NEAREST)
    return encode_png(image)
