"""The key-player table: every measure of every node, ranked by the one asked for.

One row per entity with degree, weighted degree, betweenness, closeness,
eigenvector, k-core number and community. The table says how the expensive
measures were obtained: betweenness exact or sampled (with the sample size and
seed), closeness for every node or only for the listed rows of a large graph,
which component eigenvector centrality scores, and the Louvain engine and seed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import networkx as nx

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.graph.communities import LOUVAIN_SEED, Communities, detect_communities
from workstation.graph.measures import (
    BETWEENNESS_SAMPLE,
    BETWEENNESS_SEED,
    EXACT_BETWEENNESS_LIMIT,
    betweenness,
    closeness,
    core_numbers,
    eigenvector,
    weighted_degrees,
)

log = logging.getLogger(__name__)

#: What a table can be ranked by (``community`` ranks by community, then degree).
MEASURES = (
    "degree",
    "weighted",
    "betweenness",
    "closeness",
    "eigenvector",
    "kcore",
    "community",
)
#: Up to this many nodes closeness is computed for all; above, for listed rows.
CLOSENESS_ALL_LIMIT = 5000


@dataclass(frozen=True)
class PlayerMeasures:
    """All measures of one entity. ``closeness`` is None where not computed."""

    entity_id: int
    label: str
    type: str
    key: str
    degree: int
    weighted_degree: float
    betweenness: float
    closeness: float | None
    eigenvector: float
    kcore: int
    community: int


@dataclass(frozen=True)
class MeasureTable:
    """Ranked players and how each measure was computed.

    Attributes:
        players: The rows, ranked by ``sort_by`` (the first ``top`` only).
        nodes: Nodes in the graph.
        edges: Edges in the graph.
        sort_by: The measure the rows are ranked by.
        weight: "count" or "duration": what ``weighted_degree`` sums.
        betweenness_sample: Sampled sources, None when betweenness is exact.
        betweenness_seed: Seed of that sample, None when exact.
        closeness_all: False when closeness was computed for the listed rows only.
        eigenvector_component: Nodes of the component eigenvector centrality scores.
        eigenvector_method: How it was found (see :class:`Eigenvector`).
        communities: The Louvain partition.
    """

    players: tuple[PlayerMeasures, ...]
    nodes: int
    edges: int
    sort_by: str
    weight: str
    betweenness_sample: int | None
    betweenness_seed: int | None
    closeness_all: bool
    eigenvector_component: int
    eigenvector_method: str
    communities: Communities

    @property
    def betweenness_exact(self) -> bool:
        """True when betweenness was computed over all node pairs."""
        return self.betweenness_sample is None

    def notes(self) -> list[str]:
        """How the measures were computed, one plain-English line each."""
        lines = [
            "betweenness: exact"
            if self.betweenness_exact
            else f"betweenness: estimated from {self.betweenness_sample} sampled "
            f"source nodes (seed {self.betweenness_seed})",
            "closeness: all nodes"
            if self.closeness_all
            else "closeness: listed rows only (large graph)",
            f"eigenvector: component of {self.eigenvector_component} nodes "
            f"of {self.nodes} ({self.eigenvector_method})",
            f"communities: {len(self.communities.sizes)} by "
            f"{self.communities.method} (seed {self.communities.seed}), "
            f"modularity {self.communities.modularity:.3f}",
        ]
        return lines


def measure_table(
    graph: nx.Graph,
    *,
    sort_by: str = "betweenness",
    top: int | None = 10,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    sample_size: int = BETWEENNESS_SAMPLE,
    seed: int = BETWEENNESS_SEED,
    community_seed: int = LOUVAIN_SEED,
    closeness_all_limit: int = CLOSENESS_ALL_LIMIT,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> MeasureTable:
    """Compute every measure and rank the nodes.

    Ties are broken by betweenness, degree, weighted degree and label, so the
    order is stable. Closeness is computed for every node up to
    ``closeness_all_limit`` nodes (or when ranking by it); above, only for the
    rows returned.

    Args:
        graph: A case graph (edge ``weight`` is counts or minutes).
        sort_by: One of :data:`MEASURES`.
        top: Keep the first ``top`` rows; all when None.
        exact_limit: Betweenness is sampled above this many nodes.
        sample_size: Sampled source nodes.
        seed: Seed of the betweenness sample.
        community_seed: Seed of the Louvain run.
        closeness_all_limit: See above.
        progress: Called after each measure.
        cancel: Checked between measures.

    Returns:
        The ranked table.

    Raises:
        ValueError: ``sort_by`` is not one of :data:`MEASURES`.
    """
    if sort_by not in MEASURES:
        raise ValueError(f"unknown measure {sort_by!r}")
    steps = 6

    def step(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress:
            progress(done, steps, message)

    step(0, "betweenness")
    between = betweenness(
        graph,
        exact_limit=exact_limit,
        sample_size=sample_size,
        seed=seed,
        cancel=cancel,
    )
    step(1, "eigenvector")
    eigen = eigenvector(graph)
    step(2, "k-core")
    cores = core_numbers(graph)
    step(3, "communities")
    parts = detect_communities(graph, seed=community_seed)
    step(4, "closeness")
    closeness_all = (
        graph.number_of_nodes() <= closeness_all_limit or sort_by == "closeness"
    )
    close = closeness(graph) if closeness_all else {}
    weighted = weighted_degrees(graph)

    rows = [
        PlayerMeasures(
            entity_id=data.get("entity_id", node),
            label=str(data.get("label", node)),
            type=str(data.get("type", "")),
            key=str(data.get("key", node)),
            degree=len(set(graph.adj[node]) - {node}),
            weighted_degree=weighted[node],
            betweenness=float(between.scores.get(node, 0.0)),
            closeness=close.get(node) if closeness_all else None,
            eigenvector=float(eigen.scores.get(node, 0.0)),
            kcore=int(cores.get(node, 0)),
            community=parts.membership.get(node, 0),
        )
        for node, data in graph.nodes(data=True)
    ]
    rows.sort(key=_rank_key(sort_by))
    if top is not None:
        rows = rows[: max(top, 0)]
    if not closeness_all and rows:
        # case graphs are keyed by entity id, which every row carries
        listed = closeness(graph, [row.entity_id for row in rows])
        rows = [replace(row, closeness=listed[row.entity_id]) for row in rows]
    step(5, "done")
    return MeasureTable(
        players=tuple(rows),
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        sort_by=sort_by,
        weight=str(graph.graph.get("weight_by", "count")),
        betweenness_sample=between.sample_size,
        betweenness_seed=between.seed,
        closeness_all=closeness_all,
        eigenvector_component=eigen.component_size,
        eigenvector_method=eigen.method,
        communities=parts,
    )


def _rank_key(sort_by: str):
    def key(p: PlayerMeasures):
        tail = (-p.betweenness, -p.degree, -p.weighted_degree, p.label)
        if sort_by == "community":
            return (p.community, -p.degree, *tail)
        value = {
            "degree": p.degree,
            "weighted": p.weighted_degree,
            "betweenness": p.betweenness,
            "closeness": p.closeness or 0.0,
            "eigenvector": p.eigenvector,
            "kcore": p.kcore,
        }[sort_by]
        return (-value, *tail)

    return key
