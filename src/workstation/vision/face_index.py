"""1:N search over many face embeddings held in memory.

The gallery is one contiguous ``float32`` matrix, one unit-length row per face.

* Exact search (galleries up to :data:`EXACT_LIMIT` faces, or on request):
  one matrix-vector product (BLAS) and a partial sort; the result equals a
  full sort of all scores.
* Large galleries: the matrix is 2 GB per million faces and reading it all
  takes longer than a person should wait, so a copy with every value rounded
  to 8 bits (faiss's scalar quantiser, 512 MB per million faces) is scanned
  first, in shards side by side. Its :data:`SCAN` best rows are scored exactly from
  the matrix, best first in growing prefixes, until the result is proved to
  be the exact one: a value rounded to 8 bits is off by at most half a step,
  so a row's rounded score is off by at most half a step times the sum of
  the probe's absolute values. Once the ``k``-th exact score of a prefix is
  above the last rounded score of the prefix plus that bound, no row left
  out can beat it. When the proof fails (thousands of near-identical faces
  around the ``k``-th score) the whole matrix is scored. Either way every
  returned row and score is the exact search's.

>>> index = FaceIndex.build(np.array([7, 8, 9]), np.eye(3, 512, dtype=np.float32))
>>> hits = index.search(np.eye(1, 512, 1, dtype=np.float32)[0], k=2)
>>> hits.ids.tolist(), hits.scores.round(3).tolist()
([8, 7], [1.0, 0.0])
"""

from __future__ import annotations

import functools
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from workstation.vision.providers import usable_cores

log = logging.getLogger(__name__)

EMBEDDING_SIZE = 512
#: Largest gallery searched exactly by default.
EXACT_LIMIT = 250_000
#: Rows the 8-bit scan keeps for exact scoring (at least 16 per wanted row).
SCAN = 4096
#: Rows of the scan scored exactly first; the prefix grows fourfold from there.
FIRST_PREFIX = 256
#: Rows encoded to 8 bits at a time.
ENCODE_ROWS = 1 << 16
#: Rows per shard of 8-bit codes.
SHARD_ROWS = 1 << 19
_LEVELS = 255
#: Slack for the float32 rounding of a score, far above what 512 terms reach.
_FLOAT_SLACK = 1e-4
_GROWTH = 1.5


@dataclass(frozen=True)
class SearchHits:
    """The best rows of a search: positions, ids and scores, best first.

    ``exact`` says whether every row was scored in float32; otherwise the
    8-bit scan chose the rows, and the result was proved to be the same.
    """

    rows: np.ndarray
    ids: np.ndarray
    scores: np.ndarray
    exact: bool = True


def _best_of(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` highest scores, best first (ties: lower position)."""
    if k >= scores.size:
        chosen = np.arange(scores.size)
    else:
        # The partition finds the k-th best score; rows tied with it are then
        # taken in position order, so the result does not depend on how the
        # partition happened to split them.
        kth = scores[np.argpartition(-scores, k - 1)[k - 1]]
        above = np.flatnonzero(scores > kth)
        tied = np.flatnonzero(scores == kth)[: k - above.size]
        chosen = np.concatenate([above, tied])
    order = np.lexsort((chosen, -scores[chosen]))
    return chosen[order]


@functools.cache
def _faiss():
    """faiss, imported on first use (small galleries never need it)."""
    import faiss

    return faiss


class _Codes:
    """The rows rounded to 8 bits on one range ``[-reach, reach]``, in faiss.

    faiss scans the codes of one query on one thread, so they are kept in
    shards of :data:`SHARD_ROWS` rows scanned side by side, one thread per
    core (measured at a million faces on two cores: 103 ms in one index,
    46 ms in two shards).
    """

    def __init__(self, reach: float) -> None:
        self.reach = reach
        self.shards: list = []

    def _shard(self):
        faiss = _faiss()
        shard = faiss.IndexScalarQuantizer(
            EMBEDDING_SIZE,
            faiss.ScalarQuantizer.QT_8bit_uniform,
            faiss.METRIC_INNER_PRODUCT,
        )
        # Training on the two corners sets the range to exactly [-reach, reach].
        corners = np.full((2, EMBEDDING_SIZE), self.reach, dtype=np.float32)
        corners[0] = -self.reach
        shard.train(corners)
        return shard

    def __len__(self) -> int:
        return sum(int(shard.ntotal) for shard in self.shards)

    def add(self, rows: np.ndarray) -> None:
        _faiss().omp_set_num_threads(usable_cores())
        start = 0
        while start < rows.shape[0]:
            if not self.shards or self.shards[-1].ntotal >= SHARD_ROWS:
                self.shards.append(self._shard())
            shard = self.shards[-1]
            room = min(ENCODE_ROWS, SHARD_ROWS - int(shard.ntotal))
            chunk = np.ascontiguousarray(rows[start : start + room])
            shard.add(chunk)
            start += chunk.shape[0]

    def search(self, probe: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best 8-bit scores and their rows, best first."""
        starts = np.cumsum([0] + [int(s.ntotal) for s in self.shards])

        def scan(i: int):
            shard = self.shards[i]
            scores, rows = shard.search(probe[None], min(k, int(shard.ntotal)))
            return scores[0], rows[0] + starts[i]

        found = list(_scan_pool().map(scan, range(len(self.shards))))
        scores = np.concatenate([f[0] for f in found])
        rows = np.concatenate([f[1] for f in found])
        best = np.argsort(-scores, kind="stable")[:k]
        return scores[best], rows[best]

    def error_bound(self, probe: np.ndarray) -> float:
        """Most a row's 8-bit score can differ from its exact score."""
        half_step = self.reach / _LEVELS
        return half_step * float(np.abs(probe).sum()) + _FLOAT_SLACK


@functools.cache
def _scan_pool() -> ThreadPoolExecutor:
    """The threads that scan the 8-bit shards (faiss releases the GIL)."""
    return ThreadPoolExecutor(usable_cores(), thread_name_prefix="face-scan")


def _reach_of(rows: np.ndarray) -> float:
    """The largest absolute value of ``rows``, rounded up to 1/64."""
    largest = float(np.abs(rows).max()) if rows.size else 0.0
    return max(1, int(np.ceil(largest * 64))) / 64


class FaceIndex:
    """A growable matrix of unit embeddings with their face ids.

    Use :meth:`build` to create one and :meth:`append` to add rows.
    """

    def __init__(self, capacity: int = 1024) -> None:
        capacity = max(1, capacity)
        self._matrix = np.empty((capacity, EMBEDDING_SIZE), dtype=np.float32)
        self._ids = np.empty(capacity, dtype=np.int64)
        self._size = 0
        self._codes: _Codes | None = None
        self._codes_lock = threading.Lock()

    @classmethod
    def build(cls, ids: np.ndarray, embeddings: np.ndarray) -> FaceIndex:
        """An index holding ``embeddings`` (n x 512) for face ``ids``."""
        index = cls(max(1, len(ids)))
        index.append(ids, embeddings)
        return index

    def __len__(self) -> int:
        """Number of faces held."""
        return self._size

    @property
    def ids(self) -> np.ndarray:
        """Face ids in row order (a view)."""
        return self._ids[: self._size]

    @property
    def matrix(self) -> np.ndarray:
        """The embeddings in row order (a view)."""
        return self._matrix[: self._size]

    @property
    def nbytes(self) -> int:
        """Memory held: arrays with spare capacity, and the 8-bit codes once made."""
        codes = 0 if self._codes is None else len(self._codes) * EMBEDDING_SIZE
        return self._matrix.nbytes + self._ids.nbytes + codes

    def append(self, ids: np.ndarray, embeddings: np.ndarray) -> None:
        """Add rows; embeddings are stored as given (callers store unit vectors).

        The 8-bit codes of new rows are made by the next search that needs them.
        """
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        embeddings = np.asarray(embeddings, dtype=np.float32).reshape(
            -1, EMBEDDING_SIZE
        )
        if ids.shape[0] != embeddings.shape[0]:
            raise ValueError("one id per embedding row is needed")
        needed = self._size + ids.shape[0]
        if needed > self._matrix.shape[0]:
            self._grow(max(needed, int(self._matrix.shape[0] * _GROWTH)))
        self._matrix[self._size : needed] = embeddings
        self._ids[self._size : needed] = ids
        self._size = needed

    def _grow(self, capacity: int) -> None:
        size = self._size
        matrix = np.empty((capacity, EMBEDDING_SIZE), dtype=np.float32)
        matrix[:size] = self._matrix[:size]
        id_column = np.empty(capacity, dtype=np.int64)
        id_column[:size] = self._ids[:size]
        self._matrix, self._ids = matrix, id_column

    def _codes_of(self, size: int) -> _Codes:
        """The 8-bit codes of the first ``size`` rows, made or topped up now."""
        with self._codes_lock:
            codes = self._codes
            done = 0 if codes is None else len(codes)
            if done >= size:
                return codes
            new = self._matrix[done:size]
            reach = _reach_of(new)
            if codes is None or reach > codes.reach:
                # A value beyond the range would be clipped: encode every row
                # on a wider range.
                reach = max(reach, 0.0 if codes is None else codes.reach)
                codes, new = _Codes(reach), self._matrix[:size]
                log.debug("encoding %d rows to 8 bits (range +/-%.3f)", size, reach)
            codes.add(new)
            self._codes = codes
            return codes

    def _exact(self, probe: np.ndarray, k: int, skip, size: int):
        scores = self._matrix[:size] @ probe
        if skip is not None:
            scores[skip] = -np.inf
        chosen = _best_of(scores, k)
        return chosen, scores[chosen]

    def _scanned(self, probe: np.ndarray, k: int, skip, size: int):
        """The exact best rows found through the 8-bit scan, or None unproven."""
        codes = self._codes_of(size)
        scan = max(SCAN, 16 * k)
        rounded, found = codes.search(probe, scan)
        bound = codes.error_bound(probe)
        taken = min(FIRST_PREFIX, scan)
        while True:
            rows = np.sort(found[:taken])
            rows = rows[rows < size]  # rows appended since the search began
            if skip is not None:
                rows = rows[~skip[rows]]
            if rows.size >= k:
                scores = np.take(self._matrix, rows, axis=0) @ probe
                # Rows are in row order, so ties still go to the earlier row.
                best = _best_of(scores, k)
                if scores[best[-1]] > rounded[taken - 1] + bound:
                    return rows[best], scores[best]
            if taken == scan:
                log.debug("8-bit scan not conclusive for top %d: exact search", k)
                return None
            taken = min(scan, taken * 4)

    def search(
        self,
        probe: np.ndarray,
        k: int,
        *,
        exclude: np.ndarray | None = None,
        exact: bool | None = None,
    ) -> SearchHits:
        """The ``k`` rows most similar to ``probe`` (cosine of unit vectors).

        Args:
            probe: A 512-d unit embedding.
            k: How many rows to return (fewer when the index is smaller).
            exclude: Optional boolean mask over rows never to return.
            exact: Score every row; by default only galleries up to
                :data:`EXACT_LIMIT` faces are, larger ones go through the
                8-bit scan (same result, proved).

        Returns:
            The best rows, best first; ties go to the earlier row.
        """
        probe = np.asarray(probe, dtype=np.float32).reshape(EMBEDDING_SIZE)
        size = self._size
        if size == 0 or k < 1:
            empty = np.empty(0, dtype=np.int64)
            return SearchHits(empty, empty, np.empty(0, dtype=np.float32))
        skip = None if exclude is None else np.asarray(exclude, dtype=bool)
        if exact is None:
            exact = size <= EXACT_LIMIT
        scanned = None
        if not exact and max(SCAN, 16 * k) < size:
            scanned = self._scanned(probe, k, skip, size)
        if scanned is None:
            rows, scores = self._exact(probe, k, skip, size)
            exact = True
        else:
            rows, scores = scanned
            exact = False
        keep = np.isfinite(scores)
        rows, scores = rows[keep], scores[keep]
        return SearchHits(rows, self._ids[rows], scores.astype(np.float32), exact)
