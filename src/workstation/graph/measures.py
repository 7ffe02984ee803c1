"""Centrality measures of a link graph: betweenness, closeness, eigenvector, k-core.

Every measure agrees with networkx's definition of the same name (normalised
betweenness without endpoints, Wasserman-Faust closeness, unit-length
eigenvector, core number); betweenness and closeness are computed by igraph,
which is tens of times faster on large graphs. Above
:data:`EXACT_BETWEENNESS_LIMIT` nodes betweenness is estimated from a seeded
sample of source nodes, scaled the way networkx scales its own estimate, and
the result says so.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Collection, Hashable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse
import scipy.sparse.csgraph
import scipy.sparse.linalg

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.graph.igraph_bridge import to_igraph

log = logging.getLogger(__name__)

#: Above this many nodes betweenness is estimated from a sample of sources.
EXACT_BETWEENNESS_LIMIT = 3000
#: Number of sampled source nodes when betweenness is estimated.
BETWEENNESS_SAMPLE = 500
#: Seed of the sample, so the same graph always gives the same ranking.
BETWEENNESS_SEED = 20240601
#: Components up to this size get their eigenvector from a dense solver.
_DENSE_EIGEN_LIMIT = 400
#: Source nodes per igraph call, so long work can report progress and stop.
_SOURCE_BATCHES = 10


@dataclass(frozen=True)
class Betweenness:
    """Normalised betweenness by node and how it was computed.

    ``sample_size`` and ``seed`` are None when it is exact.
    """

    scores: dict
    sample_size: int | None = None
    seed: int | None = None

    @property
    def exact(self) -> bool:
        """True when betweenness was computed over all node pairs."""
        return self.sample_size is None


@dataclass(frozen=True)
class Eigenvector:
    """Eigenvector centrality by node.

    A graph in pieces has no single leading eigenvector: the scores are those
    of the component with the largest leading eigenvalue (what networkx's
    power iteration converges to) and 0 elsewhere. ``component_size`` is that
    component's node count; ``method`` is "sparse", "dense", "power" (scipy's
    solver failed and networkx's power iteration was used) or "none" (no edges
    or no convergence: all scores 0).
    """

    scores: dict
    component_size: int
    method: str


def betweenness(
    graph: nx.Graph,
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    sample_size: int = BETWEENNESS_SAMPLE,
    seed: int = BETWEENNESS_SEED,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Betweenness:
    """Normalised shortest-path betweenness, ignoring edge weights.

    The value equals ``networkx.betweenness_centrality(graph)``; above
    ``exact_limit`` nodes it equals ``networkx.betweenness_centrality(graph,
    k=sample_size, seed=seed)`` (the same sources are drawn the same way).

    Args:
        graph: An undirected graph.
        exact_limit: Graphs with more nodes get the sampled estimate.
        sample_size: Source nodes sampled above ``exact_limit``.
        seed: Seed of that sample.
        progress: Called as sources are processed.
        cancel: Checked between batches of sources.

    Returns:
        Scores by node, with the sample used (if any).

    Example:
        >>> result = betweenness(nx.path_graph(3))
        >>> result.scores, result.exact
        ({0: 0.0, 1: 1.0, 2: 0.0}, True)
    """
    nodes = list(graph)
    n = len(nodes)
    sampled = n > exact_limit and sample_size < n
    if n <= 2 or graph.number_of_edges() == 0:
        return Betweenness(
            dict.fromkeys(nodes, 0.0), *((sample_size, seed) if sampled else ())
        )
    copy, order = to_igraph(graph)
    if sampled:
        sources = random.Random(seed).sample(nodes, sample_size)
        log.info(
            "estimating betweenness of %d nodes from %d sampled sources (seed %d)",
            n,
            sample_size,
            seed,
        )
    else:
        sources = nodes
    index = {node: i for i, node in enumerate(order)}
    source_ids = [index[s] for s in sources]
    raw = np.zeros(n)
    step = max(1, math.ceil(len(source_ids) / _SOURCE_BATCHES))
    for start in range(0, len(source_ids), step):
        check_cancel(cancel)
        batch = source_ids[start : start + step]
        raw += np.asarray(copy.betweenness(directed=False, sources=batch))
        if progress:
            progress(start + len(batch), len(source_ids), "betweenness")
    # igraph counts each unordered pair once; networkx sums ordered pairs
    raw *= 2.0
    if not sampled:
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
        return Betweenness(dict(zip(order, (raw * scale).tolist(), strict=True)))
    # networkx's estimate: a sampled source cannot be its own midpoint
    k = len(sources)
    scale = np.full(n, 1.0 / (k * (n - 2)))
    if k > 1:
        scale[source_ids] = 1.0 / ((k - 1) * (n - 2))
    else:
        scale[source_ids] = math.nan
    return Betweenness(dict(zip(order, (raw * scale).tolist(), strict=True)), k, seed)


def closeness(graph: nx.Graph, nodes: Collection[Hashable] | None = None) -> dict:
    """Closeness centrality, as ``networkx.closeness_centrality`` defines it.

    In a graph in pieces a node's closeness is scaled by the share of the graph
    it can reach (Wasserman and Faust), so a hub of a small component does not
    outrank the centre of the main one.

    Args:
        graph: An undirected graph; hops count, weights do not.
        nodes: Only these nodes (one breadth-first search each); all when None.

    Returns:
        Closeness by node, 0.0 for an isolated node.

    Example:
        >>> closeness(nx.path_graph(3))
        {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
    """
    n = graph.number_of_nodes()
    if n <= 1:
        return dict.fromkeys(graph, 0.0)
    copy, order = to_igraph(graph)
    index = {node: i for i, node in enumerate(order)}
    wanted = list(graph) if nodes is None else list(nodes)
    ids = [index[node] for node in wanted]
    values = copy.closeness(vertices=ids, normalized=True)
    membership = copy.connected_components().membership
    sizes = np.bincount(membership)
    result = {}
    for node, i, value in zip(wanted, ids, values, strict=True):
        reach = sizes[membership[i]] - 1
        ok = value is not None and not math.isnan(value) and reach > 0
        result[node] = float(value * reach / (n - 1)) if ok else 0.0
    return result


def eigenvector(graph: nx.Graph, weight: str | None = None) -> Eigenvector:
    """Eigenvector centrality, robust to graphs in pieces and to non-convergence.

    Each connected component's leading eigenpair is found with scipy (dense
    for small components, ARPACK for large ones); the component with the
    largest eigenvalue gets the unit-length, positive eigenvector, every other
    node 0 — what networkx's power iteration converges to, without its risk of
    not converging.

    Args:
        graph: An undirected graph.
        weight: Edge attribute used as the weight; unweighted when None.

    Returns:
        Scores by node and how they were found.
    """
    scores = dict.fromkeys(graph, 0.0)
    if graph.number_of_edges() == 0:
        return Eigenvector(scores, 0, "none")
    nodes = list(graph)
    matrix = _adjacency(graph, nodes, weight)
    _, labels = scipy.sparse.csgraph.connected_components(matrix, directed=False)
    sizes = np.bincount(labels)
    # the leading eigenvalue of a component is at most its largest degree
    bounds = np.zeros(len(sizes))
    np.maximum.at(bounds, labels, np.asarray(matrix.sum(axis=1)).ravel())
    best: tuple[float, np.ndarray, np.ndarray, str] | None = None
    for part in np.argsort(-sizes, kind="stable"):
        if sizes[part] < 2:
            break
        if best is not None and bounds[part] <= best[0] + 1e-12:
            continue
        members = np.flatnonzero(labels == part)
        found = _leading_eigenpair(graph, matrix, nodes, members, weight)
        if found is not None and (best is None or found[0] > best[0] + 1e-9):
            best = (found[0], members, found[1], found[2])
    if best is None:
        log.warning("eigenvector centrality did not converge; all scores are 0")
        return Eigenvector(scores, 0, "none")
    _, members, vector, method = best
    vector = np.abs(vector)
    vector /= np.linalg.norm(vector)
    scores.update(zip((nodes[i] for i in members), vector.tolist(), strict=True))
    return Eigenvector(scores, len(members), method)


def _adjacency(graph: nx.Graph, nodes: list, weight: str | None):
    """The symmetric adjacency matrix (CSR) in the order of ``nodes``."""
    index = {node: i for i, node in enumerate(nodes)}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for u, v, data in graph.edges(data=True):
        value = float(data.get(weight, 1.0)) if weight else 1.0
        i, j = index[u], index[v]
        rows.append(i)
        columns.append(j)
        values.append(value)
        if i != j:
            rows.append(j)
            columns.append(i)
            values.append(value)
    size = len(nodes)
    return scipy.sparse.csr_array((values, (rows, columns)), shape=(size, size))


def _leading_eigenpair(
    graph: nx.Graph, matrix, nodes: list, members: np.ndarray, weight: str | None
) -> tuple[float, np.ndarray, str] | None:
    sub = matrix[members][:, members]
    if len(members) <= _DENSE_EIGEN_LIMIT:
        values, vectors = np.linalg.eigh(sub.toarray())
        return float(values[-1]), vectors[:, -1], "dense"
    try:
        values, vectors = scipy.sparse.linalg.eigsh(
            sub, k=1, which="LA", maxiter=len(members) * 20, tol=1e-10
        )
        return float(values[0]), vectors[:, 0], "sparse"
    except scipy.sparse.linalg.ArpackNoConvergence:
        log.info(
            "ARPACK did not converge on %d nodes; trying power iteration", len(members)
        )
    part = [nodes[i] for i in members]
    try:
        found = nx.eigenvector_centrality(
            graph.subgraph(part), max_iter=1000, weight=weight
        )
    except nx.PowerIterationFailedConvergence:
        return None
    vector = np.array([found[n] for n in part])
    value = float(vector @ (sub @ vector) / (vector @ vector))
    return value, vector, "power"


def core_numbers(graph: nx.Graph) -> dict:
    """The k-core number of each node (the largest k whose k-core holds it).

    Example:
        >>> core_numbers(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))
        {1: 2, 2: 2, 3: 2, 4: 1}
    """
    if nx.number_of_selfloops(graph):
        graph = nx.Graph(graph)
        graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    return nx.core_number(graph)


def weighted_degrees(graph: nx.Graph, weight: str = "weight") -> dict:
    """The sum of the weights of each node's edges (calls or minutes)."""
    return {node: float(value) for node, value in graph.degree(weight=weight)}


#: Measures that give every node a number (node size on a chart, say).
SCORE_MEASURES = (
    "degree",
    "weighted",
    "betweenness",
    "closeness",
    "eigenvector",
    "kcore",
)


def scores_for(graph: nx.Graph, measure: str) -> dict:
    """One measure of every node, by name (one of :data:`SCORE_MEASURES`).

    Raises:
        ValueError: Unknown measure.

    Example:
        >>> scores_for(nx.path_graph(3), "degree")
        {0: 1.0, 1: 2.0, 2: 1.0}
    """
    if measure == "degree":
        return {node: float(len(set(graph.adj[node]) - {node})) for node in graph}
    if measure == "weighted":
        return weighted_degrees(graph)
    if measure == "betweenness":
        return betweenness(graph).scores
    if measure == "closeness":
        return closeness(graph)
    if measure == "eigenvector":
        return eigenvector(graph).scores
    if measure == "kcore":
        return {node: float(core) for node, core in core_numbers(graph).items()}
    raise ValueError(f"unknown measure {measure!r}")
