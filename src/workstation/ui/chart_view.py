"""The Link chart tab: the case graph, sized by a measure, explored and saved.

The analyst sizes the entities by a centrality measure, colours them by type
or by community, narrows the links to a time window, selects some on the
chart (click, Ctrl+click for more) and expands them by a number of hops, finds
the shortest path between two (highlighted in red), shows everything again,
saves the chart as a versioned view, reopens a saved view and submits it for a
supervisor's review. Every step is computed in the worker by
:mod:`workstation.services.graph_chart`; only the drawing happens here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.records import KeyPlayer
from workstation.services.graph_chart import (
    CHART_MEASURES,
    ChartState,
    case_chart,
    chart_players,
    coloured_by,
    expand_chart,
    open_chart,
    path_chart,
    save_chart,
    saved_charts,
    show_everything,
    sized_by,
    submit_chart,
    time_span,
    windowed_chart,
)
from workstation.services.workspace import Workspace
from workstation.ui.chart_canvas import LinkChartView
from workstation.ui.chart_legend import colour_swatches, node_colours
from workstation.ui.chart_time_window import TimeWindowBar
from workstation.ui.chart_views_panel import SavedViewsPanel
from workstation.ui.key_players_table import KeyPlayersTable
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def measure_text(measure: str) -> str:
    """A centrality measure's name in the interface language."""
    names = {
        "degree": translate("ChartView", "degree (connections)"),
        "weighted": translate("ChartView", "weighted degree (calls)"),
        "betweenness": translate("ChartView", "betweenness (brokers)"),
        "closeness": translate("ChartView", "closeness"),
        "eigenvector": translate("ChartView", "eigenvector (well connected)"),
        "kcore": translate("ChartView", "k-core (dense core)"),
    }
    return names.get(measure, measure)


@dataclass(frozen=True)
class ChartData:
    """What the worker hands to the tab: the chart's state and its key players.

    ``span`` is the first and last link time of the whole case (None when no
    link has a time), which the time window ranges over.
    """

    state: ChartState
    players: list[KeyPlayer]
    span: tuple | None = None


def load_chart_data(
    ws: Workspace,
    case_number: str,
    measure: str,
    progress,
    cancel,
    *,
    colour_by: str = "type",
    top=10,
) -> ChartData:
    """The whole case chart sized by ``measure``, with its key players."""
    state = case_chart(
        ws,
        case_number,
        measure=measure,
        colour_by=colour_by,
        progress=progress,
        cancel=cancel,
    )
    return ChartData(state, chart_players(state, top=top), time_span(state.graph))


class ChartView(QWidget):
    """The chart with its controls, the key-player table and the saved views.

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
        self._busy = False
        self.data: ChartData | None = None
        self.review = None
        self._runner.busy_changed.connect(self._runner_busy)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.size_by = QComboBox(self)
        for measure in CHART_MEASURES:
            self.size_by.addItem(measure_text(measure), measure)
        self.size_by.currentIndexChanged.connect(self._size_chosen)
        self.colour_by = QComboBox(self)
        self.colour_by.addItem(self.tr("entity type"), "type")
        self.colour_by.addItem(self.tr("community (Louvain)"), "community")
        self.colour_by.currentIndexChanged.connect(self._colour_chosen)
        self.time_window = TimeWindowBar(self)
        self.time_window.window_changed.connect(self.show_window)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.load)
        self.fit_button = QPushButton(self.tr("Fit to window"), self)
        self.hops = QSpinBox(self)
        self.hops.setRange(1, 5)
        self.hops.setPrefix(self.tr("hops: "))
        self.max_new = QSpinBox(self)
        self.max_new.setRange(1, 1000)
        self.max_new.setValue(50)
        self.max_new.setPrefix(self.tr("at most: "))
        self.expand_button = QPushButton(self.tr("Expand selected"), self)
        self.expand_button.clicked.connect(self.expand_selected)
        self.path_button = QPushButton(self.tr("Path between the two selected"), self)
        self.path_button.clicked.connect(self.find_path)
        self.all_button = QPushButton(self.tr("Show all"), self)
        self.all_button.clicked.connect(self.show_all)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.chart = LinkChartView(self)
        self.chart.picked_changed.connect(self._update_actions)
        self.fit_button.clicked.connect(self.chart.fit)
        self.players = KeyPlayersTable(self)
        self.players.entity_chosen.connect(self._show_player)
        self.views = SavedViewsPanel(self)
        self.views.save_requested.connect(self.save_view)
        self.views.open_requested.connect(self.open_view)
        self.views.submit_requested.connect(self.submit_for_review)
        self._lay_out()
        self._set_heading()
        self._update_actions()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Size by"), self))
        top.addWidget(self.size_by)
        top.addWidget(QLabel(self.tr("Colour by"), self))
        top.addWidget(self.colour_by)
        top.addWidget(self.fit_button)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.hops)
        actions.addWidget(self.max_new)
        actions.addWidget(self.expand_button)
        actions.addWidget(self.path_button)
        actions.addWidget(self.all_button)
        actions.addStretch(1)
        side = QSplitter(Qt.Orientation.Vertical, self)
        players = QWidget(side)
        players_layout = QVBoxLayout(players)
        players_layout.setContentsMargins(0, 0, 0, 0)
        players_layout.addWidget(QLabel(self.tr("Key players"), players))
        players_layout.addWidget(self.players)
        side.addWidget(players)
        side.addWidget(self.views)
        splitter = QSplitter(self)
        splitter.addWidget(self.chart)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([880, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.time_window)
        layout.addWidget(self.status)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)

    @property
    def state(self) -> ChartState | None:
        """What the chart shows now."""
        return None if self.data is None else self.data.state

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._requested:
            self.load()

    def _set_heading(self) -> None:
        title = self._ws.case(self._case_number).title
        text = self.tr("Link chart of {number} {title}").format(
            number=self._case_number, title=title
        )
        if self.state is not None:
            shown = self.state.subgraph()
            text += " — " + self.tr("{nodes} entities, {edges} connections").format(
                nodes=shown.number_of_nodes(), edges=shown.number_of_edges()
            )
        self.heading.setText(text)

    def stale(self) -> None:
        """The case's links changed: draw again now if shown, else when next shown."""
        if self.isVisible():
            self.load()
        else:
            self._requested = False

    # -- running the chart's work ---------------------------------------------------

    def _run(self, title: str, job, on_done) -> None:
        self._busy = True
        self._update_actions()
        self._runner.submit(title, job, on_done)

    @Slot(bool)
    def _runner_busy(self, busy: bool) -> None:
        if not busy:
            self._busy = False
            self._update_actions()

    @Slot()
    def load(self) -> None:
        """Compute the whole case chart and its key players in the worker."""
        self._requested = True
        case_number, measure = self._case_number, self.size_by.currentData()
        colour_by = self.colour_by.currentData()

        def job(ws, progress, cancel):
            return load_chart_data(
                ws, case_number, measure, progress, cancel, colour_by=colour_by
            )

        self._run(self.tr("Drawing the link chart"), job, self.show_data)
        self.refresh_views()

    def show_data(self, data: ChartData) -> None:
        """Draw a whole new chart and fill the key-player table."""
        self.data = data
        self.time_window.set_span(data.span)
        self.players.fill(data.players)
        self.show_state(data.state)

    def show_state(self, state: ChartState) -> None:
        """Draw ``state``: its entities, sizes, colours and highlighted path."""
        players = self.data.players if self.data is not None else []
        span = self.data.span if self.data is not None else None
        self.data = ChartData(state, players, span)
        shown = state.subgraph()
        self.chart.draw(
            shown,
            state.positions,
            state.scores,
            path=state.path,
            degrees=dict(state.graph.degree(shown.nodes)),
            colours=node_colours(state),
        )
        self._sync_controls(state)
        self._fill_legend(state)
        self._set_heading()
        self.views.show_current(state.view)
        self._busy = False
        self._update_actions()
        log.info(
            "link chart: %d nodes, %d edges",
            shown.number_of_nodes(),
            shown.number_of_edges(),
        )

    # -- what the user asks -----------------------------------------------------------

    @Slot()
    def _size_chosen(self) -> None:
        if self.state is not None:
            self.size_chart_by(self.size_by.currentData())

    def size_chart_by(self, measure: str) -> None:
        """Size the entities by ``measure`` (of the whole graph)."""
        state = self.state
        self.size_by.blockSignals(True)
        self.size_by.setCurrentIndex(self.size_by.findData(measure))
        self.size_by.blockSignals(False)
        self._run(
            self.tr("Measuring {measure}").format(measure=measure_text(measure)),
            lambda ws, progress, cancel: sized_by(state, measure),
            self.show_state,
        )

    @Slot()
    def _colour_chosen(self) -> None:
        if self.state is not None:
            self.colour_chart_by(self.colour_by.currentData())

    def colour_chart_by(self, colour_by: str) -> None:
        """Colour the entities by ``"type"`` or by ``"community"``."""
        state = self.state
        self._run(
            self.tr("Colouring the chart"),
            lambda ws, progress, cancel: coloured_by(state, colour_by),
            self.show_state,
        )

    @Slot(object, object)
    def show_window(self, start, end) -> None:
        """Draw the chart from the links between ``start`` and ``end`` only."""
        if self.data is None:
            return
        state, span, case_number = self.state, self.data.span, self._case_number

        def job(ws, progress, cancel):
            windowed = windowed_chart(
                ws, case_number, state, start, end, progress=progress, cancel=cancel
            )
            return ChartData(windowed, chart_players(windowed), span)

        self._run(self.tr("Drawing the links of the time window"), job, self.show_data)
        self._say("")

    @Slot()
    def expand_selected(self) -> None:
        """Show the selected entities' neighbourhood, ``hops`` steps out."""
        state, seeds = self.state, list(self.chart.picked)
        hops, max_new = self.hops.value(), self.max_new.value()

        def job(ws, progress, cancel):
            return expand_chart(state, seeds, hops=hops, max_new=max_new)

        self._run(self.tr("Expanding the chart"), job, self._expanded)

    def _expanded(self, result) -> None:
        state, expansion = result
        self.show_state(state)
        self.chart.select(list(expansion.seeds))
        text = self.tr("Added %n entities", "", len(expansion.added))
        if expansion.cut:
            text += " " + self.tr(
                "(%n more left out by the cap)", "", len(expansion.cut)
            )
        self._say(text)

    @Slot()
    def find_path(self) -> None:
        """Highlight a shortest path between the two selected entities."""
        state, picked = self.state, list(self.chart.picked)
        if len(picked) != 2:
            self._say(self.tr("Select exactly two entities (Ctrl+click the second)."))
            return
        source, target = picked

        def job(ws, progress, cancel):
            return path_chart(state, source, target)

        self._run(self.tr("Finding a path"), job, self._path_found)

    def _path_found(self, state: ChartState) -> None:
        self.show_state(state)
        self.chart.select([state.path[0], state.path[-1]])
        labels = [str(state.graph.nodes[n].get("label", n)) for n in state.path]
        self._say(
            self.tr("Shortest path, %n hop(s): ", "", len(state.path) - 1)
            + " → ".join(labels)
        )

    @Slot()
    def show_all(self) -> None:
        """Show every entity again, without a path."""
        state = self.state
        self._run(
            self.tr("Drawing the whole chart"),
            lambda ws, progress, cancel: show_everything(state),
            self.show_state,
        )
        self._say("")

    def save_view(self, name: str) -> None:
        """Save the chart as the next version of the view ``name``."""
        state, case_number = self.state, self._case_number

        def job(ws, progress, cancel):
            return save_chart(ws, case_number, name, state)

        self._run(self.tr("Saving the chart view"), job, self._saved)

    def _saved(self, state: ChartState) -> None:
        self.data = ChartData(state, self.data.players)
        self.views.show_current(state.view)
        self._say(
            self.tr("Saved as {name} v{version}.").format(
                name=state.view.name, version=state.view.version
            )
        )
        self.refresh_views()

    def open_view(self, name: str, version: int) -> None:
        """Show a saved view as it was saved."""
        case_number, measure = self._case_number, self.size_by.currentData()
        colour_by = self.colour_by.currentData()

        def job(ws, progress, cancel):
            return open_chart(
                ws,
                case_number,
                name,
                version=version,
                measure=measure,
                colour_by=colour_by,
                progress=progress,
                cancel=cancel,
            )

        self._run(self.tr("Opening the chart view"), job, self.show_state)
        self._say("")

    def submit_for_review(self, note: str) -> None:
        """Submit the saved view the chart shows for a supervisor's review."""
        state, case_number = self.state, self._case_number

        def job(ws, progress, cancel):
            return submit_chart(ws, case_number, state, note)

        self._run(self.tr("Submitting the chart for review"), job, self._submitted)

    def _submitted(self, review) -> None:
        self.review = review
        self.views.show_review(review)
        log.info("chart %s submitted for review %d", review.object_ref, review.id)

    def refresh_views(self) -> None:
        """List the case's saved chart views again."""
        case_number = self._case_number
        self._runner.submit(
            self.tr("Listing the saved chart views"),
            lambda ws, progress, cancel: saved_charts(ws, case_number),
            self.views.show_views,
        )

    # -- showing ---------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    @Slot()
    def _update_actions(self, *_args) -> None:
        ready = self.state is not None and not self._busy
        picked = len(self.chart.picked)
        self.expand_button.setEnabled(ready and picked > 0)
        self.path_button.setEnabled(ready and picked == 2)
        self.all_button.setEnabled(ready and not self.state.shows_all)
        self.size_by.setEnabled(ready)
        self.colour_by.setEnabled(ready)
        self.views.set_busy(not ready)

    def _sync_controls(self, state: ChartState) -> None:
        """Show the chart's colouring and time window in their controls."""
        self.colour_by.blockSignals(True)
        self.colour_by.setCurrentIndex(self.colour_by.findData(state.colour_by))
        self.colour_by.blockSignals(False)
        self.time_window.set_window(state.graph_filter.start, state.graph_filter.end)

    def _fill_legend(self, state: ChartState) -> None:
        self.legend.setText(
            colour_swatches(state)
            + " &nbsp; "
            + self.tr(
                "Size: {measure} in the whole case; line width: link weight; "
                "red: the path found. Wheel to zoom, drag to pan, click to select."
            ).format(measure=measure_text(state.measure))
        )

    @Slot(object)
    def _show_player(self, entity_id) -> None:
        if self.state is None:
            return
        self.chart.select([entity_id])
        if entity_id in self.chart.nodes:
            self.chart.centerOn(self.chart.nodes[entity_id])
