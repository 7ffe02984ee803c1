"""The Faces tab's Clearest faces: the case's faces, clearest first, as crops.

Quality combines sharpness, size, detector score and pose; the clearest faces
are the ones worth searching with or showing in a brief.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.services.faces import FaceCrop, clearest_faces, face_crops
from workstation.ui.face_crop_grid import MAX_CROPS, FaceCropGrid, FacePanel
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClearestFaces:
    """The clearest faces of the case with their crops, cut in the worker."""

    limit: int
    crops: tuple[FaceCrop, ...]


class ClearestFacesPanel(FacePanel):
    """The case's clearest faces as a grid of crops.

    Args:
        case_number: The case shown.
        runner: Runs the services.
        parent: Owning widget.
    """

    def __init__(
        self, case_number: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(case_number, runner, parent)
        self.shown: ClearestFaces | None = None

        self.limit = QSpinBox(self)
        self.limit.setRange(1, 500)
        self.limit.setSingleStep(10)
        self.limit.setValue(MAX_CROPS)
        self.refresh_button = QPushButton(self.tr("Show"), self)
        self.refresh_button.clicked.connect(self.load)
        self.summary = QLabel(self.tr("The clearest faces are shown once cut."), self)
        self.summary.setWordWrap(True)
        self.grid = FaceCropGrid(self)
        self.search_button = self.face_search_button(self.grid)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Clearest faces to show:"), self))
        top.addWidget(self.limit)
        top.addWidget(self.refresh_button)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)

    @Slot()
    def load(self) -> None:
        """List the clearest faces and cut their crops, in the worker."""
        super().load()
        case_number, limit = self._case_number, self.limit.value()

        def job(ws, progress, cancel):
            rows = clearest_faces(ws, case_number, limit=limit)
            crops = face_crops(
                ws, case_number, [r.id for r in rows], progress=progress, cancel=cancel
            )
            return ClearestFaces(limit, tuple(crops))

        title = self.tr("Cutting the {limit} clearest faces").format(limit=limit)
        self._runner.submit(title, job, self.show_faces)

    def show_faces(self, clearest: ClearestFaces) -> None:
        """Show the clearest faces in their order."""
        self.shown = clearest
        self.grid.show_crops(clearest.crops)
        if not clearest.crops:
            self.summary.setText(
                self.tr("No faces yet: add photos or videos and find faces in them.")
            )
            return
        qualities = [c.face.quality for c in clearest.crops if c.face.quality]
        self.summary.setText(
            self.tr(
                "The case's {count} clearest face(s), clearest first (quality "
                "{best:.2f} to {worst:.2f}; it combines sharpness, size, detector "
                "score and pose)."
            ).format(
                count=len(clearest.crops),
                best=max(qualities, default=0.0),
                worst=min(qualities, default=0.0),
            )
        )
