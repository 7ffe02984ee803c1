"""The Cases tab: create, open, close cases; key dates; recent cases."""

from __future__ import annotations

import pytest
from cdr_case import import_cdr
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from screenshots import save_screenshot

from workstation.ui.cases_view import CLOSED, FIRST, KIND, LAST, NUMBER, STATUS
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.new_case_dialog import NewCase, NewCaseDialog
from workstation.ui.recent_cases import RecentCases
from workstation.ui.workers import TaskRunner


@pytest.fixture
def window(qtbot, qapp, workspace, case, shared_data):
    import_cdr(workspace, case.number, shared_data)
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, None, runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_a_window_without_a_case_shows_the_cases_tab(window):
    assert window.case_number is None
    assert window.tabs.currentWidget() is window.cases
    assert window.tabs.count() == 2  # Cases and Log
    assert not window.menus.export_brief.isEnabled()
    assert window.windowTitle() == "Case Workstation — no case open"
    row = window.cases.rows[0]
    assert row.case.number == "T-001"
    assert (row.links, row.entities) == (500, 10)
    table = window.cases.table
    assert table.item(0, FIRST).text() == "2013-12-16"
    assert table.item(0, LAST).text() == "2014-05-02"
    assert table.item(0, KIND).text() == "criminal"
    assert table.item(0, CLOSED).text() == ""


def test_new_case_dialog_checks_number_and_title(qtbot):
    dialog = NewCaseDialog("analyst.test", {"T-001"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    assert not ok.isEnabled()
    dialog.number.setText("T-001")
    dialog.title_edit.setText("重复的编号")
    assert not ok.isEnabled()
    assert "already exists" in dialog.problem.text()
    dialog.number.setText(" 2026-0412 ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("administrative"))
    dialog.description.setPlainText("  出租屋治安检查  ")
    assert ok.isEnabled()
    assert dialog.values() == NewCase(
        "2026-0412", "重复的编号", "administrative", "analyst.test", "出租屋治安检查"
    )


def test_create_open_and_close_cases(qtbot, window, monkeypatch):
    cases = window.cases
    with qtbot.waitSignal(cases.case_created, timeout=30_000):
        cases.create(
            NewCase("2026-0412", "出租屋治安检查", "administrative", "王警官", "")
        )
    # A new case opens at once, with its tabs.
    assert window.case_number == "2026-0412"
    assert window.tabs.currentWidget() is window.summary
    assert window.summary.fields["kind"].text() == "administrative"
    assert window.summary.fields["lead_officer"].text() == "王警官"
    assert window.windowTitle() == "Case Workstation — 2026-0412 出租屋治安检查"
    assert window.menus.export_brief.isEnabled()

    # Open the first case from the list: its tabs replace the new case's.
    assert cases.select("T-001")
    cases.open_button.click()
    assert window.case_number == "T-001"
    assert window.summary.fields["links"].text() == "500"
    assert window.tabs.count() == 14

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes
    )
    assert cases.select("2026-0412")
    with qtbot.waitSignal(cases.case_closed, timeout=30_000):
        cases.close_selected()
    row = next(
        r
        for r in range(cases.table.rowCount())
        if cases.table.item(r, NUMBER).text() == "2026-0412"
    )
    assert cases.table.item(row, STATUS).text() == "closed"
    closed_at = cases.rows[row].closed_at
    assert closed_at is not None
    assert cases.table.item(row, CLOSED).text() == closed_at.strftime("%Y-%m-%d %H:%M")
    assert not cases.close_button.isEnabled()
    audit = window.ws.store.execute(
        "SELECT action, user_name FROM audit_log WHERE object = '2026-0412' "
        "ORDER BY seq"
    ).fetchall()
    assert audit == [("case.create", "analyst.test"), ("case.close", "analyst.test")]

    # Recent cases: newest first, in QSettings and in the menu.
    assert RecentCases().for_workspace(window.ws.root) == ["T-001", "2026-0412"]
    titles = [a.text() for a in window.menus.recent.actions()]
    assert titles == ["T-001  测试案件：电话网络", "2026-0412  出租屋治安检查"]
    window.menus.recent.actions()[1].trigger()
    assert window.case_number == "2026-0412"
    window.tabs.setCurrentWidget(cases)
    save_screenshot(window, "cases")


def test_recent_cases_keep_eight_per_list_and_ignore_other_workspaces(tmp_path):
    recent = RecentCases()
    for number in range(10):
        recent.add(tmp_path / "a", f"A-{number}")
    recent.add(tmp_path / "b", "B-1")
    recent.add(tmp_path / "a", "A-3")

    assert recent.for_workspace(tmp_path / "b") == ["B-1"]
    assert recent.for_workspace(tmp_path / "a") == [
        "A-3",
        "A-9",
        "A-8",
        "A-7",
        "A-6",
        "A-5",
        "A-4",
    ]
    recent.remove(tmp_path / "b", "B-1")
    assert recent.for_workspace(tmp_path / "b") == []
