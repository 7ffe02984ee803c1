"""Photos of every storage kind load upright as 8-bit BGR; damaged ones are refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from workstation.domain.errors import InputFileError
from workstation.vision.face_engine import largest_face
from workstation.vision.image_loading import load_bgr, open_upright, to_rgb8

ORIENTATION = 0x0112
# EXIF Orientation value -> how to store the pixels so that the tag puts them upright.
STORED_AS = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


@pytest.fixture(scope="module")
def obama(shared_data) -> Path:
    return shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg"


@pytest.fixture(scope="module")
def obama_face(face_engine, obama):
    (face,) = face_engine.detect_file(obama)
    return face


@pytest.mark.parametrize("orientation", sorted(STORED_AS))
def test_exif_orientation_is_applied_before_detection(
    face_engine, obama, obama_face, tmp_path, orientation
):
    upright = Image.open(obama)
    stored = upright.transpose(STORED_AS[orientation])
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    path = tmp_path / f"rotated-{orientation}.jpg"
    stored.save(path, quality=95, exif=exif)

    image = load_bgr(path)
    faces = face_engine.detect(image)

    assert image.shape == (upright.height, upright.width, 3)
    if orientation != 3:
        assert Image.open(path).size == (upright.height, upright.width)
    (face,) = faces
    assert np.allclose(face.box, obama_face.box, atol=6.0)
    assert float(face.embedding @ obama_face.embedding) > 0.95


def _grey(obama: Path, path: Path) -> None:
    Image.open(obama).convert("L").save(path, quality=95)


def _sixteen_bit(obama: Path, path: Path) -> None:
    grey = np.asarray(Image.open(obama).convert("L"), dtype=np.uint16) * 257
    Image.fromarray(grey).save(path)


def _cmyk(obama: Path, path: Path) -> None:
    Image.open(obama).convert("CMYK").save(path, quality=95)


def _palette(obama: Path, path: Path) -> None:
    Image.open(obama).convert("P", palette=Image.Palette.ADAPTIVE).save(path)


@pytest.mark.parametrize(
    ("writer", "suffix", "stored_mode"),
    [
        (_grey, ".jpg", "L"),
        (_sixteen_bit, ".png", "I;16"),
        (_cmyk, ".jpg", "CMYK"),
        (_palette, ".png", "P"),
    ],
)
def test_storage_kinds_load_as_bgr_and_keep_the_face(
    face_engine, obama, obama_face, tmp_path, writer, suffix, stored_mode
):
    path = tmp_path / f"variant{suffix}"
    writer(obama, path)
    assert Image.open(path).mode == stored_mode

    image = load_bgr(path)

    assert image.dtype == np.uint8
    assert image.shape == (1137, 910, 3)
    assert image.flags["C_CONTIGUOUS"]
    face = largest_face(face_engine.detect(image))
    assert np.allclose(face.box, obama_face.box, atol=8.0)
    assert float(face.embedding @ obama_face.embedding) > 0.85


def test_sixteen_bit_values_are_scaled_not_clipped(obama, tmp_path):
    path = tmp_path / "grey16.png"
    _sixteen_bit(obama, path)
    grey8 = np.asarray(Image.open(obama).convert("L"), dtype=np.int16)

    image = load_bgr(path).astype(np.int16)

    assert np.abs(image[:, :, 0] - grey8).max() == 0
    assert image.max() > 200


@pytest.mark.parametrize(
    "relative", ["tests/test_images/32bit.png", "examples/alex-lacamoire.png"]
)
def test_rgba_pngs_are_composited_and_their_faces_found(
    face_engine, shared_data, relative
):
    path = shared_data / "faces" / "face_recognition" / relative
    assert Image.open(path).mode == "RGBA"

    image = load_bgr(path)

    assert image.shape[2] == 3
    (face,) = face_engine.detect(image)
    assert face.det_score > 0.7


def test_transparent_pixels_become_white():
    rgba = Image.new("RGBA", (2, 1), (10, 20, 30, 0))
    rgba.putpixel((1, 0), (10, 20, 30, 255))
    rgb = to_rgb8(rgba)
    assert rgb.mode == "RGB"
    assert [rgb.getpixel((0, 0)), rgb.getpixel((1, 0))] == [
        (255, 255, 255),
        (10, 20, 30),
    ]


def test_a_truncated_jpeg_is_refused_naming_the_file(obama, tmp_path):
    path = tmp_path / "cut.jpg"
    data = obama.read_bytes()
    path.write_bytes(data[: len(data) // 2])

    with pytest.raises(InputFileError, match="truncated or damaged") as caught:
        load_bgr(path, name="cctv-still-04.jpg")
    assert str(caught.value).startswith("cctv-still-04.jpg: ")


def test_a_non_image_and_a_missing_file_are_refused(tmp_path):
    text = tmp_path / "notes.jpg"
    text.write_text("call log, not a photo", encoding="utf-8")

    with pytest.raises(InputFileError, match="not an image format"):
        open_upright(text)
    with pytest.raises(InputFileError, match="no such file"):
        open_upright(tmp_path / "absent.jpg")
