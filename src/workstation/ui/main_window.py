"""The main window: the Cases tab, one tab per view of the open case, the Log.

One case is open at a time; opening another replaces the case's tabs. Long
work runs in the window's :class:`TaskRunner`, whose progress shows in the
status bar with a Cancel button.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from workstation.services import browse
from workstation.services.entities import ROLES, set_role
from workstation.services.workspace import Workspace
from workstation.ui.case_summary_view import CaseSummaryView
from workstation.ui.cases_view import CasesView
from workstation.ui.chart_view import ChartView
from workstation.ui.data_view import DataView
from workstation.ui.enhance_view import EnhanceView
from workstation.ui.entity_table_model import entity_model, link_model
from workstation.ui.evidence_view import EvidenceView
from workstation.ui.faces_view import FacesView
from workstation.ui.labels import role_text
from workstation.ui.log_panel import LogPanel
from workstation.ui.main_menus import build_menus
from workstation.ui.quality_view import QualityView
from workstation.ui.recent_cases import RecentCases
from workstation.ui.report_dialog import ReportDialog
from workstation.ui.reviews_view import ReviewsView
from workstation.ui.session_dialogs import CreateAdministratorDialog
from workstation.ui.settings_dialog import RESTART_FIELDS, SettingsDialog
from workstation.ui.table_views import PagedTableView
from workstation.ui.timeline_view import TimelineView
from workstation.ui.warning_view import WarningView
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The workstation's window on a workspace and its open case.

    Args:
        ws: The open workspace; the window reads pages from it on the UI thread.
        case_number: The case to open; None shows the Cases tab only.
        runner: Runs long work; one is made from ``ws.settings`` when None.
        recent: The recent-cases list (the user's QSettings when None).
        parent: Owning widget.

    Raises:
        NotFoundError: The case is not in the workspace.
    """

    def __init__(
        self,
        ws: Workspace,
        case_number: str | None = None,
        *,
        runner: TaskRunner | None = None,
        recent: RecentCases | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner or TaskRunner(ws.settings, source=ws, parent=self)
        self.recent = recent or RecentCases()
        self.case_number: str | None = None
        self.last_error: QMessageBox | None = None
        self.report_dialog: ReportDialog | None = None
        self.resize(1280, 820)
        self._case_widgets: list[QWidget] = []
        self.summary = self.entities = self.links = self.data = None
        self.evidence = self.faces = self.enhance = None
        self.chart = self.timeline = None
        self.reviews = self.quality = self.warning = None

        # The log panel first, so it shows what the other views log while loading.
        self.log_panel = LogPanel(parent=self)
        self.cases = CasesView(ws, self.runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(self.log_panel, self.tr("Log"))
        self.setCentralWidget(self.tabs)

        self.menus = build_menus(self)
        self._connect_menus()
        self._build_status_bar()
        self.cases.open_requested.connect(self.open_case)
        self.cases.case_created.connect(self.open_case)
        self.cases.case_closed.connect(self._case_closed)
        self.runner.progressed.connect(self._show_progress)
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.failed.connect(self.show_failure)

        if case_number is not None:
            self.open_case(case_number)
        else:
            self._show_no_case()
        log.info("workspace %s opened as %s", ws.root, ws.user)

    # -- cases ------------------------------------------------------------------------

    def _show_no_case(self) -> None:
        self.setWindowTitle(self.tr("Case Workstation — no case open"))
        for action in self.menus.case_actions():
            action.setEnabled(False)
        self.tabs.setCurrentWidget(self.cases)
        self._fill_recent_menu()

    @Slot(str)
    def open_case(self, number: str) -> bool:
        """Show case ``number`` in the window, replacing the open one.

        Returns:
            False when a job is still running (the case is not switched).

        Raises:
            NotFoundError: The case is not in the workspace.
        """
        case = self.ws.case(number)
        if self.case_number is not None and self.runner.busy:
            self.statusBar().showMessage(
                self.tr("Wait for the running job to finish, or cancel it, first."),
                5000,
            )
            return False
        self._drop_case_tabs()
        self.case_number = case.number
        self._build_case_tabs(case.number)
        self.setWindowTitle(
            self.tr("Case Workstation — {number} {title}").format(
                number=case.number, title=case.title
            )
        )
        for action in self.menus.case_actions():
            action.setEnabled(True)
        self.recent.add(self.ws.root, case.number)
        self._fill_recent_menu()
        self.cases.set_current(case.number)
        self.tabs.setCurrentWidget(self.summary)
        log.info("opened case %s in %s as %s", case.number, self.ws.root, self.ws.user)
        return True

    def _record_search(self, table: str, text: str, rows: int) -> None:
        """Audit a table search through the worker, after the writes queued there."""
        number = self.case_number

        def job(ws, progress, cancel):
            browse.record_table_search(ws, number, table, text, rows)

        self.runner.submit(self.tr("Recording the search"), job)

    def _build_case_tabs(self, number: str) -> None:
        ws, runner = self.ws, self.runner
        self.summary = CaseSummaryView(ws, number, self)
        self.entities = PagedTableView(
            entity_model(ws, number),
            self.tr("Search entities by key or label"),
            self,
            stretch_column=3,
            on_search=lambda text, rows: self._record_search("entities", text, rows),
        )
        self.links = PagedTableView(
            link_model(ws, number),
            self.tr("Search links by the key or label of either end"),
            self,
            stretch_column=4,
            on_search=lambda text, rows: self._record_search("links", text, rows),
        )
        self.data = DataView(ws, number, runner, self)
        self.evidence = EvidenceView(ws, number, runner, self)
        self.faces = FacesView(ws, number, runner, self)
        self.enhance = EnhanceView(ws, number, runner, self)
        self.chart = ChartView(ws, number, runner, self)
        self.timeline = TimelineView(ws, number, runner, self)
        self.reviews = ReviewsView(ws, number, runner, self)
        self.quality = QualityView(ws, number, runner, self)
        self.warning = WarningView(ws, number, runner, self)
        tabs = (
            (self.summary, self.tr("Summary")),
            (self.entities, self.tr("Entities")),
            (self.links, self.tr("Links")),
            (self.data, self.tr("Data")),
            (self.evidence, self.tr("Evidence")),
            (self.faces, self.tr("Faces")),
            (self.enhance, self.tr("Enhance")),
            (self.chart, self.tr("Link chart")),
            (self.timeline, self.tr("Timeline")),
            (self.reviews, self.tr("Reviews")),
            (self.quality, self.tr("Case quality")),
            (self.warning, self.tr("Fraud warning")),
        )
        for index, (widget, name) in enumerate(tabs, start=1):
            self.tabs.insertTab(index, widget, name)
        self._case_widgets = [widget for widget, _ in tabs]

        self.evidence.evidence_added.connect(self._evidence_added)
        self.enhance.derived.connect(self._derived)
        self.faces.faces_changed.connect(self._faces_changed)
        self.data.imported.connect(self._imported)
        self.entities.table.doubleClicked.connect(self._entity_timeline)
        self.entities.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entities.table.customContextMenuRequested.connect(self._entity_menu)

    def _drop_case_tabs(self) -> None:
        # Showing the Cases tab first keeps the tabs being removed from being
        # shown (and starting work) one after another.
        self.tabs.setCurrentWidget(self.cases)
        for widget in self._case_widgets:
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self._case_widgets = []

    def _fill_recent_menu(self) -> None:
        menu = self.menus.recent
        menu.clear()
        known = {entry.case.number: entry.case for entry in self.cases.rows}
        numbers = [n for n in self.recent.for_workspace(self.ws.root) if n in known]
        for number in numbers:
            action = menu.addAction(f"{number}  {known[number].title}")
            action.triggered.connect(lambda _checked=False, n=number: self.open_case(n))
        menu.setEnabled(bool(numbers))

    @Slot(str)
    def _case_closed(self, number: str) -> None:
        if number == self.case_number and self.summary is not None:
            self.summary.refresh()

    # -- menus ------------------------------------------------------------------------

    def _connect_menus(self) -> None:
        menus = self.menus
        menus.new_case.triggered.connect(self.cases.new_case)
        menus.open_case.triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.cases)
        )
        menus.close_case.triggered.connect(self._close_current_case)
        menus.export_brief.triggered.connect(self.export_brief)
        menus.settings.triggered.connect(self.edit_settings)
        menus.create_admin.triggered.connect(self.create_administrator)
        menus.quit.triggered.connect(self.close)
        menus.import_table.triggered.connect(lambda: self.data.open_wizard())
        menus.add_evidence.triggered.connect(lambda: self.evidence.choose_files())
        menus.find_faces.triggered.connect(lambda: self.faces.scan())

    @Slot()
    def _close_current_case(self) -> None:
        if self.case_number is not None and self.cases.select(self.case_number):
            self.cases.close_selected()

    @Slot()
    def export_brief(self) -> ReportDialog | None:
        """Open the Export brief dialog for the open case."""
        if self.case_number is None:
            return None
        dialog = ReportDialog(self.ws, self.case_number, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def edit_settings(self) -> None:
        """Open the Settings dialog and apply what can change at once."""
        dialog = SettingsDialog(self.ws.settings, parent=self)
        if dialog.exec():
            self.apply_settings(dialog.changed())

    def apply_settings(self, changes: dict) -> None:
        """Use changed preferences now; the workspace and language wait a restart."""
        now = {k: v for k, v in changes.items() if k not in RESTART_FIELDS}
        if now:
            settings = dataclasses.replace(self.ws.settings, **now)
            self.ws.settings = settings
            self.runner.update_settings(settings)
            log.info("settings changed: %s", ", ".join(sorted(now)))
        if any(k in RESTART_FIELDS for k in changes):
            self.statusBar().showMessage(
                self.tr(
                    "The new workspace folder or language applies when the "
                    "workstation starts again."
                ),
                8000,
            )

    # -- data changed ------------------------------------------------------------------

    @Slot()
    def _data_changed(self) -> None:
        self.summary.refresh()
        self.cases.refresh()

    @Slot(int)
    def _evidence_added(self, _count: int) -> None:
        self._data_changed()
        self.enhance.refresh_images()

    @Slot(int)
    def _derived(self, evidence_id: int) -> None:
        self.evidence.model.reload()
        self._evidence_added(1)

    @Slot()
    def _faces_changed(self) -> None:
        self._data_changed()
        self.evidence.refresh_faces()

    def _imported(self, _summary) -> None:
        self._data_changed()
        self.entities.reload()
        self.links.reload()
        self.chart.stale()
        self.timeline.stale()

    def _entity_timeline(self, index) -> None:
        entity = self.entities.model.row_object(index.row())
        self.tabs.setCurrentWidget(self.timeline)
        if not self.timeline.show_entity(entity.id):
            self.statusBar().showMessage(
                self.tr("{label} has no timed links.").format(label=entity.label), 5000
            )

    def _entity_menu(self, pos) -> None:
        index = self.entities.table.indexAt(pos)
        if not index.isValid():
            return
        menu = self.entity_role_menu(self.entities.model.row_object(index.row()))
        menu.exec(self.entities.table.viewport().mapToGlobal(pos))

    def entity_role_menu(self, entity) -> QMenu:
        """The menu giving ``entity`` a role; suspects head the case brief."""
        menu = QMenu(self.tr("Role in the case"), self)
        for role in (*(r for r in ROLES if r), ""):
            action = menu.addAction(role_text(role))
            action.setCheckable(True)
            action.setChecked(entity.role == role)
            action.triggered.connect(
                lambda _checked=False, role=role: self.set_entity_role(entity, role)
            )
        return menu

    def set_entity_role(self, entity, role: str) -> None:
        """Give ``entity`` a role in the worker (audited), then show it."""
        number = self.case_number

        def job(ws, progress, cancel):
            return set_role(ws, number, entity.type, entity.key, role)

        title = self.tr("Marking {label} as {role}").format(
            label=entity.label, role=role_text(role)
        )
        self.runner.submit(title, job, lambda _entity: self.entities.reload())

    # -- status bar --------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.job_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.where_label = QLabel(self)
        self._show_who()
        bar.addWidget(self.job_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.where_label)
        self._set_busy(False)

    def _show_who(self) -> None:
        ws = self.ws
        if ws.single_user:
            who = self.tr("{user} (single-user mode)").format(user=ws.user)
        else:
            role = ws.role.value if ws.role is not None else ""
            who = self.tr("{user} ({role})").format(user=ws.user, role=role)
        self.where_label.setText(
            self.tr("Workspace: {root}   User: {user}").format(root=ws.root, user=who)
        )
        self.menus.create_admin.setEnabled(ws.single_user)

    @Slot()
    def create_administrator(self) -> CreateAdministratorDialog:
        """Offer to create the first administrator (single-user mode only)."""
        dialog = CreateAdministratorDialog(self.ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._administrator_created)
        dialog.open()
        return dialog

    @Slot()
    def _administrator_created(self) -> None:
        self._show_who()
        self.statusBar().showMessage(
            self.tr(
                "{user} is the administrator; from now on everyone logs in to "
                "this workspace."
            ).format(user=self.ws.user),
            8000,
        )
        log.info("single-user mode of %s ended by %s", self.ws.root, self.ws.user)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.close()
        self.log_panel.detach()
        super().closeEvent(event)
