"""The timeline picture for reports: contacts per day and an hour-by-weekday heat map.

Drawn like the link chart: a bare matplotlib ``Figure`` on the Agg canvas,
every text in the shipped CJK font, saved as an opaque PNG.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from workstation.graph.chart_fonts import figure_png, register_chart_font

log = logging.getLogger(__name__)

_FALLBACK_FAMILY = "DejaVu Sans"
_BAR_COLOUR = "#00798c"
_MARGIN = timedelta(hours=16)  # a bar is 0.8 days wide

_TEXT = {
    "zh": {
        "per_day": "每日联系次数",
        "count": "次数",
        "heat": "联系时段分布（星期 × 小时）",
        "hour": "小时",
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "note": "共 {total} 次联系，{days} 天；夜间（22 时至 6 时）占 {night:.0%}",
        "empty": "所选范围内没有带时间的联系记录",
    },
    "en": {
        "per_day": "Contacts per day",
        "count": "contacts",
        "heat": "When contacts happen (weekday x hour)",
        "hour": "hour",
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "note": "{total} contacts over {days} days; {night:.0%} at night (22:00-06:00)",
        "empty": "No timed contacts in the chosen range",
    },
}


def render_timeline_chart(
    days: Sequence[tuple[date, int]],
    matrix: np.ndarray,
    *,
    title: str,
    font_path: str | Path,
    night: float = 0.0,
    lang: str = "zh",
    size_inches: tuple[float, float] = (11.0, 8.0),
    dpi: int = 150,
) -> bytes:
    """Draw contacts per day above a weekday-by-hour heat map; return PNG bytes.

    Args:
        days: ``(day, count)`` for consecutive days, from
            :func:`~workstation.graph.timeline.calls_per_day`.
        matrix: 7 x 24 counts, Monday first, from
            :func:`~workstation.graph.timeline.hour_weekday_matrix`.
        title: Printed above the charts.
        font_path: The CJK TrueType font for all text.
        night: Share of contacts at night, for the note.
        lang: "zh" or "en".
        size_inches: Figure width and height.
        dpi: Resolution of the PNG.

    Returns:
        The picture as PNG bytes.
    """
    text = _TEXT.get(lang, _TEXT["en"])
    family = [register_chart_font(font_path), _FALLBACK_FAMILY]
    figure = Figure(figsize=size_inches, dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    figure.suptitle(title, fontfamily=family, fontsize=15, y=0.975, wrap=True)
    total = int(np.asarray(matrix).sum())
    if total == 0:
        figure.text(
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

    bars = figure.add_axes((0.08, 0.56, 0.88, 0.33))
    heat = figure.add_axes((0.08, 0.1, 0.8, 0.36))
    colour_bar = figure.add_axes((0.9, 0.1, 0.02, 0.36))
    _draw_days(bars, days, text, family)
    _draw_heat(heat, colour_bar, np.asarray(matrix), text, family)
    figure.text(
        0.5,
        0.02,
        text["note"].format(total=total, days=len(days), night=night),
        ha="center",
        fontfamily=family,
        fontsize=9,
        color="#444444",
    )
    return figure_png(figure, dpi)


def _draw_days(axes, days, text, family) -> None:
    xs = [datetime.combine(day, time()) for day, _ in days]
    ys = [count for _, count in days]
    axes.bar(xs, ys, width=0.8, color=_BAR_COLOUR, align="center")
    axes.set_title(text["per_day"], fontfamily=family, fontsize=11, loc="left")
    axes.set_ylabel(text["count"], fontfamily=family, fontsize=9)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(xs[0] - _MARGIN, xs[-1] + _MARGIN)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(family)
        label.set_fontsize(8)


def _draw_heat(axes, colour_bar, matrix, text, family) -> None:
    image = axes.imshow(matrix, aspect="auto", cmap="YlOrRd", interpolation="nearest")
    axes.set_title(text["heat"], fontfamily=family, fontsize=11, loc="left")
    axes.set_yticks(range(7), text["weekdays"], fontfamily=family, fontsize=8)
    axes.set_xticks(range(0, 24, 2), [str(h) for h in range(0, 24, 2)], fontsize=8)
    axes.set_xlabel(text["hour"], fontfamily=family, fontsize=9)
    highest = int(matrix.max())
    for (row, column), value in np.ndenumerate(matrix):
        if value:
            axes.text(
                column,
                row,
                str(int(value)),
                ha="center",
                va="center",
                fontsize=6,
                color="white" if value > highest * 0.6 else "#333333",
            )
    bar = axes.figure.colorbar(image, cax=colour_bar)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    bar.ax.tick_params(labelsize=7)
