"""Starting the application: display detection and the event loop around a case."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workstation.ui.app import display_available, run_gui
from workstation.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "minimal"}, True),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
    ],
)
def test_display_available(monkeypatch, env, expected):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", "linux")

    assert display_available() is expected


def test_display_is_assumed_on_windows_and_macos(monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert display_available()


def _close_main_window_soon(seen: list[str]) -> QTimer:
    """Close the main window once it shows; return a guard timer to stop after.

    Should closing the window not end the event loop, the guard stops the loop
    (exit status 99) so the test fails instead of hanging.
    """

    def close() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(50, close)
            return
        seen.append(windows[0].windowTitle())
        windows[0].close()

    QTimer.singleShot(50, close)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.instance().exit(99))
    guard.start(20_000)
    return guard


def test_run_gui_opens_the_latest_case_until_closed(qapp, settings, workspace, case):
    from workstation.services.cases import create_case

    create_case(workspace, "T-002", "第二个案件")
    seen: list[str] = []
    guard = _close_main_window_soon(seen)

    status = run_gui(settings, None)
    guard.stop()

    assert status == 0
    assert seen == ["Case Workstation — T-002 第二个案件"]


def test_run_gui_on_an_empty_workspace_shows_the_cases_tab(qapp, settings):
    seen: list[str] = []
    shown = []

    def look_and_close() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(50, look_and_close)
            return
        window = windows[0]
        shown.append(window.tabs.currentWidget() is window.cases)
        seen.append(window.cases.heading.text())
        window.close()

    QTimer.singleShot(50, look_and_close)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.instance().exit(99))
    guard.start(20_000)

    assert run_gui(settings, None) == 0
    guard.stop()
    assert shown == [True]
    assert "has no case yet" in seen[0]


def test_run_gui_reopens_the_case_opened_last(qapp, settings, workspace, case):
    from workstation.services.cases import create_case
    from workstation.ui.recent_cases import RecentCases

    create_case(workspace, "T-002", "第二个案件")
    RecentCases().add(workspace.root, "T-001")
    seen: list[str] = []
    guard = _close_main_window_soon(seen)

    assert run_gui(settings, None) == 0
    guard.stop()
    assert seen == ["Case Workstation — T-001 测试案件：电话网络"]


def test_run_gui_explains_a_missing_case(qapp, settings, workspace, case, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )

    assert run_gui(settings, "NO-SUCH") == 1
    assert len(shown) == 1
    assert "No case numbered 'NO-SUCH'" in shown[0]
