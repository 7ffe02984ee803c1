"""Drawing a link graph to a PNG link chart, with Chinese labels in a CJK font.

The chart is drawn on a bare matplotlib ``Figure`` with the Agg canvas, never
through pyplot, so it can run in a worker thread and on a machine without a
display. Text uses the shipped CJK TrueType font, registered with matplotlib's
font manager; characters the font lacks fall back to DejaVu Sans.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from workstation.graph.chart_fonts import (
    figure_png,
    missing_glyphs,
    register_chart_font,
)
from workstation.graph.layout import KAMADA_KAWAI_LIMIT, layout_link_graph

log = logging.getLogger(__name__)

__all__ = [
    "KAMADA_KAWAI_LIMIT",
    "figure_png",
    "layout_link_graph",
    "missing_glyphs",
    "register_chart_font",
    "render_link_chart",
]

_FALLBACK_FAMILY = "DejaVu Sans"
#: Smallest width and height of the drawing, in layout units (a component of n
#: nodes is sqrt(n) wide), so two linked nodes are not stretched across the page.
_MIN_SPAN = 5.0

_TYPE_COLOURS = {
    "person": "#d1495b",
    "phone": "#00798c",
    "vehicle": "#edae49",
    "account": "#66a182",
    "location": "#8d6cab",
    "device": "#2e4057",
    "organisation": "#e07a5f",
}
_OTHER_COLOUR = "#8a8a8a"
#: Communities beyond this many share the grey of "other communities".
_COMMUNITY_COLOURS = 12
_HIGHLIGHT_COLOUR = "#c1121f"
#: Distinct colours for communities 1 to 12 (no grey: grey is "other").
_COMMUNITY_PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#17becf",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
)

#: Up to this many edges (nodes) are drawn at full width (size).
_CROWD_EDGES = 400
_CROWD_NODES = 300


def community_colour(number: int) -> str:
    """The colour of community ``number`` (1 = largest); grey past the palette.

    Example:
        >>> community_colour(1), community_colour(13)
        ('#1f77b4', '#8a8a8a')
    """
    if 0 < number <= _COMMUNITY_COLOURS:
        return _COMMUNITY_PALETTE[number - 1]
    return _OTHER_COLOUR


_TEXT = {
    "zh": {
        "types": {
            "person": "人员",
            "phone": "电话",
            "vehicle": "车辆",
            "account": "账户",
            "location": "地点",
            "device": "设备",
            "organisation": "组织",
        },
        "legend": "实体类型",
        "note": "节点大小：{size}；连线粗细：联系权重之和；"
        "共 {nodes} 个节点、{edges} 条连线",
        "betweenness": "中介中心性",
        "degree": "度数",
        "empty": "本案尚无关联记录",
        "community_legend": "社区（Louvain）",
        "community": "社区 {number}（{size}）",
        "other_communities": "其他社区",
    },
    "en": {
        "types": {},
        "legend": "Entity type",
        "note": "Node size: {size}; line width: summed link weight; "
        "nodes: {nodes}, edges: {edges}",
        "betweenness": "betweenness",
        "degree": "degree",
        "empty": "No links recorded in this case",
        "community_legend": "Community (Louvain)",
        "community": "Community {number} ({size})",
        "other_communities": "Other communities",
    },
}


def render_link_chart(
    graph: nx.Graph,
    *,
    title: str,
    font_path: str | Path,
    betweenness: Mapping | None = None,
    top_labels: int = 25,
    lang: str = "zh",
    seed: int = 7,
    size_inches: tuple[float, float] = (11.0, 8.5),
    dpi: int = 150,
    scores: Mapping | None = None,
    size_label: str | None = None,
    communities: Mapping | None = None,
    positions: Mapping | None = None,
    annotations: Sequence[Mapping] = (),
    highlight: Collection[tuple] = (),
    note: str | None = None,
) -> bytes:
    """Draw a link graph and return the PNG bytes.

    Node size follows ``scores`` (or ``betweenness``) or, without them, degree;
    node colour follows the node's ``type``, or its community when
    ``communities`` is given; line width follows the edge's ``weight``. The
    ``top_labels`` highest-scoring nodes are labelled, every node when the
    graph has no more than that; a label that would cover another is left out.

    Args:
        graph: A graph from :func:`~workstation.graph.link_graph.build_link_graph`.
        title: Printed above the chart.
        font_path: The CJK TrueType font for all text.
        betweenness: Betweenness by node, for node size; degree when None.
        top_labels: How many nodes get a label.
        lang: "zh" or "en", for the legend and the note under the chart.
        seed: Seed of the spring layout, so a graph always looks the same.
        size_inches: Figure width and height.
        dpi: Resolution of the PNG.
        scores: Any measure by node, for node size (wins over ``betweenness``).
        size_label: What ``scores`` measure, for the note under the chart.
        communities: Community number by node (1 = largest); colours by it.
        positions: ``(x, y)`` by node that the nodes keep (a saved view); the
            other nodes are laid out beside them.
        annotations: Notes: dicts with ``text`` and either ``node`` (the note
            sits by that node) or ``x`` and ``y`` (layout units).
        highlight: Edges ``(a, b)`` drawn in red on top (a path).
        note: A further line under the chart (the filter, say).

    Returns:
        The chart as PNG bytes.
    """
    text = _TEXT.get(lang, _TEXT["en"])
    family = [register_chart_font(font_path), _FALLBACK_FAMILY]
    labels = {
        node: str(data.get("label", node)) for node, data in graph.nodes(data=True)
    }
    missing = missing_glyphs(title + "".join(labels.values()), font_path)
    if missing:
        log.warning(
            "chart font lacks glyphs for %r; they use %s", missing, _FALLBACK_FAMILY
        )

    figure = Figure(figsize=size_inches, dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.01, 0.06, 0.98, 0.86))
    axes.set_axis_off()
    figure.suptitle(title, fontfamily=family, fontsize=15, y=0.975, wrap=True)

    if graph.number_of_nodes() == 0:
        axes.text(
            0.5,
            0.5,
            text["empty"],
            ha="center",
            va="center",
            fontfamily=family,
            fontsize=14,
            color="#555555",
        )
        return figure_png(figure, dpi)

    if scores is not None:
        size_by = size_label or ""
        scores = dict(scores)
    elif betweenness is None:
        size_by = text["degree"]
        scores = {node: float(graph.degree(node)) for node in graph}
    else:
        size_by = text["betweenness"]
        scores = dict(betweenness)
    positions = layout_link_graph(graph, seed=seed, fixed=dict(positions or {}))
    _draw_edges(axes, graph, positions, highlight)
    sizes = _node_sizes(graph, scores)
    if communities is None:
        _draw_nodes(axes, graph, positions, sizes, text, family)
    else:
        _draw_communities(axes, graph, positions, sizes, communities, text, family)

    _set_limits(axes, positions)
    ranked = sorted(
        graph, key=lambda n: (-scores.get(n, 0.0), -graph.degree(n), labels[n])
    )
    _draw_annotations(axes, annotations, positions, family)
    _draw_labels(axes, ranked[: max(top_labels, 0)], positions, sizes, labels, family)
    footer = text["note"].format(
        size=size_by, nodes=graph.number_of_nodes(), edges=graph.number_of_edges()
    )
    figure.text(
        0.5,
        0.02,
        f"{footer}\n{note}" if note else footer,
        ha="center",
        fontfamily=family,
        fontsize=9,
        color="#444444",
    )
    return figure_png(figure, dpi)


def _draw_labels(axes, nodes, positions, sizes, labels, family) -> None:
    """Label nodes in rank order, each where it overlaps no earlier label.

    A label goes above its marker, else below, right or left of it; a label
    that fits nowhere is left out, so a dense core stays readable and the most
    central nodes keep their labels.
    """
    renderer = axes.figure.canvas.get_renderer()
    placed = []
    for node in nodes:
        radius = math.sqrt(sizes[node]) / 2 + 1.5  # marker radius in points
        for offset, ha, va in (
            ((0, radius), "center", "bottom"),
            ((0, -radius), "center", "top"),
            ((radius, 0), "left", "center"),
            ((-radius, 0), "right", "center"),
        ):
            label = axes.annotate(
                labels[node],
                positions[node],
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontfamily=family,
                fontsize=8,
                zorder=4,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "fc": "white",
                    "ec": "none",
                    "alpha": 0.75,
                },
            )
            extent = label.get_window_extent(renderer)
            if not any(extent.overlaps(other) for other in placed):
                placed.append(extent)
                break
            label.remove()


def _set_limits(axes, positions: dict) -> None:
    """Frame the drawing with a margin, one layout unit as long across as up.

    A tiny graph is not blown up to fill the picture: the frame is at least
    ``_MIN_SPAN`` units each way.
    """
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    box = axes.get_window_extent()
    box_ratio = box.width / box.height
    width = max(max(xs) - min(xs), _MIN_SPAN) * 1.12
    height = max(max(ys) - min(ys), _MIN_SPAN) * 1.12
    # widen or heighten the frame to the axes' own shape, so circles stay round
    width, height = max(width, height * box_ratio), max(height, width / box_ratio)
    middle_x, middle_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    axes.set_xlim(middle_x - width / 2, middle_x + width / 2)
    axes.set_ylim(middle_y - height / 2, middle_y + height / 2)


def _draw_edges(axes, graph: nx.Graph, positions: dict, highlight=()) -> None:
    if graph.number_of_edges() == 0:
        return
    if highlight:
        axes.add_collection(
            LineCollection(
                [(positions[a], positions[b]) for a, b in highlight],
                linewidths=5.0,
                colors=_HIGHLIGHT_COLOUR,
                alpha=0.8,
                zorder=2,
            )
        )
    heaviest = max(d.get("weight", 1.0) for _, _, d in graph.edges(data=True)) or 1.0
    # many edges are drawn thinner and fainter, so the nodes stay visible
    crowd = min(1.0, math.sqrt(_CROWD_EDGES / graph.number_of_edges()))
    segments, widths = [], []
    for first, second, data in graph.edges(data=True):
        segments.append((positions[first], positions[second]))
        share = max(data.get("weight", 1.0), 0.0) / heaviest
        widths.append((0.5 + 4.0 * math.sqrt(share)) * max(crowd, 0.3))
    axes.add_collection(
        LineCollection(
            segments,
            linewidths=widths,
            colors="#7d7d7d",
            alpha=0.55 * max(crowd, 0.15),
            zorder=1,
        )
    )


def _node_sizes(graph: nx.Graph, scores: Mapping) -> dict:
    """Marker areas in points squared, in proportion to the scores."""
    highest = max(scores.values(), default=0.0)
    # markers shrink on a crowded chart, down to a third of their area
    crowd = max(min(1.0, _CROWD_NODES / max(graph.number_of_nodes(), 1)), 1 / 3)
    if highest <= 0:
        return {node: 100.0 * crowd for node in graph}
    return {
        node: (30.0 + 600.0 * scores.get(node, 0.0) / highest) * crowd for node in graph
    }


def _draw_nodes(axes, graph, positions, sizes, text, family) -> None:
    by_type: dict[str, list] = {}
    for node, data in graph.nodes(data=True):
        by_type.setdefault(str(data.get("type", "")), []).append(node)

    handles = []
    for entity_type in sorted(by_type):
        nodes = by_type[entity_type]
        colour = _TYPE_COLOURS.get(entity_type, _OTHER_COLOUR)
        name = text["types"].get(entity_type, entity_type or "?")
        axes.scatter(
            [positions[n][0] for n in nodes],
            [positions[n][1] for n in nodes],
            s=[sizes[n] for n in nodes],
            c=colour,
            edgecolors="white",
            linewidths=0.8,
            zorder=3,
        )
        handles.append(
            Line2D(
                [], [], marker="o", linestyle="", markersize=8, color=colour, label=name
            )
        )
    legend = axes.legend(
        handles=handles,
        title=text["legend"],
        loc="upper left",
        frameon=False,
        prop={"family": family, "size": 9},
    )
    legend.get_title().set_fontfamily(family)


def _draw_communities(axes, graph, positions, sizes, communities, text, family):
    """Colour nodes by community: the largest get their own colour, the rest grey."""
    members: dict[int, list] = {}
    for node in graph:
        number = int(communities.get(node, 0))
        key = number if 0 < number <= _COMMUNITY_COLOURS else 0
        members.setdefault(key, []).append(node)
    handles = []
    for number in sorted(members, key=lambda n: (n == 0, n)):
        nodes = members[number]
        colour = community_colour(number)
        name = (
            text["community"].format(number=number, size=len(nodes))
            if number
            else text["other_communities"]
        )
        axes.scatter(
            [positions[n][0] for n in nodes],
            [positions[n][1] for n in nodes],
            s=[sizes[n] for n in nodes],
            color=colour,
            edgecolors="white",
            linewidths=0.8,
            zorder=3,
        )
        handles.append(
            Line2D(
                [], [], marker="o", linestyle="", markersize=8, color=colour, label=name
            )
        )
    legend = axes.legend(
        handles=handles,
        title=text["community_legend"],
        loc="upper left",
        frameon=False,
        prop={"family": family, "size": 8},
    )
    legend.get_title().set_fontfamily(family)


def _draw_annotations(axes, annotations, positions, family) -> None:
    """An analyst's notes: beside their node, or at a place of the layout."""
    for item in annotations:
        node = item.get("node")
        if node is not None and node in positions:
            where, offset = positions[node], (14, -14)
        elif "x" in item and "y" in item:
            where, offset = (float(item["x"]), float(item["y"])), (0, 0)
        else:
            continue
        axes.annotate(
            str(item.get("text", "")),
            where,
            xytext=offset,
            textcoords="offset points",
            fontfamily=family,
            fontsize=8,
            color="#1d3557",
            zorder=5,
            bbox={"boxstyle": "round,pad=0.3", "fc": "#fff3b0", "ec": "#e0c341"},
            arrowprops={"arrowstyle": "-", "color": "#e0c341"}
            if node is not None
            else None,
        )
