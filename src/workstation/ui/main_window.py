"""The main window: one tab per view of a case, a status bar with job progress."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from workstation.services.workspace import Workspace
from workstation.ui.case_summary_view import CaseSummaryView
from workstation.ui.chart_view import ChartView
from workstation.ui.entity_table_model import entity_model, link_model
from workstation.ui.evidence_view import EvidenceView
from workstation.ui.faces_view import FacesView
from workstation.ui.log_panel import LogPanel
from workstation.ui.table_views import PagedTableView
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The workstation's window on one case.

    Args:
        ws: The open workspace; the window reads pages from it on the UI thread.
        case_number: The case to show.
        runner: Runs long work; one is made from ``ws.settings`` when None.
        parent: Owning widget.

    Raises:
        NotFoundError: The case is not in the workspace.
    """

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        case = ws.case(case_number)
        self.ws = ws
        self.case_number = case.number
        self.runner = runner or TaskRunner(ws.settings, parent=self)
        self.last_error: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("Case Workstation — {number} {title}").format(
                number=case.number, title=case.title
            )
        )
        self.resize(1280, 820)

        # The log panel first, so it shows what the other views log while loading.
        self.log_panel = LogPanel(parent=self)
        self.summary = CaseSummaryView(ws, case.number, self)
        self.entities = PagedTableView(
            entity_model(ws, case.number),
            self.tr("Search entities by key or label"),
            self,
            stretch_column=3,
        )
        self.links = PagedTableView(
            link_model(ws, case.number),
            self.tr("Search links by the key or label of either end"),
            self,
            stretch_column=4,
        )
        self.evidence = EvidenceView(ws, case.number, self.runner, self)
        self.faces = FacesView(ws, case.number, self.runner, self)
        self.chart = ChartView(ws, case.number, self.runner, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for widget, name in (
            (self.summary, self.tr("Summary")),
            (self.entities, self.tr("Entities")),
            (self.links, self.tr("Links")),
            (self.evidence, self.tr("Evidence")),
            (self.faces, self.tr("Faces")),
            (self.chart, self.tr("Link chart")),
            (self.log_panel, self.tr("Log")),
        ):
            self.tabs.addTab(widget, name)
        self.setCentralWidget(self.tabs)

        self._build_status_bar()
        self.evidence.evidence_added.connect(self._data_changed)
        self.faces.faces_changed.connect(self._data_changed)
        self.runner.progressed.connect(self._show_progress)
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.failed.connect(self.show_failure)
        log.info("opened case %s in %s as %s", case.number, ws.root, ws.user)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.job_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.where_label = QLabel(
            self.tr("Workspace: {root}   User: {user}").format(
                root=self.ws.root, user=self.ws.user
            ),
            self,
        )
        bar.addWidget(self.job_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.where_label)
        self._set_busy(False)

    @Slot(bool)
    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)
        else:
            self.job_label.clear()

    @Slot(str, int, int, str)
    def _show_progress(self, title: str, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total) if total else 0)
        self.job_label.setText(f"{title}: {message}" if message else title)

    @Slot(object)
    def show_failure(self, failure: JobFailure) -> None:
        """Tell the user why a job stopped; details stay in the Log tab."""
        if failure.cancelled:
            self.statusBar().showMessage(
                self.tr("Cancelled: {title}").format(title=failure.title), 5000
            )
            return
        text = failure.message
        if not failure.expected:
            text = self.tr(
                "Unexpected error: {message}\nThe details are in the Log tab; "
                "please report them."
            ).format(message=failure.message)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            failure.title,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = box

    @Slot()
    def _data_changed(self) -> None:
        self.summary.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.close()
        self.log_panel.detach()
        super().closeEvent(event)
