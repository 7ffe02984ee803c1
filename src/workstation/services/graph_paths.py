"""Who connects to whom in a case: entities by key or label, paths, neighbourhoods.

Entities are named as an analyst types them: a key ("+8613800138000", "18"),
a label ("张伟"), a phone number as written ("138 0013 8000"), or ``TYPE:KEY``
("person:18") when a key is shared by two types. With phone roll-up a phone
stands for the person who uses it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.graph.filters import GraphFilter
from workstation.graph.paths import (
    ConnectingNetwork,
    Expansion,
    all_shortest_paths,
    connecting_network,
    expand,
    path_edges,
    short_paths,
)
from workstation.security.roles import Permission
from workstation.services.entities import describe, entities_named, several_named
from workstation.services.file_output import write_atomically
from workstation.services.graph import case_graph, render_case_chart
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PathResult:
    """Paths between two entities of a case graph.

    Attributes:
        graph: The case graph the paths run in.
        source: The first entity's node.
        target: The second entity's node.
        paths: Node lists, shortest first.
        shortest: Hops of the shortest path.
    """

    graph: nx.Graph
    source: int
    target: int
    paths: tuple[tuple[int, ...], ...]
    shortest: int

    def subgraph(self) -> nx.Graph:
        """The nodes and edges the paths use."""
        edges = {
            (a, b) for path in self.paths for a, b, _ in path_edges(self.graph, path)
        }
        return self.graph.edge_subgraph(edges).copy()


def resolve_entity(ws: Workspace, case_number: str, text: str, graph: nx.Graph) -> int:
    """The graph node an analyst means by ``text``.

    Args:
        ws: The open workspace.
        case_number: The case.
        text: Key, label, phone number as written, or ``TYPE:KEY``.
        graph: The case graph; with roll-up a phone resolves to its user.

    Returns:
        The node (entity id).

    Raises:
        NotFoundError: No entity of the case matches, or it has no links in
            the graph as filtered.
        WorkstationError: Several entities match; the message lists them.
    """
    case = ws.case(case_number)
    matches = entities_named(ws, case_number, text)
    rolled = graph.graph.get("rolled_up", {})
    nodes = list(dict.fromkeys(rolled.get(e.id, e.id) for e in matches))
    in_graph = [n for n in nodes if n in graph]
    if len(in_graph) > 1:
        raise several_named(text, case.number, matches)
    if not in_graph:
        raise NotFoundError(
            f"{describe(matches[0])} has no links in the graph as filtered "
            f"({graph.graph.get('filter', 'all links')}); widen the link types or "
            "the time window."
        )
    return in_graph[0]


def find_paths(
    ws: Workspace,
    case_number: str,
    source: str,
    target: str,
    *,
    cutoff: int | None = None,
    graph_filter: GraphFilter | None = None,
) -> PathResult:
    """Every shortest path between two entities, or all short ones.

    Args:
        ws: The open workspace.
        case_number: The case.
        source: The first entity, as :func:`resolve_entity` reads it.
        target: The second entity.
        cutoff: List every simple path of at most this many hops instead of
            only the shortest ones.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The paths, shortest first.

    Raises:
        NotFoundError: An entity is unknown or no path joins the two.
    """
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    first = resolve_entity(ws, case_number, source, graph)
    second = resolve_entity(ws, case_number, target, graph)
    if first == second:
        raise WorkstationError(
            f"{source!r} and {target!r} are the same entity in this graph; name two."
        )
    if cutoff is None:
        paths = all_shortest_paths(graph, first, second)
    else:
        paths = short_paths(graph, first, second, cutoff=cutoff)
    return PathResult(
        graph=graph,
        source=first,
        target=second,
        paths=tuple(tuple(p) for p in paths),
        shortest=len(paths[0]) - 1,
    )


def expand_entities(
    ws: Workspace,
    case_number: str,
    entities: Sequence[str],
    *,
    hops: int = 1,
    max_new: int = 50,
    graph_filter: GraphFilter | None = None,
) -> tuple[nx.Graph, Expansion]:
    """The neighbourhood of some entities, strongest links first, under a cap.

    Args:
        ws: The open workspace.
        case_number: The case.
        entities: The entities to expand, as :func:`resolve_entity` reads them.
        hops: How many steps out.
        max_new: At most this many entities are added.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The case graph and the expansion (kept nodes and what the cap cut).
    """
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    seeds = [resolve_entity(ws, case_number, text, graph) for text in entities]
    return graph, expand(graph, seeds, hops=hops, max_new=max_new)


def connect_entities(
    ws: Workspace,
    case_number: str,
    entities: Sequence[str],
    *,
    method: str = "paths",
    graph_filter: GraphFilter | None = None,
) -> ConnectingNetwork:
    """The network joining a set of entities (suspects, say).

    Args:
        ws: The open workspace.
        case_number: The case.
        entities: Two or more entities, as :func:`resolve_entity` reads them.
        method: "paths" (every shortest path of every pair) or "steiner" (an
            approximately smallest joining tree).
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The connecting subgraph and the pairs no path joins.

    Raises:
        WorkstationError: Fewer than two entities, or an unknown method.
    """
    if method not in ("paths", "steiner"):
        raise WorkstationError(f"Unknown method {method!r}; use paths or steiner.")
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    nodes = [resolve_entity(ws, case_number, text, graph) for text in entities]
    if len(set(nodes)) < 2:
        raise WorkstationError(
            "A connecting network needs two or more different entities."
        )
    return connecting_network(graph, nodes, method=method)


def write_subgraph_chart(
    ws: Workspace,
    case_number: str,
    graph: nx.Graph,
    png_path: str | Path,
    *,
    title: str,
    what: str,
    highlight: Sequence[tuple] = (),
    lang: str | None = None,
) -> Path:
    """Draw part of a case graph (a path, a neighbourhood) to PNG; audited.

    Args:
        ws: The open workspace.
        case_number: The case.
        graph: The part to draw (a subgraph of the case graph).
        png_path: Where to write; its folder must exist.
        title: The chart's title.
        what: What the part is, for the audit log ("path", "expansion").
        highlight: Edges drawn in red.
        lang: "zh" or "en"; the workspace's language when None.

    Returns:
        The path written.
    """
    ws.require(Permission.EXPORT)
    case = ws.case(case_number)
    png_path = Path(png_path)
    png = render_case_chart(
        graph,
        case,
        lang=lang or ws.settings.language,
        size_by="degree",
        highlight=highlight,
        title=title,
    )
    write_atomically(png_path, png)
    ws.audit(
        "chart.export",
        case.number,
        {
            "file": png_path.name,
            "part": what,
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
        },
    )
    return png_path
