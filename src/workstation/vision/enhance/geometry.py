"""Geometry: crop, rotate, flip and four-point perspective correction."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.vision.enhance.errors import ParameterError
from workstation.vision.enhance.params import choice, flag, number, points
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)

MAX_SIDE = 20000
_INTERPOLATION = {
    "nearest": cv2.INTER_NEAREST,
    "bilinear": cv2.INTER_LINEAR,
    "bicubic": cv2.INTER_CUBIC,
    "lanczos": cv2.INTER_LANCZOS4,
}


@dataclass(frozen=True)
class CropParams:
    """A rectangle of the image, in pixels from its top-left corner."""

    x: int = number(0, 0, MAX_SIDE, integer=True, unit="px", doc="left edge")
    y: int = number(0, 0, MAX_SIDE, integer=True, unit="px", doc="top edge")
    width: int = number(64, 1, MAX_SIDE, integer=True, unit="px", doc="width")
    height: int = number(64, 1, MAX_SIDE, integer=True, unit="px", doc="height")


@operation(
    "crop",
    family="geometry",
    params=CropParams,
    summary="Keeps a rectangle of the image; pixels inside are copied unchanged.",
    reference="Gonzalez & Woods, Digital Image Processing, 4th ed., 2018, ch. 2.",
)
def crop(image: np.ndarray, p: CropParams) -> np.ndarray:
    """Cut out ``p``'s rectangle; it must lie inside the image."""
    height, width = image.shape[:2]
    if p.x + p.width > width:
        raise ParameterError(
            "width",
            f"x + width = {p.x + p.width} but the image is {width} px wide; "
            "make the crop smaller or move it left",
        )
    if p.y + p.height > height:
        raise ParameterError(
            "height",
            f"y + height = {p.y + p.height} but the image is {height} px high; "
            "make the crop smaller or move it up",
        )
    return np.ascontiguousarray(image[p.y : p.y + p.height, p.x : p.x + p.width])


@dataclass(frozen=True)
class RotateParams:
    """A rotation about the image centre; positive angles turn anticlockwise."""

    angle: float = number(0.0, -360.0, 360.0, unit="degrees", doc="anticlockwise")
    expand: bool = flag(True, doc="enlarge the canvas so no corner is cut off")
    interpolation: str = choice(
        "bicubic", ("nearest", "bilinear", "bicubic", "lanczos"), doc="resampling"
    )


@operation(
    "rotate",
    family="geometry",
    params=RotateParams,
    summary=(
        "Rotates about the centre; multiples of 90 degrees move pixels exactly, "
        "other angles resample by the chosen interpolation, new corners black."
    ),
    reference="Gonzalez & Woods, Digital Image Processing, 4th ed., 2018, §2.6.",
)
def rotate(image: np.ndarray, p: RotateParams) -> np.ndarray:
    """Rotate by ``p.angle`` degrees anticlockwise."""
    quarter_turns = p.angle / 90.0
    if quarter_turns == int(quarter_turns):
        return np.ascontiguousarray(np.rot90(image, int(quarter_turns) % 4))
    height, width = image.shape[:2]
    centre = ((width - 1) / 2.0, (height - 1) / 2.0)
    matrix = cv2.getRotationMatrix2D(centre, p.angle, 1.0)
    size = (width, height)
    if p.expand:
        cos, sin = (
            abs(math.cos(math.radians(p.angle))),
            abs(math.sin(math.radians(p.angle))),
        )
        new_w = math.ceil(width * cos + height * sin - 1e-9)
        new_h = math.ceil(width * sin + height * cos - 1e-9)
        matrix[0, 2] += (new_w - 1) / 2.0 - centre[0]
        matrix[1, 2] += (new_h - 1) / 2.0 - centre[1]
        size = (new_w, new_h)
    return cv2.warpAffine(
        image,
        matrix,
        size,
        flags=_INTERPOLATION[p.interpolation],
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(0, 0, 0),
    )


@dataclass(frozen=True)
class FlipParams:
    """A mirror image."""

    direction: str = choice(
        "horizontal",
        ("horizontal", "vertical", "both"),
        doc="horizontal mirrors left-right, vertical upside-down",
    )


@operation(
    "flip",
    family="geometry",
    params=FlipParams,
    summary="Mirrors the image; pixels move exactly, none are resampled.",
    reference="Gonzalez & Woods, Digital Image Processing, 4th ed., 2018, ch. 2.",
)
def flip(image: np.ndarray, p: FlipParams) -> np.ndarray:
    """Mirror left-right, upside-down or both."""
    code = {"horizontal": 1, "vertical": 0, "both": -1}[p.direction]
    return cv2.flip(image, code)


@dataclass(frozen=True)
class PerspectiveParams:
    """Four corners of a plane (a sign, a plate, a screen) to map to a rectangle.

    The corners are given clockwise from top-left: top-left, top-right,
    bottom-right, bottom-left. ``width``/``height`` of 0 take the longer of the
    opposite edges.
    """

    points: tuple = points(4, doc="top-left, top-right, bottom-right, bottom-left")
    width: int = number(0, 0, MAX_SIDE, integer=True, unit="px", doc="0: automatic")
    height: int = number(0, 0, MAX_SIDE, integer=True, unit="px", doc="0: automatic")
    interpolation: str = choice(
        "bicubic", ("nearest", "bilinear", "bicubic", "lanczos"), doc="resampling"
    )


def _quad_area(corners: np.ndarray) -> float:
    x, y = corners[:, 0], corners[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


@operation(
    "perspective",
    family="geometry",
    params=PerspectiveParams,
    summary=(
        "Maps four marked corners to a rectangle with the plane projective "
        "transform (homography) they define, resampling by the chosen method."
    ),
    reference=(
        "Hartley & Zisserman, Multiple View Geometry in Computer Vision, "
        "2nd ed., 2004, §4.1."
    ),
)
def perspective(image: np.ndarray, p: PerspectiveParams) -> np.ndarray:
    """Rectify the quadrilateral ``p.points`` to an upright rectangle."""
    height, width = image.shape[:2]
    corners = np.array(p.points, dtype=np.float32)
    outside = [
        i + 1
        for i, (x, y) in enumerate(corners)
        if x > width - 1 + 0.5 or y > height - 1 + 0.5
    ]
    if outside:
        raise ParameterError(
            "points",
            f"corner {outside[0]} lies outside the {width} x {height} image; "
            "mark corners inside the picture",
        )
    area = _quad_area(corners.astype(np.float64))
    if area <= 4.0:
        raise ParameterError(
            "points",
            "the corners must go clockwise from top-left and enclose an area "
            f"(they enclose {area:.1f} px²)",
        )
    edges = np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1)
    out_w = p.width or max(2, round(max(edges[0], edges[2])))
    out_h = p.height or max(2, round(max(edges[1], edges[3])))
    target = np.array(
        [[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(
        image,
        matrix,
        (out_w, out_h),
        flags=_INTERPOLATION[p.interpolation],
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(0, 0, 0),
    )
