"""Face crops in a grid, and the base of the Faces sub-tabs that show them.

Each crop is captioned with where its face comes from (evidence, and for video
the frame and its time) and how clear it is. The crops themselves are cut by
a service in the worker; the grid only turns their PNG bytes into pixmaps.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.services.faces import FaceCrop
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

CROP = QSize(128, 128)
CELL = QSize(168, 200)
#: At most this many crops are cut for one list (clearest first).
MAX_CROPS = 60


def clock(seconds: float | None) -> str:
    """A time in a video as ``m:ss.s`` (``h:mm:ss.s`` from an hour); ``—`` if none.

    >>> clock(6.41), clock(3725.0), clock(None)
    ('0:06.4', '1:02:05.0', '—')
    """
    if seconds is None:
        return "—"
    minutes, rest = divmod(float(seconds), 60.0)
    hours, minutes = divmod(int(minutes), 60)
    if hours:
        return f"{hours}:{minutes:02d}:{rest:04.1f}"
    return f"{minutes}:{rest:04.1f}"


def face_place(face) -> str:
    """Where a stored face comes from: its evidence, and frame and time in a video."""
    if face.track_id is None and face.time_s is None:
        return face.evidence_name
    return translate("FaceCropGrid", "{evidence}, frame {frame} at {time}").format(
        evidence=face.evidence_name, frame=face.frame, time=clock(face.time_s)
    )


def _quality(face) -> str:
    return "—" if face.quality is None else f"{face.quality:.2f}"


def face_caption(face) -> str:
    """The lines under a crop: quality, evidence, and frame and time for video."""
    lines = [
        translate("FaceCropGrid", "quality {quality}").format(quality=_quality(face)),
        face.evidence_name,
    ]
    if face.track_id is not None or face.time_s is not None:
        lines.append(
            translate("FaceCropGrid", "frame {frame} · {time}").format(
                frame=face.frame, time=clock(face.time_s)
            )
        )
    return "\n".join(lines)


def face_tooltip(face) -> str:
    """Everything known about a stored face, for a crop's tooltip."""
    lines = [
        translate("FaceCropGrid", "Face {id} in {place}").format(
            id=face.id, place=face_place(face)
        ),
        translate(
            "FaceCropGrid", "Quality {quality}, detector score {score:.2f}"
        ).format(quality=_quality(face), score=face.det_score),
    ]
    if face.track_id is not None:
        lines.append(
            translate("FaceCropGrid", "Video track {track}").format(track=face.track_id)
        )
    if face.person:
        lines.append(
            translate("FaceCropGrid", "Linked to {person} by a reviewer").format(
                person=face.person
            )
        )
    return "\n".join(lines)


class FaceCropGrid(QListWidget):
    """Face crops left to right, wrapping, each with its caption; one selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(CROP)
        self.setGridSize(CELL)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.crops: list[FaceCrop] = []

    def show_crops(self, crops: Sequence[FaceCrop]) -> None:
        """Show ``crops`` in their order, replacing what was shown."""
        self.clear()
        self.crops = list(crops)
        for crop in self.crops:
            pixmap = QPixmap()
            if not pixmap.loadFromData(crop.png, "PNG"):
                log.warning("face %d: its crop is not a readable PNG", crop.face.id)
            item = QListWidgetItem(QIcon(pixmap), face_caption(crop.face))
            item.setToolTip(face_tooltip(crop.face))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setData(Qt.ItemDataRole.UserRole, crop.face.id)
            self.addItem(item)

    def face_ids(self) -> list[int]:
        """The ids of the faces shown, in order."""
        return [crop.face.id for crop in self.crops]

    def selected_crop(self) -> FaceCrop | None:
        """The selected crop, if any."""
        rows = [index.row() for index in self.selectedIndexes()]
        return self.crops[rows[0]] if len(rows) == 1 else None


class FacePanel(QWidget):
    """A Faces sub-tab whose data the worker loads when it is first shown.

    Args:
        case_number: The case shown.
        runner: Runs the services.
        parent: Owning widget.
    """

    #: Emitted with the id of a stored face to search with.
    face_search_requested = Signal(int)

    def __init__(
        self, case_number: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._case_number = case_number
        self._runner = runner
        self._loaded = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def stale(self) -> None:
        """The case's faces changed: load again now if shown, else when next shown."""
        if self.isVisible():
            self.load()
        else:
            self._loaded = False

    def load(self) -> None:
        """Ask the worker for the panel's data; subclasses submit the job."""
        self._loaded = True

    def row_table(self, headers: Sequence[str], stretch: int) -> QTableWidget:
        """A read-only table whose rows are selected one at a time.

        Args:
            headers: The column titles.
            stretch: The column that takes the spare width.
        """
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    @staticmethod
    def set_row(
        table: QTableWidget,
        row: int,
        cells: dict[int, str],
        key: int,
        numbers: Collection[int],
    ) -> None:
        """Fill ``row`` with ``cells`` (column: text), each item keeping ``key``.

        The ``numbers`` columns are aligned to the right.
        """
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if column in numbers:
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            table.setItem(row, column, item)

    def beside(
        self,
        table: QTableWidget,
        label: QLabel,
        grid: FaceCropGrid,
        button: QPushButton,
    ) -> QSplitter:
        """The table on the left; the selected row's crops, under ``label``, right."""
        crops = QWidget(self)
        column = QVBoxLayout(crops)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addWidget(grid, 1)
        column.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(table)
        splitter.addWidget(crops)
        splitter.setSizes([540, 580])
        return splitter

    def face_search_button(self, grid: FaceCropGrid) -> QPushButton:
        """A "Search with this face" button for the crop selected in ``grid``."""
        button = QPushButton(self.tr("Search with this face"), self)
        button.setToolTip(
            self.tr(
                "A video face searches with its whole track; a photo's face "
                "with the photo, which works for its largest face."
            )
        )
        button.setEnabled(False)
        grid.itemSelectionChanged.connect(
            lambda: button.setEnabled(grid.selected_crop() is not None)
        )
        button.clicked.connect(lambda: self._search_selected(grid))
        return button

    @Slot()
    def _search_selected(self, grid: FaceCropGrid) -> None:
        crop = grid.selected_crop()
        if crop is not None:
            log.info("search requested with face %d", crop.face.id)
            self.face_search_requested.emit(crop.face.id)
