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

    Args:
        settings: Settings of the session (workspace folder, user, language).
        case_number: The case to open; the most recently created one when None.

    Returns:
        The exit status: 0 after a normal close, 1 when the workspace or the case
        could not be opened (the reason is shown in a message box and logged).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workstation.services.cases import list_cases
    from workstation.services.workspace import Workspace
    from workstation.ui.fonts import install_cjk_fallback
    from workstation.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("CaseWorkstation")
    if logging.getLogger("workstation").level == logging.NOTSET:
        logging.getLogger("workstation").setLevel(logging.INFO)

    try:
        install_cjk_fallback(app)
        ws = Workspace(settings)
    except WorkstationError as exc:
        log.error("cannot start: %s", exc)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1

    try:
        if case_number is None:
            cases = list_cases(ws)
            if not cases:
                raise WorkstationError(
                    f"Workspace {ws.root} has no case yet. Create one with "
                    "`workstation case create`, or run `workstation demo`."
                )
            case_number = cases[-1].number
        window = MainWindow(ws, case_number)
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
