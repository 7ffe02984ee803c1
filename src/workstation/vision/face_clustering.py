"""Grouping unknown faces that probably show the same person.

Two methods, both over cosine similarity of unit embeddings:

* ``average`` (agglomerative, average linkage): two groups merge while the
  mean similarity between their members is at least the threshold. It does
  not chain different people together through one ambiguous face, but needs
  the n x n similarity matrix, so it is used up to :data:`AVERAGE_LIMIT`
  faces;
* ``connected`` (connected components): faces are joined whenever one pair
  scores at least the threshold. Linear in memory (the matrix is computed in
  blocks), used for larger sets.

Clusters are numbered by size (largest first), ties by their smallest member.

>>> e = np.eye(4, 512, dtype=np.float32)
>>> e[1] = (e[0] + 0.2 * e[3]) / np.linalg.norm(e[0] + 0.2 * e[3])
>>> cluster_faces(e, threshold=0.5).tolist()
[0, 0, 1, 2]
"""

from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

AVERAGE_LIMIT = 5000
_BLOCK = 4096


def _average_linkage(embeddings: np.ndarray, threshold: float) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage

    similarity = np.clip(embeddings @ embeddings.T, -1.0, 1.0)
    distance = 1.0 - similarity
    upper = distance[np.triu_indices(len(embeddings), k=1)]
    tree = linkage(np.maximum(upper, 0.0), method="average")
    return fcluster(tree, t=1.0 - threshold, criterion="distance")


def _connected(embeddings: np.ndarray, threshold: float) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(embeddings)
    rows, cols = [], []
    for start in range(0, n, _BLOCK):
        block = embeddings[start : start + _BLOCK] @ embeddings.T
        r, c = np.nonzero(block >= threshold)
        rows.append(r + start)
        cols.append(c)
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(r.size, dtype=np.int8), (r, c)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def cluster_faces(
    embeddings: np.ndarray, *, threshold: float, method: str = "auto"
) -> np.ndarray:
    """Cluster number of each face (0 = largest cluster).

    Args:
        embeddings: (n, 512) unit embeddings.
        threshold: Cosine similarity at which faces count as the same person.
        method: ``average``, ``connected`` or ``auto`` (average up to
            :data:`AVERAGE_LIMIT` faces, connected beyond).

    Returns:
        (n,) cluster numbers.
    """
    embeddings = np.asarray(embeddings, dtype=np.float32)
    n = embeddings.shape[0]
    if n == 0:
        return np.empty(0, dtype=np.int64)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    if method == "auto":
        method = "average" if n <= AVERAGE_LIMIT else "connected"
    if method == "average":
        raw = _average_linkage(embeddings, threshold)
    elif method == "connected":
        raw = _connected(embeddings, threshold)
    else:
        raise ValueError(f"unknown clustering method {method!r}")
    _, first, inverse, counts = np.unique(
        raw, return_index=True, return_inverse=True, return_counts=True
    )
    order = np.lexsort((first, -counts))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    log.debug("%d faces in %d clusters (%s, %.2f)", n, order.size, method, threshold)
    return rank[inverse].astype(np.int64)
