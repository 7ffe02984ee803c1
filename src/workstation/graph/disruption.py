"""What arresting the key players would do: removing nodes and watching the network.

The measure of damage is the size of the largest connected component left, as
a share of the largest component before any removal (the measure used by
Cavallaro et al., PLOS ONE 2020, for the Montagna networks). Nodes are removed
by betweenness or degree, either in blocks ranked once per block ("block") or
one at a time with the ranking recomputed after each removal ("sequential").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import networkx as nx

from workstation.domain.progress import CancelToken, check_cancel
from workstation.graph.measures import betweenness

log = logging.getLogger(__name__)

STRATEGIES = ("block", "sequential")
RANKINGS = ("betweenness", "degree")


@dataclass(frozen=True)
class DisruptionStep:
    """The network after ``removed`` nodes are gone.

    Attributes:
        removed: How many nodes have been removed so far.
        nodes: The nodes removed in this step.
        largest: Nodes in the largest component left.
        fraction: ``largest`` over the largest component before any removal.
    """

    removed: int
    nodes: tuple
    largest: int
    fraction: float


def disruption_curve(
    graph: nx.Graph,
    *,
    removals: int,
    strategy: str = "block",
    block_size: int = 5,
    ranking: str = "betweenness",
    cancel: CancelToken | None = None,
) -> list[DisruptionStep]:
    """Remove the most central nodes and record the largest component left.

    Args:
        graph: An undirected graph (not changed).
        removals: How many nodes to remove in all.
        strategy: "block" removes ``block_size`` nodes per step, ranked on the
            graph as it is before the step; "sequential" removes one node per
            step and ranks again after each.
        block_size: Nodes per block.
        ranking: "betweenness" (exact, unweighted) or "degree".
        cancel: Checked before each step.

    Returns:
        One entry per step, starting with the untouched graph (removed 0).

    Raises:
        ValueError: Unknown strategy or ranking.

    Example:
        >>> star = nx.star_graph(4)
        >>> [s.fraction for s in disruption_curve(star, removals=1, block_size=1)]
        [1.0, 0.2]
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}")
    if ranking not in RANKINGS:
        raise ValueError(f"unknown ranking {ranking!r}")
    remaining = nx.Graph(graph)
    before = _largest(remaining)
    steps = [DisruptionStep(0, (), before, 1.0 if before else 0.0)]
    per_step = 1 if strategy == "sequential" else max(block_size, 1)
    removed = 0
    while removed < removals and remaining.number_of_nodes():
        check_cancel(cancel)
        count = min(per_step, removals - removed)
        scores = _scores(remaining, ranking)
        # highest score first; ties keep the graph's node order
        order = sorted(remaining, key=lambda n: -scores[n])
        chosen = tuple(order[:count])
        remaining.remove_nodes_from(chosen)
        removed += len(chosen)
        largest = _largest(remaining)
        steps.append(
            DisruptionStep(
                removed, chosen, largest, largest / before if before else 0.0
            )
        )
    log.debug("disruption by %s (%s): %s", ranking, strategy, steps[-1])
    return steps


def _scores(graph: nx.Graph, ranking: str) -> dict:
    if ranking == "degree":
        return dict(graph.degree())
    return betweenness(graph, exact_limit=graph.number_of_nodes()).scores


def _largest(graph: nx.Graph) -> int:
    return max((len(part) for part in nx.connected_components(graph)), default=0)
