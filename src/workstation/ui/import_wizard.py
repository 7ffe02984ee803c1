"""The import wizard: preview a file, map its columns, save the spec, import.

Pages: the file (with its detected encoding, delimiter and first rows), the
mapping (:mod:`workstation.ui.mapping_page`), the spec's name and file, and the
import itself, which runs in the worker and lists the rejected rows with their
line numbers in the file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from workstation.domain.errors import ImportSpecError
from workstation.domain.records import ImportSummary
from workstation.services.import_mapping import (
    build_spec,
    save_spec,
    spec_toml,
    specs_dir,
)
from workstation.services.ingest import import_table
from workstation.services.ingest_preview import TablePreview, preview_table
from workstation.services.workspace import Workspace
from workstation.ui.import_result_page import ResultPage, fill_table
from workstation.ui.mapping_page import MappingPage
from workstation.ui.workers import JobFailure, TaskRunner

log = logging.getLogger(__name__)

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "cp1252", "latin-1")
DELIMITERS = ((",", ","), (";", ";"), ("\t", "Tab"), ("|", "|"))


class FilePage(QWizardPage):
    """Choose the file; check the detected encoding, delimiter and first rows."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._job_title = ""
        self.preview: TablePreview | None = None
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "CSV, text or Excel (.xlsx). Check that the rows below read right: "
                "Chinese as Chinese, one value per column."
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        self.path_edit.editingFinished.connect(self._path_edited)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose_file)

        self.encoding = QComboBox(self)
        self.encoding.setEditable(True)
        self.encoding.addItem(self.tr("detect"), "")
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.delimiter = QComboBox(self)
        self.delimiter.addItem(self.tr("detect"), "")
        for value, text in DELIMITERS:
            self.delimiter.addItem(text, value)
        self.delimiter.addItem(self.tr("blanks (spaces or tabs)"), "whitespace")
        self.header = QCheckBox(self.tr("Line 1 names the columns"), self)
        self.sheet = QComboBox(self)
        for widget in (self.encoding, self.delimiter, self.sheet):
            widget.activated.connect(lambda _i: self.refresh())
        self.header.clicked.connect(lambda _c: self.refresh())
        self.encoding.lineEdit().editingFinished.connect(self.refresh)

        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.table = _preview_table(self)

        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)
        options = QFormLayout()
        options.addRow(self.tr("File"), where)
        options.addRow(self.tr("Encoding"), self.encoding)
        options.addRow(self.tr("Delimiter"), self.delimiter)
        options.addRow(self.tr("Sheet"), self.sheet)
        options.addRow("", self.header)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        runner.failed.connect(self._preview_failed)

    def isComplete(self) -> bool:
        return self.preview is not None and not self._job_title

    @Slot()
    def choose_file(self) -> None:
        """Pick the file with a dialog."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a table"),
            "",
            self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)"),
        )
        if path:
            self.set_path(Path(path))

    @Slot()
    def _path_edited(self) -> None:
        text = self.path_edit.text().strip()
        shown = str(self.preview.path) if self.preview is not None else ""
        if text and text != shown and not self._job_title:
            self.refresh(detect=True)

    def set_path(self, path: Path) -> None:
        """Preview ``path`` with every option detected."""
        self.path_edit.setText(str(path))
        self.refresh(detect=True)

    @Slot()
    def refresh(self, *, detect: bool = False) -> None:
        """Read the preview again in the worker (options as chosen, or detected)."""
        text = self.path_edit.text().strip()
        if not text:
            return
        path = Path(text).expanduser()
        if detect:
            options = {}
        else:
            options = {
                "encoding": self.encoding.currentText().strip()
                if self.encoding.currentIndex() != 0
                else None,
                "delimiter": self.delimiter.currentData() or None,
                "header": self.header.isChecked(),
                "sheet": self.sheet.currentText() or None,
            }

        def job(ws, progress, cancel):
            return preview_table(path, **options)

        self.preview = None
        self._job_title = self.tr("Previewing {name}").format(name=path.name)
        self.info.setText(self._job_title + "…")
        self.completeChanged.emit()
        self._runner.submit(self._job_title, job, self.show_preview)

    def show_preview(self, preview: TablePreview) -> None:
        """Show the first rows and the options the file is read with."""
        self._job_title = ""
        self.preview = preview
        wizard = self.wizard()
        chosen = self.encoding.currentIndex() != 0
        wizard.chosen_encoding = preview.encoding if chosen else None
        self._show_options(preview)
        fill_table(
            self.table,
            list(preview.columns),
            [cells for _, cells in preview.rows],
            [str(line) for line, _ in preview.rows],
        )
        delimiter = f"“{dict(DELIMITERS).get(preview.delimiter, preview.delimiter)}”"
        if preview.delimiter == "whitespace":
            delimiter = self.tr("blanks")
        self.info.setText(
            self.tr(
                "{name}: encoding {encoding}, delimiter {delimiter}, {columns} "
                "column(s); lines {first} to {last} shown (numbered as in the file)."
            ).format(
                name=preview.path.name,
                encoding=preview.encoding,
                delimiter=delimiter,
                columns=len(preview.columns),
                first=preview.rows[0][0] if preview.rows else 0,
                last=preview.rows[-1][0] if preview.rows else 0,
            )
        )
        self.completeChanged.emit()

    def _show_options(self, preview: TablePreview) -> None:
        for widget in (self.encoding, self.delimiter, self.header, self.sheet):
            widget.blockSignals(True)
        if preview.file_format == "csv" and self.encoding.currentIndex() == 0:
            self.encoding.setItemText(
                0, self.tr("detect: {name}").format(name=preview.encoding)
            )
        self.encoding.setEnabled(preview.file_format == "csv")
        self.delimiter.setEnabled(preview.file_format == "csv")
        index = self.delimiter.findData(preview.delimiter)
        self.delimiter.setCurrentIndex(max(index, 0))
        self.header.setChecked(preview.header)
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheets))
        if preview.sheet:
            self.sheet.setCurrentText(preview.sheet)
        self.sheet.setEnabled(bool(preview.sheets))
        for widget in (self.encoding, self.delimiter, self.header, self.sheet):
            widget.blockSignals(False)

    @Slot(object)
    def _preview_failed(self, failure: JobFailure) -> None:
        if failure.title != self._job_title:
            return
        self._job_title = ""
        self.info.setText(failure.message)
        self.completeChanged.emit()


def _preview_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    return table


def spec_file_name(name: str) -> str:
    """A file name for a spec called ``name`` (letters, digits, _ and -)."""
    cleaned = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_")
    return (cleaned or "mapping") + ".toml"


class SavePage(QWizardPage):
    """Name the mapping and save it as a spec file to use again."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.setTitle(self.tr("Save the mapping"))
        self.setSubTitle(
            self.tr(
                "Saved as a TOML spec, the mapping imports the next file of this "
                "layout in one step, here or with `workstation import --spec`."
            )
        )
        self.name = QLineEdit(self)
        self.description = QLineEdit(self)
        self.save = QCheckBox(self.tr("Save the mapping as a spec file"), self)
        self.save.setChecked(True)
        self.again = QCheckBox(
            self.tr("Import again even if the case already holds this file"), self
        )
        self.again.setToolTip(
            self.tr(
                "A file imported twice counts every row twice; tick this only "
                "when that is what you want."
            )
        )
        self.path_edit = QLineEdit(self)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose_file)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.name.textEdited.connect(self._name_edited)
        self.name.textChanged.connect(self._update_text)
        self.description.textChanged.connect(self._update_text)

        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow("", self.save)
        form.addRow(self.tr("Spec file"), where)
        form.addRow("", self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        wizard = self.wizard()
        name = wizard.spec_name or wizard.preview.path.stem
        self.name.setText(name)
        self.description.setText(wizard.spec_description)
        self._name_edited(name)
        self._update_text()

    @Slot(str)
    def _name_edited(self, name: str) -> None:
        self.path_edit.setText(str(specs_dir(self._ws) / spec_file_name(name)))

    @Slot()
    def _update_text(self) -> None:
        wizard = self.wizard()
        if wizard is None or wizard.preview is None:
            return
        wizard.spec_name = self.name.text().strip()
        wizard.spec_description = self.description.text().strip()
        self.text.setPlainText(spec_toml(wizard.mapping_page.mapping()))

    @Slot()
    def choose_file(self) -> None:
        """Pick where the spec is saved."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the spec as"), self.path_edit.text(), "TOML (*.toml)"
        )
        if path:
            self.path_edit.setText(path)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        self._update_text()
        mapping = wizard.mapping_page.mapping()
        try:
            if self.save.isChecked():
                target = Path(self.path_edit.text().strip()).expanduser()
                wizard.spec = save_spec(mapping, target)
                wizard.spec_path = Path(wizard.spec.source)
            else:
                wizard.spec = build_spec(mapping)
                wizard.spec_path = None
        except ImportSpecError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        return True


class ImportWizard(QWizard):
    """Imports one table into a case, step by step.

    Args:
        ws: The workspace (saved specs, default paths).
        case_number: The case receiving the data.
        runner: Runs the preview and the import.
        parent: Owning widget.
        path: A file to start with (dropped on the Data tab, say).
    """

    #: Emitted with the :class:`ImportSummary` once the import is done.
    imported = Signal(object)

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.case_number = case_number
        self.runner = runner
        self.chosen_encoding: str | None = None
        self.spec_name = ""
        self.spec_description = ""
        self.events: tuple[dict, ...] = ()
        self.spec = None
        self.spec_path: Path | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(
            self.tr("Import a table into {number}").format(number=case_number)
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(980, 720)
        self.file_page = FilePage(runner, self)
        self.mapping_page = MappingPage(ws, self)
        self.save_page = SavePage(ws, self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.save_page):
            self.addPage(page)
        self.addPage(self.result_page)
        if path is not None:
            self.file_page.set_path(Path(path))

    @property
    def preview(self) -> TablePreview | None:
        """The preview of the chosen file."""
        return self.file_page.preview

    def run_import(self) -> str:
        """Import the file with the checked spec in the worker; return the job title."""
        path, spec, case_number = self.preview.path, self.spec, self.case_number
        again = self.save_page.again.isChecked()

        def job(ws, progress, cancel):
            return import_table(
                ws,
                case_number,
                path,
                spec,
                progress=progress,
                cancel=cancel,
                again=again,
            )

        title = self.tr("Importing {name}").format(name=path.name)
        self.runner.submit(title, job, self._imported)
        return title

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.result_page.show_summary(summary)
        self.imported.emit(summary)

    def reject(self) -> None:
        if self.result_page.running:
            self.runner.cancel()
        super().reject()
