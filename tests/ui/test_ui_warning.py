"""The Fraud warning tab on the generated case with known answers.

The tab is built standalone with a synchronous runner: it loads the
watch-list, runs the warning over the window and shows the residents under
their officers (the resident called three times first), filters by officer,
exports the dispatch list, and names a bad watch-list's lines in its status.
"""

from __future__ import annotations

import pytest
from screenshots import save_screenshot

from fraud_warning_case import CASE, END, START, build_case, write_inputs
from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.warning_view import WarningView
from workstation.ui.workers import TaskRunner


@pytest.fixture
def view(qtbot, qapp, workspace, tmp_path):
    install_cjk_fallback(qapp)
    build_case(workspace, tmp_path)
    runner = TaskRunner(workspace.settings, source=workspace, synchronous=True)
    widget = WarningView(workspace, CASE, runner)
    qtbot.addWidget(widget)
    widget.resize(1400, 520)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    runner.close()


def test_the_residents_are_shown_per_officer_ranked_by_risk(view):
    assert "十月预警号码 (3 numbers, analyst.test)" in view.lists_label.text()
    assert not view.csv_button.isEnabled()
    view.set_window(START, END)
    view.run_warning()
    assert view.shown_residents() == [
        ("李警官 (2)", ["王秀英", "张伟"]),
        ("陈警官 (1)", ["陈静"]),
        ("No officer (2)", ["(unlisted number)", "赵强"]),
    ]
    first = view.tree.topLevelItem(0).child(0)
    assert [first.text(c) for c in (0, 6, 7, 9)] == ["1", "3", "3", "8.0"]
    assert view.summary.text() == (
        "2026-10-01 to 2026-10-14: 3 watched numbers reached 4 residents and 1 "
        "unlisted numbers."
    )
    assert view.csv_button.isEnabled() and view.pdf_button.isEnabled()
    save_screenshot(view, "fraud-warning")

    view.officer_filter.setCurrentIndex(view.officer_filter.findData("陈警官"))
    assert view.shown_residents() == [("陈警官 (1)", ["陈静"])]


def test_the_dispatch_list_is_exported_from_the_tab(view, tmp_path):
    view.set_window(START, END)
    view.run_warning()
    view.export_csv(tmp_path / "out.csv")
    view.export_pdf(tmp_path / "out.pdf")
    assert "王秀英" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert view.status.text().startswith("Dispatch list written to")


def test_a_bad_watch_list_is_named_in_the_status(view, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("number,source\n13800000001,a\nnot a number,b\n", encoding="utf-8")
    view.load_watch_list(bad)
    assert "bad.csv: 1 line(s) are not phone numbers: line 3:" in view.status.text()
    assert "(3 numbers" in view.lists_label.text()


def test_a_case_without_a_watch_list_cannot_run(qtbot, workspace, tmp_path):
    create_case(workspace, "FW-EMPTY", "空")
    files = write_inputs(tmp_path)
    import_table(workspace, "FW-EMPTY", files["call_records"], "call_records")
    runner = TaskRunner(workspace.settings, source=workspace, synchronous=True)
    widget = WarningView(workspace, "FW-EMPTY", runner)
    qtbot.addWidget(widget)
    assert "No watch-list in this case yet" in widget.lists_label.text()
    assert not widget.run_button.isEnabled()
    widget.load_watch_list(files["watch"])
    assert widget.run_button.isEnabled()
    runner.close()
