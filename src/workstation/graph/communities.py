"""Communities of a link graph by Louvain modularity, the same every time.

Graphs up to :data:`NETWORKX_LOUVAIN_LIMIT` edges go through
``networkx.community.louvain_communities`` with a fixed seed. Larger graphs go
through igraph's multilevel method — the same Louvain algorithm in C, about
ten times faster — with igraph's generator seeded, so those repeat too. The
result names the engine. Communities are numbered from 1 by size, largest
first.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from workstation.graph.igraph_bridge import seeded_rng, to_igraph

log = logging.getLogger(__name__)

#: Seed of the Louvain runs, so a case always splits the same way.
LOUVAIN_SEED = 7
#: Graphs with more edges use igraph's multilevel Louvain.
NETWORKX_LOUVAIN_LIMIT = 20_000


@dataclass(frozen=True)
class Communities:
    """A partition of the graph's nodes.

    Attributes:
        membership: Community number (from 1, largest first) by node.
        sizes: Node count of community 1, 2, ...
        modularity: Newman modularity of the partition with the same weights.
        method: "networkx-louvain" or "igraph-multilevel".
        seed: The seed used.
        resolution: The Louvain resolution (above 1: more, smaller communities).
    """

    membership: dict[Hashable, int]
    sizes: tuple[int, ...]
    modularity: float
    method: str
    seed: int
    resolution: float

    def members(self, number: int) -> list[Hashable]:
        """The nodes of community ``number``."""
        return [node for node, c in self.membership.items() if c == number]


def detect_communities(
    graph: nx.Graph,
    *,
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed: int = LOUVAIN_SEED,
    engine: str = "auto",
) -> Communities:
    """Split a graph into communities with the Louvain method.

    Args:
        graph: An undirected graph.
        weight: Edge attribute used as the weight; unweighted when None.
        resolution: Louvain resolution, 1.0 for classic modularity.
        seed: Seed of the random node order.
        engine: "networkx", "igraph", or "auto" (by graph size).

    Returns:
        The communities, numbered by size.

    Example:
        >>> two_triangles = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4)])
        >>> detect_communities(two_triangles).sizes
        (3, 3)
    """
    if engine == "auto":
        engine = (
            "networkx"
            if graph.number_of_edges() <= NETWORKX_LOUVAIN_LIMIT
            else "igraph"
        )
    copy, order = to_igraph(graph, weight)
    weights = "weight" if weight is not None else None
    if engine == "networkx":
        parts = nx.community.louvain_communities(
            graph, weight=weight, resolution=resolution, seed=seed
        )
        method = "networkx-louvain"
    elif engine == "igraph":
        with seeded_rng(seed):
            clustering = copy.community_multilevel(
                weights=weights, resolution=resolution
            )
        parts = [[order[i] for i in part] for part in clustering]
        method = "igraph-multilevel"
    else:
        raise ValueError(f"unknown engine {engine!r}")

    ranked = sorted(
        (sorted(part, key=str) for part in parts),
        key=lambda part: (-len(part), str(part[0]) if part else ""),
    )
    membership = {
        node: number for number, part in enumerate(ranked, 1) for node in part
    }
    index = {node: i for i, node in enumerate(order)}
    vector = [0] * len(order)
    for node, number in membership.items():
        vector[index[node]] = number - 1
    modularity = (
        copy.modularity(vector, weights=weights, resolution=resolution)
        if copy.ecount()
        else 0.0
    )
    if math.isnan(modularity):
        modularity = 0.0
    log.debug("%s: %d communities, modularity %.3f", method, len(ranked), modularity)
    return Communities(
        membership=membership,
        sizes=tuple(len(part) for part in ranked),
        modularity=float(modularity),
        method=method,
        seed=seed,
        resolution=resolution,
    )
