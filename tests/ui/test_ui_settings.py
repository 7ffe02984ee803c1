"""Preferences: Settings fields kept in QSettings and edited in a dialog."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings
from screenshots import save_screenshot

from workstation.settings import Settings
from workstation.ui.main_window import MainWindow
from workstation.ui.preferences import (
    PREFERENCE_FIELDS,
    qsettings,
    save_preferences,
    stored_preferences,
    with_preferences,
)
from workstation.ui.settings_dialog import SettingsDialog
from workstation.ui.workers import TaskRunner


def test_every_preference_is_a_settings_field():
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert set(PREFERENCE_FIELDS) <= fields


def test_saved_preferences_come_back_typed(isolated_qsettings, tmp_path):
    save_preferences(
        {
            "workspace_dir": tmp_path / "cases",
            "model_pack": "buffalo_s",
            "force_cpu": True,
            "language": "en",
            "face_threshold": 0.42,
        }
    )
    # A new QSettings object reads the INI file written by the first.
    assert stored_preferences(qsettings()) == {
        "workspace_dir": tmp_path / "cases",
        "model_pack": "buffalo_s",
        "force_cpu": True,
        "language": "en",
        "face_threshold": 0.42,
    }
    ini = next(isolated_qsettings.rglob("*.ini")).read_text()
    assert "face_threshold=0.42" in ini


def test_saved_preferences_fill_what_the_command_line_left_default(tmp_path):
    save_preferences(
        {"workspace_dir": tmp_path / "saved", "face_threshold": 0.5, "language": "en"}
    )
    plain = Settings.from_environment(user_name="analyst.test")
    assert with_preferences(plain).workspace_dir == tmp_path / "saved"
    assert with_preferences(plain).face_threshold == 0.5
    assert with_preferences(plain).language == "en"

    given = Settings.from_environment(
        workspace_dir=tmp_path / "given", user_name="analyst.test"
    )
    assert with_preferences(given).workspace_dir == tmp_path / "given"
    assert with_preferences(given).face_threshold == 0.5


def test_a_damaged_value_is_ignored(caplog):
    store = qsettings()
    store.setValue("face_threshold", "high")
    store.setValue("language", "klingon")
    store.sync()
    assert stored_preferences(store) == {}
    assert "ignoring the saved face_threshold 'high'" in caplog.text


def test_the_dialog_saves_and_the_window_applies_at_once(
    qtbot, workspace, case, tmp_path
):
    runner = TaskRunner(workspace.settings)
    win = MainWindow(workspace, "T-001", runner=runner)
    qtbot.addWidget(win)
    dialog = SettingsDialog(workspace.settings, parent=win)
    assert dialog.values() == {
        "workspace_dir": Path(workspace.settings.workspace_dir),
        "model_pack": "default",
        "force_cpu": False,
        "language": "zh",
        "face_threshold": 0.3,
    }
    dialog.face_threshold.setValue(0.45)
    dialog.force_cpu.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    save_screenshot(dialog, "settings")
    dialog.accept()

    assert dialog.changed() == {
        "force_cpu": True,
        "language": "en",
        "face_threshold": 0.45,
    }
    assert stored_preferences()["face_threshold"] == 0.45
    win.apply_settings(dialog.changed())
    assert workspace.settings.face_threshold == 0.45
    assert workspace.settings.force_cpu
    assert workspace.settings.language == "zh"  # applies at the next start
    assert runner.settings.face_threshold == 0.45
    assert runner.session().settings.face_threshold == 0.45
    assert "starts again" in win.statusBar().currentMessage()
    win.close()


def test_preferences_never_touch_the_users_real_settings(isolated_qsettings):
    path = Path(qsettings().fileName())
    assert isolated_qsettings in path.parents
    assert QSettings.Format.IniFormat == qsettings().format()
