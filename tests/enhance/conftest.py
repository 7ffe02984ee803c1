"""Fixtures of the enhancement tests: clean faces, the carphone clip, PDF text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from enhance_data import CARPHONE, FACE_FILES, face_square, read_clip


@pytest.fixture(scope="session")
def clean_faces(shared_data, face_engine):
    """(clean face square, its embedding) for every face photo."""
    from workstation.vision.face_engine import largest_face
    from workstation.vision.image_loading import load_bgr

    faces = []
    for name in FACE_FILES:
        image = load_bgr(shared_data / "faces" / name)
        found = largest_face(face_engine.detect(image))
        square = face_square(image, found.box)
        faces.append((square, largest_face(face_engine.detect(square)).embedding))
    return faces


@pytest.fixture(scope="session")
def carphone(shared_data):
    """(pristine frames, distorted frames) of the carphone clip."""
    pristine = read_clip(shared_data / CARPHONE / "carphone_pristine.mp4")
    distorted = read_clip(shared_data / CARPHONE / "carphone_distorted.mp4")
    assert len(pristine) == len(distorted) == 120
    return pristine, distorted


@pytest.fixture(scope="session")
def pdf_to_text():
    """``pdf_to_text(path)``: the PDF's text through pdftotext."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read briefs back")

    def read(path: Path) -> str:
        return subprocess.run(
            [tool, "-layout", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    return read
