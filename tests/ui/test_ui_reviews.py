"""The Reviews tab: state and history of a case's reviews, decided by role.

An analyst submits the Montagna link chart; the tab shows it awaiting review
and lets only a supervisor approve or return it, the analyst resubmit returned
work, and every step appears in the history with who, role and comment.
Accounts use a cheaper scrypt cost than production, as the security tests do.
"""

from __future__ import annotations

import pytest
from screenshots import save_screenshot

from workstation.security import passwords
from workstation.security.passwords import ScryptCost
from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.services.reviews import resubmit_review, return_review, submit_review
from workstation.services.users import add_user, init_users, login
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.reviews_view import ReviewsView
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner

PASSWORDS = {
    "admin": "admin-password-1",
    "ana": "analyst-password-1",
    "sue": "supervisor-pw-1",
}
CALLS = "networks/montagna/Montagna_phonecalls_edgelist.csv"


@pytest.fixture
def submitted(workspace, shared_data, monkeypatch):
    """Case M-1 with the Montagna calls; ana has submitted its link chart."""
    monkeypatch.setattr(passwords, "PASSWORD_COST", ScryptCost(n=2**12, r=8, p=1))
    create_case(workspace, "M-1", "Montagna 行动")
    import_table(workspace, "M-1", shared_data / CALLS, "montagna_phonecalls")
    init_users(workspace, "admin", PASSWORDS["admin"])
    add_user(workspace, "ana", "analyst", PASSWORDS["ana"])
    add_user(workspace, "sue", "supervisor", PASSWORDS["sue"])
    login(workspace, "ana", PASSWORDS["ana"])
    submit_review(workspace, "M-1", "chart", "all", note="通话网络，请核实 18 号")
    return workspace


def view_as(qtbot, ws, name: str) -> ReviewsView:
    """The tab as ``name`` sees it, its decisions run synchronously."""
    login(ws, name, PASSWORDS[name])
    runner = TaskRunner(ws.settings, source=ws, synchronous=True)
    view = ReviewsView(ws, "M-1", runner)
    qtbot.addWidget(view)
    view.resize(1000, 560)
    view.show()
    qtbot.waitExposed(view)
    view.select(1)
    return view


def cells(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_review_is_decided_by_role_and_its_history_shown(qtbot, submitted):
    ana = view_as(qtbot, submitted, "ana")
    assert cells(ana.table, 3) == ["awaiting review"]
    assert cells(ana.table, 2) == ["all"] and cells(ana.table, 4) == ["ana"]
    assert ana.heading.text() == "1 review(s) in this case, 1 awaiting a decision."
    assert cells(ana.history_table, 1) == ["submitted"]
    assert cells(ana.history_table, 2) == ["ana (analyst)"]
    assert cells(ana.history_table, 3) == ["通话网络，请核实 18 号"]
    assert not ana.approve_button.isEnabled()  # an analyst does not decide
    assert not ana.return_button.isEnabled()
    assert not ana.resubmit_button.isEnabled()
    ana.close()

    sue = view_as(qtbot, submitted, "sue")
    assert sue.approve_button.isEnabled()
    assert not sue.return_button.isEnabled()  # returning needs a comment
    sue.comment.setText("缺少会面记录")
    assert sue.return_button.isEnabled()
    with qtbot.waitSignal(sue.review_changed, timeout=30_000):
        sue.return_button.click()
    assert cells(sue.table, 3) == ["returned"] and cells(sue.table, 6) == ["sue"]
    assert cells(sue.history_table, 1) == ["submitted", "returned"]
    assert cells(sue.history_table, 3)[-1] == "缺少会面记录"
    assert not sue.approve_button.isEnabled() and sue.comment.text() == ""
    sue.close()

    ana = view_as(qtbot, submitted, "ana")
    assert ana.resubmit_button.isEnabled()
    ana.comment.setText("已补充")
    with qtbot.waitSignal(ana.review_changed, timeout=30_000):
        ana.resubmit_button.click()
    assert cells(ana.table, 3) == ["awaiting review"]
    ana.close()

    sue = view_as(qtbot, submitted, "sue")
    with qtbot.waitSignal(sue.review_changed, timeout=30_000):
        sue.approve_button.click()
    assert cells(sue.table, 3) == ["approved"]
    assert cells(sue.history_table, 1) == [
        "submitted",
        "returned",
        "resubmitted",
        "approved",
    ]
    assert cells(sue.history_table, 2)[-1] == "sue (supervisor)"
    sue.close()


def test_the_reviews_tab_in_chinese(qtbot, qapp, submitted):
    login(submitted, "sue", PASSWORDS["sue"])
    return_review(submitted, 1, "缺少 10 月 3 日的会面记录")
    login(submitted, "ana", PASSWORDS["ana"])
    resubmit_review(submitted, 1, "已补充会面记录")
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    sue = view_as(qtbot, submitted, "sue")
    assert cells(sue.table, 3) == ["待审核"] and cells(sue.table, 1) == ["关系图"]
    assert cells(sue.history_table, 1) == ["已提交", "已退回", "已重新提交"]
    assert sue.approve_button.text() == "批准"
    sue.comment.setText("18 号与 61 号之间的通话需附原始记录")
    save_screenshot(sue, "reviews")
    sue.close()
