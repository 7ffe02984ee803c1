"""A photo viewer that zooms with the wheel, pans by dragging and draws face boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QWidget,
)

from workstation.services.browse import FaceBox
from workstation.ui.zoom_view import ZoomableView

log = logging.getLogger(__name__)

#: Photos larger than this (longest side, pixels) are shown scaled down.
MAX_SIDE = 6000
#: A box's caption shows once the box is this wide on screen (pixels).
CAPTION_MIN_WIDTH = 18
BOX_COLOUR = QColor("#00c853")
NAMED_COLOUR = QColor("#ffab00")


class FaceBoxItem(QGraphicsRectItem):
    """One face's box with its detector score (and person, when linked).

    The outline and the caption keep their size on screen at any zoom.
    """

    def __init__(self, face: FaceBox, scale: float) -> None:
        x1, y1, x2, y2 = (v * scale for v in face.box)
        super().__init__(QRectF(x1, y1, x2 - x1, y2 - y1))
        self.face = face
        colour = NAMED_COLOUR if face.person_label else BOX_COLOUR
        pen = QPen(colour, 2.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setZValue(1)
        caption = f"{face.det_score:.2f}"
        if face.person_label:
            caption = f"{face.person_label} · {caption}"
        self.setToolTip(caption)
        # The caption keeps its size on screen: a dark label under the box.
        label = QGraphicsRectItem(self)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setPos(x1, y2)
        label.setPen(QPen(Qt.PenStyle.NoPen))
        label.setBrush(QBrush(QColor(0, 0, 0, 170)))
        text = QGraphicsSimpleTextItem(caption, label)
        font = QFont(text.font())
        font.setPixelSize(11)
        font.setBold(True)
        text.setFont(font)
        text.setBrush(QBrush(colour))
        text.setPos(3, 1)
        bounds = text.boundingRect()
        label.setRect(QRectF(0, 0, bounds.width() + 6, bounds.height() + 2))
        self.caption = label
        self.caption_text = text


class ImageViewer(ZoomableView):
    """Shows one photo; wheel zooms about the mouse, dragging pans.

    Until the user zooms, the photo is fitted to the view as it resizes.
    """

    MIN_SCALE = 0.02
    MAX_SCALE = 32.0
    WHEEL_STEP = 1.2

    #: Emitted with the new scale after each zoom.
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QBrush(QColor("#2b2b2b")))
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.face_items: list[FaceBoxItem] = []
        self.image_size = QSize()

    def clear(self) -> None:
        """Show nothing."""
        self.scene().clear()
        self.pixmap_item = None
        self.face_items = []
        self.image_size = QSize()

    def show_image(self, path: Path, faces: list[FaceBox] = ()) -> bool:
        """Show the photo at ``path`` upright, with ``faces`` boxed.

        Args:
            path: The photo (the vault copy).
            faces: Boxes in pixels of the upright photo.

        Returns:
            False when the photo cannot be read (the view is then empty).
        """
        self.clear()
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()  # as stored; scaling happens before rotation
        scale = 1.0
        longest = max(size.width(), size.height())
        if longest > MAX_SIDE:
            scale = MAX_SIDE / longest
            reader.setScaledSize(
                size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if image.isNull():
            log.warning("cannot show %s: %s", path.name, reader.errorString())
            return False
        self.image_size = image.size()
        self.pixmap_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setTransformationMode(
            Qt.TransformationMode.SmoothTransformation
        )
        for face in faces:
            item = FaceBoxItem(face, scale)
            self.scene().addItem(item)
            self.face_items.append(item)
        self.scene().setSceneRect(QRectF(image.rect()))
        self.fit()
        return True

    def set_faces_visible(self, visible: bool) -> None:
        """Show or hide the face boxes."""
        for item in self.face_items:
            item.setVisible(visible)

    def _update_captions(self) -> None:
        """Caption only the boxes wide enough on screen (a crowd stays legible)."""
        scale = self.scale_factor
        for item in self.face_items:
            item.caption.setVisible(item.rect().width() * scale >= CAPTION_MIN_WIDTH)

    def actual_size(self) -> None:
        """One photo pixel per screen pixel."""
        self._auto_fit = False
        self.resetTransform()
        self.scale_changed()

    def scale_changed(self) -> None:
        self._update_captions()
        self.zoomed.emit(self.scale_factor)
