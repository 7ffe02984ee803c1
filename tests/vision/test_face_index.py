"""The in-memory gallery search equals a full sort of all scores."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.vision import face_index
from workstation.vision.face_index import FaceIndex


def _unit_rows(rng, n: int) -> np.ndarray:
    rows = rng.standard_normal((n, 512)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 1,000 rows, so a 10,000-row index is scanned in ten."""
    monkeypatch.setattr(face_index, "CHUNK_ROWS", 1000)


def test_search_returns_the_exact_top_k():
    rng = np.random.default_rng(7)
    rows = _unit_rows(rng, 10_000)
    ids = np.arange(10_000, dtype=np.int64) * 3 + 5
    index = FaceIndex.build(ids, rows)
    for _ in range(5):
        probe = _unit_rows(rng, 1)[0]
        scores = rows @ probe
        expected = np.argsort(-scores, kind="stable")[:20]

        hits = index.search(probe, 20)

        assert hits.rows.tolist() == expected.tolist()
        assert hits.ids.tolist() == ids[expected].tolist()
        assert np.allclose(hits.scores, scores[expected], atol=1e-6)


def test_excluded_rows_are_never_returned_and_ties_go_to_the_earlier_row(small_chunks):
    rows = np.zeros((3000, 512), dtype=np.float32)
    rows[:, 0] = 1.0
    index = FaceIndex.build(np.arange(3000), rows)
    exclude = np.zeros(3000, dtype=bool)
    exclude[[0, 2]] = True

    hits = index.search(rows[0], 3, exclude=exclude)

    assert hits.rows.tolist() == [1, 3, 4]
    assert index.search(rows[0], 5000).rows.size == 3000


def test_appending_grows_the_index_and_keeps_earlier_rows():
    rng = np.random.default_rng(1)
    first, second = _unit_rows(rng, 5), _unit_rows(rng, 2000)
    index = FaceIndex(capacity=2)
    index.append(np.arange(5), first)
    index.append(np.arange(5, 2005), second)

    assert len(index) == 2005
    assert np.array_equal(index.matrix[:5], first)
    assert index.search(second[123], 1).ids.tolist() == [128]
    assert index.nbytes >= 2005 * 512 * 4
    empty = FaceIndex()
    assert empty.search(first[0], 3).rows.size == 0


def test_large_galleries_score_a_sign_bit_shortlist_exactly(small_chunks, monkeypatch):
    monkeypatch.setattr(face_index, "EXACT_LIMIT", 5000)
    monkeypatch.setattr(face_index, "SHORTLIST", 1000)  # 5 % of 20,000 rows
    rng = np.random.default_rng(5)
    rows = _unit_rows(rng, 20_000)
    index = FaceIndex.build(np.arange(20_000), rows)
    found, recall = 0, []
    for row in range(0, 20_000, 1000):
        # The face seen again: cosine 0.45 with the stored one.
        noise = _unit_rows(rng, 1)[0]
        probe = 0.45 * rows[row] + np.sqrt(1 - 0.45**2) * noise
        probe = (probe / np.linalg.norm(probe)).astype(np.float32)

        hits = index.search(probe, 20)
        exact = index.search(probe, 20, exact=True)

        assert not hits.exact and exact.exact
        assert np.allclose(hits.scores, rows[hits.rows] @ probe, atol=1e-6)
        found += hits.rows[0] == row == exact.rows[0]
        recall.append(len(set(hits.rows.tolist()) & set(exact.rows.tolist())) / 20)
    assert found == 20
    assert 0.5 < np.mean(recall) < 1.0  # random rows: the rest of the top 20 is noise
    excluded = np.zeros(20_000, dtype=bool)
    excluded[0] = True
    assert 0 not in index.search(rows[0], 5, exclude=excluded).rows.tolist()


def test_bit_counts_without_numpy_2_give_the_same_counts(monkeypatch):
    words = np.random.default_rng(2).integers(0, 2**63, size=(50, 8), dtype=np.uint64)
    expected = np.array([[bin(int(w)).count("1") for w in row] for row in words])
    assert np.array_equal(face_index._bit_counts(words), expected)
    monkeypatch.delattr(np, "bitwise_count")
    assert np.array_equal(face_index._bit_counts(words), expected)
