"""Handing a networkx graph to igraph, whose C core does the heavy measures.

networkx stays the graph the rest of the workstation sees; measures that visit
every shortest path (betweenness, closeness) or move every node many times
(force-directed layout, Louvain on large graphs) run on an igraph copy.
igraph draws random numbers from one process-wide generator; :func:`seeded_rng`
swaps in a seeded one under a lock, so results repeat even with several worker
threads.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

import igraph as ig
import networkx as nx

log = logging.getLogger(__name__)

_RNG_LOCK = threading.Lock()


def to_igraph(
    graph: nx.Graph, weight: str | None = None
) -> tuple[ig.Graph, list[Hashable]]:
    """Copy an undirected networkx graph into igraph.

    Args:
        graph: Any undirected graph; node attributes are not copied.
        weight: Copy this edge attribute as the igraph edge attribute
            ``weight`` (1.0 where an edge lacks it); no weights when None.

    Returns:
        The igraph graph and the networkx nodes in igraph vertex order.

    Example:
        >>> g, nodes = to_igraph(nx.Graph([("a", "b"), ("b", "c")]))
        >>> g.vcount(), g.ecount(), nodes
        (3, 2, ['a', 'b', 'c'])
    """
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    copy = ig.Graph(
        n=len(nodes),
        edges=[(index[u], index[v]) for u, v in graph.edges()],
        directed=False,
    )
    if weight is not None:
        copy.es["weight"] = [
            float(data.get(weight, 1.0)) for _, _, data in graph.edges(data=True)
        ]
    return copy, nodes


@contextmanager
def seeded_rng(seed: int) -> Iterator[None]:
    """Run a block with igraph drawing from ``random.Random(seed)``.

    The process-wide generator is restored afterwards; the lock keeps two
    threads from interleaving their draws.
    """
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)
