"""Square face thumbnails for reports and the UI, cut from the upright image.

>>> from PIL import Image
>>> crop = crop_face(Image.new("RGB", (100, 80)), (40, 20, 60, 50), size=64)
>>> crop.size
(64, 64)
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PIL import Image

from workstation.vision.image_loading import open_upright, read_video_frame

log = logging.getLogger(__name__)


def crop_face(
    image: Image.Image,
    box: tuple[float, float, float, float],
    *,
    margin: float = 0.25,
    size: int = 160,
) -> Image.Image:
    """Cut a square around a face box and scale it to ``size`` pixels.

    Args:
        image: The upright image the box was measured in.
        box: x1, y1, x2, y2 in pixels.
        margin: Extra space on each side, as a fraction of the box's longer side.
        size: Side of the returned square; parts outside the image are black.

    Returns:
        An RGB image of ``size`` x ``size`` pixels.
    """
    x1, y1, x2, y2 = (float(v) for v in box)
    side = max(x2 - x1, y2 - y1, 1.0) * (1.0 + 2.0 * max(margin, 0.0))
    cx, cy = (x1 + x2) / 2.0, (y1 + y2) / 2.0
    region = (
        round(cx - side / 2.0),
        round(cy - side / 2.0),
        round(cx + side / 2.0),
        round(cy + side / 2.0),
    )
    square = image.convert("RGB").crop(region)
    return square.resize((size, size), Image.Resampling.LANCZOS)


def crop_face_png(
    path: str | Path,
    box: tuple[float, float, float, float],
    *,
    margin: float = 0.25,
    size: int = 160,
    video_frame: int | None = None,
    name: str | None = None,
) -> bytes:
    """PNG bytes of a face cut from a photo (EXIF applied) or a video frame.

    Args:
        path: The image or video file.
        box: The face box in the upright image (or frame).
        margin: See :func:`crop_face`.
        size: See :func:`crop_face`.
        video_frame: Frame index when ``path`` is a video; None for photos.
        name: How to name the file in error messages.

    Returns:
        The encoded PNG.

    Raises:
        InputFileError: The file cannot be read.
    """
    if video_frame is None:
        image = open_upright(path, name=name)
    else:
        image = read_video_frame(path, video_frame, name=name)
    buffer = io.BytesIO()
    crop_face(image, box, margin=margin, size=size).save(buffer, format="PNG")
    return buffer.getvalue()
