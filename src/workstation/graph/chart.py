"""Drawing a link graph to a PNG link chart, with Chinese labels in a CJK font.

The chart is drawn on a bare matplotlib ``Figure`` with the Agg canvas, never
through pyplot, so it can run in a worker thread and on a machine without a
display. Text uses the shipped CJK TrueType font, registered with matplotlib's
font manager; characters the font lacks fall back to DejaVu Sans.
"""

from __future__ import annotations

import io
import logging
import math
import threading
from collections.abc import Mapping
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import networkx as nx
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PIL import Image

from workstation.domain.errors import WorkstationError

log = logging.getLogger(__name__)

#: Components up to this size are laid out with Kamada-Kawai (clearer, but its
#: cost grows with the square of the size); larger ones with seeded springs.
KAMADA_KAWAI_LIMIT = 300

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
    },
    "en": {
        "types": {},
        "legend": "Entity type",
        "note": "Node size: {size}; line width: summed link weight; "
        "nodes: {nodes}, edges: {edges}",
        "betweenness": "betweenness",
        "degree": "degree",
        "empty": "No links recorded in this case",
    },
}

_font_lock = threading.Lock()
_font_families: dict[str, str] = {}


def register_chart_font(font_path: str | Path) -> str:
    """Register a TrueType font (``.ttf`` or ``.ttc``) with matplotlib.

    Args:
        font_path: The font file; in a collection the first face is used.

    Returns:
        The font's family name, to be used as ``fontfamily``.

    Raises:
        WorkstationError: The file is missing or is not a font matplotlib reads.
    """
    path = Path(font_path).resolve()
    with _font_lock:
        if str(path) in _font_families:
            return _font_families[str(path)]
        if not path.is_file():
            raise WorkstationError(
                f"Chart font {path.name} is missing ({path}); reinstall the "
                "workstation. Charts are not drawn without it, so that Chinese "
                "labels never print as empty boxes."
            )
        try:
            font_manager.fontManager.addfont(str(path))
            family = font_manager.FontProperties(fname=str(path)).get_name()
        except (OSError, RuntimeError, ValueError) as exc:
            raise WorkstationError(
                f"Chart font {path} cannot be read ({exc}); reinstall the workstation."
            ) from exc
        _font_families[str(path)] = family
        log.debug("registered chart font %s as %r", path.name, family)
        return family


def missing_glyphs(text: str, font_path: str | Path) -> str:
    """Return the characters of ``text`` that the font has no glyph for.

    Args:
        text: Any text; white space is ignored.
        font_path: The font file (first face of a collection).

    Returns:
        The missing characters, sorted and without repeats ("" when none).
    """
    font = font_manager.get_font(str(Path(font_path).resolve()))
    missing = {
        ch for ch in text if not ch.isspace() and font.get_char_index(ord(ch)) == 0
    }
    return "".join(sorted(missing))


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
) -> bytes:
    """Draw a link graph and return the PNG bytes.

    Node size follows ``betweenness`` or, without it, degree;
    node colour follows the node's ``type``; line width follows the edge's
    ``weight``. The ``top_labels`` highest-scoring nodes are labelled, every node
    when the graph has no more than that.

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
        return _png(figure, dpi)

    if betweenness is None:
        size_by = text["degree"]
        scores = {node: float(graph.degree(node)) for node in graph}
    else:
        size_by = text["betweenness"]
        scores = dict(betweenness)
    positions = layout_link_graph(graph, seed=seed)
    _draw_edges(axes, graph, positions)
    sizes = _node_sizes(graph, scores)
    _draw_nodes(axes, graph, positions, sizes, text, family)

    _set_limits(axes, positions)
    ranked = sorted(
        graph, key=lambda n: (-scores.get(n, 0.0), -graph.degree(n), labels[n])
    )
    _draw_labels(axes, ranked[: max(top_labels, 0)], positions, sizes, labels, family)
    figure.text(
        0.5,
        0.02,
        text["note"].format(
            size=size_by, nodes=graph.number_of_nodes(), edges=graph.number_of_edges()
        ),
        ha="center",
        fontfamily=family,
        fontsize=9,
        color="#444444",
    )
    return _png(figure, dpi)


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


def layout_link_graph(graph: nx.Graph, *, seed: int = 7) -> dict:
    """Lay out each connected component alone, then pack them side by side.

    Laid out together, small components drift far from the main one and squeeze
    it into a corner; apart, every component gets room in proportion to its size
    (a component of n nodes is about sqrt(n) units across). The largest sits on
    the left, the rest fill columns to its right. Components up to
    ``KAMADA_KAWAI_LIMIT`` nodes use Kamada-Kawai, larger ones seeded springs, so
    the same graph always gets the same picture.

    Args:
        graph: Any undirected graph.
        seed: Seed of the spring layout.

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
        local = _component_layout(graph.subgraph(part), seed)
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


def _component_layout(graph: nx.Graph, seed: int) -> dict:
    """Positions of one connected component, scaled into the unit square."""
    nodes = list(graph)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    if len(nodes) <= KAMADA_KAWAI_LIMIT:
        raw = nx.kamada_kawai_layout(graph, weight=None)
    else:
        raw = nx.spring_layout(
            graph, k=1.2 / math.sqrt(len(nodes)), iterations=200, weight=None, seed=seed
        )
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        n: ((p[0] - min(xs)) / span, (p[1] - min(ys)) / span) for n, p in raw.items()
    }


def _draw_edges(axes, graph: nx.Graph, positions: dict) -> None:
    if graph.number_of_edges() == 0:
        return
    heaviest = max(d.get("weight", 1.0) for _, _, d in graph.edges(data=True)) or 1.0
    segments, widths = [], []
    for first, second, data in graph.edges(data=True):
        segments.append((positions[first], positions[second]))
        share = max(data.get("weight", 1.0), 0.0) / heaviest
        widths.append(0.5 + 4.0 * math.sqrt(share))
    axes.add_collection(
        LineCollection(
            segments, linewidths=widths, colors="#7d7d7d", alpha=0.55, zorder=1
        )
    )


def _node_sizes(graph: nx.Graph, scores: Mapping) -> dict:
    """Marker areas in points squared, in proportion to the scores."""
    highest = max(scores.values(), default=0.0)
    if highest <= 0:
        return {node: 100.0 for node in graph}
    return {node: 30.0 + 600.0 * scores.get(node, 0.0) / highest for node in graph}


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


def _png(figure: Figure, dpi: int) -> bytes:
    """The figure as an RGB PNG: opaque, so a PDF needs no transparency mask."""
    rgba = io.BytesIO()
    figure.savefig(rgba, format="png", dpi=dpi, facecolor="white")
    rgb = io.BytesIO()
    Image.open(rgba).convert("RGB").save(rgb, format="png", optimize=True)
    return rgb.getvalue()
