"""Clustering unit embeddings by cosine similarity."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.vision.face_clustering import cluster_faces


def _people(
    rng, people: int, each: int, spread: float
) -> tuple[np.ndarray, np.ndarray]:
    centres = rng.standard_normal((people, 512))
    rows = np.repeat(centres, each, axis=0) + spread * rng.standard_normal(
        (people * each, 512)
    )
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows.astype(np.float32), np.repeat(np.arange(people), each)


@pytest.mark.parametrize("method", ["average", "connected"])
def test_faces_of_each_person_form_one_cluster(method):
    rng = np.random.default_rng(3)
    rows, truth = _people(rng, 6, 5, spread=0.8)  # same person ~0.6, others ~0
    labels = cluster_faces(rows, threshold=0.35, method=method)

    for person in range(6):
        assert len(set(labels[truth == person])) == 1
    assert len(set(labels)) == 6


def test_clusters_are_numbered_by_size_and_edge_cases():
    rng = np.random.default_rng(4)
    rows, _ = _people(rng, 3, 1, spread=0.0)
    many = np.vstack([rows[2:3]] * 3 + [rows[0:1]])
    assert cluster_faces(many, threshold=0.5).tolist() == [0, 0, 0, 1]
    assert cluster_faces(rows[:0], threshold=0.5).size == 0
    assert cluster_faces(rows[:1], threshold=0.5).tolist() == [0]
    with pytest.raises(ValueError, match="unknown clustering method"):
        cluster_faces(rows, threshold=0.5, method="kmeans")
