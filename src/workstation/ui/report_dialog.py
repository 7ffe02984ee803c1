"""The Export report dialog: brief or full, language, marking, the sections to
include, file, progress, and "Open PDF" when done."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services.report import SECTIONS, write_report
from workstation.services.workspace import Workspace
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)


class ReportDialog(QDialog):
    """Writes the case brief or full report (PDF) in the worker and offers to open it.

    Args:
        ws: The workspace (for the default file name and language).
        case_number: The case to report on.
        runner: Runs the export.
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
        self._case_number = case_number
        self._runner = runner
        self._title = self.tr("Exporting the report of {number}").format(
            number=case_number
        )
        self._running = False
        self.pdf_path: Path | None = None
        self.setWindowTitle(self.tr("Export case report"))
        self.setMinimumWidth(560)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Chinese (中文)"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(
            max(self.language.findData(ws.settings.language), 0)
        )
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Brief (a few pages)"), "brief")
        self.kind.addItem(self.tr("Full report (everything)"), "full")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.marking = QLineEdit(self)
        self.marking.setPlaceholderText(
            self.tr("Default: 内部 in Chinese, RESTRICTED in English")
        )
        self._root = Path(ws.root)
        self.sections = self._section_boxes()
        self.path_edit = QLineEdit(str(self._default_path("brief")), self)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._abouts = {
            "brief": self.tr(
                "The brief holds the case summary, suspects, face candidates, the "
                "link chart, key players and the evidence list with SHA-256 sums."
            ),
            "full": self.tr(
                "The full report prints every search and candidate, all key "
                "players, the imports with their rejects, every evidence item and "
                "the whole audit trail."
            ),
        }
        self.status = QLabel(self._abouts["brief"], self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.clicked.connect(self._runner.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open PDF"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_pdf)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)

        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Case"), QLabel(case_number, self))
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Marking"), self.marking)
        form.addRow(self.tr("File"), where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sections_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        runner.progressed.connect(self._on_progress)
        runner.failed.connect(self._on_failed)

    def _section_boxes(self) -> dict[str, QCheckBox]:
        """One check box per section after the summary, all ticked."""
        names = {
            "suspects": self.tr("Suspects"),
            "searches": self.tr("Face-search candidates"),
            "chart": self.tr("Link chart and timeline"),
            "key_players": self.tr("Key players"),
            "evidence": self.tr("Evidence list"),
            "processing": self.tr("Enhancement processing reports"),
            "audit": self.tr("Audit extract"),
            "reviews": self.tr("Supervisor reviews"),
        }
        self.sections_box = QGroupBox(self.tr("Sections to include"), self)
        grid = QGridLayout(self.sections_box)
        boxes = {}
        for index, section in enumerate(SECTIONS):
            box = QCheckBox(names[section], self.sections_box)
            box.setChecked(True)
            box.toggled.connect(self._sections_changed)
            grid.addWidget(box, index // 2, index % 2)
            boxes[section] = box
        return boxes

    def chosen_sections(self) -> list[str]:
        """The ticked sections, in the order the report prints them."""
        return [name for name, box in self.sections.items() if box.isChecked()]

    @Slot()
    def _sections_changed(self) -> None:
        chosen = bool(self.chosen_sections())
        self.export_button.setEnabled(chosen and not self._running)
        self.status.setText(
            self._abouts[self.kind.currentData()]
            if chosen
            else self.tr("Tick at least one section to export.")
        )

    def _default_path(self, kind: str) -> Path:
        return self._root / f"{self._case_number}-{kind}.pdf"

    @Slot(int)
    def _kind_changed(self, _index: int) -> None:
        """Follow the kind in the file name while it is still a default one."""
        kind = self.kind.currentData()
        defaults = {str(self._default_path(k)) for k in ("brief", "full")}
        if self.path_edit.text() in defaults:
            self.path_edit.setText(str(self._default_path(kind)))
        if not self._running:
            self._sections_changed()

    @Slot()
    def choose_file(self) -> None:
        """Pick where the PDF goes."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.path_edit.text(), "PDF (*.pdf)"
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.path_edit.setText(path)

    @Slot()
    def export(self) -> None:
        """Write the chosen report in the worker."""
        target = Path(self.path_edit.text().strip()).expanduser()
        lang = self.language.currentData()
        kind = self.kind.currentData()
        marking = self.marking.text().strip() or None
        sections = self.chosen_sections()
        case_number = self._case_number

        def job(ws, progress, cancel):
            return write_report(
                ws,
                case_number,
                target,
                kind=kind,
                lang=lang,
                classification=marking,
                sections=sections,
                progress=progress,
                cancel=cancel,
            )

        self._set_running(True)
        self.pdf_path = None
        self.open_button.setEnabled(False)
        self.status.setText(self.tr("Writing {path}…").format(path=target))
        self._runner.submit(self._title, job, self._written)

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (
            self.export_button,
            self.kind,
            self.language,
            self.marking,
            self.path_edit,
            self.browse_button,
            self.sections_box,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.progress.setRange(0, 0)

    @Slot(str, int, int, str)
    def _on_progress(self, title: str, done: int, total: int, message: str) -> None:
        if not self._running or title != self._title:
            return
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)
        self.status.setText(
            self.tr("Step {done} of {total}: {message}").format(
                done=done, total=total, message=message
            )
        )

    def _written(self, path: Path) -> None:
        self._set_running(False)
        self.pdf_path = Path(path)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.open_button.setEnabled(True)
        if self.kind.currentData() == "full":
            written = self.tr("Full report written to {path}.")
        else:
            written = self.tr("Brief written to {path}.")
        self.status.setText(written.format(path=path))

    @Slot(object)
    def _on_failed(self, failure: JobFailure) -> None:
        if not self._running or failure.title != self._title:
            return
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if failure.cancelled:
            self.status.setText(self.tr("Cancelled; no report was written."))
        else:
            self.status.setText(
                self.tr("The report was not written: {message}").format(
                    message=failure.message
                )
            )

    @Slot()
    def open_pdf(self) -> bool:
        """Open the written PDF with the system's viewer."""
        if self.pdf_path is None:
            return False
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))
        if not opened:
            self.status.setText(
                self.tr("No PDF viewer could open {path}; open it by hand.").format(
                    path=self.pdf_path
                )
            )
        return opened

    def reject(self) -> None:
        if self._running:
            self._runner.cancel()
        super().reject()
