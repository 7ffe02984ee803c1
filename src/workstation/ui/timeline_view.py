"""The Timeline tab: calls per day and an hour-of-day by weekday heat map.

The counts come from the database (``GROUP BY`` day, weekday and hour in
:mod:`workstation.services.browse`), computed in the worker; Qt only draws them
with pyqtgraph, for the whole case or one selected entity.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.services import browse
from workstation.services.workspace import Workspace
from workstation.ui.labels import entity_type_text
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

BAR_COLOUR = "#4e79a7"
HEAT_MAP = "CET-L4"


def weekday_names() -> list[str]:
    """Monday to Sunday, in the interface language."""
    return [
        translate("TimelineView", "Mon"),
        translate("TimelineView", "Tue"),
        translate("TimelineView", "Wed"),
        translate("TimelineView", "Thu"),
        translate("TimelineView", "Fri"),
        translate("TimelineView", "Sat"),
        translate("TimelineView", "Sun"),
    ]


TimelineData = browse.TimelineCounts


def load_timeline(
    ws: Workspace,
    case_number: str,
    entity_id: int | None,
    link_type: str | None,
    progress: ProgressCallback,
    cancel: CancelToken | None = None,
) -> TimelineData:
    """Count the case's (or one entity's) timed links by day and by hour."""
    check_cancel(cancel)
    progress(0, 1, translate("TimelineView", "counting per day, weekday and hour"))
    data = browse.timeline_counts(
        ws, case_number, entity_id=entity_id, link_type=link_type
    )
    progress(1, 1, translate("TimelineView", "timeline ready"))
    return data


def day_timestamp(day: date) -> float:
    """Seconds since the epoch at noon of ``day`` (local time, as stored)."""
    return datetime.combine(day, time(12)).timestamp()


class TimelineView(QWidget):
    """Calls per day (bars on a date axis) above the weekday by hour heat map.

    Args:
        ws: The workspace the UI thread reads from (for the entity list).
        case_number: The case shown.
        runner: Runs the counting.
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
        self.data: TimelineData | None = None

        self.entity_box = QComboBox(self)
        self.entity_box.setMinimumContentsLength(28)
        self.entity_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_box = QComboBox(self)
        self.type_box.addItem(self.tr("Calls"), "call")
        self.type_box.addItem(self.tr("All timed links"), None)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.entity_box.activated.connect(lambda _i: self.load())
        self.type_box.activated.connect(lambda _i: self._reload_entities())
        self.refresh_button.clicked.connect(self._reload_entities)

        self.day_plot = pg.PlotWidget(
            background="w", axisItems={"bottom": pg.DateAxisItem()}
        )
        self.day_plot.setMouseEnabled(x=True, y=False)
        self.day_plot.showGrid(x=False, y=True, alpha=0.25)
        self.day_plot.setLabel("left", self.tr("Links per day"))
        self.bars: pg.BarGraphItem | None = None

        self.heat_plot = pg.PlotWidget(background="w")
        self.heat_plot.setMouseEnabled(x=False, y=False)
        self.heat_plot.invertY(True)
        self.heat_plot.setLabel("bottom", self.tr("Hour of day"))
        self.heat_image = pg.ImageItem(axisOrder="row-major")
        self.heat_plot.addItem(self.heat_image)
        self.colour_bar = pg.ColorBarItem(
            colorMap=pg.colormap.get(HEAT_MAP),
            interactive=False,
            width=14,
            label=self.tr("links"),
        )
        self.colour_bar.setImageItem(self.heat_image, insert_in=self.heat_plot.plotItem)
        self._set_heat_axes()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Whose links:"), self))
        top.addWidget(self.entity_box, 1)
        top.addWidget(QLabel(self.tr("Kind:"), self))
        top.addWidget(self.type_box)
        top.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.day_plot)
        splitter.addWidget(self.heat_plot)
        splitter.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def _set_heat_axes(self) -> None:
        left = self.heat_plot.getAxis("left")
        left.setTicks([[(i + 0.5, name) for i, name in enumerate(weekday_names())]])
        bottom = self.heat_plot.getAxis("bottom")
        bottom.setTicks([[(h + 0.5, f"{h:02d}") for h in range(0, 24, 2)]])
        self.heat_plot.setXRange(0, 24, padding=0.01)
        self.heat_plot.setYRange(0, 7, padding=0.02)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._requested:
            self._reload_entities()

    def stale(self) -> None:
        """The case's links changed: count again now if shown, else when next shown."""
        if self.isVisible():
            self._reload_entities()
        else:
            self._requested = False

    @property
    def link_type(self) -> str | None:
        """The link type counted (``call``), or None for every timed link."""
        return self.type_box.currentData()

    @property
    def entity_id(self) -> int | None:
        """The entity whose links are counted; None for the whole case."""
        return self.entity_box.currentData()

    @Slot()
    def _reload_entities(self) -> None:
        """List the entities with timed links again, then count."""
        self._requested = True
        chosen = self.entity_id
        entities = browse.timeline_entities(
            self._ws, self._case_number, link_type=self.link_type
        )
        self.entity_box.clear()
        self.entity_box.addItem(self.tr("Whole case"), None)
        for entity in entities:
            name = (
                entity.label
                if entity.label == entity.key
                else (f"{entity.label} ({entity.key})")
            )
            self.entity_box.addItem(
                self.tr("{name} — {type}, {count} links").format(
                    name=name, type=entity_type_text(entity.type), count=entity.links
                ),
                entity.id,
            )
        index = self.entity_box.findData(chosen) if chosen is not None else 0
        self.entity_box.setCurrentIndex(max(index, 0))
        self.load()

    def show_entity(self, entity_id: int | None) -> bool:
        """Count the links of one entity (None: the whole case).

        Returns:
            False when the entity has no timed links (nothing changes).
        """
        if not self._requested:
            self._reload_entities()
        index = self.entity_box.findData(entity_id)
        if index < 0:
            return False
        self.entity_box.setCurrentIndex(index)
        self.load()
        return True

    def load(self) -> None:
        """Count the chosen links in the worker, then draw them."""
        self._requested = True
        case_number, entity_id, link_type = (
            self._case_number,
            self.entity_id,
            self.link_type,
        )

        def job(ws, progress, cancel):
            return load_timeline(
                ws, case_number, entity_id, link_type, progress, cancel
            )

        self._runner.submit(self.tr("Counting the timeline"), job, self.show_data)

    def show_data(self, data: TimelineData) -> None:
        """Draw the per-day bars and the heat map of ``data``."""
        self.data = data
        if self.bars is not None:
            self.day_plot.removeItem(self.bars)
            self.bars = None
        if data.days:
            xs = np.array([day_timestamp(d) for d, _ in data.days])
            heights = np.array([n for _, n in data.days], dtype=float)
            self.bars = pg.BarGraphItem(
                x=xs, height=heights, width=0.8 * 86400, brush=BAR_COLOUR, pen=None
            )
            self.day_plot.addItem(self.bars)
            self.day_plot.setXRange(xs.min() - 86400, xs.max() + 86400, padding=0.02)
            self.day_plot.setYRange(0, heights.max() * 1.08, padding=0)
        counts = data.weekday_hour.astype(float)
        self.heat_image.setImage(counts, autoLevels=False)
        self.heat_image.setRect(0, 0, 24, 7)
        self.colour_bar.setLevels((0, max(1.0, counts.max())))
        self._set_heat_axes()
        self.summary.setText(self._describe(data))
        log.info(
            "timeline: %d links on %d days%s",
            data.total,
            len(data.days),
            f" for entity {data.entity_id}" if data.entity_id is not None else "",
        )

    def _describe(self, data: TimelineData) -> str:
        if not data.days:
            return self.tr(
                "No timed links to show. Links get a time when an import maps a "
                "start time column."
            )
        busiest_day, most = max(
            data.days, key=lambda item: (item[1], -item[0].toordinal())
        )
        weekday, hour = np.unravel_index(
            np.argmax(data.weekday_hour), data.weekday_hour.shape
        )
        return self.tr(
            "{total} links on {days} days, {first} to {last}. Busiest day "
            "{busiest} ({most}); busiest hour {weekday} {hour:02d}:00 ({peak})."
        ).format(
            total=data.total,
            days=len(data.days),
            first=data.days[0][0].isoformat(),
            last=data.days[-1][0].isoformat(),
            busiest=busiest_day.isoformat(),
            most=most,
            weekday=weekday_names()[int(weekday)],
            hour=int(hour),
            peak=int(data.weekday_hour[weekday, hour]),
        )
