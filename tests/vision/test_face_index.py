"""The in-memory gallery search equals a full sort of all scores."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.vision import face_index
from workstation.vision.face_index import FaceIndex


def _unit_rows(rng, n: int) -> np.ndarray:
    rows = rng.standard_normal((n, 512)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _seen_again(rng, row: np.ndarray, cosine: float = 0.45) -> np.ndarray:
    """A probe of the face of ``row`` in another photo: cosine about 0.45."""
    probe = cosine * row + np.sqrt(1 - cosine**2) * _unit_rows(rng, 1)[0]
    return (probe / np.linalg.norm(probe)).astype(np.float32)


@pytest.fixture
def scanned(monkeypatch):
    """Galleries above 5,000 faces go through an 8-bit scan of 512 rows, kept
    in shards of 6,000 rows."""
    monkeypatch.setattr(face_index, "EXACT_LIMIT", 5000)
    monkeypatch.setattr(face_index, "SCAN", 512)
    monkeypatch.setattr(face_index, "FIRST_PREFIX", 32)
    monkeypatch.setattr(face_index, "ENCODE_ROWS", 4096)
    monkeypatch.setattr(face_index, "SHARD_ROWS", 6000)


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


def test_excluded_rows_are_never_returned_and_ties_go_to_the_earlier_row():
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


def test_large_galleries_return_the_exact_top_k_through_the_8_bit_scan(scanned):
    rng = np.random.default_rng(5)
    rows = _unit_rows(rng, 20_000)
    index = FaceIndex.build(np.arange(20_000) + 100, rows)
    for row in range(0, 20_000, 2000):
        for probe, k in ((_seen_again(rng, rows[row]), 20), (_unit_rows(rng, 1)[0], 8)):
            scores = rows @ probe
            expected = np.argsort(-scores, kind="stable")[:k]

            hits = index.search(probe, k)

            assert not hits.exact
            assert hits.rows.tolist() == expected.tolist()
            assert hits.ids.tolist() == (expected + 100).tolist()
            assert np.allclose(hits.scores, scores[expected], atol=1e-6)
    assert index.nbytes >= 20_000 * 512 * 5  # the matrix and its 8-bit codes
    shards = [int(s.ntotal) for s in index._codes.shards]
    assert shards == [6000, 6000, 6000, 2000]


def test_excluded_rows_are_left_out_of_the_8_bit_scan_too(scanned):
    rng = np.random.default_rng(6)
    rows = _unit_rows(rng, 12_000)
    index = FaceIndex.build(np.arange(12_000), rows)
    probe = _seen_again(rng, rows[77], cosine=0.8)
    exclude = np.zeros(12_000, dtype=bool)
    exclude[[77, 5, 11_999]] = True

    hits = index.search(probe, 10, exclude=exclude)
    exact = index.search(probe, 10, exclude=exclude, exact=True)

    assert not hits.exact and exact.exact
    assert hits.rows.tolist() == exact.rows.tolist()
    assert 77 not in hits.rows.tolist()


def test_thousands_of_near_identical_faces_fall_back_to_the_exact_search(scanned):
    rng = np.random.default_rng(8)
    rows = _unit_rows(rng, 12_000)
    # One face seen 3,000 times (a long video track): scores within 0.001.
    copies = rows[0] + 1e-3 * rng.standard_normal((3000, 512)).astype(np.float32)
    rows[:3000] = copies / np.linalg.norm(copies, axis=1, keepdims=True)
    index = FaceIndex.build(np.arange(12_000), rows)
    probe = _seen_again(rng, rows[0], cosine=0.6)

    hits = index.search(probe, 20)

    scores = rows @ probe
    assert hits.exact  # the scan could not prove its shortlist
    assert hits.rows.tolist() == np.argsort(-scores, kind="stable")[:20].tolist()


def test_faces_added_after_a_search_are_encoded_and_found(scanned):
    rng = np.random.default_rng(9)
    index = FaceIndex.build(np.arange(8000), _unit_rows(rng, 8000))
    index.search(_unit_rows(rng, 1)[0], 5)  # encodes the first 8,000 rows
    added = _unit_rows(rng, 1000)
    # A row with one large value, beyond the range the first rows were encoded
    # on: every row is encoded again on a wider one.
    added[500] = 0.0
    added[500, 3] = 1.0
    index.append(np.arange(8000, 9000), added)
    reach = index._codes.reach

    for row in (123, 500):
        hits = index.search(_seen_again(rng, added[row], cosine=0.7), 5)
        exact = index.search(_seen_again(rng, added[row], cosine=0.7), 5, exact=True)
        assert not hits.exact and hits.ids[0] == 8000 + row == exact.ids[0]
    assert reach < 0.5 and index._codes.reach == 1.0
    probe = _unit_rows(rng, 1)[0]
    assert index.search(probe, 20).rows.tolist() == (
        index.search(probe, 20, exact=True).rows.tolist()
    )


def test_an_8_bit_score_is_within_the_proved_bound_of_the_exact_score():
    rng = np.random.default_rng(10)
    rows = _unit_rows(rng, 3000)
    codes = face_index._Codes(face_index._reach_of(rows))
    codes.add(rows)
    for _ in range(5):
        probe = _unit_rows(rng, 1)[0]
        rounded, found = codes.search(probe, 3000)

        error = np.abs(rounded - rows[found] @ probe)

        assert 0 < error.max() <= codes.error_bound(probe)
