"""Placing a link graph's nodes: each component alone, then packed side by side.

Components up to :data:`KAMADA_KAWAI_LIMIT` nodes use Kamada-Kawai (networkx),
which keeps path lengths readable; larger ones use igraph's Fruchterman-Reingold
with its grid approximation, which lays out a few thousand nodes in well under a
second where networkx's spring layout takes minutes. Both are seeded, so the
same graph always gets the same picture.
"""

from __future__ import annotations

import logging
import math

import networkx as nx

from workstation.graph.igraph_bridge import seeded_rng, to_igraph

log = logging.getLogger(__name__)

#: Components up to this size are laid out with Kamada-Kawai (clearer, but its
#: cost grows with the square of the size); larger ones with igraph's
#: Fruchterman-Reingold.
KAMADA_KAWAI_LIMIT = 300
#: Iterations of Fruchterman-Reingold on a large component.
_FR_ITERATIONS = 500


def layout_link_graph(
    graph: nx.Graph, *, seed: int = 7, fixed: dict | None = None
) -> dict:
    """Lay out each connected component alone, then pack them side by side.

    Laid out together, small components drift far from the main one and squeeze
    it into a corner; apart, every component gets room in proportion to its size
    (a component of n nodes is about sqrt(n) units across). The largest sits on
    the left, the rest fill columns to its right.

    Args:
        graph: Any undirected graph.
        seed: Seed of the force-directed layout.
        fixed: ``(x, y)`` of nodes whose place is already chosen (a saved chart
            view); they keep it, and only the other nodes are laid out, beside
            them.

    Returns:
        ``(x, y)`` by node, in layout units.

    Example:
        >>> g = nx.Graph([(1, 2), (2, 3), (4, 5)])
        >>> positions = layout_link_graph(g)
        >>> sorted(positions) == [1, 2, 3, 4, 5]
        True
        >>> bool(positions[4][0] > max(positions[n][0] for n in (1, 2, 3)))
        True
    """
    fixed = {
        n: (float(p[0]), float(p[1])) for n, p in (fixed or {}).items() if n in graph
    }
    free = graph.subgraph([n for n in graph if n not in fixed])
    placed = _pack(free, seed)
    if fixed and placed:
        # put the new nodes to the right of the saved ones
        shift = (
            max(p[0] for p in fixed.values()) + 1.0 - min(p[0] for p in placed.values())
        )
        top = max(p[1] for p in fixed.values()) - max(p[1] for p in placed.values())
        placed = {n: (x + shift, y + top) for n, (x, y) in placed.items()}
    placed.update(fixed)
    return placed


def _pack(graph: nx.Graph, seed: int) -> dict:
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(part, key=str) for part in nx.connected_components(graph)),
        key=lambda part: (-len(part), str(part[0])),
    )
    placed: dict = {}
    main_side = math.sqrt(len(components[0]))
    gap = 0.6
    column_x, column_width, y = main_side + 2 * gap, 0.0, main_side
    for index, part in enumerate(components):
        side = max(math.sqrt(len(part)), 0.5)
        local = component_layout(graph.subgraph(part), seed)
        if index == 0:
            origin = (0.0, 0.0)
        else:
            if y - side < 0 and column_width > 0:
                column_x += column_width + gap
                column_width, y = 0.0, main_side
            origin = (column_x, y - side)
            y -= side + gap
            column_width = max(column_width, side)
        for node, (x, yy) in local.items():
            placed[node] = (origin[0] + x * side, origin[1] + yy * side)
    return placed


def component_layout(graph: nx.Graph, seed: int = 7) -> dict:
    """Positions of one connected component, scaled into the unit square."""
    nodes = sorted(graph, key=str)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    if len(nodes) <= KAMADA_KAWAI_LIMIT:
        raw = nx.kamada_kawai_layout(graph, weight=None)
    else:
        copy, order = to_igraph(graph.subgraph(nodes))
        # igraph draws the starting places from the seeded generator
        with seeded_rng(seed):
            coords = copy.layout_fruchterman_reingold(
                niter=_FR_ITERATIONS, grid="auto"
            ).coords
        raw = dict(zip(order, coords, strict=True))
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    left, bottom = min(xs), min(ys)
    span = max(max(xs) - left, max(ys) - bottom) or 1.0
    return {n: ((p[0] - left) / span, (p[1] - bottom) / span) for n, p in raw.items()}
