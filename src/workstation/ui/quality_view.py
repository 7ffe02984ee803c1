"""The Quality tab: a review case's case quality and timeliness, month by month.

A supervisor picks a month and sees its figures (cases, late registrations,
the 30-day closure rate of administrative cases, problem points), three
charts, the station and officer rankings, records a problem point found in a
case with the form below them, and exports the monthly PDF summary. All of it
runs in the worker through :mod:`workstation.services.case_quality` and
:mod:`workstation.services.quality_report`, which check the role and audit
each read and finding.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.quality import Checklist, QualitySummary, rate_text
from workstation.security.roles import Permission, allowed
from workstation.services import case_quality
from workstation.services.quality_figures import month_of
from workstation.services.quality_report import write_quality_summary
from workstation.services.workspace import Workspace
from workstation.ui.quality_charts import QualityCharts
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


class QualityView(QWidget):
    """The month's case-quality figures, rankings, findings form and PDF export.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The review case shown.
        runner: Runs the reading, recording and export in the worker.
        parent: Owning widget.
    """

    #: A finding was recorded (its id).
    finding_recorded = Signal(int)
    #: The monthly PDF was written (its path).
    exported = Signal(str)
    #: New figures are shown.
    figures_shown = Signal()

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
        self._requested = False
        #: The day open cases are judged on; today when None.
        self.as_of: date | None = None
        self.summary: QualitySummary | None = None
        self.checklist: Checklist | None = None

        self.month_box = QComboBox(self)
        self.month_box.setMinimumContentsLength(8)
        self.month_box.activated.connect(lambda _i: self.load())
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_button.clicked.connect(self._choose_pdf)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        #: The records left out of the figures or doubtful, with why.
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #5f6b7a;")

        self.charts = QualityCharts(self)
        self.station_table = self._table(
            [
                self.tr("Rank"),
                self.tr("Station"),
                self.tr("Cases"),
                self.tr("Late"),
                self.tr("Closure rate"),
                self.tr("Problem points"),
                self.tr("Score"),
            ],
            stretch=1,
        )
        self.officer_table = self._table(
            [
                self.tr("Rank"),
                self.tr("Officer"),
                self.tr("Station"),
                self.tr("Lead"),
                self.tr("Assist"),
                self.tr("Weighted"),
                self.tr("Late"),
                self.tr("Closure rate"),
                self.tr("Points borne"),
                self.tr("Score"),
            ],
            stretch=2,
        )
        self.rankings = QTabWidget(self)
        self.rankings.addTab(self.station_table, self.tr("Stations"))
        self.rankings.addTab(self.officer_table, self.tr("Officers"))

        self.record_box = QComboBox(self)
        self.record_box.setMinimumContentsLength(16)
        self.record_box.currentIndexChanged.connect(self._fill_categories)
        self.category_box = QComboBox(self)
        self.category_box.currentIndexChanged.connect(self._fill_points)
        self.point_box = QComboBox(self)
        self.point_box.currentIndexChanged.connect(self._default_points)
        self.points_spin = QDoubleSpinBox(self)
        self.points_spin.setRange(0, 100)
        self.points_spin.setSingleStep(0.5)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What was found (needed)"))
        self.note.textChanged.connect(self._update_buttons)
        self.record_button = QPushButton(self.tr("Record finding"), self)
        self.record_button.clicked.connect(self.record_selected)
        runner.busy_changed.connect(self._runner_busy)
        runner.failed.connect(self._failed)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self))
        top.addWidget(self.month_box)
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Finding in case:"), self))
        form.addWidget(self.record_box)
        form.addWidget(self.category_box)
        form.addWidget(self.point_box, 1)
        form.addWidget(QLabel(self.tr("points"), self))
        form.addWidget(self.points_spin)
        form.addWidget(self.note, 2)
        form.addWidget(self.record_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.charts)
        splitter.addWidget(self.rankings)
        splitter.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self._update_buttons()

    def _table(self, columns: list[str], *, stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(columns), self)
        table.setHorizontalHeaderLabels(columns)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # -- reading ------------------------------------------------------------------

    def may_review(self) -> bool:
        """Whether the acting user may read the figures and record findings."""
        ws = self._ws
        if ws.single_user:
            return True
        return ws.role is not None and allowed(ws.role, Permission.REVIEW_QUALITY)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._requested:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """List the months with cases again, then read the chosen month."""
        self._requested = True
        if not self.may_review():
            self.heading.setText(
                self.tr(
                    "Case-quality figures are for supervisors; your role may not "
                    "read them."
                )
            )
            self._update_buttons()
            return
        case_number = self._case_number

        def job(ws, progress, cancel):
            records, _ = case_quality.case_records(ws, case_number)
            return sorted({month_of(r.registered_at) for r in records})

        self._runner.submit(self.tr("Reading the case lists"), job, self._show_months)

    def _show_months(self, months: list[str]) -> None:
        chosen = self.month
        today = month_of(datetime.now())
        self.month_box.clear()
        for month in sorted(set(months) | {today}, reverse=True):
            self.month_box.addItem(month, month)
        wanted = chosen if chosen else (months[-1] if months else today)
        self.month_box.setCurrentIndex(max(self.month_box.findData(wanted), 0))
        self.load()

    @property
    def month(self) -> str | None:
        """The month shown, ``YYYY-MM``."""
        return self.month_box.currentData()

    def show_month(self, month: str) -> None:
        """Show ``month`` (added to the list if it has no cases)."""
        if self.month_box.findData(month) < 0:
            self.month_box.addItem(month, month)
        self.month_box.setCurrentIndex(self.month_box.findData(month))
        self.load()

    def load(self) -> None:
        """Compute the chosen month's figures in the worker, then show them."""
        if self.month is None:
            return
        case_number, month, as_of = self._case_number, self.month, self.as_of

        def job(ws, progress, cancel):
            return case_quality.quality_summary(ws, case_number, month, as_of=as_of)

        self._runner.submit(
            self.tr("Computing the quality figures"), job, self.show_summary
        )

    def show_summary(self, summary: QualitySummary) -> None:
        """Show a month's figures, charts, rankings and its records in the form."""
        self.summary, self.checklist = summary, summary.checklist
        totals = summary.totals
        self.heading.setText(
            self.tr(
                "{cases} cases ({admin} administrative, {criminal} criminal); "
                "{late} registered late; administrative closed in time {rate} "
                "({in_time} in time, {overdue} overdue, {pending} pending); "
                "problem points {points:g}."
            ).format(
                cases=totals.cases,
                admin=totals.administrative,
                criminal=totals.criminal,
                late=totals.late_registrations,
                rate=rate_text(totals.closure_rate),
                in_time=totals.closed_in_time,
                overdue=totals.overdue,
                pending=totals.pending,
                points=summary.problem_points,
            )
        )
        self.charts.show_summary(summary, chinese=_chinese())
        self._fill(
            self.station_table,
            [
                (
                    str(s.rank),
                    s.station,
                    str(s.timeliness.cases),
                    str(s.timeliness.late_registrations),
                    rate_text(s.timeliness.closure_rate),
                    f"{s.problem_points:g}",
                    f"{s.score:.2f}",
                )
                for s in summary.stations
            ],
        )
        self._fill(
            self.officer_table,
            [
                (
                    str(o.rank),
                    f"{o.name} ({o.key})",
                    ", ".join(o.stations),
                    str(o.lead_cases),
                    str(o.assist_cases),
                    f"{o.weighted_cases:g}",
                    str(o.late_registrations),
                    rate_text(o.closure_rate),
                    f"{o.problem_points:.2f}",
                    f"{o.score:.2f}",
                )
                for o in summary.officers
            ],
        )
        chosen = self.record_box.currentData()
        self.record_box.blockSignals(True)
        self.record_box.clear()
        for record in summary.records:
            self.record_box.addItem(f"{record.number} {record.title}", record.number)
        self.record_box.setCurrentIndex(max(self.record_box.findData(chosen), 0))
        self.record_box.blockSignals(False)
        self._fill_categories()
        self.notes.setText("\n".join(p.describe() for p in summary.problems[:5]))
        self.figures_shown.emit()

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column != 1 and text[:1].isdigit():
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)

    # -- the finding form ---------------------------------------------------------

    def _record(self):
        number = self.record_box.currentData()
        if self.summary is None or number is None:
            return None
        return next((r for r in self.summary.records if r.number == number), None)

    @Slot()
    def _fill_categories(self, *_args) -> None:
        record = self._record()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        if record is not None and self.checklist is not None:
            chinese = _chinese()
            for category in self.checklist.kind(record.kind).categories:
                label = category.label if chinese else category.label_en
                self.category_box.addItem(label, category.key)
        self.category_box.blockSignals(False)
        self._fill_points()

    def _category(self):
        record, key = self._record(), self.category_box.currentData()
        if record is None or key is None or self.checklist is None:
            return None
        return self.checklist.kind(record.kind).category(key)

    @Slot()
    def _fill_points(self, *_args) -> None:
        category = self._category()
        self.point_box.blockSignals(True)
        self.point_box.clear()
        if category is not None:
            chinese = _chinese()
            for point in category.points:
                label = point.label if chinese else point.label_en
                self.point_box.addItem(f"{label} ({point.points:g})", point.key)
        self.point_box.blockSignals(False)
        self._default_points()

    @Slot()
    def _default_points(self, *_args) -> None:
        category, key = self._category(), self.point_box.currentData()
        point = category.point(key) if category is not None and key else None
        self.points_spin.setValue(point.points if point else 0.0)
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args) -> None:
        idle = not self._busy and self.may_review()
        ready = self.point_box.currentData() is not None
        self.record_button.setEnabled(idle and ready and bool(self.note.text().strip()))
        self.export_button.setEnabled(idle and self.summary is not None)
        self.refresh_button.setEnabled(not self._busy)

    @Slot(bool)
    def _runner_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    @Slot(object)
    def _failed(self, failure: JobFailure) -> None:
        self.status.setText(failure.message)

    @Slot()
    def record_selected(self) -> None:
        """Record the finding in the form on the chosen case, then show the figures."""
        record, category = self._record(), self.category_box.currentData()
        point, note = self.point_box.currentData(), self.note.text().strip()
        if record is None or point is None:
            return
        case_number, points = self._case_number, self.points_spin.value()

        def job(ws, progress, cancel):
            return case_quality.record_finding(
                ws,
                case_number,
                record.number,
                category,
                point,
                note=note,
                points=points,
            )

        def done(finding) -> None:
            self.note.clear()
            self.status.setText(
                self.tr("Recorded finding {id} on {record}.").format(
                    id=finding.id, record=finding.record_no
                )
            )
            self.finding_recorded.emit(finding.id)
            self.load()

        self._runner.submit(self.tr("Recording a finding"), job, done)

    # -- export -------------------------------------------------------------------

    @Slot()
    def _choose_pdf(self) -> None:
        name = f"{self._case_number}-{self.month}-quality.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the monthly summary"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the shown month's summary to ``path`` in the worker."""
        case_number, month, as_of = self._case_number, self.month, self.as_of
        lang = "zh" if _chinese() else "en"

        def job(ws, progress, cancel):
            return write_quality_summary(
                ws, case_number, month, path, lang=lang, as_of=as_of
            )

        def done(written) -> None:
            self.status.setText(self.tr("Wrote {path}").format(path=written))
            self.exported.emit(str(written))

        self._runner.submit(self.tr("Exporting the quality summary"), job, done)
