"""The media pane of the Evidence tab: photo or video viewer, zoom and a caption."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import IntegrityError
from workstation.domain.records import Evidence
from workstation.services import browse
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.ui.image_viewer import ImageViewer
from workstation.ui.video_player import VideoPlayer, clock

log = logging.getLogger(__name__)


class MediaPanel(QWidget):
    """Shows one evidence photo or video with the faces found in it.

    A video gets the :class:`VideoPlayer`'s controls under the viewer.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case the photos belong to.
        parent: Owning widget.
    """

    def __init__(
        self, ws: Workspace, case_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self.evidence: Evidence | None = None
        self.faces: list[browse.FaceBox] = []

        self.viewer = ImageViewer(self)
        self.caption = QLabel(self.tr("Select a photo to view it."), self)
        self.caption.setWordWrap(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("3200%") + 6
        )
        self.show_faces = QCheckBox(self.tr("Face boxes"), self)
        self.show_faces.setChecked(True)
        self.show_faces.toggled.connect(self.viewer.set_faces_visible)
        self.fit_button = QPushButton(self.tr("Fit"), self)
        self.actual_button = QPushButton(self.tr("100%"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.fit_button.clicked.connect(self.viewer.fit)
        self.actual_button.clicked.connect(self.viewer.actual_size)
        self.zoom_in_button.clicked.connect(lambda: self.viewer.zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.viewer.zoom(0.8))
        self.viewer.zoomed.connect(self._show_zoom)
        self.player = VideoPlayer(ws, case_number, self.viewer, self)
        self.player.opened.connect(self._video_opened)
        self.player.failed.connect(self.caption.setText)
        self.player.hide()

        tools = QHBoxLayout()
        for widget in (
            self.fit_button,
            self.actual_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.show_faces,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.player)
        layout.addWidget(self.caption)

    def show_evidence(self, evidence: Evidence | None) -> None:
        """Show an evidence item: a photo with its face boxes, or a note."""
        self.evidence = evidence
        self.faces = []
        self.viewer.clear()
        self.zoom_label.clear()
        self.player.stop()
        self.player.setVisible(
            evidence is not None and evidence.media_type.startswith("video/")
        )
        if evidence is None:
            self.caption.setText(self.tr("Select a photo to view it."))
            return
        if self.player.isVisibleTo(self):
            self.caption.setText(
                self.tr("Opening {name}…").format(name=evidence.original_name)
            )
            self.player.open(evidence)
            return
        if not evidence.media_type.startswith("image/"):
            self.caption.setText(
                self.tr(
                    "{name} is {type}; only photos and videos are shown here."
                ).format(name=evidence.original_name, type=evidence.media_type)
            )
            return
        try:
            path = evidence_file(self._ws, evidence)
        except IntegrityError as exc:
            self.caption.setText(str(exc))
            return
        self.faces = browse.evidence_faces(self._ws, self._case_number, evidence.id)
        shown = self.viewer.show_image(path, self.faces)
        self.viewer.set_faces_visible(self.show_faces.isChecked())
        if not shown:
            self.caption.setText(
                self.tr(
                    "{name} cannot be shown: the file is not a readable photo."
                ).format(name=evidence.original_name)
            )
            return
        size = self.viewer.image_size
        text = self.tr("{name}, {width}×{height} px").format(
            name=evidence.original_name, width=size.width(), height=size.height()
        )
        text += " — " + (
            self.tr("%n face(s) found; box label: detector score.", "", len(self.faces))
            if self.faces
            else self.tr("no faces found, or not scanned yet.")
        )
        self.caption.setText(text)

    @Slot()
    def _video_opened(self) -> None:
        details = self.player.details
        faces = self.player.faces
        text = self.tr(
            "{name}, {width}×{height} px, {duration} at {fps} frames/s"
        ).format(
            name=details.name,
            width=details.width,
            height=details.height,
            duration=clock(details.duration_s),
            fps=f"{details.fps:.2f}",
        )
        text += " — " + (
            self.tr(
                "%n face(s) stored in {frames} frame(s); box label: track and quality.",
                "",
                faces.count,
            ).format(frames=len(faces.by_frame))
            if faces.scanned
            else self.tr("not scanned for faces yet.")
        )
        self.caption.setText(text)

    @Slot(float)
    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(f"{scale * 100:.0f}%")
