"""The Evidence tab: the case's files with thumbnails and SHA-256, and adding more."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import IntegrityError
from workstation.domain.records import Evidence
from workstation.services import browse
from workstation.services.evidence import add_evidence, evidence_file
from workstation.services.workspace import Workspace
from workstation.ui.entity_table_model import Column, PagedTableModel
from workstation.ui.media_panel import MediaPanel
from workstation.ui.table_views import PagedTableView
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

THUMBNAIL = QSize(96, 96)


class ThumbnailCache:
    """Small pixmaps of image evidence, read once from the vault copy.

    ``QImageReader`` decodes straight to the thumbnail size and applies the
    EXIF orientation, so a large photo costs little.
    """

    def __init__(self, ws: Workspace, size: QSize = THUMBNAIL) -> None:
        self._ws = ws
        self._size = size
        self._pixmaps: dict[str, QPixmap | None] = {}

    def get(self, evidence: Evidence) -> QPixmap | None:
        """The thumbnail of an image item; None for other media or bad files."""
        if not evidence.media_type.startswith("image/"):
            return None
        if evidence.sha256 not in self._pixmaps:
            self._pixmaps[evidence.sha256] = self._load(evidence)
        return self._pixmaps[evidence.sha256]

    def _load(self, evidence: Evidence) -> QPixmap | None:
        try:
            path = evidence_file(self._ws, evidence)
        except IntegrityError as exc:
            log.warning("no thumbnail: %s", exc)
            return None
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(self._size, Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if image.isNull():
            log.warning(
                "no thumbnail for %s: %s", evidence.original_name, reader.errorString()
            )
            return None
        return QPixmap.fromImage(image)


translate = QCoreApplication.translate


def evidence_columns(thumbnails: ThumbnailCache) -> list[Column]:
    """Columns of the Evidence table; the name cell carries the thumbnail."""
    locale = QLocale()
    return [
        Column(
            "original_name",
            translate("EvidenceView", "File"),
            lambda e: e.original_name,
            decoration=thumbnails.get,
            tooltip=lambda e: e.original_path,
        ),
        Column("media_type", translate("EvidenceView", "Type"), lambda e: e.media_type),
        Column(
            "size_bytes",
            translate("EvidenceView", "Size"),
            lambda e: locale.formattedDataSize(e.size_bytes),
            numeric=True,
        ),
        Column("sha256", translate("EvidenceView", "SHA-256"), lambda e: e.sha256),
        Column("added_by", translate("EvidenceView", "Added by"), lambda e: e.added_by),
        Column("added_at", translate("EvidenceView", "Added"), lambda e: e.added_at),
    ]


def evidence_model(
    ws: Workspace,
    case_number: str,
    *,
    page_size: int = browse.DEFAULT_PAGE,
    parent: QObject | None = None,
) -> PagedTableModel:
    """A paged model of the case's evidence, with thumbnails of images."""
    thumbnails = ThumbnailCache(ws)

    def fetch(search: str, sort: str, descending: bool, offset: int, limit: int):
        return browse.evidence_page(
            ws,
            case_number,
            search=search,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )

    return PagedTableModel(
        evidence_columns(thumbnails),
        lambda search: browse.count_evidence(ws, case_number, search),
        fetch,
        page_size=page_size,
        parent=parent,
    )


class EvidenceView(QWidget):
    """The evidence list beside a photo viewer; files are added in a worker.

    Files come from the "Add files…" button or are dropped onto the tab.
    Selecting a photo shows it with the faces found in it.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case shown.
        runner: Runs the import of new files.
        parent: Owning widget.
    """

    #: Emitted after files were added, with the number of new items.
    evidence_added = Signal(int)

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._case_number = case_number
        self._runner = runner
        self.setAcceptDrops(True)

        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.drop_hint = QLabel(self.tr("or drop files here"), self)
        self.drop_hint.setStyleSheet("color: #666666")
        self.table_view = PagedTableView(
            evidence_model(ws, case_number),
            self.tr("Search by file name or SHA-256"),
            self,
        )
        table = self.table_view.table
        table.setIconSize(THUMBNAIL)
        table.verticalHeader().setDefaultSectionSize(THUMBNAIL.height() + 8)
        table.setColumnWidth(0, 240)
        table.setColumnWidth(3, 200)
        table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table_view.model.modelReset.connect(self._show_selected)
        self.media = MediaPanel(ws, case_number, self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.drop_hint)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table_view)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.media)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    @property
    def model(self) -> PagedTableModel:
        return self.table_view.model

    def select_row(self, row: int) -> None:
        """Select (and so show) the evidence item at ``row``."""
        self.table_view.table.selectRow(row)

    @Slot()
    def _show_selected(self) -> None:
        rows = self.table_view.table.selectionModel().selectedRows()
        evidence = self.model.row_object(rows[0].row()) if len(rows) == 1 else None
        self.media.show_evidence(evidence)

    def refresh_faces(self) -> None:
        """Draw the selected photo again (after a face scan)."""
        self.media.show_evidence(self.media.evidence)

    # -- adding files -------------------------------------------------------------

    @staticmethod
    def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        log.info("%d file(s) dropped on the evidence list", len(paths))
        self.add_files(paths)

    @Slot()
    def choose_files(self) -> None:
        """Ask for files with a dialog, then add them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add evidence files"),
            "",
            self.tr(
                "Images and video (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.mp4 "
                "*.avi *.mov *.mkv);;All files (*)"
            ),
        )
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Copy ``paths`` into the vault and record them, in the worker."""
        case_number = self._case_number

        def job(ws, progress, cancel):
            return add_evidence(
                ws, case_number, paths, progress=progress, cancel=cancel
            )

        self._runner.submit(
            self.tr("Adding %n evidence file(s)", "", len(paths)),
            job,
            self._added,
        )

    def _added(self, results: list[tuple[Evidence, bool]]) -> None:
        new = sum(1 for _, is_new in results if is_new)
        log.info(
            "added %d evidence file(s), %d already in the case", new, len(results) - new
        )
        self.model.reload()
        self.evidence_added.emit(new)
