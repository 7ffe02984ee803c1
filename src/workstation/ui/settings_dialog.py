"""The Settings dialog: workspace, model pack, CPU only, language, face threshold."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services.models import list_packs
from workstation.settings import Settings
from workstation.ui.preferences import save_preferences

log = logging.getLogger(__name__)

#: Preferences used only when the workstation starts again.
RESTART_FIELDS = ("workspace_dir", "language")


class SettingsDialog(QDialog):
    """Edits the stored preferences, starting from the settings in force.

    Args:
        settings: The session's settings (the values shown first).
        store: Where preferences are saved (the user's QSettings when None).
        parent: Owning widget.
    """

    def __init__(
        self,
        settings: Settings,
        store: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._store = store
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)

        self.workspace = QLineEdit(str(settings.workspace_dir), self)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_workspace)
        self.model_pack = QComboBox(self)
        self.model_pack.setEditable(True)
        names = [status.name for status in list_packs(settings)]
        for name in dict.fromkeys([settings.model_pack, *names]):
            self.model_pack.addItem(name)
        self.model_pack.setCurrentText(settings.model_pack)
        self.force_cpu = QCheckBox(
            self.tr("Run face models on the CPU even when a GPU is available"), self
        )
        self.force_cpu.setChecked(settings.force_cpu)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.face_threshold = QDoubleSpinBox(self)
        self.face_threshold.setRange(0.0, 1.0)
        self.face_threshold.setSingleStep(0.01)
        self.face_threshold.setDecimals(2)
        self.face_threshold.setValue(settings.face_threshold)
        self.face_threshold.setToolTip(
            self.tr(
                "Candidates scoring at least this cosine similarity are marked "
                "above the threshold. They remain leads, never identifications."
            )
        )
        self.note = QLabel(
            self.tr(
                "The model pack, CPU choice and threshold apply to the next job. "
                "A new workspace folder or language applies when the workstation "
                "starts again."
            ),
            self,
        )
        self.note.setWordWrap(True)

        where = QHBoxLayout()
        where.addWidget(self.workspace, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Workspace folder"), where)
        form.addRow(self.tr("Face model pack"), self.model_pack)
        form.addRow(self.tr("Processor"), self.force_cpu)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Face match threshold"), self.face_threshold)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    @Slot()
    def choose_workspace(self) -> None:
        """Pick the workspace folder."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Workspace folder"), self.workspace.text()
        )
        if folder:
            self.workspace.setText(folder)

    def values(self) -> dict[str, Any]:
        """The preferences as entered, by Settings field name."""
        return {
            "workspace_dir": Path(self.workspace.text().strip()).expanduser(),
            "model_pack": self.model_pack.currentText().strip() or "default",
            "force_cpu": self.force_cpu.isChecked(),
            "language": self.language.currentData(),
            "face_threshold": round(self.face_threshold.value(), 2),
        }

    def changed(self) -> dict[str, Any]:
        """The preferences that differ from the settings in force."""
        return {
            name: value
            for name, value in self.values().items()
            if value != getattr(self._settings, name)
        }

    def accept(self) -> None:
        save_preferences(self.values(), self._store)
        super().accept()
