"""Multi-frame fusion: exact registration on a real photo, and the carphone clip.

The carphone clip exists clean and heavily compressed, so every result is
compared with the clean frame (full-reference PSNR and SSIM) and with the
compressed frame it was made from.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.services.enhance import load_chain
from workstation.vision.enhance import apply_chain
from workstation.vision.enhance.fusion import (
    FaceFusionParams,
    FaceShot,
    FrameFusionParams,
    best_shots,
    face_square,
    follow_face,
    fuse_faces,
    fuse_frames,
    pick_face,
)
from workstation.vision.enhance.params import build_params
from workstation.vision.enhance.quality import compare_images
from workstation.vision.enhance.sources import _square_of
from workstation.vision.image_loading import load_bgr

PHOTO = ("faces", "face_recognition", "examples", "obama.jpg")
#: Chosen frames of the 120-frame clip: every tenth from 10 to 110.
CHOSEN = range(10, 111, 10)
SHIFTS = [(0.0, 0.0), (1.5, -0.5), (-2.25, 1.0), (0.75, 2.5), (-1.0, -1.75)]


def frame_params(**values) -> FrameFusionParams:
    return build_params(FrameFusionParams, values, where="test")


def test_registered_noisy_frames_average_to_a_cleaner_picture(shared_data):
    clean = load_bgr(shared_data.joinpath(*PHOTO))[100:356, 370:626]
    rng = np.random.default_rng(7)
    frames = []
    for number, (dx, dy) in enumerate(SHIFTS):
        moved = cv2.warpAffine(
            clean.astype(np.float32),
            np.float32([[1, 0, dx], [0, 1, dy]]),
            clean.shape[1::-1],
            flags=cv2.INTER_CUBIC,
            borderMode=cv2.BORDER_REFLECT,
        )
        noisy = np.clip(moved + rng.normal(0, 12, clean.shape), 0, 255)
        frames.append((number, noisy.astype(np.uint8)))
    result = fuse_frames(frames, 0, frame_params(motion="translation"))
    assert result.frames_used == (0, 1, 2, 3, 4)
    for registration, (dx, dy) in zip(result.registrations, SHIFTS, strict=True):
        matrix = np.reshape(registration.matrix, (2, 3))
        assert matrix[0, 2] == pytest.approx(dx, abs=0.1)
        assert matrix[1, 2] == pytest.approx(dy, abs=0.1)
    inner = (slice(10, -10), slice(10, -10))
    single = compare_images(clean[inner], frames[0][1][inner])
    fused = compare_images(clean[inner], result.image[inner])
    # five frames of independent noise: up to 7 dB; interpolation costs some
    assert fused.psnr > single.psnr + 4
    assert fused.ssim > single.ssim + 0.1


def test_a_frame_that_does_not_register_is_left_out(shared_data):
    clean = load_bgr(shared_data.joinpath(*PHOTO))[40:470, 330:660]
    other = np.ascontiguousarray(clean[::-1, ::-1])  # a different scene
    result = fuse_frames([(0, clean), (1, other)], 0, frame_params())
    assert result.frames_used == (0,)
    assert np.array_equal(result.image, clean)
    assert not result.registrations[1].used
    assert result.registrations[1].note == "registration did not converge"


@pytest.fixture(scope="module")
def carphone_faces(carphone, face_engine):
    """Faces detected in the compressed frames within two of each chosen frame."""
    _, distorted = carphone
    wanted = sorted({n for c in CHOSEN for n in range(c - 2, c + 3)})
    return {n: face_engine.detect(distorted[n]) for n in wanted}


def _mean(rows):
    return np.mean(np.array(rows), axis=0)


def test_compression_preset_on_carphone_frames(carphone):
    pristine, distorted = carphone
    chain = load_chain("compressed_video")
    rows = []
    for n in CHOSEN:
        before = compare_images(pristine[n], distorted[n])
        after = compare_images(pristine[n], apply_chain(distorted[n], chain))
        rows.append((before.psnr, after.psnr, before.ssim, after.ssim))
    psnr_before, psnr_after, ssim_before, ssim_after = _mean(rows)
    print(
        f"compressed_video: PSNR {psnr_before:.2f} -> {psnr_after:.2f} dB, "
        f"SSIM {ssim_before:.4f} -> {ssim_after:.4f}"
    )
    assert 22.5 < psnr_before < 23.5
    assert psnr_after > psnr_before + 0.05
    assert ssim_after > ssim_before + 0.01


def test_frame_fusion_on_the_face_region_of_carphone(carphone, carphone_faces):
    pristine, distorted = carphone
    rows = []
    for n in CHOSEN:
        face = pick_face(carphone_faces[n], None)
        x1, y1, x2, y2 = (round(v) for v in face.box)
        x1, y1 = max(x1, 0), max(y1, 0)
        region = [x1, y1, min(x2, 176) - x1, min(y2, 144) - y1]
        frames = [(k, distorted[k]) for k in range(n - 2, n + 3)]
        fused = fuse_frames(frames, n, frame_params(region=region)).image
        square = face_square(FaceShot.of(n, face), 0.25)
        reference = _square_of(pristine[n], *square)
        before = compare_images(reference, _square_of(distorted[n], *square))
        after = compare_images(reference, _square_of(fused, *square))
        rows.append((before.psnr, after.psnr, before.ssim, after.ssim))
    psnr_before, psnr_after, ssim_before, ssim_after = _mean(rows)
    print(
        f"frame fusion (face): PSNR {psnr_before:.2f} -> {psnr_after:.2f} dB, "
        f"SSIM {ssim_before:.4f} -> {ssim_after:.4f}"
    )
    assert psnr_after > psnr_before + 0.15
    assert ssim_after > ssim_before + 0.008


def test_face_fusion_of_the_best_shots_on_carphone(carphone, carphone_faces):
    pristine, distorted = carphone
    params = build_params(FaceFusionParams, {"margin": 0.25}, where="test")
    rows, better = [], 0
    for n in CHOSEN:
        start = FaceShot.of(n, pick_face(carphone_faces[n], None))
        window = {k: carphone_faces[k] for k in range(n - 2, n + 3)}
        shots = best_shots(follow_face(window, start), n, params.shots)
        result = fuse_faces(distorted, shots, n, params)
        assert n in result.frames_used
        square = face_square(start, params.margin)
        reference = _square_of(pristine[n], *square)
        before = compare_images(reference, _square_of(distorted[n], *square))
        after = compare_images(reference, result.image)
        rows.append((before.psnr, after.psnr, before.ssim, after.ssim))
        better += after.psnr > before.psnr
    psnr_before, psnr_after, ssim_before, ssim_after = _mean(rows)
    print(
        f"face fusion: PSNR {psnr_before:.2f} -> {psnr_after:.2f} dB, "
        f"SSIM {ssim_before:.4f} -> {ssim_after:.4f}, better in {better} of 11"
    )
    assert psnr_after > psnr_before + 0.05
    assert ssim_after > ssim_before + 0.004
    assert better >= 8
