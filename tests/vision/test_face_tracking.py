"""Following faces across frames by overlap and embedding similarity."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.vision.face_tracking import FaceTracker, mean_template


def _unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(512)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _near(vector: np.ndarray, seed: int, noise: float = 0.5) -> np.ndarray:
    moved = vector + noise * _unit(seed)
    return moved / np.linalg.norm(moved)


def test_two_people_crossing_keep_their_tracks():
    ann, bob = _unit(1), _unit(2)
    tracker = FaceTracker()
    for step in range(6):
        # They walk towards each other; their boxes meet and pass.
        x_ann, x_bob = 100 + 40 * step, 400 - 40 * step
        faces = [
            ((x_bob, 100, x_bob + 60, 160), _near(bob, 10 + step), 0.5),
            ((x_ann, 100, x_ann + 60, 160), _near(ann, 20 + step), 0.6 + step / 100),
        ]
        numbers = tracker.update(step * 5, step * 0.2, faces)
        assert numbers == [0, 1]
    tracks = tracker.finish()

    assert [t.n_faces for t in tracks] == [6, 6]
    assert float(tracks[0].template() @ bob) > 0.8
    assert float(tracks[1].template() @ ann) > 0.8
    assert [f.frame for f in tracks[1].best_faces()] == [25, 20, 15]
    assert tracks[1].quality == pytest.approx(0.65)


def test_a_track_ends_after_a_gap_and_a_stranger_never_joins():
    ann, bob = _unit(1), _unit(2)
    tracker = FaceTracker(max_gap_s=1.0)
    tracker.update(0, 0.0, [((0, 0, 50, 50), ann, 0.5)])
    # Same place, different person: overlap alone does not link them.
    assert tracker.update(5, 0.2, [((0, 0, 50, 50), bob, 0.5)]) == [1]
    # Ann again after 2 s: her track has ended, a new one starts.
    assert tracker.update(55, 2.2, [((0, 0, 50, 50), ann, 0.5)]) == [2]
    # Ann far away but similar enough: she joins her open track.
    assert tracker.update(
        60, 2.4, [((500, 500, 550, 550), _near(ann, 3, 0.3), 0.5)]
    ) == [2]
    assert [t.n_faces for t in tracker.finish()] == [1, 1, 2]


def test_template_is_the_renormalised_mean_of_normalised_embeddings():
    a, b = _unit(5), 3.0 * _unit(6)
    template = mean_template([a, b])
    expected = a + b / 3.0
    assert np.allclose(template, expected / np.linalg.norm(expected), atol=1e-6)
    assert template.dtype == np.float32
