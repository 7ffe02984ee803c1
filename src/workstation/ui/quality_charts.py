"""The Quality tab's three charts, drawn with pyqtgraph.

The 30-day closure rate of administrative cases by month (a line with its
points), the month's problem points by category and the stations' scores
(horizontal bars, the first at the top). The figures come ready from
:mod:`workstation.services.case_quality`; these widgets only draw them.
"""

from __future__ import annotations

import logging
import unicodedata

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from workstation.domain.quality import QualitySummary

log = logging.getLogger(__name__)

LINE_COLOUR = "#4e79a7"
BAR_COLOUR = "#4e79a7"
LAST_COLOUR = "#e15759"


def _text_width(text: str, font: QFont) -> int:
    """Room for ``text``'s longest line: Chinese characters, drawn in a fallback
    font, are wider."""
    metrics = QFontMetrics(font)
    unit = metrics.horizontalAdvance("M")
    widths = []
    for line in text.split("\n"):
        wide = sum(1 for ch in line if unicodedata.east_asian_width(ch) in "WF")
        widths.append(metrics.horizontalAdvance(line) + wide * unit)
    return max(widths)


def _plot(title: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    plot.setTitle(title, color="#12355b", size="10pt")
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


class QualityCharts(QWidget):
    """Closure trend, problem points by category and station scores side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend_plot = _plot(self.tr("Closed within the limit, by month (%)"))
        self.category_plot = _plot(self.tr("Problem points by category"))
        self.station_plot = _plot(self.tr("Station scores"))
        self.trend_plot.setYRange(0, 105, padding=0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for plot in (self.trend_plot, self.category_plot, self.station_plot):
            plot.setMinimumHeight(200)
            layout.addWidget(plot, 1)
        #: What is drawn, for tests and screenshots: ``(names, values)`` per chart.
        self.drawn: dict[str, tuple[list[str], list[float | None]]] = {}
        self._axis_widths: dict[str, int] = {}

    def showEvent(self, event: QShowEvent) -> None:
        """Widen the name axes again: a hidden axis takes no room when it is set."""
        super().showEvent(event)
        plots = {"categories": self.category_plot, "stations": self.station_plot}
        for name, width in self._axis_widths.items():
            plots[name].getAxis("left").setWidth(width)

    def show_summary(self, summary: QualitySummary, *, chinese: bool) -> None:
        """Draw the month's figures; ``chinese`` picks the checklist's labels."""
        months = [t.month for t in summary.trend]
        rates = [t.timeliness.closure_rate for t in summary.trend]
        self._trend(months, rates)
        kinds = {k.kind: k for k in summary.checklist.kinds}
        names = [
            # kind over category: two short lines fit the axis where one would not
            f"{kinds[c.kind].label if chinese else kinds[c.kind].label_en}\n"
            f"{c.label if chinese else c.label_en}"
            if c.kind in kinds
            else c.category
            for c in summary.categories
        ]
        self._bars(
            "categories",
            self.category_plot,
            names,
            [c.points for c in summary.categories],
        )
        self._bars(
            "stations",
            self.station_plot,
            [f"{s.rank}. {s.station}" for s in summary.stations],
            [s.score for s in summary.stations],
            floor=True,
        )

    def _trend(self, months: list[str], rates: list[float | None]) -> None:
        plot = self.trend_plot
        plot.clear()
        self.drawn["trend"] = (months, rates)
        xs = np.array([i for i, r in enumerate(rates) if r is not None], dtype=float)
        ys = np.array([r * 100 for r in rates if r is not None], dtype=float)
        if len(xs):
            plot.plot(
                xs,
                ys,
                pen=pg.mkPen(LINE_COLOUR, width=2),
                symbol="o",
                symbolBrush=LINE_COLOUR,
                symbolSize=7,
            )
        plot.getAxis("bottom").setTicks([[(i, m[2:]) for i, m in enumerate(months)]])
        plot.setXRange(-0.5, max(len(months) - 0.5, 0.5), padding=0)
        plot.setYRange(0, 105, padding=0)

    def _bars(
        self,
        name: str,
        plot: pg.PlotWidget,
        labels: list[str],
        values: list[float],
        *,
        floor: bool = False,
    ) -> None:
        plot.clear()
        self.drawn[name] = (labels, values)
        left = plot.getAxis("left")
        count = len(values)
        left.setTicks([[(count - 1 - i, label) for i, label in enumerate(labels)]])
        # string ticks do not widen the axis by themselves
        widest = max((_text_width(t, self.font()) for t in labels), default=0)
        self._axis_widths[name] = min(widest + 16, 240)
        left.setWidth(self._axis_widths[name])
        if not values:
            return
        start = max(0.0, float(int(min(values) - 5))) if floor else 0.0
        brushes = [BAR_COLOUR] * count
        if floor and count > 1:
            brushes[-1] = LAST_COLOUR
        bars = pg.BarGraphItem(
            x0=start,
            y=np.arange(count - 1, -1, -1, dtype=float),
            height=0.6,
            width=np.array(values, dtype=float) - start,
            brushes=brushes,
            pen=None,
        )
        plot.addItem(bars)
        for i, value in enumerate(values):
            text = pg.TextItem(
                f"{value:.2f}" if floor else f"{value:g}", color="#1f2933"
            )
            text.setAnchor((0, 0.5))
            text.setPos(value, count - 1 - i)
            plot.addItem(text)
        top = max(values)
        plot.setXRange(start, top + max((top - start) * 0.2, 1.0), padding=0)
        plot.setYRange(-0.7, count - 0.3, padding=0)
