"""The Link chart tab: the case graph drawn in a zoomable view, and its key players.

The graph, its layout (``networkx.spring_layout`` with seed 7, so the same case
always looks the same) and the key players are computed in the worker; only the
drawing happens on the UI thread.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import networkx as nx
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import KeyPlayer
from workstation.services.graph import case_graph, key_players
from workstation.services.workspace import Workspace
from workstation.ui.labels import entity_type_text
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

LAYOUT_SEED = 7
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


translate = QCoreApplication.translate


@dataclass(frozen=True)
class ChartData:
    """What the worker hands to the view: graph, node positions, key players."""

    graph: nx.Graph
    positions: dict
    players: list[KeyPlayer]


def load_chart_data(
    ws: Workspace,
    case_number: str,
    progress: ProgressCallback,
    cancel: CancelToken | None = None,
    *,
    top: int = 10,
) -> ChartData:
    """Build the case graph, lay it out and rank its key players.

    Args:
        ws: Workspace session of the worker.
        case_number: The case to draw.
        progress: Receives ``(done, total, message)``.
        cancel: Stops the work between steps when set.
        top: Number of key players.

    Returns:
        The chart data; positions map node to ``(x, y)`` in ``[-1, 1]``.
    """
    progress(0, 3, translate("ChartView", "reading the case graph"))
    graph = case_graph(ws, case_number)
    check_cancel(cancel)
    progress(
        1,
        3,
        translate("ChartView", "laying out {nodes} nodes").format(nodes=len(graph)),
    )
    positions = component_layout(graph)
    check_cancel(cancel)
    progress(2, 3, translate("ChartView", "ranking key players"))
    players = key_players(ws, case_number, top=top)
    progress(3, 3, translate("ChartView", "chart ready"))
    return ChartData(graph, positions, players)


def component_layout(graph: nx.Graph, *, seed: int = LAYOUT_SEED) -> dict:
    """Spring layout of each connected component, packed side by side.

    One spring layout of a whole graph pushes small components to the edges
    and squeezes the large one into the middle. Here the largest component gets
    a square of side ``sqrt(size)`` on the left; the others are stacked in
    columns to its right, each laid out with the same seed.

    Args:
        graph: The graph to lay out.
        seed: Seed of ``networkx.spring_layout``, so a case always looks the same.

    Returns:
        ``{node: (x, y)}``; empty for an empty graph.

    Example:
        >>> g = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
        >>> pos = component_layout(g)
        >>> sorted(pos)
        [1, 2, 3, 4, 5]
        >>> pos[4][0] > max(pos[n][0] for n in (1, 2, 3))
        True
    """
    components = sorted(
        nx.connected_components(graph), key=lambda c: (-len(c), min(map(str, c)))
    )
    positions: dict = {}
    if not components:
        return positions
    column_height = math.sqrt(len(components[0]))
    x, y, column_width = 0.0, 0.0, 0.0
    for index, nodes in enumerate(components):
        side = max(1.0, math.sqrt(len(nodes)))
        if index > 0 and y + side > column_height + 1e-9:
            x, y, column_width = x + column_width, 0.0, 0.0
        centre = (x + side / 2, y + side / 2)
        sub = graph.subgraph(nodes)
        layout = nx.spring_layout(sub, seed=seed, center=centre, scale=0.42 * side)
        positions.update({n: (float(p[0]), float(p[1])) for n, p in layout.items()})
        y += side
        column_width = max(column_width, side)
        if index == 0:
            x, y, column_width = side, 0.0, 0.0
    return positions


class NodeItem(QGraphicsEllipseItem):
    """One entity: a disc coloured by type, sized by degree, with its label.

    The label is part of the scene, so it grows and shrinks with the zoom: a
    crowded chart stays legible as a whole and its labels are read by zooming in.
    """

    def __init__(
        self, node, attrs: dict, degree: int, centre: QPointF, label_px: int
    ) -> None:
        radius = 5.0 + 2.5 * math.sqrt(degree)
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.node = node
        self.entity_type = str(attrs.get("type", ""))
        self.label = str(attrs.get("label", node))
        self.degree = degree
        self.setPos(centre)
        self.setZValue(1)
        colour = QColor(TYPE_COLOURS.get(self.entity_type, OTHER_COLOUR))
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


class LinkChartView(QGraphicsView):
    """A graphics view that zooms with the wheel and pans by dragging."""

    MIN_SCALE = 0.05
    MAX_SCALE = 20.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#fbfbf8")))
        self.nodes: dict[object, NodeItem] = {}
        # Until the user zooms, the chart follows the window's size.
        self._auto_fit = True

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15**steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit_scene()

    def zoom(self, factor: float) -> None:
        """Scale the view by ``factor``, within sensible limits."""
        current = self.transform().m11()
        factor = max(self.MIN_SCALE / current, min(self.MAX_SCALE / current, factor))
        self._auto_fit = False
        self.scale(factor, factor)

    def draw(self, graph: nx.Graph, positions: dict) -> None:
        """Replace the scene with ``graph`` drawn at ``positions``."""
        scene = self.scene()
        scene.clear()
        self.nodes = {}
        extent = 250.0 + 40.0 * math.sqrt(max(len(graph), 1))
        centres = _scaled(positions, extent)
        label_px = max(10, round(extent / 50))
        heaviest = max(
            (w for *_, w in graph.edges(data="weight", default=1)), default=1
        )
        for u, v, weight in graph.edges(data="weight", default=1):
            width = 0.6 + 2.4 * math.sqrt(float(weight) / heaviest)
            line = QGraphicsLineItem(
                centres[u].x(), centres[u].y(), centres[v].x(), centres[v].y()
            )
            line.setPen(QPen(QColor(110, 110, 110, 150), width))
            line.setZValue(0)
            scene.addItem(line)
        for node, attrs in graph.nodes(data=True):
            item = NodeItem(node, attrs, graph.degree(node), centres[node], label_px)
            scene.addItem(item)
            self.nodes[node] = item
        margin = 40.0
        scene.setSceneRect(
            scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        )
        self.fit()

    def fit(self) -> None:
        """Show the whole chart, and follow the window's size again."""
        self._auto_fit = True
        self._fit_scene()

    def _fit_scene(self) -> None:
        rect: QRectF = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


def _scaled(positions: dict, extent: float) -> dict:
    """Positions moved and scaled (keeping proportions) to span ``2 * extent``."""
    if not positions:
        return {}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    factor = 2 * extent / span
    return {
        n: QPointF((x - mid_x) * factor, (y - mid_y) * factor)
        for n, (x, y) in positions.items()
    }


class ChartView(QWidget):
    """The chart with a legend, a key-player table and a refresh button.

    The chart is computed the first time the tab is shown, and on Refresh.

    Args:
        ws: The workspace the UI thread reads from (for the case title).
        case_number: The case drawn.
        runner: Runs the graph work.
        parent: Owning widget.
    """

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self._runner = runner
        self._requested = False
        self.data: ChartData | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.legend = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.load)
        self.fit_button = QPushButton(self.tr("Fit to window"), self)

        self.chart = LinkChartView(self)
        self.fit_button.clicked.connect(self.chart.fit)
        self.players = QTableWidget(0, 5, self)
        self.players.setHorizontalHeaderLabels(
            [
                self.tr("Entity"),
                self.tr("Type"),
                self.tr("Degree"),
                self.tr("Weighted degree"),
                self.tr("Betweenness"),
            ]
        )
        self.players.verticalHeader().setVisible(False)
        self.players.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.players.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.players.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.players.horizontalHeader().setStretchLastSection(True)
        self.players.itemSelectionChanged.connect(self._show_selected_player)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.fit_button)
        top.addWidget(self.refresh_button)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Key players"), side))
        side_layout.addWidget(self.players)
        splitter = QSplitter(self)
        splitter.addWidget(self.chart)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        self._set_heading()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._requested:
            self.load()

    def _set_heading(self) -> None:
        title = self._ws.case(self._case_number).title
        text = self.tr("Link chart of {number} {title}").format(
            number=self._case_number, title=title
        )
        if self.data is not None:
            graph = self.data.graph
            text += " — " + self.tr("{nodes} entities, {edges} connections").format(
                nodes=graph.number_of_nodes(), edges=graph.number_of_edges()
            )
        self.heading.setText(text)

    def stale(self) -> None:
        """The case's links changed: draw again now if shown, else when next shown."""
        if self.isVisible():
            self.load()
        else:
            self._requested = False

    @Slot()
    def load(self) -> None:
        """Compute the graph, layout and key players in the worker."""
        self._requested = True
        case_number = self._case_number

        def job(ws, progress, cancel):
            return load_chart_data(ws, case_number, progress, cancel)

        self._runner.submit(self.tr("Drawing the link chart"), job, self.show_data)

    def show_data(self, data: ChartData) -> None:
        """Draw ``data`` and fill the key-player table."""
        self.data = data
        self.chart.draw(data.graph, data.positions)
        self._fill_players(data.players)
        self._fill_legend(data.graph)
        self._set_heading()
        log.info(
            "link chart: %d nodes, %d edges",
            data.graph.number_of_nodes(),
            data.graph.number_of_edges(),
        )

    def _fill_players(self, players: list[KeyPlayer]) -> None:
        self.players.setRowCount(len(players))
        for row, player in enumerate(players):
            cells = [
                (player.label, None),
                (entity_type_text(player.type), None),
                (str(player.degree), player.degree),
                (f"{player.weighted_degree:g}", player.weighted_degree),
                (f"{player.betweenness:.3f}", player.betweenness),
            ]
            for column, (text, number) in enumerate(cells):
                item = QTableWidgetItem(text)
                if number is not None:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, player.entity_id)
                self.players.setItem(row, column, item)

    def _fill_legend(self, graph: nx.Graph) -> None:
        types = sorted({str(t) for _, t in graph.nodes(data="type", default="")})
        swatches = " ".join(
            f'<span style="color:{TYPE_COLOURS.get(t, OTHER_COLOUR)}">●</span> '
            f"{entity_type_text(t)}"
            for t in types
        )
        self.legend.setText(
            swatches
            + " &nbsp; "
            + self.tr(
                "Size: number of connections; "
                "line width: link weight. "
                "Wheel to zoom, drag to pan."
            )
        )

    @Slot()
    def _show_selected_player(self) -> None:
        items = self.players.selectedItems()
        if not items or self.data is None:
            return
        entity_id = items[0].data(Qt.ItemDataRole.UserRole)
        for node, item in self.chart.nodes.items():
            selected = node == entity_id
            item.setSelected(selected)
            if selected:
                self.chart.centerOn(item)
