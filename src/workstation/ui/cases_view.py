"""The Cases tab: every case of the workspace with its key dates; new, open, close."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.services import browse
from workstation.services.cases import close_case, create_case
from workstation.services.workspace import Workspace
from workstation.ui.labels import kind_text, status_text
from workstation.ui.new_case_dialog import NewCase, NewCaseDialog
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

NUMBER, TITLE, KIND, STATUS, OFFICER, OPENED, CLOSED = range(7)
FIRST, LAST, IMPORTED, ENTITIES, LINKS, EVIDENCE = range(7, 13)


def _when(value: datetime | None, *, time: bool = True) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M" if time else "%Y-%m-%d")


class CasesView(QWidget):
    """The workspace's cases in a table, with New, Open and Close buttons.

    Args:
        ws: The workspace the UI thread reads from.
        runner: Runs the changes (create, close) in the worker.
        parent: Owning widget.
    """

    #: The user asked to open a case (its number).
    open_requested = Signal(str)
    #: A case was created (its number).
    case_created = Signal(str)
    #: A case was marked closed (its number).
    case_closed = Signal(str)

    def __init__(
        self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self.rows: list[browse.CaseListRow] = []
        self.current_number: str | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.close_button = QPushButton(self.tr("Mark as closed…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self._open_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.refresh_button.clicked.connect(self.refresh)

        self.table = QTableWidget(0, 13, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Lead officer"),
                self.tr("Opened"),
                self.tr("Closed"),
                self.tr("First contact"),
                self.tr("Last contact"),
                self.tr("Last import"),
                self.tr("Entities"),
                self.tr("Links"),
                self.tr("Evidence"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    # -- reading ------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the case list again."""
        selected = self.selected_number()
        self.rows = browse.case_list(self._ws)
        self.heading.setText(
            self.tr("Workspace {root}: %n case(s).", "", len(self.rows)).format(
                root=self._ws.root
            )
            if self.rows
            else self.tr(
                "Workspace {root} has no case yet. Create one with New case…"
            ).format(root=self._ws.root)
        )
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            self._fill_row(row, entry)
        if selected is not None:
            self.select(selected)
        self._update_buttons()

    def _fill_row(self, row: int, entry: browse.CaseListRow) -> None:
        case = entry.case
        texts = {
            NUMBER: case.number,
            TITLE: case.title,
            KIND: kind_text(case.kind),
            STATUS: status_text(case.status),
            OFFICER: case.lead_officer,
            OPENED: _when(case.created_at),
            CLOSED: _when(entry.closed_at),
            FIRST: _when(entry.first_contact, time=False),
            LAST: _when(entry.last_contact, time=False),
            IMPORTED: _when(entry.last_import),
            ENTITIES: str(entry.entities),
            LINKS: str(entry.links),
            EVIDENCE: str(entry.evidence),
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, case.number)
            if column >= ENTITIES:
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            if column == TITLE and case.description:
                item.setToolTip(case.description)
            if case.number == self.current_number:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if case.status == "closed":
                item.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(row, column, item)

    def set_current(self, number: str | None) -> None:
        """Show ``number`` in bold as the case open in the window."""
        self.current_number = number
        self.refresh()

    def selected_number(self) -> str | None:
        """The case number of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.table.item(rows[0].row(), NUMBER).text()

    def select(self, number: str) -> bool:
        """Select the row of case ``number``; False when it is not listed."""
        for row, entry in enumerate(self.rows):
            if entry.case.number == number:
                self.table.selectRow(row)
                return True
        return False

    @Slot()
    def _update_buttons(self) -> None:
        number = self.selected_number()
        entry = next((r for r in self.rows if r.case.number == number), None)
        self.open_button.setEnabled(entry is not None)
        self.close_button.setEnabled(
            entry is not None and entry.case.status != "closed"
        )

    # -- opening --------------------------------------------------------------------

    @Slot()
    def _open_selected(self) -> None:
        number = self.selected_number()
        if number is not None:
            self.open_requested.emit(number)

    def _open_row(self, row: int) -> None:
        self.open_requested.emit(self.table.item(row, NUMBER).text())

    # -- creating ---------------------------------------------------------------------

    @Slot()
    def new_case(self) -> None:
        """Ask for a new case's details, then create it."""
        dialog = NewCaseDialog(
            self._ws.user, {r.case.number for r in self.rows}, parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create(dialog.values())

    def create(self, new: NewCase) -> None:
        """Create a case in the worker; ``case_created`` follows."""

        def job(ws, progress, cancel):
            return create_case(
                ws,
                new.number,
                new.title,
                kind=new.kind,
                lead_officer=new.lead_officer,
                description=new.description,
            )

        def done(case) -> None:
            self.refresh()
            self.select(case.number)
            self.case_created.emit(case.number)

        title = self.tr("Creating case {number}").format(number=new.number)
        self._runner.submit(title, job, done)

    # -- closing -----------------------------------------------------------------------

    @Slot()
    def close_selected(self) -> None:
        """Ask, then mark the selected case as closed."""
        number = self.selected_number()
        if number is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Mark as closed"),
            self.tr(
                "Mark case {number} as closed? Its data stays in the workspace and "
                "can still be opened and reported on; the closing is recorded in "
                "the audit log."
            ).format(number=number),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close_case(number)

    def close_case(self, number: str) -> None:
        """Mark case ``number`` closed in the worker; ``case_closed`` follows."""

        def job(ws, progress, cancel):
            close_case(ws, number)
            return number

        def done(_number) -> None:
            self.refresh()
            self.case_closed.emit(number)

        title = self.tr("Closing case {number}").format(number=number)
        self._runner.submit(title, job, done)
