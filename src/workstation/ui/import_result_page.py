"""The import wizard's last page: progress, then the counts and the rejected rows."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from workstation.domain.records import ImportSummary, RejectedRow
from workstation.ui.workers import JobFailure

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def fill_table(
    table: QTableWidget,
    headers: list[str],
    rows: list[tuple],
    row_labels: list[str] | None = None,
) -> None:
    """Put ``rows`` of text into ``table`` under ``headers``."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, value in enumerate(cells):
            table.setItem(
                row, column, QTableWidgetItem("" if value is None else str(value))
            )
    if row_labels is not None:
        table.setVerticalHeaderLabels(row_labels)
    table.resizeColumnsToContents()


def rejects_table(parent: QWidget) -> QTableWidget:
    """An empty table for rejected rows: line, column, value, reason."""
    table = QTableWidget(0, 4, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
    )
    return table


def show_rejects(table: QTableWidget, rejected: tuple[RejectedRow, ...] | list) -> None:
    """Fill a :func:`rejects_table` with rows in line order."""
    headers = [
        translate("ImportRejects", "Line"),
        translate("ImportRejects", "Column"),
        translate("ImportRejects", "Value"),
        translate("ImportRejects", "Reason"),
    ]
    fill_table(
        table,
        headers,
        [(r.line, r.column, r.value, r.reason) for r in rejected],
    )
    for row in range(table.rowCount()):
        table.item(row, 0).setTextAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
    table.horizontalHeader().setStretchLastSection(True)


class ResultPage(QWizardPage):
    """Runs the import and shows what it did."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import"))
        self.running = False
        self._title = ""
        self._connected = False
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.rejects_label = QLabel(self)
        self.rejects = rejects_table(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.rejects_label)
        layout.addWidget(self.rejects, 1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if wizard.summary is not None or self.running:
            return
        if not self._connected:
            wizard.runner.progressed.connect(self._on_progress)
            wizard.runner.failed.connect(self._on_failed)
            self._connected = True
        self.running = True
        self.progress.setRange(0, 0)
        where = wizard.spec_path or wizard.spec.name
        self.status.setText(
            self.tr("Importing {file} with spec {spec}…").format(
                file=wizard.preview.path.name, spec=where
            )
        )
        self._title = wizard.run_import()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running and self.wizard().summary is not None

    def cleanupPage(self) -> None:
        """Going back after a failed import keeps nothing of it."""

    def show_summary(self, summary: ImportSummary) -> None:
        """Show the counts and the rejected rows of a finished import."""
        self.running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            self.tr(
                "{file}: {read} row(s) read, {loaded} imported, {rejected} rejected; "
                "{entities} new entities, {links} new links. Encoding {encoding}. "
                "Import {id}."
            ).format(
                file=summary.file_name,
                read=summary.rows_read,
                loaded=summary.rows_loaded,
                rejected=len(summary.rejected),
                entities=summary.entities_added,
                links=summary.links_added,
                encoding=summary.encoding,
                id=summary.import_id,
            )
        )
        self.rejects_label.setText(
            self.tr("Rejected rows, by line in the file:")
            if summary.rejected
            else self.tr("No row was rejected.")
        )
        show_rejects(self.rejects, summary.rejected)
        self.completeChanged.emit()

    @Slot(str, int, int, str)
    def _on_progress(self, title: str, done: int, total: int, message: str) -> None:
        if self.running and title == self._title:
            self.progress.setRange(0, max(total, 0))
            self.progress.setValue(min(done, total) if total else 0)

    @Slot(object)
    def _on_failed(self, failure: JobFailure) -> None:
        if not self.running or failure.title != self._title:
            return
        self.running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        text = (
            self.tr("Cancelled; nothing was imported.")
            if failure.cancelled
            else self.tr("Nothing was imported: {message}").format(
                message=failure.message
            )
        )
        self.status.setText(text + " " + self.tr("Go back to change the mapping."))
        self.completeChanged.emit()
