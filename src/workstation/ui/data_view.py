"""The Data tab: the case's imports, their rejected rows, and the import wizard."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.records import ImportSummary
from workstation.services import browse
from workstation.services.ingest import list_rejects
from workstation.services.workspace import Workspace
from workstation.ui.import_result_page import rejects_table, show_rejects
from workstation.ui.import_wizard import ImportWizard
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


class DataView(QWidget):
    """Every import of the case with its counts; the selected one's rejected rows.

    A table file dropped on the tab opens the import wizard on it.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case shown.
        runner: Runs previews and imports.
        parent: Owning widget.
    """

    #: Emitted with the summary of each finished import.
    imported = Signal(object)

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self._runner = runner
        self.rows: list[browse.ImportRow] = []
        self.wizard: ImportWizard | None = None
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("Import a table…"), self)
        self.import_button.clicked.connect(lambda: self.open_wizard())
        hint = QLabel(self.tr("or drop a CSV or Excel file here"), self)
        hint.setStyleSheet("color: #666666")
        self.heading = QLabel(self)
        self.imports = QTableWidget(0, 9, self)
        self.imports.setHorizontalHeaderLabels(
            [
                self.tr("Import"),
                self.tr("File"),
                self.tr("Spec"),
                self.tr("Encoding"),
                self.tr("Rows read"),
                self.tr("Imported"),
                self.tr("Rejected"),
                self.tr("By"),
                self.tr("When"),
            ]
        )
        self.imports.verticalHeader().setVisible(False)
        self.imports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.imports.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.imports.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.imports.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.imports.horizontalHeader().setStretchLastSection(True)
        self.imports.itemSelectionChanged.connect(self._show_selected_rejects)
        self.rejects_label = QLabel(self)
        self.rejects = rejects_table(self)

        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(hint)
        top.addStretch(1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.rejects_label)
        lower_layout.addWidget(self.rejects)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.imports)
        splitter.addWidget(lower)
        splitter.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the list of imports again."""
        self.rows = browse.import_list(self._ws, self._case_number)
        self.heading.setText(
            self.tr("%n import(s) in this case.", "", len(self.rows))
            if self.rows
            else self.tr("Nothing imported yet.")
        )
        self.imports.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            cells = (
                str(entry.id),
                entry.file_name,
                entry.spec_name,
                entry.encoding,
                str(entry.rows_read),
                str(entry.rows_loaded),
                str(entry.rows_rejected),
                entry.imported_by,
                entry.imported_at.strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 4, 5, 6):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.imports.setItem(row, column, item)
        self.imports.clearSelection()
        if self.rows:
            self.imports.selectRow(0)
        self._show_selected_rejects()

    def select_import(self, import_id: int) -> bool:
        """Select an import by id (its rejected rows show below)."""
        for row, entry in enumerate(self.rows):
            if entry.id == import_id:
                self.imports.selectRow(row)
                return True
        return False

    @Slot()
    def _show_selected_rejects(self) -> None:
        rows = self.imports.selectionModel().selectedRows()
        if len(rows) != 1:
            self.rejects_label.setText(self.tr("Select an import to see its rejects."))
            show_rejects(self.rejects, [])
            return
        entry = self.rows[rows[0].row()]
        rejected = list_rejects(self._ws, entry.id)
        if rejected:
            text = self.tr(
                "Import {id} ({file}): %n rejected row(s), by line in the file.",
                "",
                len(rejected),
            )
        else:
            text = self.tr("Import {id} ({file}): no row was rejected.")
        self.rejects_label.setText(text.format(id=entry.id, file=entry.file_name))
        show_rejects(self.rejects, rejected)

    # -- the wizard ---------------------------------------------------------------

    def open_wizard(self, path: Path | None = None) -> ImportWizard:
        """Open the import wizard (on ``path`` when given); return it."""
        wizard = ImportWizard(
            self._ws, self._case_number, self._runner, self, path=path
        )
        wizard.imported.connect(self._imported)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.destroyed.connect(self._wizard_gone)
        self.wizard = wizard
        wizard.open()
        return wizard

    @Slot()
    def _wizard_gone(self) -> None:
        self.wizard = None

    def _imported(self, summary: ImportSummary) -> None:
        self.refresh()
        self.select_import(summary.import_id)
        self.imported.emit(summary)

    @staticmethod
    def _table_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in TABLE_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if len(self._table_files(event)) == 1:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._table_files(event)
        if len(files) != 1:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_wizard(files[0])
