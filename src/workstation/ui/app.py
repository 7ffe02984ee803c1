"""Starting the desktop application.

This module imports Qt only inside :func:`run_gui`, so the command line can ask
:func:`display_available` without loading Qt.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

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


def forget_opencv_qt_paths() -> None:
    """Let PySide6 load its own Qt plugins, not the ones opencv-python ships.

    Importing cv2 (opencv-python) points ``QT_QPA_PLATFORM_PLUGIN_PATH`` and
    ``QT_QPA_FONTDIR`` at its own Qt build; PySide6 would then load an xcb plugin
    of another Qt version and abort as the window opens.
    """
    for name in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR"):
        value = os.environ.get(name, "")
        if value and "cv2" in Path(value).parts:
            log.info("ignoring %s=%s set by OpenCV", name, value)
            del os.environ[name]


#: Debian/Ubuntu packages Qt's X11 platform plugin needs beyond a bare system.
X11_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 "
    "libxkbcommon-x11-0"
)


def check_window_libraries() -> None:
    """Fail with an actionable message when Qt's X11 plugin cannot load.

    Qt aborts the whole process when its platform plugin is missing a system
    library; loading the plugin first turns that into a message.

    Raises:
        WorkstationError: naming the missing library and the packages to install.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return
    if not os.environ.get("DISPLAY"):
        return
    import ctypes
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        names = re.findall(r"lib[\w+-]+\.so(?:\.\d+)*", str(exc))
        missing = next((n for n in names if n != plugin.name), "a system library")
        raise WorkstationError(
            f"The main window cannot open: Qt's X11 plugin needs {missing}, which "
            f"this system lacks. Install: apt-get install {X11_PACKAGES}"
        ) from exc


def run_gui(settings: Settings, case_number: str | None) -> int:
    """Open the main window on a case and run until it is closed.

    The saved preferences (Settings dialog) apply where the command line left
    the default; the interface speaks the chosen language (or the system's).

    Args:
        settings: Settings of the session (workspace folder, user, language).
        case_number: The case to open; when None, the case opened last in this
            workspace, else the newest one, else none (the Cases tab shows).

    An encrypted workspace first asks for its passphrase, and a workspace with
    user accounts for a login (:mod:`workstation.ui.session_dialogs`).

    Returns:
        The exit status: 0 after a normal close, 1 when the workspace or the case
        could not be opened (the reason is shown in a message box and logged)
        or the passphrase or login was cancelled.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workstation.ui.fonts import install_cjk_fallback
    from workstation.ui.main_window import MainWindow
    from workstation.ui.preferences import ORGANIZATION, with_preferences
    from workstation.ui.recent_cases import RecentCases
    from workstation.ui.session_dialogs import open_workspace_interactively
    from workstation.ui.translations import install_translations

    forget_opencv_qt_paths()
    if QApplication.instance() is None:
        check_window_libraries()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    if logging.getLogger("workstation").level == logging.NOTSET:
        logging.getLogger("workstation").setLevel(logging.INFO)

    settings = with_preferences(settings)
    try:
        install_translations(app, settings.language)
        install_cjk_fallback(app)
        ws = open_workspace_interactively(settings)
    except WorkstationError as exc:
        log.error("cannot start: %s", exc)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if ws is None:
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
