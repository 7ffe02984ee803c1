"""A graphics view that zooms about the mouse with the wheel and pans by dragging.

Until the user zooms, the scene is fitted to the view as the view resizes;
:meth:`ZoomableView.fit` goes back to that. Subclasses hear of every change of
scale through :meth:`ZoomableView.scale_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget


class ZoomableView(QGraphicsView):
    """A view of its own scene, zoomed by the wheel within limits, panned by drag."""

    MIN_SCALE = 0.05
    MAX_SCALE = 20.0
    #: Zoom factor of one wheel step.
    WHEEL_STEP = 1.15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._auto_fit = True

    @property
    def scale_factor(self) -> float:
        """Screen pixels per scene unit."""
        return self.transform().m11()

    def scale_changed(self) -> None:
        """Called after every zoom or fit; subclasses react to the new scale."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(self.WHEEL_STEP**steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit_scene()

    def zoom(self, factor: float) -> None:
        """Scale the view by ``factor``, within sensible limits."""
        current = self.scale_factor
        factor = max(self.MIN_SCALE / current, min(self.MAX_SCALE / current, factor))
        self._auto_fit = False
        self.scale(factor, factor)
        self.scale_changed()

    def fit(self) -> None:
        """Show the whole scene, and follow the view's size again."""
        self._auto_fit = True
        self._fit_scene()

    def _fit_scene(self) -> None:
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self.scale_changed()
