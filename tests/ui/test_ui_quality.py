"""The Quality tab: the month's figures, charts, rankings, a finding and the PDF.

Built from the generated case list of :mod:`quality_cases` (tests/services),
whose answers are known: six November cases, one late registration, a 50 %
30-day closure rate and five problem points.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from screenshots import save_screenshot

from workstation.security import passwords
from workstation.security.passwords import ScryptCost
from workstation.services.users import add_user, init_users, login
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.quality_view import QualityView
from workstation.ui.workers import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from quality_cases import AS_OF, MONTH, build_review_case

CASE = "QA-2026-11"


@pytest.fixture
def review(workspace, tmp_path):
    build_review_case(workspace, tmp_path)
    return workspace


def open_view(qtbot, ws) -> QualityView:
    runner = TaskRunner(ws.settings, source=ws, synchronous=True)
    view = QualityView(ws, CASE, runner)
    view.as_of = AS_OF
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(table, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_the_month_figures_charts_and_rankings(qtbot, qapp, review, tmp_path):
    install_cjk_fallback(qapp)
    view = open_view(qtbot, review)
    assert view.month == MONTH  # the latest month with cases
    assert view.heading.text().startswith("6 cases (5 administrative, 1 criminal); 1")
    assert "closed in time 50%" in view.heading.text()
    assert column(view.station_table, 1) == ["城关派出所", "东城派出所"]
    assert column(view.station_table, 6) == ["98.33", "98.00"]
    assert column(view.officer_table, 1)[0] == "李娜 (001002)"
    assert column(view.officer_table, 8) == ["0.00", "1.50", "2.08", "1.42"]
    months, rates = view.charts.drawn["trend"]
    assert months == ["2026-10", "2026-11"] and rates == [1.0, 0.5]
    assert view.charts.drawn["categories"] == (
        [
            "Criminal case\nInvestigation and evidence",
            "Administrative case\nInvestigation and evidence",
        ],
        [3.0, 2.0],
    )
    assert view.charts.drawn["stations"][1] == [
        pytest.approx(295 / 3),
        pytest.approx(98.0),
    ]
    qtbot.wait(100)  # the charts' axes take their width in the event loop
    save_screenshot(view, "quality")

    # a finding on XZ-2026-1101 from the form
    view.record_box.setCurrentIndex(view.record_box.findData("XZ-2026-1101"))
    view.category_box.setCurrentIndex(view.category_box.findData("file"))
    view.point_box.setCurrentIndex(view.point_box.findData("material_missing"))
    assert view.points_spin.value() == 1.0
    assert not view.record_button.isEnabled()  # a finding needs a note
    view.note.setText("缺少送达回执")
    with qtbot.waitSignal(view.finding_recorded, timeout=30_000):
        view.record_button.click()
    assert view.summary.problem_points == 6.0
    assert "Recorded finding 3 on XZ-2026-1101." in view.status.text()
    assert column(view.station_table, 6)[0] == "98.00"  # 城关 lost a point

    out = tmp_path / "summary.pdf"
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export_pdf(str(out))
    assert out.read_bytes().startswith(b"%PDF")

    view.show_month("2026-10")
    assert column(view.station_table, 1) == ["城关派出所"]
    view.close()


def test_an_analyst_sees_no_figures(qtbot, review, monkeypatch):
    monkeypatch.setattr(passwords, "PASSWORD_COST", ScryptCost(n=2**12, r=8, p=1))
    init_users(review, "admin", "admin-password-1")
    add_user(review, "ana", "analyst", "analyst-password-1")
    login(review, "ana", "analyst-password-1")
    view = open_view(qtbot, review)
    assert "for supervisors" in view.heading.text()
    assert view.station_table.rowCount() == 0
    assert not view.record_button.isEnabled() and not view.export_button.isEnabled()
    view.close()
