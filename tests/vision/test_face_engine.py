"""Detection and embeddings with the default pack on the packages' own photos."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from PIL import Image

from faces_fixtures import insightface_photo, vectron_photo
from workstation.vision.face_crops import crop_face, crop_face_png
from workstation.vision.face_engine import alignment_matrix, largest_face
from workstation.vision.image_loading import load_bgr


@pytest.fixture(scope="module")
def detected(face_engine):
    return {
        name: face_engine.detect_file(path)
        for name, path in {
            "players": vectron_photo("players.jpg"),
            "yaoming": vectron_photo("yaoming.jpg"),
            "gdp": vectron_photo("gdp.jpg"),
            "t1": insightface_photo("t1.jpg"),
        }.items()
    }


def test_faces_found_in_each_photo(detected):
    assert {k: len(v) for k, v in detected.items()} == {
        "players": 22,
        "yaoming": 1,
        "gdp": 5,
        "t1": 6,
    }


def test_faces_carry_box_keypoints_score_and_unit_embedding(detected):
    for faces in detected.values():
        for face in faces:
            x1, y1, x2, y2 = face.box
            assert x2 > x1 and y2 > y1
            assert len(face.landmarks) == 5
            assert all(x1 <= x <= x2 and y1 <= y <= y2 for x, y in face.landmarks)
            assert 0.5 <= face.det_score <= 1.0
            assert face.embedding.shape == (512,)
            assert face.embedding.dtype == np.float32
            assert abs(float(np.linalg.norm(face.embedding)) - 1.0) < 1e-5
        scores = [f.det_score for f in faces]
        assert scores == sorted(scores, reverse=True)


def test_yao_ming_is_the_best_match_in_players_and_absent_from_gdp(detected):
    probe = largest_face(detected["yaoming"]).embedding
    players = sorted(
        (float(f.embedding @ probe) for f in detected["players"]), reverse=True
    )
    others = [float(f.embedding @ probe) for f in detected["gdp"] + detected["t1"]]

    assert players[0] == pytest.approx(0.63, abs=0.02)
    assert players[1] < 0.3
    assert max(others) < 0.3


def test_batched_embeddings_equal_insightface_one_at_a_time(face_engine):
    image = load_bgr(vectron_photo("gdp.jpg"))
    ours = face_engine.detect(image)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        theirs = face_engine._app.get(image)

    assert len(ours) == len(theirs)
    for mine, reference in zip(ours, theirs, strict=True):
        assert np.allclose(mine.box, reference.bbox[:4], atol=1e-3)
        assert float(mine.embedding @ reference.normed_embedding) > 0.9999


def test_alignment_matches_insightface_reference(detected):
    from insightface.utils import face_align

    for face in detected["t1"]:
        keypoints = np.asarray(face.landmarks, dtype=np.float32)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            reference = face_align.estimate_norm(keypoints, 112)
        assert np.allclose(alignment_matrix(keypoints, 112), reference, atol=1e-4)


def test_an_image_without_faces_gives_none(face_engine):
    image = load_bgr(vectron_photo("players.jpg"))
    sky = np.ascontiguousarray(image[:60, :200])
    assert face_engine.detect(sky) == []


def test_face_crop_is_a_square_png_around_the_face(detected):
    face = largest_face(detected["yaoming"])
    png = crop_face_png(vectron_photo("yaoming.jpg"), face.box, size=96)

    crop = Image.open(io.BytesIO(png))
    assert crop.format == "PNG"
    assert crop.size == (96, 96)
    # A box at the image corner is padded, not shifted.
    corner = crop_face(Image.new("RGB", (50, 50), "white"), (0, 0, 20, 20), size=30)
    assert corner.getpixel((0, 0)) == (0, 0, 0)
    assert corner.getpixel((29, 29)) == (255, 255, 255)
