"""A photo viewer that zooms with the wheel, pans by dragging and draws face boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
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


def face_caption(face: FaceBox) -> str:
    """A box's caption: detector score, or track and quality for a video face."""
    if face.track_id is not None:
        caption = QCoreApplication.translate(
            "ImageViewer", "track {track} · quality {quality}"
        ).format(
            track=face.track_id,
            quality="–" if face.quality is None else f"{face.quality:.2f}",
        )
    else:
        caption = f"{face.det_score:.2f}"
    if face.person_label:
        caption = f"{face.person_label} · {caption}"
    return caption


class FaceBoxItem(QGraphicsRectItem):
    """One face's box with its caption (see :func:`face_caption`).

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
        caption = face_caption(face)
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
        self.faces_visible = True
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
        self._place(image, faces, scale)
        self.fit()
        return True

    def show_frame(self, image: QImage, faces: list[FaceBox] = ()) -> None:
        """Show a video frame with ``faces`` boxed, keeping zoom and scroll.

        The view is fitted only when the frame's size differs from the one
        shown, so stepping through a video stays where the user zoomed.
        """
        if self.pixmap_item is not None and image.size() == self.image_size:
            self.pixmap_item.setPixmap(QPixmap.fromImage(image))
            for item in self.face_items:
                self.scene().removeItem(item)
            self.face_items = []
            self._add_faces(faces, 1.0)
            self._update_captions()
            return
        self.clear()
        self._place(image, faces, 1.0)
        self.fit()

    def _place(self, image: QImage, faces: list[FaceBox], scale: float) -> None:
        self.image_size = image.size()
        self.pixmap_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setTransformationMode(
            Qt.TransformationMode.SmoothTransformation
        )
        self._add_faces(faces, scale)
        self.scene().setSceneRect(QRectF(image.rect()))

    def _add_faces(self, faces: list[FaceBox], scale: float) -> None:
        for face in faces:
            item = FaceBoxItem(face, scale)
            item.setVisible(self.faces_visible)
            self.scene().addItem(item)
            self.face_items.append(item)

    def set_faces_visible(self, visible: bool) -> None:
        """Show or hide the face boxes (also those of frames shown later)."""
        self.faces_visible = visible
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
