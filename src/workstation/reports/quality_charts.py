"""The monthly quality summary's charts, drawn with reportlab's own graphics.

Vector drawings set in the report font, so Chinese station and category
names print as text: the 30-day closure rate by month (a line), the problem
points by category and the station scores (horizontal bars).
"""

from __future__ import annotations

import logging

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from workstation.reports.pdf_parts import HEADING, INK, MUTED

log = logging.getLogger(__name__)

BAR = colors.HexColor("#4e79a7")
ALERT_BAR = colors.HexColor("#e15759")
_TITLE_SIZE = 9
_LABEL_SIZE = 7


def _frame(width: float, height: float, title: str, font: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(
        String(
            0, height - _TITLE_SIZE, title, fontName=font, fontSize=_TITLE_SIZE,
            fillColor=HEADING,
        )
    )  # fmt: skip
    return drawing


def _empty(drawing: Drawing, text: str, font: str) -> Drawing:
    drawing.add(
        String(
            drawing.width / 2, drawing.height / 2, text, fontName=font,
            fontSize=_LABEL_SIZE + 1, fillColor=MUTED, textAnchor="middle",
        )
    )  # fmt: skip
    return drawing


def closure_trend_chart(
    months: list[str],
    rates: list[float | None],
    *,
    width: float,
    height: float,
    title: str,
    empty: str,
    font: str,
) -> Drawing:
    """Closure rate in per cent by month; a month without due cases is a gap."""
    drawing = _frame(width, height, title, font)
    if not any(r is not None for r in rates):
        return _empty(drawing, empty, font)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 18
    chart.width, chart.height = width - 40, height - 18 - _TITLE_SIZE - 22
    chart.data = [[None if r is None else round(r * 100, 1) for r in rates]]
    chart.categoryAxis.categoryNames = [m[2:] for m in months]  # 26-11
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.lines[0].strokeColor = BAR
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = None
    chart.lineLabelFormat = "%.0f"
    chart.lineLabels.fontName = font
    chart.lineLabels.fontSize = _LABEL_SIZE
    chart.lineLabels.fillColor = INK
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = _LABEL_SIZE
    drawing.add(chart)
    return drawing


def horizontal_bars(
    names: list[str],
    values: list[float],
    *,
    width: float,
    title: str,
    empty: str,
    font: str,
    floor: float = 0.0,
    highlight_last: bool = False,
    number_format: str = "%.1f",
) -> Drawing:
    """One bar per name, first at the top; the drawing grows with the names."""
    height = max(60.0, 16.0 * len(names) + 34)
    drawing = _frame(width, height, title, font)
    if not names:
        return _empty(drawing, empty, font)
    label_room = min(width * 0.45, 10 + _LABEL_SIZE * max(len(n) for n in names))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room, 16
    chart.width, chart.height = width - label_room - 30, height - 16 - _TITLE_SIZE - 8
    # reportlab draws the first category at the bottom
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.valueMin = floor
    top = max(values)
    chart.valueAxis.valueMax = top + max((top - floor) * 0.15, 1.0)
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if highlight_last and len(values) > 1:
        chart.bars[(0, 0)].fillColor = ALERT_BAR
    chart.barLabelFormat = number_format
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = _LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
