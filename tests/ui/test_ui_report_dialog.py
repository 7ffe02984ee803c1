"""The Export report dialog: the PDF is written in the worker, then opened."""

from __future__ import annotations

import subprocess

import pytest
from montagna_case import build_case
from PySide6.QtGui import QDesktopServices
from screenshots import save_screenshot

from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner


@pytest.fixture
def window(qtbot, qapp, workspace, case, shared_data):
    build_case(workspace, case, shared_data)
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_export_writes_the_brief_and_opens_it(qtbot, window, monkeypatch, tmp_path):
    # The Chinese brief is exported in the tour (test_ui_tour.py).
    lang, heading = "en", "Case brief"
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    window.menus.export_brief.trigger()
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.path_edit.text() == str(window.ws.root / "T-001-brief.pdf")
    assert not dialog.open_button.isEnabled()
    target = tmp_path / f"brief-{lang}.pdf"
    dialog.path_edit.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData(lang))

    steps = []
    window.runner.progressed.connect(lambda *args: steps.append(args[1:3]))
    dialog.export_button.click()
    assert not dialog.export_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None, timeout=60_000)

    assert dialog.pdf_path == target and target.stat().st_size > 10_000
    assert steps[-1] == (9, 9)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (1, 1)
    assert dialog.status.text() == f"Brief written to {target}."
    text = pdf_text(target)
    assert heading in text
    assert "T-001" in text and "测试案件：电话网络" in text
    audit = window.ws.store.execute(
        "SELECT details->>'lang', details->>'file' FROM audit_log "
        "WHERE action = 'report.export'"
    ).fetchall()
    assert audit == [(lang, target.name)]

    save_screenshot(dialog, f"report-dialog-{lang}")
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(target)]
    dialog.close()


def test_export_a_full_report_with_a_marking(qtbot, window, tmp_path):
    dialog = window.export_brief()
    dialog.kind.setCurrentIndex(dialog.kind.findData("full"))
    # the default file name follows the kind
    assert dialog.path_edit.text() == str(window.ws.root / "T-001-full.pdf")
    target = tmp_path / "full.pdf"
    dialog.path_edit.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.marking.setText("秘密")

    dialog.export_button.click()
    assert not dialog.kind.isEnabled() and not dialog.marking.isEnabled()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None, timeout=60_000)

    assert dialog.status.text() == f"Full report written to {target}."
    text = pdf_text(target)
    assert "案件完整报告" in text and "秘密" in text and "八、审计摘录" in text
    details = window.ws.store.execute(
        "SELECT details->>'kind', details->>'classification' FROM audit_log "
        "WHERE action = 'report.export'"
    ).fetchall()
    assert details == [("full", "秘密")]
    dialog.kind.setCurrentIndex(dialog.kind.findData("brief"))
    assert dialog.path_edit.text() == str(target)  # a chosen file stays
    dialog.close()


def test_export_to_a_missing_folder_says_where(qtbot, window, tmp_path):
    dialog = window.export_brief()
    target = tmp_path / "no-such-folder" / "brief.pdf"
    dialog.path_edit.setText(str(target))

    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30_000)

    assert dialog.pdf_path is None
    assert not dialog.open_button.isEnabled()
    assert dialog.status.text().startswith(
        f"The report was not written: Folder {target.parent} does not exist"
    )
    window.last_error.close()
    dialog.close()


def test_sections_left_out_are_not_printed(qtbot, qapp, window, tmp_path, monkeypatch):
    from workstation.services.report import SECTIONS

    install_translations(qapp, "zh")
    monkeypatch.chdir(tmp_path)  # a relative file name: no machine path shown
    dialog = window.export_brief()
    assert list(dialog.sections) == list(SECTIONS)
    assert dialog.chosen_sections() == list(SECTIONS)
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert dialog.status.text() == "请至少勾选一个部分再导出。"
    for section in ("suspects", "key_players", "evidence"):
        dialog.sections[section].setChecked(True)
    assert dialog.export_button.isEnabled()
    assert dialog.status.text().startswith("简报包括")
    target = tmp_path / "sections.pdf"
    dialog.path_edit.setText("sections.pdf")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    save_screenshot(dialog, "report-dialog-sections")

    dialog.export_button.click()
    assert not dialog.sections_box.isEnabled()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None, timeout=60_000)

    text = pdf_text(target)
    for kept in ("2. Suspects", "5. Key players", "6. Evidence list"):
        assert kept in text
    for left_out in (
        "3. Face-search candidates",
        "4. Link chart and activity timeline",
        "7. Image enhancement processing report",
        "8. Audit extract",
        "9. Supervisor reviews",
    ):
        assert left_out not in text
    assert "parts 3, 4, 7, 8, 9" in text
    sections = window.ws.store.execute(
        "SELECT details->'sections' FROM audit_log WHERE action = 'report.export'"
    ).fetchone()[0]
    assert sections == '["suspects","key_players","evidence"]'
    assert dialog.sections_box.isEnabled()
    dialog.close()
