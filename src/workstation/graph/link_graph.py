"""The undirected analysis graph of a case: entities as nodes, summed links as edges.

Nodes are entity ids carrying ``entity_id``, ``type``, ``label`` and ``key``;
an edge joins two entities that share at least one link and carries ``weight``
(the sum of the links' weights, whichever direction each link ran), ``links``
(how many link rows were merged) and ``types`` (the sorted link types).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import networkx as nx

from workstation.domain.records import Entity

log = logging.getLogger(__name__)

#: ``(first_id, second_id, weight, links, types)``, as the store returns pairs.
LinkPair = tuple[int, int, float, int, Sequence[str]]
#: ``(first, second, count, links, seconds, types, first_time, last_time)``.
DetailRow = tuple[
    int, int, float, int, float, Sequence[str], datetime | None, datetime | None
]


@dataclass(frozen=True)
class GraphSummary:
    """Size and shape of a link graph, as printed in charts and briefs."""

    nodes: int
    edges: int
    components: int
    largest_component: int
    total_weight: float
    links: int


def build_link_graph(entities: Iterable[Entity], pairs: Iterable[LinkPair]) -> nx.Graph:
    """Build the undirected, weighted analysis graph.

    A pair that appears more than once (for example once in each direction) is
    merged into one edge whose ``weight`` and ``links`` are summed. A link from
    an entity to itself says nothing about who knows whom; it is left out and
    counted in ``graph.graph["self_links"]``.

    Args:
        entities: The nodes; every id used by ``pairs`` must be among them.
        pairs: ``(first_id, second_id, weight, links, types)`` tuples.

    Returns:
        The graph, keyed by entity id.

    Raises:
        ValueError: A pair names an entity that is not in ``entities``.

    Example:
        >>> a = Entity(1, 1, "person", "18", "18")
        >>> b = Entity(2, 1, "person", "19", "19")
        >>> pairs = [(1, 2, 5.0, 1, ["call"]), (2, 1, 6.0, 1, ["call"])]
        >>> g = build_link_graph([a, b], pairs)
        >>> g.number_of_edges(), g[1][2]["weight"], g[1][2]["links"]
        (1, 11.0, 2)
    """
    graph = nx.Graph(self_links=0)
    for entity in entities:
        graph.add_node(
            entity.id,
            entity_id=entity.id,
            type=entity.type,
            label=entity.label,
            key=entity.key,
        )

    for first, second, weight, links, types in pairs:
        for node in (first, second):
            if node not in graph:
                raise ValueError(f"link pair names entity {node}, not among the nodes")
        if first == second:
            graph.graph["self_links"] += links
            continue
        if graph.has_edge(first, second):
            data = graph[first][second]
            data["weight"] += float(weight)
            data["links"] += int(links)
            data["types"] = tuple(sorted(set(data["types"]) | set(types)))
        else:
            graph.add_edge(
                first,
                second,
                weight=float(weight),
                links=int(links),
                types=tuple(sorted(set(types))),
            )

    if graph.graph["self_links"]:
        log.info(
            "left out %d links from an entity to itself", graph.graph["self_links"]
        )
    return graph


def build_case_graph(
    entities: Iterable[Entity],
    rows: Iterable[DetailRow],
    *,
    weight: str = "count",
) -> nx.Graph:
    """Build the analysis graph from pair rows carrying counts, durations and times.

    Like :func:`build_link_graph`, with richer edges: ``count`` (summed link
    weights: calls, meetings), ``minutes`` (summed durations), ``links`` (link
    rows), ``types``, ``first`` and ``last`` (the earliest and latest link time,
    None when untimed) and ``weight``, which is ``count`` or ``minutes``.

    Args:
        entities: The nodes; every id used by ``rows`` must be among them.
        rows: ``(first, second, count, links, seconds, types, first, last)``.
        weight: "count" or "duration", which of the two becomes ``weight``.

    Returns:
        The graph keyed by entity id; self-links are counted in
        ``graph.graph["self_links"]``, not drawn.

    Raises:
        ValueError: A row names an entity that is not in ``entities``.

    Example:
        >>> a = Entity(1, 1, "phone", "+861", "+861")
        >>> b = Entity(2, 1, "phone", "+862", "+862")
        >>> g = build_case_graph([a, b], [(1, 2, 3.0, 3, 150.0, ("call",), None, None)])
        >>> g[1][2]["weight"], g[1][2]["minutes"]
        (3.0, 2.5)
    """
    graph = nx.Graph(self_links=0, weight_by=weight)
    for entity in entities:
        graph.add_node(
            entity.id,
            entity_id=entity.id,
            type=entity.type,
            label=entity.label,
            key=entity.key,
        )
    for first, second, count, links, seconds, types, earliest, latest in rows:
        for node in (first, second):
            if node not in graph:
                raise ValueError(f"link pair names entity {node}, not among the nodes")
        if first == second:
            graph.graph["self_links"] += links
            continue
        minutes = float(seconds) / 60.0
        graph.add_edge(
            first,
            second,
            weight=minutes if weight == "duration" else float(count),
            count=float(count),
            minutes=minutes,
            links=int(links),
            types=tuple(types),
            first=earliest,
            last=latest,
        )
    return graph


def summarize_graph(graph: nx.Graph) -> GraphSummary:
    """Count nodes, edges, connected components and the summed weight.

    Example:
        >>> g = nx.Graph()
        >>> g.add_edge(1, 2, weight=3.0, links=2)
        >>> g.add_node(3)
        >>> s = summarize_graph(g)
        >>> s.nodes, s.edges, s.components, s.largest_component, s.total_weight
        (3, 1, 2, 2, 3.0)
    """
    sizes = [len(part) for part in nx.connected_components(graph)]
    return GraphSummary(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        components=len(sizes),
        largest_component=max(sizes, default=0),
        total_weight=float(graph.size(weight="weight")),
        links=int(sum(d.get("links", 1) for _, _, d in graph.edges(data=True))),
    )
