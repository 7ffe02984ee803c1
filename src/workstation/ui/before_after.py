"""Before and after of an enhancement: one picture split by a draggable line.

Left of the line is the unprocessed photo, right of it the result, both drawn
in the same place at the same scale, so dragging the line across a face shows
exactly what the chain changed. When the result has another size (a crop, a
rotation, an upscale) the two are drawn side by side instead.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

log = logging.getLogger(__name__)

LINE_COLOUR = QColor("#ffd54f")
BACKGROUND = QColor("#2b2b2b")
#: Space between the pictures drawn side by side, pixels.
GAP = 8


def bgr_image(array: np.ndarray) -> QImage:
    """A QImage holding a copy of a uint8 H x W x 3 BGR array."""
    pixels = np.ascontiguousarray(array)
    height, width = pixels.shape[:2]
    image = QImage(
        pixels.data, width, height, pixels.strides[0], QImage.Format.Format_BGR888
    )
    return image.copy()


def _fitted(size: QSize, area: QRectF) -> QRectF:
    """The largest rectangle of ``size``'s shape centred in ``area``."""
    if size.isEmpty() or area.isEmpty():
        return QRectF()
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )


class BeforeAfterView(QWidget):
    """Draws a before and an after picture, split by a line the mouse drags.

    Attributes:
        split: Where the line is, as a fraction of the picture's width.
    """

    #: Emitted with the new split fraction while the line is dragged.
    split_moved = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before: QImage | None = None
        self.after: QImage | None = None
        self.split = 0.5
        self._side_by_side = False
        self._message = ""
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    @property
    def side_by_side(self) -> bool:
        """Whether the pictures are drawn beside each other (not split)."""
        if self._side_by_side or self.before is None or self.after is None:
            return self._side_by_side
        return self.before.size() != self.after.size()

    def set_side_by_side(self, on: bool) -> None:
        """Draw the pictures beside each other even when they have one size."""
        self._side_by_side = on
        self._update_cursor()
        self.update()

    def set_images(self, before: QImage | None, after: QImage | None) -> None:
        """Show ``before`` and ``after`` (either may be None)."""
        self.before, self.after = before, after
        self._message = ""
        self._update_cursor()
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` over the view (e.g. while nothing is chosen)."""
        self._message = text
        self.update()

    def set_split(self, fraction: float) -> None:
        """Move the line to ``fraction`` (0: all after, 1: all before)."""
        self.split = min(1.0, max(0.0, float(fraction)))
        self.split_moved.emit(self.split)
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the split picture is drawn (empty when side by side)."""
        if self.before is None or self.side_by_side:
            return QRectF()
        return _fitted(self.before.size(), QRectF(self.rect()).adjusted(4, 4, -4, -4))

    def _update_cursor(self) -> None:
        split = self.before is not None and self.after is not None
        if split and not self.side_by_side:
            self.setCursor(Qt.CursorShape.SplitHCursor)
        else:
            self.unsetCursor()

    # -- mouse ------------------------------------------------------------------------

    def _drag_to(self, position: QPointF) -> None:
        rect = self.picture_rect()
        if rect.isEmpty() or self.after is None:
            return
        self.set_split((position.x() - rect.left()) / rect.width())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_to(event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._drag_to(event.position())
        super().mouseMoveEvent(event)

    # -- drawing ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKGROUND)
        if self.before is not None and self.after is not None and self.side_by_side:
            self._paint_side_by_side(painter)
        elif self.before is not None:
            self._paint_split(painter)
        if self._message:
            painter.setPen(QPen(QColor("#f0f0f0")))
            painter.drawText(
                QRectF(self.rect()).adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
                self._message,
            )
        painter.end()

    def _paint_split(self, painter: QPainter) -> None:
        rect = self.picture_rect()
        painter.drawImage(rect, self.before)
        if self.after is None:
            self._caption(painter, rect, self.tr("Before"), left=True)
            return
        line_x = rect.left() + self.split * rect.width()
        right = QRectF(line_x, rect.top(), rect.right() - line_x, rect.height())
        source_x = self.split * self.after.width()
        source = QRectF(source_x, 0, self.after.width() - source_x, self.after.height())
        painter.drawImage(right, self.after, source)
        pen = QPen(LINE_COLOUR, 2)
        painter.setPen(pen)
        painter.drawLine(QPointF(line_x, rect.top()), QPointF(line_x, rect.bottom()))
        handle = QRectF(line_x - 7, rect.center().y() - 18, 14, 36)
        painter.setBrush(QBrush(LINE_COLOUR))
        painter.drawRoundedRect(handle, 4, 4)
        self._caption(painter, rect, self.tr("Before"), left=True)
        self._caption(painter, rect, self.tr("After"), left=False)

    def _paint_side_by_side(self, painter: QPainter) -> None:
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        half = (area.width() - GAP) / 2
        left = _fitted(
            self.before.size(), QRectF(area.x(), area.y(), half, area.height())
        )
        right = _fitted(
            self.after.size(),
            QRectF(area.x() + half + GAP, area.y(), half, area.height()),
        )
        painter.drawImage(left, self.before)
        painter.drawImage(right, self.after)
        self._caption(painter, left, self.tr("Before"), left=True)
        self._caption(painter, right, self.tr("After"), left=True)

    def _caption(self, painter: QPainter, rect: QRectF, text: str, *, left: bool):
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 6
        x = rect.left() + 6 if left else rect.right() - width - 6
        box = QRectF(x, rect.top() + 6, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(0, 0, 0, 170)))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QPen(QColor("#ffffff")))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
