"""Detection, embeddings and quality with the default pack on real photos."""

from __future__ import annotations

import io
import warnings

import cv2
import numpy as np
import pytest
from PIL import Image

from faces_fixtures import insightface_photo, vectron_photo
from workstation.vision.face_crops import crop_face, crop_face_png
from workstation.vision.face_detection import find_face_boxes
from workstation.vision.face_engine import alignment_matrix, largest_face
from workstation.vision.image_loading import load_bgr
from workstation.vision.tiling import iou_matrix

PHOTOS = {
    "players": vectron_photo("players.jpg"),
    "yaoming": vectron_photo("yaoming.jpg"),
    "gdp": vectron_photo("gdp.jpg"),
    "t1": insightface_photo("t1.jpg"),
}


@pytest.fixture(scope="module")
def single_pass(face_engine):
    """Faces found by one whole-frame detector pass (insightface's behaviour)."""
    return {
        name: face_engine.detect_file(path, min_face=None)
        for name, path in PHOTOS.items()
    }


@pytest.fixture(scope="module")
def reference_app(model_settings):
    """insightface's own FaceAnalysis on the same pack, for comparisons."""
    from pathlib import Path

    from insightface.app import FaceAnalysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        app = FaceAnalysis(
            name=str(Path(model_settings.models_dir, "default").resolve()),
            allowed_modules=["detection", "recognition"],
            providers=["CPUExecutionProvider"],
        )
        app.prepare(ctx_id=-1, det_size=(640, 640))
    return app


def test_one_pass_finds_what_insightface_finds(single_pass):
    assert {k: len(v) for k, v in single_pass.items()} == {
        "players": 22,
        "yaoming": 1,
        "gdp": 5,
        "t1": 6,
    }


def test_faces_carry_box_keypoints_score_quality_and_unit_embedding(single_pass):
    for faces in single_pass.values():
        for face in faces:
            x1, y1, x2, y2 = face.box
            assert x2 > x1 and y2 > y1
            assert len(face.landmarks) == 5
            assert all(x1 <= x <= x2 and y1 <= y <= y2 for x, y in face.landmarks)
            assert 0.5 <= face.det_score <= 1.0
            assert 0.0 <= face.quality <= 1.0
            assert face.embedding.shape == (512,)
            assert face.embedding.dtype == np.float32
            assert abs(float(np.linalg.norm(face.embedding)) - 1.0) < 1e-5
        scores = [f.det_score for f in faces]
        assert scores == sorted(scores, reverse=True)


def test_yao_ming_is_the_best_match_in_players_and_absent_from_gdp(single_pass):
    probe = largest_face(single_pass["yaoming"]).embedding
    players = sorted(
        (float(f.embedding @ probe) for f in single_pass["players"]), reverse=True
    )
    others = [
        float(f.embedding @ probe) for f in single_pass["gdp"] + single_pass["t1"]
    ]

    assert players[0] == pytest.approx(0.63, abs=0.02)
    assert players[1] < 0.3
    assert max(others) < 0.3


def test_embeddings_equal_insightface_one_face_at_a_time(face_engine, reference_app):
    image = load_bgr(vectron_photo("gdp.jpg"))
    ours = face_engine.detect(image)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        theirs = reference_app.get(image)

    assert len(ours) == len(theirs) == 5
    for mine, reference in zip(ours, theirs, strict=True):
        assert np.allclose(mine.box, reference.bbox[:4], atol=1e-3)
        assert float(mine.embedding @ reference.normed_embedding) > 0.9999


def test_only_the_packs_two_models_are_loaded(face_engine):
    assert {m.taskname for m in (face_engine._detector, face_engine._recogniser)} == {
        "detection",
        "recognition",
    }
    assert not hasattr(face_engine, "_app")


@pytest.mark.slow
def test_tiles_add_the_small_faces_and_keep_the_whole_frame_ones(
    face_engine, single_pass
):
    image = load_bgr(vectron_photo("players.jpg"))
    tiled = face_engine.detect(image)  # smallest face 20 px: tiles at 0.8 scale

    # The crowd behind the team: dozens of real faces 10-20 px wide.
    assert len(tiled) > 60
    widths = sorted(f.box[2] - f.box[0] for f in tiled)
    assert widths[0] < 14
    # Every face of the single pass is still there, with the same box.
    single = np.array([f.box for f in single_pass["players"]])
    overlap = iou_matrix(single, np.array([f.box for f in tiled])).max(axis=1)
    assert (overlap > 0.99).all()


def test_faces_twenty_pixels_wide_in_a_large_frame_are_found(face_engine, single_pass):
    """players.jpg shrunk until its 16 clear faces are ~20 px, in a 1920 frame."""
    image = load_bgr(vectron_photo("players.jpg"))
    clear = np.array(
        [f.box for f in single_pass["players"] if f.box[2] - f.box[0] > 30]
    )
    scale = 20.0 / np.median(clear[:, 2] - clear[:, 0])
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    frame = np.zeros((1080, 1920, 3), dtype=np.uint8)
    frame[300 : 300 + small.shape[0], 700 : 700 + small.shape[1]] = small
    expected = clear * scale + [700, 300, 700, 300]

    def found(faces) -> int:
        if not faces:
            return 0
        boxes = np.array([f.box for f in faces])
        return int((iou_matrix(expected, boxes).max(axis=1) > 0.4).sum())

    assert len(clear) == 16
    assert found(face_engine.detect(frame, min_face=None)) <= 4  # 3 measured
    assert found(face_engine.detect(frame)) >= 15
    # Photos and video frames: one run over the whole frame at 0.8 scale
    # replaces the tiles (plus the 640 px pass, as 0.8 x 1080 > 640).
    assert found(face_engine.detect(frame, video=True)) >= 15
    twin = face_engine._any_size_detector
    runs = {
        (min_face, mode): find_face_boxes(
            face_engine._detector,
            frame,
            min_face=min_face,
            fixed_size=mode == "video",
            any_size=twin if mode == "photo" else None,
        )[2].detector_runs
        for min_face in (20.0, 40.0)
        for mode in ("tiles", "photo", "video")
    }
    assert runs == {
        (20.0, "tiles"): 7,
        (20.0, "photo"): 2,
        (20.0, "video"): 2,
        (40.0, "tiles"): 3,
        (40.0, "photo"): 2,
        (40.0, "video"): 1,
    }
    # The photo pass makes no session of its own for the frame's size.
    assert (1536, 864) in twin.resolution_sessions
    assert all(s is twin.session for s in twin.resolution_sessions.values())


def test_a_face_filling_the_frame_is_found_by_padding(face_engine, shared_data):
    aligned = shared_data / "faces" / "facenet_pytorch" / "data" / "test_images_aligned"
    photos = sorted(aligned.glob("*/1.png"))
    assert len(photos) == 5
    for photo in photos:
        (face,) = face_engine.detect_file(photo)
        assert face.box[2] - face.box[0] > 100  # of 160
        assert face.quality > 0.8


def test_alignment_matches_insightface_reference(single_pass):
    from insightface.utils import face_align

    for face in single_pass["t1"]:
        keypoints = np.asarray(face.landmarks, dtype=np.float32)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            reference = face_align.estimate_norm(keypoints, 112)
        assert np.allclose(alignment_matrix(keypoints, 112), reference, atol=1e-4)


def test_an_image_without_faces_gives_none(face_engine):
    image = load_bgr(vectron_photo("players.jpg"))
    sky = np.ascontiguousarray(image[:60, :200])
    assert face_engine.detect(sky) == []


def test_face_crop_is_a_square_png_around_the_face(single_pass):
    face = largest_face(single_pass["yaoming"])
    png = crop_face_png(vectron_photo("yaoming.jpg"), face.box, size=96)

    crop = Image.open(io.BytesIO(png))
    assert crop.format == "PNG"
    assert crop.size == (96, 96)
    # A box at the image corner is padded, not shifted.
    corner = crop_face(Image.new("RGB", (50, 50), "white"), (0, 0, 20, 20), size=30)
    assert corner.getpixel((0, 0)) == (0, 0, 0)
    assert corner.getpixel((29, 29)) == (255, 255, 255)


def test_many_images_come_back_in_order_with_unreadable_ones_named(
    face_engine, tmp_path
):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(vectron_photo("gdp.jpg").read_bytes()[:300])
    paths = [PHOTOS["yaoming"], broken, PHOTOS["gdp"], PHOTOS["t1"], PHOTOS["yaoming"]]
    results = list(face_engine.detect_each(paths, image_of=load_bgr, min_face=None))

    assert [path for path, _ in results] == paths
    counts = [len(r) if isinstance(r, list) else type(r).__name__ for _, r in results]
    assert counts == [1, "InputFileError", 5, 6, 1]
    assert "broken.jpg" in str(results[1][1])
    # the same faces as one image at a time
    single = face_engine.detect(load_bgr(PHOTOS["gdp"]), min_face=None)
    assert np.allclose(
        [f.embedding for f in results[2][1]], [f.embedding for f in single], atol=1e-5
    )


def test_closing_many_images_early_stops_taking_more(face_engine):
    taken = []

    def images():
        for _ in range(50):
            taken.append(1)
            yield load_bgr(PHOTOS["yaoming"])

    each = face_engine.detect_each(images(), min_face=None)
    first = next(each)
    each.close()
    assert len(first[1]) == 1
    assert len(taken) <= 2 * face_engine.workers + 1
