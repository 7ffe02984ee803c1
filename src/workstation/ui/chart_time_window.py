"""The link chart's time window: two sliders over the days of the case's links.

The first slider picks the first day whose links the chart shows, the second
the last; moving one past the other pushes it along. The window is announced
a moment after the sliders stop, so dragging redraws the chart once.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

log = logging.getLogger(__name__)

#: Milliseconds the sliders must rest before the window is announced.
SETTLE_MS = 300


class TimeWindowBar(QWidget):
    """Picks a window of whole days within the case's first and last link.

    Args:
        parent: Owning widget.
    """

    #: ``(start, end)`` of the window chosen: links at or after ``start`` and
    #: before ``end``; None where the window reaches the case's first or last
    #: link.
    window_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_day: date | None = None
        self._days = 0
        self.start_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.end_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.start_slider.setToolTip(self.tr("First day whose links are shown"))
        self.end_slider.setToolTip(self.tr("Last day whose links are shown"))
        self.start_slider.valueChanged.connect(self._start_moved)
        self.end_slider.valueChanged.connect(self._end_moved)
        self.whole_button = QPushButton(self.tr("Whole period"), self)
        self.whole_button.clicked.connect(self.show_whole_period)
        self.label = QLabel(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._announce)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Time window"), self))
        layout.addWidget(self.start_slider, 1)
        layout.addWidget(self.end_slider, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.whole_button)
        self.set_span(None)

    def set_span(self, span: tuple[datetime, datetime] | None) -> None:
        """Offer the days from the first to the last link (None: no timed links)."""
        self._settle.stop()
        if span is None:
            self._first_day, self._days = None, 0
            self._set_sliders(0, 1, 0, 1)
            self.label.setText(self.tr("No timed links"))
            self._enable(False)
            return
        self._first_day = span[0].date()
        self._days = (span[1].date() - self._first_day).days + 1
        self._set_sliders(0, self._days, 0, self._days)
        self._enable(True)
        self._show_label()

    def set_window(self, start: datetime | None, end: datetime | None) -> None:
        """Put the sliders at a window (as a chart's filter has it), silently."""
        if self._first_day is None:
            return
        first = 0 if start is None else self._day_index(start)
        last = self._days if end is None else self._day_index(end, up=True)
        first = max(0, min(first, self._days - 1))
        last = max(first + 1, min(last, self._days))
        self._set_sliders(first, last, 0, self._days)
        self._show_label()

    def window(self) -> tuple[datetime | None, datetime | None]:
        """The window the sliders show: ``(start, end)``, None where open."""
        if self._first_day is None:
            return None, None
        first, last = self.start_slider.value(), self.end_slider.value()
        start = None if first == 0 else self._midnight(first)
        end = None if last == self._days else self._midnight(last)
        return start, end

    @Slot()
    def show_whole_period(self) -> None:
        """Widen the window to every link and announce it at once."""
        if self._first_day is None:
            return
        self._set_sliders(0, self._days, 0, self._days)
        self._show_label()
        self._announce()

    # -- inside ------------------------------------------------------------------

    def _midnight(self, index: int) -> datetime:
        return datetime.combine(self._first_day + timedelta(days=index), time())

    def _day_index(self, moment: datetime, *, up: bool = False) -> int:
        days = (moment.date() - self._first_day).days
        if up and moment.time() != time():
            days += 1  # a window ending during a day shows that day
        return days

    def _set_sliders(self, first: int, last: int, low: int, high: int) -> None:
        for slider in (self.start_slider, self.end_slider):
            slider.blockSignals(True)
        self.start_slider.setRange(low, max(low, high - 1))
        self.end_slider.setRange(min(low + 1, high), high)
        self.start_slider.setValue(first)
        self.end_slider.setValue(last)
        for slider in (self.start_slider, self.end_slider):
            slider.blockSignals(False)

    def _enable(self, enabled: bool) -> None:
        for widget in (self.start_slider, self.end_slider, self.whole_button):
            widget.setEnabled(enabled)

    @Slot(int)
    def _start_moved(self, value: int) -> None:
        if self.end_slider.value() <= value:
            self.end_slider.blockSignals(True)
            self.end_slider.setValue(value + 1)
            self.end_slider.blockSignals(False)
        self._moved()

    @Slot(int)
    def _end_moved(self, value: int) -> None:
        if self.start_slider.value() >= value:
            self.start_slider.blockSignals(True)
            self.start_slider.setValue(value - 1)
            self.start_slider.blockSignals(False)
        self._moved()

    def _moved(self) -> None:
        self._show_label()
        self._settle.start()

    def _show_label(self) -> None:
        first, last = self.start_slider.value(), self.end_slider.value()
        shown = (
            self._first_day + timedelta(days=first),
            self._first_day + timedelta(days=last - 1),
        )
        self.label.setText(
            self.tr("{first} to {last} (%n day(s))", "", last - first).format(
                first=shown[0].isoformat(), last=shown[1].isoformat()
            )
        )

    @Slot()
    def _announce(self) -> None:
        self._settle.stop()
        start, end = self.window()
        log.debug("time window %s to %s", start, end)
        self.window_changed.emit(start, end)
