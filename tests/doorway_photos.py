"""A real face as a doorway camera sees it: small and out of focus.

The portrait is ``obama.jpg`` from the shared face photos, cut to the head and
shoulders and scaled so the face is about 100 px wide; the blurred copy has a
Gaussian blur of sigma 2 px, the sharp copy serves as the reference photo.
"""

from __future__ import annotations

from pathlib import Path

import cv2

from workstation.vision.image_loading import load_bgr

PORTRAIT = ("faces", "face_recognition", "examples", "obama.jpg")


def write_doorway_photos(shared_data: Path, folder: Path) -> tuple[Path, Path]:
    """Write ``doorway.png`` (blurred) and ``portrait.png`` (sharp) into ``folder``.

    Returns:
        The paths of the blurred and the sharp photo.
    """
    portrait = load_bgr(shared_data.joinpath(*PORTRAIT))[0:600, 250:750]
    sharp = cv2.resize(portrait, None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    blurred_path, sharp_path = folder / "doorway.png", folder / "portrait.png"
    cv2.imwrite(str(blurred_path), cv2.GaussianBlur(sharp, (0, 0), 2.0))
    cv2.imwrite(str(sharp_path), sharp)
    return blurred_path, sharp_path
