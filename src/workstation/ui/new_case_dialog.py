"""The New case dialog: number, title, kind, lead officer and description."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.types import CaseKind
from workstation.ui.labels import kind_text


@dataclass(frozen=True)
class NewCase:
    """What the dialog collected."""

    number: str
    title: str
    kind: str
    lead_officer: str
    description: str


class NewCaseDialog(QDialog):
    """Asks for a new case's details; OK is enabled once number and title are set.

    Args:
        default_officer: Pre-filled lead officer (the acting user).
        taken: Case numbers already in the workspace (refused).
        parent: Owning widget.
    """

    def __init__(
        self,
        default_officer: str = "",
        taken: set[str] | frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self._taken = set(taken)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. 2026-0412"))
        self.title_edit = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in CaseKind:
            self.kind.addItem(kind_text(kind), str(kind))
        self.lead_officer = QLineEdit(default_officer, self)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(self.tr("Case number"), self.number)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Lead officer"), self.lead_officer)
        form.addRow(self.tr("Description"), self.description)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.number.textChanged.connect(self._check)
        self.title_edit.textChanged.connect(self._check)
        self._check()

    @Slot()
    def _check(self) -> None:
        number = self.number.text().strip()
        problem = ""
        if number in self._taken:
            problem = self.tr("Case {number} already exists in this workspace.").format(
                number=number
            )
        ok = bool(number and self.title_edit.text().strip()) and not problem
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> NewCase:
        """The case as entered, trimmed."""
        return NewCase(
            number=self.number.text().strip(),
            title=self.title_edit.text().strip(),
            kind=str(self.kind.currentData()),
            lead_officer=self.lead_officer.text().strip(),
            description=self.description.toPlainText().strip(),
        )
