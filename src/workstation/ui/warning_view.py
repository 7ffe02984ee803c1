"""The Fraud warning tab: residents contacted by watched numbers, per officer.

A prevention officer loads a watch-list (numbers known to be used by
fraudsters), chooses the days to look at and runs the warning; the residents
those numbers called or texted appear ranked by risk under the community
officer responsible for them (unassigned residents and unlisted phones under
"No officer"), and the dispatch list goes out as CSV or PDF. Loading, the
query and the exports run in the worker through
:mod:`workstation.services.fraud_warning` and
:mod:`workstation.services.dispatch_export`, which check the role and audit
each step.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.warning_records import (
    NO_OFFICER,
    ContactedResident,
    WarningResult,
)
from workstation.services import dispatch_export, fraud_warning
from workstation.services.workspace import Workspace
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)

#: The window shown when the tab opens: the last this many days.
DEFAULT_DAYS = 14
#: The officer filter's item for every officer.
ALL_OFFICERS = None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class WarningView(QWidget):
    """Watch-lists, the warning's window, its result per officer and the exports.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case whose records are searched.
        runner: Runs loading, the query and the exports in the worker.
        parent: Owning widget.
    """

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
        self._busy = False
        self._has_lists = False
        self._titles: set[str] = set()
        self.result: WarningResult | None = None

        self.lists_label = QLabel(self)
        self.lists_label.setWordWrap(True)
        self.load_button = QPushButton(self.tr("Load watch-list…"), self)
        self.load_button.clicked.connect(self.choose_watch_list)

        today = date.today()
        self.start_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS)), self)
        self.end_edit = QDateEdit(_qdate(today), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.run_button = QPushButton(self.tr("Run warning"), self)
        self.run_button.clicked.connect(self.run_warning)
        self.officer_filter = QComboBox(self)
        self.officer_filter.setMinimumContentsLength(14)
        self.officer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.officer_filter.currentIndexChanged.connect(self._show_result)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(self._headers()))
        self.tree.setHeaderLabels(self._headers())
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.csv_button.clicked.connect(self.choose_csv)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        runner.busy_changed.connect(self._runner_busy)
        runner.failed.connect(self._job_failed)

        lists_row = QHBoxLayout()
        lists_row.addWidget(self.lists_label, 1)
        lists_row.addWidget(self.load_button)
        window_row = QHBoxLayout()
        window_row.addWidget(QLabel(self.tr("From"), self))
        window_row.addWidget(self.start_edit)
        window_row.addWidget(QLabel(self.tr("to"), self))
        window_row.addWidget(self.end_edit)
        window_row.addWidget(self.run_button)
        window_row.addStretch(1)
        window_row.addWidget(QLabel(self.tr("Officer"), self))
        window_row.addWidget(self.officer_filter)
        export_row = QHBoxLayout()
        export_row.addWidget(self.status, 1)
        export_row.addWidget(self.csv_button)
        export_row.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(lists_row)
        layout.addLayout(window_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(export_row)
        self.refresh_lists()
        self._show_result()

    def _headers(self) -> list[str]:
        return [
            self.tr("Officer / rank"),
            self.tr("Score"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Community"),
            self.tr("Contacts"),
            self.tr("Calls"),
            self.tr("Messages"),
            self.tr("Call min"),
            self.tr("Watched numbers"),
            self.tr("Days"),
            self.tr("Callbacks"),
            self.tr("First contact"),
            self.tr("Last contact"),
        ]

    # -- watch-lists ---------------------------------------------------------------

    @Slot()
    def refresh_lists(self) -> None:
        """Show the case's watch-lists."""
        lists = fraud_warning.list_watch_lists(self._ws, self._case_number)
        if not lists:
            self.lists_label.setText(
                self.tr(
                    "No watch-list in this case yet. Load a CSV, TXT or XLSX file "
                    "with one number a line (a second column may say where it came "
                    "from)."
                )
            )
        else:
            names = "; ".join(
                self.tr("{name} ({count} numbers, {by})").format(
                    name=w.name, count=w.numbers, by=w.loaded_by
                )
                for w in lists
            )
            self.lists_label.setText(
                self.tr("Watch-lists: {names}").format(names=names)
            )
        self._has_lists = bool(lists)
        self._update_buttons()

    @Slot()
    def choose_watch_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load watch-list"),
            "",
            self.tr("Watch-lists (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if path:
            self.load_watch_list(path)

    def load_watch_list(self, path: str | Path) -> None:
        """Load a watch-list file into the case, in the worker."""
        case_number, file_path = self._case_number, Path(path)

        def job(ws, progress, cancel):
            return fraud_warning.load_watch_list(ws, case_number, file_path)

        def done(loaded) -> None:
            self.status.setText(
                self.tr("Loaded {name}: {count} numbers.").format(
                    name=loaded.name, count=loaded.numbers
                )
            )
            self.refresh_lists()

        self._submit(
            self.tr("Loading watch-list {name}").format(name=file_path.name), job, done
        )

    # -- the warning ---------------------------------------------------------------

    def set_window(self, start: date, end: date) -> None:
        """Set the window's first and last day."""
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))

    @Slot()
    def run_warning(self) -> None:
        """Run the warning over the chosen window, in the worker."""
        case_number = self._case_number
        start, end = _day(self.start_edit.date()), _day(self.end_edit.date())

        def job(ws, progress, cancel):
            return fraud_warning.run_warning(
                ws, case_number, start, end, progress=progress, cancel=cancel
            )

        self._submit(self.tr("Running the fraud warning"), job, self._received)

    def _received(self, result: WarningResult) -> None:
        self.result = result
        current = self.officer_filter.currentData()
        self.officer_filter.blockSignals(True)
        self.officer_filter.clear()
        self.officer_filter.addItem(self.tr("All officers"), ALL_OFFICERS)
        for group in result.groups:
            self.officer_filter.addItem(
                self._officer_text(group.officer), group.officer
            )
        index = self.officer_filter.findData(current)
        self.officer_filter.setCurrentIndex(max(index, 0))
        self.officer_filter.blockSignals(False)
        self.status.setText("")
        self._show_result()

    def _officer_text(self, officer: str) -> str:
        return officer if officer != NO_OFFICER else self.tr("No officer")

    @Slot()
    def _show_result(self, *_args) -> None:
        self.tree.clear()
        result = self.result
        if result is None:
            self.summary.setText(
                self.tr("Choose the days and run the warning to see who was contacted.")
            )
            self._update_buttons()
            return
        listed = sum(1 for r in result.residents if r.listed)
        self.summary.setText(
            self.tr(
                "{start} to {end}: {watched} watched numbers reached {listed} "
                "residents and {unlisted} unlisted numbers."
            ).format(
                start=result.start,
                end=result.end,
                watched=result.watched,
                listed=listed,
                unlisted=len(result.residents) - listed,
            )
        )
        chosen = self.officer_filter.currentData()
        for group in result.groups:
            if chosen is not ALL_OFFICERS and group.officer != chosen:
                continue
            top = QTreeWidgetItem(
                [f"{self._officer_text(group.officer)} ({len(group.residents)})"]
            )
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.addChildren([self._resident_item(r) for r in group.residents])
            top.setExpanded(True)
        self._update_buttons()

    def _resident_item(self, r: ContactedResident) -> QTreeWidgetItem:
        values = [
            str(r.rank),
            f"{r.score:.2f}",
            r.name if r.listed else self.tr("(unlisted number)"),
            " ".join(r.phones),
            r.address,
            r.community,
            str(r.contacts),
            str(r.calls),
            str(r.messages),
            f"{r.call_seconds / 60:.1f}",
            " ".join(r.watched_numbers),
            str(r.days),
            str(r.callbacks),
            r.first_contact.strftime("%Y-%m-%d %H:%M"),
            r.last_contact.strftime("%Y-%m-%d %H:%M"),
        ]
        item = QTreeWidgetItem(values)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column in (1, 6, 7, 8, 9, 11, 12):
            item.setTextAlignment(column, right)
        return item

    def shown_residents(self) -> list[tuple[str, list[str]]]:
        """What the tree shows: each officer's heading and the names under it."""
        return [
            (
                self.tree.topLevelItem(i).text(0),
                [
                    self.tree.topLevelItem(i).child(j).text(2)
                    for j in range(self.tree.topLevelItem(i).childCount())
                ],
            )
            for i in range(self.tree.topLevelItemCount())
        ]

    # -- exports -------------------------------------------------------------------

    @Slot()
    def choose_csv(self) -> None:
        self._choose_export(self.tr("CSV files (*.csv)"), self.export_csv)

    @Slot()
    def choose_pdf(self) -> None:
        self._choose_export(self.tr("PDF files (*.pdf)"), self.export_pdf)

    def _choose_export(self, kinds: str, export) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export dispatch list"), "", kinds
        )
        if path:
            export(path)

    def export_csv(self, path: str | Path) -> None:
        """Write the shown result's dispatch list as CSV, in the worker."""
        self._export(path, dispatch_export.export_dispatch_csv)

    def export_pdf(self, path: str | Path) -> None:
        """Write the shown result's dispatch list as a PDF, in the worker."""
        self._export(path, dispatch_export.export_dispatch_pdf)

    def _export(self, path: str | Path, export) -> None:
        result, target = self.result, Path(path)
        if result is None:
            return
        lang = self._ws.settings.language

        def job(ws, progress, cancel):
            return export(ws, result, target, lang=lang)

        def done(written: Path) -> None:
            self.status.setText(
                self.tr("Dispatch list written to {path}").format(path=written)
            )

        self._submit(self.tr("Exporting the dispatch list"), job, done)

    # -- the worker ----------------------------------------------------------------

    def _submit(self, title: str, job, done) -> None:
        self._titles.add(title)
        self._runner.submit(title, job, done)

    @Slot(object)
    def _job_failed(self, failure: JobFailure) -> None:
        if failure.title in self._titles:
            self.status.setText(failure.message)

    @Slot(bool)
    def _runner_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._busy
        has_rows = self.result is not None and bool(self.result.residents)
        self.load_button.setEnabled(idle)
        self.run_button.setEnabled(idle and self._has_lists)
        self.csv_button.setEnabled(idle and has_rows)
        self.pdf_button.setEnabled(idle and has_rows)
