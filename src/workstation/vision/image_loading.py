"""Reading photos for face work: EXIF orientation first, then 8-bit colour.

Every image is opened with Pillow, turned upright by its EXIF Orientation tag
and converted to 8-bit RGB whatever it was stored as (grayscale, 16-bit,
palette, CMYK, with an alpha channel). Transparent areas are laid over white.
:func:`load_bgr` hands the result to OpenCV and insightface in BGR order.

>>> from PIL import Image
>>> to_rgb8(Image.new("I;16", (4, 2), 65535)).getpixel((0, 0))
(255, 255, 255)
"""

from __future__ import annotations

import logging
import struct
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from workstation.domain.errors import InputFileError

log = logging.getLogger(__name__)

_SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16B", "I;16L", "I;16N"})
_ALPHA_MODES = frozenset({"RGBA", "LA", "PA", "RGBa", "La"})
_BACKGROUND = (255, 255, 255)

# Pillow raises these for damaged files and bad EXIF blocks.
_READ_ERRORS = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    Image.DecompressionBombError,
)


def _channel_to_uint8(values: np.ndarray, *, sixteen_bit: bool) -> np.ndarray:
    """Scale one grey channel of a high-bit-depth image to 0..255."""
    scaled = values.astype(np.float64)
    if values.dtype.kind == "f":
        # Floating-point images hold either 0..1 or 0..255.
        if scaled.max(initial=0.0) <= 1.0:
            scaled *= 255.0
    elif sixteen_bit:
        scaled /= 257.0
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8)


def to_rgb8(image: Image.Image) -> Image.Image:
    """Convert any Pillow image to 8-bit RGB.

    Args:
        image: An image in any mode Pillow opens.

    Returns:
        An ``RGB`` image; 16-bit values are scaled (not clipped) to 8 bits and
        transparent pixels are composited over white.
    """
    mode = image.mode
    if mode == "RGB":
        return image
    if mode in _SIXTEEN_BIT_MODES:
        grey = _channel_to_uint8(np.asarray(image), sixteen_bit=True)
        return Image.fromarray(grey, "L").convert("RGB")
    if mode == "I":
        values = np.asarray(image)
        # A 16-bit file opened as 32-bit integers still holds 0..65535.
        grey = _channel_to_uint8(values, sixteen_bit=values.max(initial=0) > 255)
        return Image.fromarray(grey, "L").convert("RGB")
    if mode == "F":
        grey = _channel_to_uint8(np.asarray(image), sixteen_bit=False)
        return Image.fromarray(grey, "L").convert("RGB")
    if mode in _ALPHA_MODES or (mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (*_BACKGROUND, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def open_upright(path: str | Path, *, name: str | None = None) -> Image.Image:
    """Open an image, apply its EXIF orientation and convert it to 8-bit RGB.

    Args:
        path: The file to read.
        name: How to name the file in error messages (e.g. the evidence's
            original name when ``path`` is a vault copy); ``path`` when None.

    Returns:
        The upright ``RGB`` image, fully decoded.

    Raises:
        InputFileError: The file is missing, not an image, truncated or damaged.
    """
    path = Path(path)
    label = name or str(path)
    try:
        with Image.open(path) as opened:
            opened.load()
            upright = ImageOps.exif_transpose(opened)
            return to_rgb8(upright)
    except FileNotFoundError as exc:
        raise InputFileError(f"{label}: no such file; check the path.") from exc
    except PermissionError as exc:
        raise InputFileError(
            f"{label}: permission to read the file was refused; check its access "
            "rights."
        ) from exc
    except UnidentifiedImageError as exc:
        raise InputFileError(
            f"{label}: not an image format the workstation can read; convert it "
            "to JPEG or PNG and add it again."
        ) from exc
    except Image.DecompressionBombError as exc:
        raise InputFileError(
            f"{label}: too many pixels to open safely ({exc}); crop or scale it "
            "down and add it again."
        ) from exc
    except _READ_ERRORS as exc:
        raise InputFileError(
            f"{label}: the image is truncated or damaged ({exc}); obtain an intact "
            "copy of the file."
        ) from exc


def load_bgr(path: str | Path, *, name: str | None = None) -> np.ndarray:
    """Read an image as an upright, contiguous 8-bit BGR array (H x W x 3).

    Args:
        path: The file to read.
        name: How to name the file in error messages.

    Returns:
        ``uint8`` array in BGR channel order, as OpenCV and insightface expect.

    Raises:
        InputFileError: The file cannot be read as an image.
    """
    rgb = np.asarray(open_upright(path, name=name))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def read_video_frame(path: str | Path, frame: int, *, name: str | None = None):
    """Decode one frame of a video as an RGB Pillow image.

    Args:
        path: The video file.
        frame: Zero-based frame index.
        name: How to name the file in error messages.

    Returns:
        The frame as an ``RGB`` image.

    Raises:
        InputFileError: The video cannot be opened or has no such frame.
    """
    import cv2

    label = name or str(path)
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            raise InputFileError(
                f"{label}: the video cannot be opened; check that the file is "
                "intact and in a common format (MP4/H.264)."
            )
        capture.set(cv2.CAP_PROP_POS_FRAMES, int(frame))
        ok, bgr = capture.read()
    finally:
        capture.release()
    if not ok or bgr is None:
        raise InputFileError(f"{label}: has no readable frame {frame}.")
    return Image.fromarray(np.ascontiguousarray(bgr[:, :, ::-1]), "RGB")
