"""The window uses PySide6's own Qt plugins, whatever OpenCV set."""

from __future__ import annotations

import cv2  # noqa: F401  (importing it is what sets the variables)

from workstation.ui.app import check_window_libraries, forget_opencv_qt_paths


def test_opencv_plugin_paths_are_dropped(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/x/site-packages/cv2/qt/plugins")
    monkeypatch.setenv("QT_QPA_FONTDIR", "/x/site-packages/cv2/qt/fonts")
    forget_opencv_qt_paths()
    import os

    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
    assert "QT_QPA_FONTDIR" not in os.environ


def test_other_plugin_paths_are_kept(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/opt/qt/plugins")
    forget_opencv_qt_paths()
    import os

    assert os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"] == "/opt/qt/plugins"


def test_offscreen_needs_no_x11_libraries(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    check_window_libraries()  # returns quietly: nothing to check
