"""Each preset raises the match of real faces degraded the way it is made for.

Eleven real faces (five people and more from shared_data/faces) are cut to a
100 px face width, degraded, and compared with their clean face by cosine
similarity of the default pack's embeddings, before and after the preset.
"""

from __future__ import annotations

import numpy as np
import pytest
from enhance_data import downscale, gaussian_blur, jpeg, low_light, motion_blur

from workstation.services.enhance import load_chain
from workstation.vision.enhance import apply_chain, chain_from_toml
from workstation.vision.face_engine import largest_face

pytestmark = pytest.mark.slow


def mean_match(face_engine, faces, degrade, chain=None) -> float:
    """Mean cosine similarity of degraded (and enhanced) faces to the clean ones."""
    scores = []
    for clean, embedding in faces:
        image = degrade(clean)
        if chain is not None:
            image = apply_chain(image, chain)
        found = largest_face(face_engine.detect(image))
        scores.append(0.0 if found is None else float(found.embedding @ embedding))
    return float(np.mean(scores))


@pytest.mark.parametrize(
    ("preset", "degrade", "before_range", "gain"),
    [
        # blur sigma 2 gives about 0.88-0.89 (shared_data README: 0.88)
        ("out_of_focus", gaussian_blur, (0.86, 0.92), 0.03),
        ("motion_blur", motion_blur, (0.78, 0.85), 0.06),
        # 12 % brightness with noise sigma 3, like the dark Hamilton clip
        ("night_cctv", low_light, (0.76, 0.84), 0.03),
        # JPEG quality 10 (README: 0.73 at the photos' own size)
        ("compressed_video", jpeg, (0.76, 0.84), 0.01),
        # a 24 px wide face (README: 16/32 px give 0.59/0.91)
        ("small_face", downscale, (0.80, 0.87), 0.015),
    ],
)
def test_preset_raises_the_match_for_its_degradation(
    face_engine, clean_faces, preset, degrade, before_range, gain
):
    before = mean_match(face_engine, clean_faces, degrade)
    after = mean_match(face_engine, clean_faces, degrade, load_chain(preset))
    print(f"{preset}: mean match {before:.3f} -> {after:.3f}")
    assert before_range[0] < before < before_range[1]
    assert after > before + gain


def test_clahe_and_heavy_denoising_lower_the_night_match(face_engine, clean_faces):
    """Why night_cctv has neither: after exposure, they make faces less alike."""
    exposure = 'name = "night"\n[[step]]\nop = "auto_exposure"\n'
    exposed = mean_match(face_engine, clean_faces, low_light, chain_from_toml(exposure))
    for step in (
        'op = "clahe"\nclip_limit = 2.0',
        'op = "nl_means"\nstrength = 12\ncolour_strength = 12',
    ):
        more = chain_from_toml(f"{exposure}[[step]]\n{step}\n")
        assert mean_match(face_engine, clean_faces, low_light, more) < exposed - 0.02
