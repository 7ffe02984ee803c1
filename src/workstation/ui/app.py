"""Starting the desktop application.

This module imports Qt only inside :func:`run_gui`, so the command line can ask
:func:`display_available` without loading Qt.
"""

from __future__ import annotations

import logging
import os
import sys

from workstation.domain.errors import WorkstationError
from workstation.settings import Settings

log = logging.getLogger(__name__)

APP_NAME = "Case Workstation"


def display_available() -> bool:
    """Whether a window can be shown here.

    True on Windows and macOS, with Qt's offscreen or minimal platform, or when
    an X11 or Wayland display is set.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if platform in ("offscreen", "minimal"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(settings: Settings, case_number: str | None) -> int:
    """Open the main window on a case and run until it is closed.

    The saved preferences (Settings dialog) apply where the command line left
    the default; the interface speaks the chosen language (or the system's).

    Args:
        settings: Settings of the session (workspace folder, user, language).
        case_number: The case to open; when None, the case opened last in this
            workspace, else the newest one, else none (the Cases tab shows).

    Returns:
        The exit status: 0 after a normal close, 1 when the workspace or the case
        could not be opened (the reason is shown in a message box and logged).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workstation.services.workspace import Workspace
    from workstation.ui.fonts import install_cjk_fallback
    from workstation.ui.main_window import MainWindow
    from workstation.ui.preferences import ORGANIZATION, with_preferences
    from workstation.ui.recent_cases import RecentCases
    from workstation.ui.translations import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    if logging.getLogger("workstation").level == logging.NOTSET:
        logging.getLogger("workstation").setLevel(logging.INFO)

    settings = with_preferences(settings)
    try:
        install_translations(app, settings.language)
        install_cjk_fallback(app)
        ws = Workspace(settings)
    except WorkstationError as exc:
        log.error("cannot start: %s", exc)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1

    preload_face_engine(ws)
    recent = RecentCases()
    try:
        if case_number is None:
            case_number = starting_case(ws, recent)
        window = MainWindow(ws, case_number, recent=recent)
    except WorkstationError as exc:
        log.error("cannot open the case: %s", exc)
        QMessageBox.critical(None, APP_NAME, str(exc))
        ws.close()
        return 1

    try:
        window.show()
        return app.exec()
    finally:
        window.runner.close()
        ws.close()


def starting_case(ws, recent) -> str | None:
    """The case to open first: the last one opened here, else the newest.

    Args:
        ws: The open workspace.
        recent: The :class:`workstation.ui.recent_cases.RecentCases` list.

    Returns:
        A case number, or None when the workspace has no case.
    """
    from workstation.services.cases import list_cases

    numbers = [case.number for case in list_cases(ws)]
    for number in recent.for_workspace(ws.root):
        if number in numbers:
            return number
    return numbers[-1] if numbers else None


def preload_face_engine(ws) -> bool:
    """Load the face engine before the window shows, when the model pack is ready.

    Importing the face libraries holds the interpreter lock for over a second
    (a numpy extension of the ONNX package initialises in one call); done in a
    job later, it would freeze the window. Loaded here, scans start at once.

    Args:
        ws: The workspace whose settings name the model pack.

    Returns:
        True when the engine is loaded; False when the pack is not ready (face
        work then explains what to do when it is asked for).
    """
    from workstation.services.faces import face_engine

    try:
        engine = face_engine(ws)
    except WorkstationError as exc:
        log.info("face engine not loaded at start: %s", exc)
        return False
    log.info("face engine ready: %s", engine.describe())
    return True
