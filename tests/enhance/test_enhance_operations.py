"""Each operation on a real photo: pixels moved exactly, or quality restored."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from enhance_data import gaussian_blur, jpeg, low_light, motion_blur

from workstation.vision.enhance import OPERATIONS, apply_chain, chain_from_toml
from workstation.vision.enhance.params import build_params
from workstation.vision.enhance.quality import compare_images
from workstation.vision.image_loading import load_bgr

PHOTO = ("faces", "face_recognition", "examples", "obama.jpg")


@pytest.fixture(scope="module")
def photo(shared_data) -> np.ndarray:
    """A 330 x 430 cut around the face of a real portrait."""
    image = load_bgr(shared_data.joinpath(*PHOTO))
    return np.ascontiguousarray(image[40:470, 330:660])


def run(op: str, image: np.ndarray, **values) -> np.ndarray:
    operation = OPERATIONS[op]
    out = operation.apply(image, build_params(operation.params, values, where=op))
    assert out.dtype == np.uint8 and out.ndim == 3 and out.shape[2] == 3
    return out


def psnr(reference: np.ndarray, image: np.ndarray) -> float:
    return compare_images(reference, image).psnr


def test_crop_rotate_and_flip_move_pixels_exactly(photo):
    crop = run("crop", photo, x=20, y=30, width=100, height=80)
    assert np.array_equal(crop, photo[30:110, 20:120])
    assert np.array_equal(run("rotate", photo, angle=90), np.rot90(photo))
    assert np.array_equal(run("rotate", photo, angle=-270), np.rot90(photo))
    back = run("rotate", run("rotate", photo, angle=90), angle=-90)
    assert np.array_equal(back, photo)
    assert np.array_equal(run("flip", photo, direction="horizontal"), photo[:, ::-1])
    assert np.array_equal(run("flip", photo, direction="both"), photo[::-1, ::-1])


def test_rotation_by_an_odd_angle_enlarges_the_canvas(photo):
    height, width = photo.shape[:2]
    rotated = run("rotate", photo, angle=30)
    cos, sin = np.cos(np.radians(30)), np.sin(np.radians(30))
    assert rotated.shape[1] == pytest.approx(width * cos + height * sin, abs=1)
    assert rotated.shape[0] == pytest.approx(width * sin + height * cos, abs=1)
    assert run("rotate", photo, angle=30, expand=False).shape == photo.shape
    # rotating back recovers the middle of the picture
    back = run("rotate", rotated, angle=-30, expand=False)
    top = (back.shape[0] - height) // 2
    left = (back.shape[1] - width) // 2
    middle = (slice(top + 60, top + height - 60), slice(left + 60, left + width - 60))
    inner = (slice(60, height - 60), slice(60, width - 60))
    assert psnr(photo[inner], back[middle]) > 30


def test_perspective_undoes_a_known_keystone(photo):
    height, width = photo.shape[:2]
    corners = np.float32(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]]
    )
    seen = np.float32(
        [[40, 25], [width - 30, 5], [width - 5, height - 10], [15, height - 40]]
    )
    canvas = (width + 20, height + 20)
    keystoned = cv2.warpPerspective(
        photo, cv2.getPerspectiveTransform(corners, seen), canvas, flags=cv2.INTER_CUBIC
    )
    fixed = run(
        "perspective",
        keystoned,
        points=seen.tolist(),
        width=width,
        height=height,
    )
    assert fixed.shape == photo.shape
    inner = (slice(10, height - 10), slice(10, width - 10))
    assert psnr(photo[inner], fixed[inner]) > 30
    with pytest.raises(ValueError, match="outside"):
        run("perspective", photo, points=[[0, 0], [9999, 0], [10, 10], [0, 10]])


def test_levels_and_auto_exposure_lift_a_dark_picture(photo):
    assert np.array_equal(run("levels", photo), photo)
    brighter = run("levels", photo, gamma=1.8)
    assert brighter.mean() > photo.mean() + 20
    dark = low_light(photo)
    assert cv2.cvtColor(dark, cv2.COLOR_BGR2GRAY).mean() < 20
    lifted = run("auto_exposure", dark, target_mean=0.45)
    assert cv2.cvtColor(lifted, cv2.COLOR_BGR2GRAY).mean() / 255 == pytest.approx(
        0.45, abs=0.05
    )
    assert psnr(photo, lifted) > psnr(photo, dark) + 10


def test_clahe_raises_local_contrast(photo):
    flat = run("levels", photo, black=0, white=255, gamma=0.6)
    equalised = run("clahe", flat, clip_limit=3.0)
    lightness = cv2.cvtColor(flat, cv2.COLOR_BGR2Lab)[:, :, 0]
    after = cv2.cvtColor(equalised, cv2.COLOR_BGR2Lab)[:, :, 0]
    assert after.std() > lightness.std() * 1.1


@pytest.mark.parametrize(
    ("op", "values"),
    [("nl_means", {"strength": 10, "colour_strength": 10}), ("bilateral", {})],
)
def test_denoisers_bring_a_noisy_photo_closer_to_the_clean_one(photo, op, values):
    rng = np.random.default_rng(1)
    noisy = np.clip(photo + rng.normal(0, 10, photo.shape), 0, 255).astype(np.uint8)
    cleaned = run(op, noisy, **values)
    assert psnr(photo, cleaned) > psnr(photo, noisy) + 1


def test_deblocking_brings_a_jpeg_closer_to_the_original(photo):
    blocky = jpeg(photo, 10)
    assert psnr(photo, run("deblock", blocky, quality=10)) > psnr(photo, blocky) + 0.3


@pytest.mark.parametrize(
    ("degrade", "values"),
    [
        (gaussian_blur, {"kernel": "gaussian", "sigma": 2.0, "balance": 0.01}),
        (
            gaussian_blur,
            {"kernel": "gaussian", "sigma": 2.0, "method": "richardson_lucy"},
        ),
        (motion_blur, {"kernel": "motion", "length": 9, "balance": 0.01}),
    ],
)
def test_deconvolution_restores_modelled_blur(photo, degrade, values):
    blurred = degrade(photo)
    restored = run("deblur", blurred, **values)
    inner = (slice(20, -20), slice(20, -20))  # away from the mirrored border
    gain = psnr(photo[inner], restored[inner]) - psnr(photo[inner], blurred[inner])
    assert gain > 1.0


def test_unsharp_mask_restores_edges(photo):
    blurred = gaussian_blur(photo, 1.5)
    sharpened = run("unsharp_mask", blurred, radius=1.5, amount=1.0)

    def edges(image):
        return cv2.Laplacian(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()

    assert edges(sharpened) > edges(blurred) * 1.5
    assert psnr(photo, sharpened) > psnr(photo, blurred)


def test_upscaling_by_lanczos_beats_pixel_repetition(photo):
    small = cv2.resize(photo, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    lanczos = run("upscale", small, factor=4.0)
    bicubic = run("upscale", small, factor=4.0, method="bicubic")
    repeated = cv2.resize(small, None, fx=4, fy=4, interpolation=cv2.INTER_NEAREST)
    assert lanczos.shape[:2] == (small.shape[0] * 4, small.shape[1] * 4)
    reference = cv2.resize(photo, lanczos.shape[1::-1], interpolation=cv2.INTER_AREA)
    assert psnr(reference, lanczos) > psnr(reference, repeated) + 1
    assert psnr(reference, bicubic) > psnr(reference, repeated) + 1


def test_deinterlacing_removes_the_comb_of_a_moving_subject(photo):
    moved = np.roll(photo, 6, axis=1)
    combed = photo.copy()
    combed[1::2] = moved[1::2]  # the second field was captured later
    for method in ("linear", "duplicate"):
        fixed = run("deinterlace", combed, field="top", method=method)
        assert np.array_equal(fixed[0::2], photo[0::2])
        assert psnr(photo, fixed) > psnr(photo, combed) + 3
    blended = run("deinterlace", combed, method="blend")
    assert blended.shape == photo.shape


def test_a_chain_is_deterministic_and_leaves_its_input_alone(photo):
    chain = chain_from_toml(
        'name = "t"\n[[step]]\nop = "nl_means"\n[[step]]\nop = "deblock"\n'
        '[[step]]\nop = "deblur"\n[[step]]\nop = "upscale"\nfactor = 1.5\n'
    )
    before = photo.copy()
    first = apply_chain(photo, chain)
    second = apply_chain(photo, chain)
    assert np.array_equal(photo, before)
    assert np.array_equal(first, second)
    assert first.shape == (round(photo.shape[0] * 1.5), round(photo.shape[1] * 1.5), 3)
