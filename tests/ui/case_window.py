"""Opening the main window on a fresh copy of a prepared workspace."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from workstation.services.workspace import Workspace
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner


def window_on_copy(
    qtbot, qapp, template: Path, model_settings, case: str, *, chinese: bool
) -> MainWindow:
    """The main window on a copy of ``template`` in the current folder.

    The copy is opened by a relative path, so that screenshots show no
    machine path; the caller changes into a temporary folder first and closes
    the window and ``window.ws`` at the end.
    """
    shutil.copytree(template, "CaseWorkstation")
    ws = Workspace(
        dataclasses.replace(model_settings, workspace_dir=Path("CaseWorkstation"))
    )
    if chinese:
        install_translations(qapp, "zh")
        install_cjk_fallback(qapp)
    win = MainWindow(ws, case, runner=TaskRunner(ws.settings))
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    return win
