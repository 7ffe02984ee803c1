"""The main window on a small real case, tab by tab, with screenshots.

Screenshots of every tab are saved to ``test-artifacts/screenshots/`` under the
project root for people to look at (Chinese must show as glyphs, not boxes).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from pathlib import Path

import pytest
from montagna_case import build_case, vectron_photos
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsLineItem

from workstation.store.audit_log import read_audit
from workstation.ui.chart_canvas import NodeItem
from workstation.ui.faces_view import (
    CANDIDATE,
    DECISION,
    EVIDENCE,
    FMR,
    PROBE,
    SCORE,
    THRESHOLD,
)
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.workers import TaskRunner

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
TITLE = "测试案件：电话网络"


@pytest.fixture
def edges(workspace, case, shared_data):
    return build_case(workspace, case, shared_data)


@pytest.fixture
def window(qtbot, qapp, workspace, edges):
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def show_tab(qtbot, win: MainWindow, widget, name: str) -> None:
    win.tabs.setCurrentWidget(widget)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=30_000)
    qtbot.wait(50)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_summary_tab(qtbot, window):
    show_tab(qtbot, window, window.summary, "summary")
    fields = window.summary.fields

    assert window.summary.title_label.text() == TITLE
    assert fields["number"].text() == "T-001"
    assert fields["status"].text() == "open"
    assert fields["lead_officer"].text() == "analyst.test"
    assert (fields["entities"].text(), fields["links"].text()) == ("100", "150")
    assert (fields["evidence"].text(), fields["faces"].text()) == ("3", "0")
    assert fields["entity_types"].text() == "person 100"
    assert TITLE in window.windowTitle()
    assert str(window.ws.root) in window.where_label.text()
    assert "analyst.test" in window.where_label.text()


def test_entities_tab_sorts_and_searches(qtbot, window, edges):
    show_tab(qtbot, window, window.entities, "entities")
    view = window.entities
    model = view.model

    assert model.rowCount() == model.total_rows == 100
    assert view.count_label.text() == "100 row(s)"

    view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    ends = Counter(n for e in edges for n in (e.source, e.target))
    assert model.row_object(0).key == "18"
    assert model.index(0, 5).data() == str(ends["18"])

    view.search_box.setText("18")
    qtbot.waitUntil(lambda: model.search_text == "18", timeout=3000)
    expected = {n for n in ends if "18" in n}
    assert model.rowCount() == len(expected)
    assert {model.row_object(r).key for r in range(model.rowCount())} == expected
    show_tab(qtbot, window, window.entities, "entities-search")

    view.search_box.clear()
    view.apply_search()
    assert model.rowCount() == 100


def test_an_entity_is_marked_suspect_from_its_menu(qtbot, window):
    from workstation.services.entities import suspects

    show_tab(qtbot, window, window.entities, "entities")
    model = window.entities.model
    entity = model.row_object(0)
    menu = window.entity_role_menu(entity)
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["suspect", "victim", "witness", "associate", "no role"]
    assert actions["no role"].isChecked()

    actions["suspect"].trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert [e.key for e in suspects(window.ws, "T-001")] == [entity.key]
    qtbot.waitUntil(lambda: model.index(0, 4).data() == "suspect", timeout=3000)
    assert window.entity_role_menu(model.row_object(0)).actions()[0].isChecked()


def test_links_tab_searches_either_end(qtbot, window, edges):
    show_tab(qtbot, window, window.links, "links")
    view = window.links
    model = view.model

    assert model.rowCount() == 150
    first = edges[0]
    assert [model.index(0, c).data() for c in (1, 2, 3, 6)] == [
        "call",
        first.source,
        first.target,
        f"{first.weight:g}",
    ]

    view.search_box.setText("61")
    view.apply_search()
    touching = [e for e in edges if "61" in e.source or "61" in e.target]
    assert model.rowCount() == model.total_rows == len(touching)
    # looking a number up is a read of personal data: the worker audits it
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    searches = [e for e in read_audit(window.ws.store) if e.action == "table.search"]
    assert [(e.object, e.details) for e in searches] == [
        ("T-001", {"table": "links", "search": "61", "rows": len(touching)})
    ]


def test_tables_fetch_pages_as_they_scroll(qtbot, window):
    from workstation.ui.entity_table_model import link_model
    from workstation.ui.table_views import PagedTableView

    view = PagedTableView(link_model(window.ws, "T-001", page_size=40), "")
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    model = view.model

    assert (model.rowCount(), model.total_rows) == (40, 150)
    assert model.canFetchMore()
    assert view.count_label.text() == "40 of 150 rows"

    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 40, timeout=3000)
    assert model.rowCount() == 80

    while model.canFetchMore():
        model.fetchMore()
    ids = [model.row_object(r).id for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 150
    assert ids == sorted(ids)
    assert view.count_label.text() == "150 row(s)"


def test_evidence_tab_shows_thumbnails_and_hashes(qtbot, window):
    show_tab(qtbot, window, window.evidence, "evidence")
    model = window.evidence.model
    photos = {p.name: p for p in vectron_photos()}

    assert model.rowCount() == 3
    for row in range(3):
        name = model.index(row, 0).data()
        thumbnail = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
        assert not thumbnail.isNull()
        assert max(thumbnail.width(), thumbnail.height()) == 96
        sha = hashlib.sha256(photos[name].read_bytes()).hexdigest()
        assert model.index(row, 3).data() == sha


def test_adding_evidence_runs_in_the_worker(qtbot, window, shared_data):
    photo = shared_data / "faces" / "facenet_pytorch" / "multiface.jpg"
    if not photo.is_file():
        photo = next((shared_data / "faces").rglob("*.jpg"))

    with qtbot.waitSignal(window.evidence.evidence_added, timeout=30_000) as added:
        window.evidence.add_files([photo])

    assert added.args == [1]
    assert window.evidence.model.rowCount() == 4
    assert window.summary.fields["evidence"].text() == "4"
    assert "added 1 evidence file(s)" in window.log_panel.text.toPlainText()


def test_a_user_error_becomes_a_readable_message(qtbot, window, tmp_path):
    missing = tmp_path / "missing.jpg"

    window.evidence.add_files([missing])
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=30_000)

    text = window.last_error.text()
    assert text.startswith(f"{missing}: no such file; nothing was added.")
    assert "Traceback" not in text
    assert "no such file" in window.log_panel.text.toPlainText()
    window.last_error.close()


def test_link_chart_tab_draws_every_entity(qtbot, window):
    show_tab(qtbot, window, window.chart, "chart")
    chart = window.chart

    assert chart.data is not None
    items = chart.chart.scene().items()
    assert sum(isinstance(i, NodeItem) for i in items) == 100
    assert sum(isinstance(i, QGraphicsLineItem) for i in items) == 124
    hub = chart.chart.nodes[chart.data.players[0].entity_id]
    assert (hub.label, hub.degree) == ("18", 25)
    assert chart.players.rowCount() == 10
    assert [chart.players.item(r, 0).text() for r in range(4)] == [
        "18",
        "61",
        "47",
        "29",
    ]
    assert chart.players.item(0, 4).text() == "0.418"
    assert TITLE in chart.heading.text()

    before = chart.chart.transform().m11()
    chart.chart.zoom(2.0)
    assert chart.chart.transform().m11() == pytest.approx(before * 2)

    chart.players.selectRow(1)
    assert [n.label for n in chart.chart.nodes.values() if n.isSelected()] == ["61"]


def test_faces_tab_says_candidates_are_leads(qtbot, window):
    show_tab(qtbot, window, window.faces, "faces")
    faces = window.faces

    assert "not identifications" in faces.notice.text()
    assert faces.table.rowCount() == 0
    assert not faces.confirm_button.isEnabled()
    assert not faces.reject_button.isEnabled()


def test_log_tab_shows_the_session(qtbot, window):
    window.tabs.setCurrentWidget(window.chart)
    show_tab(qtbot, window, window.log_panel, "log")
    text = window.log_panel.text.toPlainText()

    assert "opened case T-001" in text
    assert "started: Drawing the link chart" in text
    assert "link chart: 100 nodes, 124 edges" in text


@pytest.mark.slow
def test_faces_tab_searches_a_probe_and_records_a_decision(
    qtbot, qapp, model_settings, tmp_path
):
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.workspace import Workspace

    photos = {p.name: p for p in vectron_photos()}
    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    ws = Workspace(settings)
    create_case(ws, "T-001", TITLE)
    add_evidence(ws, "T-001", [photos["players.jpg"], photos["gdp.jpg"]])
    install_cjk_fallback(qapp)
    win = MainWindow(ws, "T-001", runner=TaskRunner(settings))
    qtbot.addWidget(win)
    win.show()
    faces = win.faces
    win.tabs.setCurrentWidget(faces)

    faces.scan()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=60_000)
    found = int(win.summary.fields["faces"].text())
    assert found > 10
    assert faces.status_label.text().startswith(f"{found} face(s) found in 2 photo(s)")

    faces.search(photos["yaoming.jpg"])
    qtbot.waitUntil(lambda: faces.outcome is not None, timeout=60_000)
    table = faces.table
    assert table.rowCount() == min(settings.top_k, found)
    assert table.item(0, EVIDENCE).text() == "players.jpg"
    assert float(table.item(0, SCORE).text()) == pytest.approx(0.63, abs=0.03)
    assert table.item(0, THRESHOLD).text() == "above"
    assert table.item(0, FMR).text().startswith("<")  # no impostor pair reached it
    assert float(table.item(1, SCORE).text()) < 0.3
    assert table.item(1, THRESHOLD).text() == "below"
    assert not faces.probe_label.isHidden()  # a good probe: its band is named
    probe = table.item(0, PROBE).data(Qt.ItemDataRole.DecorationRole)
    crop = table.item(0, CANDIDATE).data(Qt.ItemDataRole.DecorationRole)
    assert (probe.width(), crop.width()) == (128, 128)
    assert win.summary.fields["searches"].text() == "1"

    table.selectRow(0)
    # a confirmation needs its reason first; a rejection does not
    assert faces.reject_button.isEnabled() and not faces.confirm_button.isEnabled()
    faces.comment.setText("same face shape and ears; checked by two analysts")
    assert faces.confirm_button.isEnabled()
    faces.confirm_button.click()
    qtbot.waitUntil(
        lambda: table.item(0, DECISION).text().startswith("confirmed"),
        timeout=30_000,
    )
    decision = ws.store.execute(
        "SELECT decision, decided_by, comment FROM matches WHERE search_id = ? "
        "AND rank = 1",
        [faces.outcome.result.search_id],
    ).fetchone()
    assert decision == (
        "confirmed",
        "analyst.test",
        "same face shape and ears; checked by two analysts",
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(SCREENSHOTS / "faces-search.png"))
    win.close()
    ws.close()
