"""A tour of the desktop in Chinese, from an empty workspace to the PDF brief.

It drives the window as an analyst would (new case, import wizard, photos,
faces, chart, timeline, the brief's dialog) and saves a screenshot of each step under
``test-artifacts/screenshots/tour-*.png``. The workspace is a relative folder,
so the screenshots show no machine path. The people list is the demo's
generated GBK file; the photos are real.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from screenshots import save_screenshot

from faces_fixtures import vectron_photo
from workstation.services.demo_data import RING, write_demo_inputs
from workstation.ui.app import preload_face_engine
from workstation.ui.faces_view import EVIDENCE
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.new_case_dialog import NewCase
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner

NUMBER = "2026-0412"
TITLE = "夜间盗车团伙"


def idle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=120_000)
    qtbot.wait(50)


@pytest.mark.slow
def test_tour_in_chinese(qtbot, qapp, model_settings, tmp_path, monkeypatch):
    from workstation.services.workspace import Workspace

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    people_file, calls_file, people = write_demo_inputs(Path("demo-input"))
    settings = dataclasses.replace(
        model_settings, workspace_dir=Path("CaseWorkstation"), language="zh"
    )
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    ws = Workspace(settings)
    assert preload_face_engine(ws)
    win = MainWindow(ws, None, runner=TaskRunner(settings))
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)

    win.cases.create(NewCase(NUMBER, TITLE, "criminal", "王警官", "辖区连续盗车案"))
    idle(qtbot, win)
    assert win.case_number == NUMBER

    # The import wizard reads the GBK people list and picks the shipped spec.
    win.tabs.setCurrentWidget(win.data)
    wizard = win.data.open_wizard(people_file)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=30_000)
    assert wizard.preview.encoding == "gb18030"
    assert wizard.file_page.table.item(0, 1).text() == people[0].name
    save_screenshot(wizard, "tour-import-file")
    wizard.next()
    assert wizard.mapping_page.loaded_from == "people"
    save_screenshot(wizard, "tour-import-mapping")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=60_000)
    assert wizard.summary.rows_loaded == len(people)
    save_screenshot(wizard, "tour-import-result")
    wizard.accept()
    calls = win.data.open_wizard(calls_file)
    qtbot.waitUntil(lambda: calls.preview is not None, timeout=30_000)
    calls.next()
    assert calls.mapping_page.loaded_from == "call_records"
    calls.next()
    calls.next()
    qtbot.waitUntil(lambda: calls.summary is not None, timeout=60_000)
    calls.accept()
    idle(qtbot, win)
    save_screenshot(win.tabs, "tour-data")

    win.evidence.add_files([vectron_photo("players.jpg")])
    idle(qtbot, win)
    win.tabs.setCurrentWidget(win.faces)
    win.faces.scan()
    idle(qtbot, win)
    win.faces.search(vectron_photo("yaoming.jpg"))
    idle(qtbot, win)
    assert win.faces.table.item(0, EVIDENCE).text() == "players.jpg"
    save_screenshot(win.tabs, "tour-faces")

    win.tabs.setCurrentWidget(win.evidence)
    evidence = win.evidence
    evidence.select_row(
        next(
            r
            for r in range(evidence.model.rowCount())
            if evidence.model.row_object(r).original_name == "players.jpg"
        )
    )
    evidence.media.viewer.zoom(1.6)
    save_screenshot(win.tabs, "tour-evidence")

    win.tabs.setCurrentWidget(win.chart)
    idle(qtbot, win)
    ring_phones = {f"+86{person.phone}" for person in people[: len(RING)]}
    top = {win.chart.players.item(r, 0).text() for r in range(3)}
    assert top <= ring_phones
    save_screenshot(win.tabs, "tour-chart")

    win.tabs.setCurrentWidget(win.timeline)
    idle(qtbot, win)
    assert win.timeline.data.total > 300
    save_screenshot(win.tabs, "tour-timeline")

    win.tabs.setCurrentWidget(win.summary)
    save_screenshot(win.tabs, "tour-summary")

    dialog = win.export_brief()
    assert dialog.path_edit.text() == str(
        Path("CaseWorkstation", f"{NUMBER}-brief.pdf")
    )
    assert dialog.language.currentData() == "zh"
    save_screenshot(dialog, "tour-report")
    dialog.close()

    win.tabs.setCurrentWidget(win.cases)
    save_screenshot(win.tabs, "tour-cases")
    win.close()
    ws.close()
