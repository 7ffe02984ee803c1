"""Drawing a link chart: entities as discs sized by a measure, links as lines.

The canvas draws what the chart's state says (which entities, where, their
scores, a highlighted path) and reports which entities the user selected, in
the order they were picked. It zooms with the wheel and pans by dragging.
"""

from __future__ import annotations

import itertools
import logging
import math

import networkx as nx
from PySide6.QtCore import QPointF, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
    QWidget,
)

from workstation.ui.labels import entity_type_text
from workstation.ui.zoom_view import ZoomableView

log = logging.getLogger(__name__)

TYPE_COLOURS = {
    "person": "#4e79a7",
    "phone": "#f28e2b",
    "vehicle": "#e15759",
    "location": "#76b7b2",
    "account": "#59a14f",
    "device": "#edc948",
    "organisation": "#b07aa1",
}
OTHER_COLOUR = "#9c9c9c"
PATH_COLOUR = QColor("#d62728")
#: Radius of the smallest and the largest disc, in scene units.
MIN_RADIUS, MAX_RADIUS = 5.0, 26.0
#: Opacity of what is not on a highlighted path.
FADED = 0.25


class NodeItem(QGraphicsEllipseItem):
    """One entity: a disc sized by its score, with its label.

    The disc is coloured by the entity's type unless a colour is given.

    The label is part of the scene, so it grows and shrinks with the zoom: a
    crowded chart stays legible as a whole and its labels are read by zooming in.
    """

    def __init__(
        self,
        node,
        attrs: dict,
        degree: int,
        radius: float,
        centre: QPointF,
        label_px: int,
        colour: str | None = None,
    ) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.node = node
        self.entity_type = str(attrs.get("type", ""))
        self.label = str(attrs.get("label", node))
        self.degree = degree
        self.radius = radius
        self.setPos(centre)
        self.setZValue(1)
        self.colour = colour or TYPE_COLOURS.get(self.entity_type, OTHER_COLOUR)
        colour = QColor(self.colour)
        self.setBrush(QBrush(colour))
        self.setPen(QPen(colour.darker(150), 1.0))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(
            f"{self.label}\n{entity_type_text(self.entity_type)} · {degree}"
        )

        text = QGraphicsSimpleTextItem(self.label, self)
        font = QFont(text.font())
        font.setPixelSize(label_px)
        text.setFont(font)
        text.setPos(radius * 0.75, -radius * 0.75 - label_px)
        text.setBrush(QBrush(QColor("#202020")))
        self.text_item = text

    def mark_on_path(self) -> None:
        """Outline the disc as part of the highlighted path."""
        pen = QPen(PATH_COLOUR, 3.0)
        self.setPen(pen)
        self.setZValue(2)


def node_radius(score: float, top: float) -> float:
    """A disc's radius for ``score`` when the largest score is ``top``.

    The area grows with the score, so a node twice as central looks twice as
    large, not four times.

    Example:
        >>> node_radius(0.0, 4.0), node_radius(4.0, 4.0)
        (5.0, 26.0)
    """
    if top <= 0 or score <= 0:
        return MIN_RADIUS
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(min(score / top, 1.0))


class LinkChartView(ZoomableView):
    """A graphics view of a link chart that zooms with the wheel and pans by dragging.

    Attributes:
        nodes: The drawn entities by node.
        picked: The selected entities, in the order they were selected.
    """

    #: Emitted with the selected entities (in the order picked) when they change.
    picked_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor("#fbfbf8")))
        self.nodes: dict[object, NodeItem] = {}
        self.lines: list[QGraphicsLineItem] = []
        self.picked: list = []
        self.scene().selectionChanged.connect(self._selection_changed)

    def draw(
        self,
        graph: nx.Graph,
        positions: dict,
        scores: dict | None = None,
        *,
        path: tuple = (),
        degrees: dict | None = None,
        colours: dict | None = None,
    ) -> None:
        """Replace the scene with ``graph`` drawn at ``positions``.

        Args:
            graph: The entities to draw and the links between them.
            positions: ``(x, y)`` of every node, in layout units.
            scores: What sizes each node (the node's degree when None).
            path: Nodes of a path to highlight, in order.
            degrees: Each node's number of connections, for its tooltip
                (its degree in ``graph`` when None).
            colours: Each node's colour as ``#rrggbb`` (by type when None).
        """
        scene = self.scene()
        scene.blockSignals(True)
        scene.clear()
        scene.blockSignals(False)
        self.nodes, self.lines, self.picked = {}, [], []
        extent = 250.0 + 40.0 * math.sqrt(max(len(graph), 1))
        centres = _scaled(positions, extent)
        label_px = max(10, round(extent / 32))
        scores = scores if scores is not None else dict(graph.degree())
        top = max((scores.get(n, 0.0) for n in graph), default=0.0)
        on_path = {frozenset(pair) for pair in itertools.pairwise(path)}
        heaviest = max(
            (w for *_, w in graph.edges(data="weight", default=1)), default=1
        )
        for u, v, weight in graph.edges(data="weight", default=1):
            width = 0.6 + 2.4 * math.sqrt(float(weight) / heaviest)
            line = QGraphicsLineItem(
                centres[u].x(), centres[u].y(), centres[v].x(), centres[v].y()
            )
            if frozenset((u, v)) in on_path:
                line.setPen(QPen(PATH_COLOUR, width + 3.0))
                line.setZValue(0.5)
            else:
                line.setPen(QPen(QColor(110, 110, 110, 150), width))
                line.setZValue(0)
                if path:
                    line.setOpacity(FADED)
            scene.addItem(line)
            self.lines.append(line)
        for node, attrs in graph.nodes(data=True):
            degree = degrees[node] if degrees is not None else graph.degree(node)
            radius = node_radius(float(scores.get(node, 0.0)), top)
            colour = colours.get(node) if colours is not None else None
            item = NodeItem(
                node, attrs, degree, radius, centres[node], label_px, colour
            )
            if node in path:
                item.mark_on_path()
            elif path:
                item.setOpacity(FADED)
            scene.addItem(item)
            self.nodes[node] = item
        margin = 40.0
        scene.setSceneRect(
            scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        )
        self.fit()

    def select(self, nodes) -> None:
        """Select exactly ``nodes`` (in that order)."""
        self.scene().blockSignals(True)
        for node, item in self.nodes.items():
            item.setSelected(node in nodes)
        self.scene().blockSignals(False)
        self.picked = [n for n in nodes if n in self.nodes]
        self.picked_changed.emit(list(self.picked))

    @Slot()
    def _selection_changed(self) -> None:
        now = {item.node for item in self.scene().selectedItems()}
        kept = [n for n in self.picked if n in now]
        self.picked = kept + sorted(now - set(kept), key=str)
        self.picked_changed.emit(list(self.picked))


def _scaled(positions: dict, extent: float) -> dict:
    """Positions moved and scaled (keeping proportions) to span ``2 * extent``.

    Layout units grow upwards, the scene's downwards: y is turned over, so the
    chart looks as its exported picture does.
    """
    if not positions:
        return {}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    factor = 2 * extent / span
    return {
        n: QPointF((x - mid_x) * factor, (mid_y - y) * factor)
        for n, (x, y) in positions.items()
    }
