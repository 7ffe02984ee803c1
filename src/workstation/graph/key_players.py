"""Who holds the network together: degree, weighted degree and betweenness."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import networkx as nx

from workstation.domain.records import KeyPlayer
from workstation.graph.measures import (
    BETWEENNESS_SAMPLE,
    BETWEENNESS_SEED,
    EXACT_BETWEENNESS_LIMIT,
)
from workstation.graph.measures import betweenness as betweenness_of

log = logging.getLogger(__name__)

__all__ = [
    "BETWEENNESS_SAMPLE",
    "BETWEENNESS_SEED",
    "EXACT_BETWEENNESS_LIMIT",
    "KeyPlayerRanking",
    "rank_key_players",
]


@dataclass(frozen=True)
class KeyPlayerRanking:
    """Key players and how their betweenness was computed.

    ``sample_size`` and ``seed`` are None when betweenness is exact; otherwise
    it was estimated from ``sample_size`` source nodes drawn with ``seed``.
    """

    players: tuple[KeyPlayer, ...]
    nodes: int
    sample_size: int | None = None
    seed: int | None = None

    @property
    def exact(self) -> bool:
        """True when betweenness was computed over all node pairs."""
        return self.sample_size is None


def rank_key_players(
    graph: nx.Graph,
    *,
    top: int | None = None,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    sample_size: int = BETWEENNESS_SAMPLE,
    seed: int = BETWEENNESS_SEED,
) -> KeyPlayerRanking:
    """Rank the nodes of a link graph by normalised betweenness, then degree.

    Degree is the number of distinct neighbours (link counts and weights play no
    part); weighted degree is the sum of the weights of a node's edges;
    betweenness is normalised and ignores weights. Remaining ties are broken by
    weighted degree and then by label, so the order is stable.

    Args:
        graph: A graph from :func:`~workstation.graph.link_graph.build_link_graph`.
        top: Keep only the first ``top`` players; all when None.
        exact_limit: Graphs with more nodes get sampled betweenness.
        sample_size: Source nodes sampled above ``exact_limit``.
        seed: Seed of that sample.

    Returns:
        The ranking, saying whether betweenness was exact or sampled.

    Example:
        >>> g = nx.Graph()
        >>> g.add_nodes_from((n, {"label": str(n)}) for n in (1, 2, 3))
        >>> g.add_edge(1, 2, weight=2.0)
        >>> g.add_edge(2, 3, weight=1.0)
        >>> ranking = rank_key_players(g)
        >>> [
        ...     (p.label, p.degree, p.weighted_degree, p.betweenness)
        ...     for p in ranking.players
        ... ]
        [('2', 2, 3.0, 1.0), ('1', 1, 2.0, 0.0), ('3', 1, 1.0, 0.0)]
    """
    nodes = graph.number_of_nodes()
    result = betweenness_of(
        graph, exact_limit=exact_limit, sample_size=sample_size, seed=seed
    )
    betweenness = result.scores
    sampled = (result.sample_size, result.seed)

    players = []
    for node, data in graph.nodes(data=True):
        neighbours = set(graph.adj[node]) - {node}
        weighted = sum(graph[node][other].get("weight", 1.0) for other in neighbours)
        players.append(
            KeyPlayer(
                entity_id=data.get("entity_id", node),
                label=str(data.get("label", node)),
                type=str(data.get("type", "")),
                degree=len(neighbours),
                weighted_degree=float(weighted),
                betweenness=float(betweenness.get(node, 0.0)),
            )
        )
    players.sort(key=lambda p: (-p.betweenness, -p.degree, -p.weighted_degree, p.label))
    if top is not None:
        players = players[: max(top, 0)]
    return KeyPlayerRanking(
        players=tuple(players), nodes=nodes, sample_size=sampled[0], seed=sampled[1]
    )
