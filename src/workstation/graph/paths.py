"""How entities are connected: paths, connecting networks, k-hop expansion.

Paths count hops (each edge is one step, whatever its weight): "how many
people apart are they". The functions work on any undirected graph and raise
:class:`~workstation.domain.errors.NotFoundError` with a message naming the
entities when there is no connection.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.approximation import steiner_tree

from workstation.domain.errors import NotFoundError

log = logging.getLogger(__name__)

#: At most this many paths are listed between one pair.
PATH_LIMIT = 50
CONNECT_METHODS = ("paths", "steiner")


@dataclass(frozen=True)
class Expansion:
    """The neighbourhood of some entities, grown hop by hop under a cap.

    Attributes:
        seeds: The entities expanded.
        hops: Hop distance by node (seeds are 0) for every node kept.
        added: The nodes added, in the order they were ranked and kept.
        cut: ``(node, hop, strength)`` of reachable nodes left out by the cap,
            strongest first; ``strength`` is the summed weight of its edges to
            the nodes already kept.
    """

    seeds: tuple
    hops: dict
    added: tuple
    cut: tuple[tuple[Hashable, int, float], ...]

    @property
    def nodes(self) -> list:
        """Seeds and added nodes."""
        return [*self.seeds, *self.added]


@dataclass(frozen=True)
class ConnectingNetwork:
    """The network joining a set of entities.

    Attributes:
        graph: The subgraph (nodes and edges of the original).
        terminals: The entities asked for that are in the graph.
        unreachable: Pairs of terminals with no path between them.
        method: "paths" (union of all shortest paths of every pair) or
            "steiner" (an approximate smallest tree joining them).
    """

    graph: nx.Graph
    terminals: tuple
    unreachable: tuple[tuple[Hashable, Hashable], ...]
    method: str


def _label(graph: nx.Graph, node) -> str:
    return str(graph.nodes[node].get("label", node)) if node in graph else str(node)


def _check(graph: nx.Graph, *nodes) -> None:
    for node in nodes:
        if node not in graph:
            raise NotFoundError(
                f"Entity {_label(graph, node)} has no links in the graph as "
                "filtered; widen the link types or time window."
            )


def shortest_path(graph: nx.Graph, source, target) -> list:
    """One shortest path (fewest hops) from ``source`` to ``target``.

    Raises:
        NotFoundError: An entity is not in the graph, or no path joins them.

    Example:
        >>> shortest_path(nx.path_graph(4), 0, 3)
        [0, 1, 2, 3]
    """
    _check(graph, source, target)
    try:
        return nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath as exc:
        raise _no_path(graph, source, target) from exc


def all_shortest_paths(graph: nx.Graph, source, target, *, limit: int = PATH_LIMIT):
    """Every shortest path between two entities (at most ``limit``), sorted.

    Raises:
        NotFoundError: An entity is not in the graph, or no path joins them.
    """
    _check(graph, source, target)
    try:
        found = list(
            itertools.islice(nx.all_shortest_paths(graph, source, target), limit)
        )
    except nx.NetworkXNoPath as exc:
        raise _no_path(graph, source, target) from exc
    return sorted(found, key=lambda path: [str(n) for n in path])


def short_paths(
    graph: nx.Graph, source, target, *, cutoff: int, limit: int = PATH_LIMIT
) -> list[list]:
    """Simple paths of at most ``cutoff`` hops, shortest first (at most ``limit``).

    Raises:
        NotFoundError: An entity is not in the graph, or no path of at most
            ``cutoff`` hops joins them.

    Example:
        >>> square = nx.cycle_graph(4)
        >>> short_paths(square, 0, 2, cutoff=2)
        [[0, 1, 2], [0, 3, 2]]
    """
    _check(graph, source, target)
    found = []
    try:
        for path in nx.shortest_simple_paths(graph, source, target):
            if len(path) - 1 > cutoff or len(found) >= limit:
                break
            found.append(path)
    except nx.NetworkXNoPath as exc:
        raise _no_path(graph, source, target) from exc
    if not found:
        raise NotFoundError(
            f"No path of at most {cutoff} hops joins {_label(graph, source)} and "
            f"{_label(graph, target)}; the shortest has "
            f"{nx.shortest_path_length(graph, source, target)}. Raise the cutoff."
        )
    return found


def _no_path(graph: nx.Graph, source, target) -> NotFoundError:
    return NotFoundError(
        f"No chain of links joins {_label(graph, source)} and "
        f"{_label(graph, target)}: they are in separate parts of the network "
        f"({len(nx.node_connected_component(graph, source))} and "
        f"{len(nx.node_connected_component(graph, target))} entities). "
        "Add link types or widen the time window."
    )


def path_edges(
    graph: nx.Graph, path: Sequence
) -> list[tuple[Hashable, Hashable, dict]]:
    """The edges along a path with their data (types, weight, ...)."""
    return [(a, b, graph[a][b]) for a, b in itertools.pairwise(path)]


def connecting_network(
    graph: nx.Graph, terminals: Sequence, *, method: str = "paths"
) -> ConnectingNetwork:
    """The part of the network that joins a set of entities (suspects, say).

    Args:
        graph: An undirected graph.
        terminals: Two or more nodes.
        method: "paths" unites every shortest path between every pair;
            "steiner" keeps an approximately smallest tree joining them
            (networkx's Mehlhorn approximation, hop counts as lengths) in
            each part of the network that holds two or more of them.

    Returns:
        The subgraph, with the pairs that no path joins.

    Raises:
        NotFoundError: A terminal is not in the graph.
        ValueError: Fewer than two terminals, or an unknown method.
    """
    if method not in CONNECT_METHODS:
        raise ValueError(f"unknown method {method!r}")
    terminals = tuple(dict.fromkeys(terminals))
    if len(terminals) < 2:
        raise ValueError("a connecting network needs two or more entities")
    _check(graph, *terminals)
    component = {}
    for index, part in enumerate(nx.connected_components(graph)):
        for node in part:
            component[node] = index
    unreachable = tuple(
        (a, b)
        for a, b in itertools.combinations(terminals, 2)
        if component[a] != component[b]
    )
    keep: set = set(terminals)
    edges: set = set()
    if method == "paths":
        for a, b in itertools.combinations(terminals, 2):
            if component[a] != component[b]:
                continue
            for path in itertools.islice(
                nx.all_shortest_paths(graph, a, b), PATH_LIMIT
            ):
                keep.update(path)
                edges.update(itertools.pairwise(path))
        sub = graph.edge_subgraph(edges).copy()
    else:
        sub = nx.Graph()
        groups: dict[int, list] = {}
        for node in terminals:
            groups.setdefault(component[node], []).append(node)
        for group in groups.values():
            if len(group) > 1:
                part = graph.subgraph(nx.node_connected_component(graph, group[0]))
                tree = steiner_tree(part, group, weight=None, method="mehlhorn")
                sub.add_edges_from(tree.edges())
        sub = graph.edge_subgraph(sub.edges()).copy()
    for node in keep - set(sub):
        sub.add_node(node, **graph.nodes[node])
    log.debug(
        "connecting network (%s) of %d entities: %d nodes, %d edges",
        method,
        len(terminals),
        sub.number_of_nodes(),
        sub.number_of_edges(),
    )
    return ConnectingNetwork(sub, terminals, unreachable, method)


def expand(
    graph: nx.Graph,
    seeds: Sequence,
    *,
    hops: int = 1,
    max_new: int = 50,
    weight: str = "weight",
) -> Expansion:
    """Grow the neighbourhood of some entities hop by hop, keeping the strongest.

    At each hop the neighbours not yet kept are ranked by the summed weight of
    their edges to the nodes kept so far (then by degree, then by label) and
    taken until ``max_new`` nodes have been added in all; the rest are listed
    as cut. Nodes cut at one hop are not expanded further.

    Args:
        graph: An undirected graph.
        seeds: The entities to start from.
        hops: How many steps out to go.
        max_new: At most this many nodes are added besides the seeds.
        weight: Edge attribute that ranks the candidates.

    Returns:
        The nodes kept with their hop distance, and what the cap cut.

    Raises:
        NotFoundError: A seed is not in the graph.

    Example:
        >>> g = nx.Graph()
        >>> g.add_weighted_edges_from([(0, 1, 5), (0, 2, 1), (0, 3, 3)])
        >>> result = expand(g, [0], hops=1, max_new=2)
        >>> result.added, [c[0] for c in result.cut]
        ((1, 3), [2])
    """
    seeds = tuple(dict.fromkeys(seeds))
    _check(graph, *seeds)
    distance = dict.fromkeys(seeds, 0)
    frontier = list(seeds)
    added: list = []
    cut: list = []
    dropped: set = set()
    for hop in range(1, max(hops, 0) + 1):
        strength: dict = {}
        for node in frontier:
            for other, data in graph.adj[node].items():
                if other not in distance and other not in dropped:
                    strength[other] = strength.get(other, 0.0) + float(
                        data.get(weight, 1.0)
                    )
        ranked = sorted(
            strength,
            key=lambda n: (-strength[n], -graph.degree(n), _label(graph, n)),
        )
        room = max(max_new - len(added), 0)
        frontier = ranked[:room]
        for node in frontier:
            distance[node] = hop
        added.extend(frontier)
        cut.extend((node, hop, strength[node]) for node in ranked[room:])
        dropped.update(ranked[room:])
        if not frontier:
            break
    cut.sort(key=lambda item: (-item[2], item[1], _label(graph, item[0])))
    return Expansion(seeds, distance, tuple(added), tuple(cut))


def describe_path(graph: nx.Graph, path: Sequence) -> str:
    """A path as one line: labels joined by the link types between them.

    Example:
        >>> g = nx.Graph()
        >>> g.add_node(1, label="张伟")
        >>> g.add_node(2, label="+8613800138000")
        >>> g.add_edge(1, 2, types=("uses",))
        >>> describe_path(g, [1, 2])
        '张伟 —uses— +8613800138000'
    """
    if not path:
        return ""
    parts = [_label(graph, path[0])]
    for _, b, data in path_edges(graph, path):
        types = ",".join(data.get("types", ())) or "link"
        parts.append(f"—{types}— {_label(graph, b)}")
    return " ".join(parts)
