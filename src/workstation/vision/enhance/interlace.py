"""Deinterlacing: rebuilding a frame from one field, or blending the two."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from workstation.vision.enhance.params import choice
from workstation.vision.enhance.pixels import to_uint8
from workstation.vision.enhance.registry import operation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeinterlaceParams:
    """Which field to keep and how to fill the other one's lines."""

    field: str = choice(
        "top", ("top", "bottom"), doc="top keeps lines 0, 2, 4...; bottom 1, 3, 5..."
    )
    method: str = choice(
        "linear",
        ("linear", "duplicate", "blend"),
        doc="linear: mean of the lines above and below; duplicate: repeat the "
        "line; blend: average both fields (keeps all lines, halves motion combing)",
    )


@operation(
    "deinterlace",
    family="interlace",
    params=DeinterlaceParams,
    summary=(
        "Removes comb artefacts of interlaced video: keeps one field and "
        "interpolates the other's lines (line averaging or doubling), or blends "
        "each line with its neighbour."
    ),
    reference=(
        "de Haan & Bellers, Deinterlacing - an overview, Proc. IEEE 86(9), 1998."
    ),
)
def deinterlace(image: np.ndarray, p: DeinterlaceParams) -> np.ndarray:
    """Deinterlace a frame whose two fields were captured at different times."""
    height = image.shape[0]
    if height < 2:
        return image.copy()
    data = image.astype(np.float64)
    if p.method == "blend":
        below = np.vstack([data[1:], data[-1:]])
        return to_uint8((data + below) / 2.0, scale=1.0)
    keep = 0 if p.field == "top" else 1
    out = data.copy()
    for row in range(1 - keep, height, 2):
        above = row - 1 if row - 1 >= 0 else row + 1
        below = row + 1 if row + 1 < height else row - 1
        if p.method == "duplicate":
            out[row] = data[above]
        else:
            out[row] = (data[above] + data[below]) / 2.0
    return to_uint8(out, scale=1.0)
