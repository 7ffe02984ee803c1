"""The Timeline tab: calls per day and the weekday by hour heat map, on real CDRs."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest
from cdr_case import cdr_rows, expected_counts, import_cdr
from screenshots import save_screenshot

from workstation.services import browse
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.timeline_view import day_timestamp
from workstation.ui.workers import TaskRunner

CALLEE = "+86770000007"


@pytest.fixture
def cdr(workspace, case, shared_data):
    summary = import_cdr(workspace, case.number, shared_data)
    assert summary.rows_loaded == 500
    return cdr_rows(shared_data)


def test_service_counts_match_the_file(workspace, cdr):
    per_day, per_slot = expected_counts(cdr)

    days = browse.links_per_day(workspace, "T-001")
    assert days == sorted(per_day.items())
    assert len(days) == 138
    matrix = browse.weekday_hour_counts(workspace, "T-001")
    assert matrix.shape == (7, 24)
    assert matrix.sum() == 500
    for (weekday, hour), count in per_slot.items():
        assert matrix[weekday - 1, hour] == count


def test_counts_for_one_entity_and_link_type(workspace, cdr):
    callee = next(
        e for e in browse.timeline_entities(workspace, "T-001") if e.key == CALLEE
    )
    per_day, per_slot = expected_counts(cdr, callee="770000007")

    assert callee.links == sum(per_day.values()) == 65
    days = browse.links_per_day(workspace, "T-001", entity_id=callee.id)
    assert days == sorted(per_day.items())
    matrix = browse.weekday_hour_counts(workspace, "T-001", entity_id=callee.id)
    assert matrix.sum() == 65
    days, hours = matrix.nonzero()
    found = {(d + 1, h): matrix[d, h] for d, h in zip(days, hours, strict=True)}
    assert found == dict(per_slot)
    assert browse.links_per_day(workspace, "T-001", link_type="meeting") == []
    busiest = browse.timeline_entities(workspace, "T-001")[0]
    assert (busiest.key, busiest.links) == ("+86770000000", 500)


@pytest.fixture
def window(qtbot, qapp, workspace, cdr):
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_timeline_tab_draws_days_and_heat_map(qtbot, window, cdr):
    per_day, per_slot = expected_counts(cdr)
    timeline = window.timeline
    window.tabs.setCurrentWidget(timeline)
    qtbot.waitUntil(lambda: timeline.data is not None, timeout=30_000)

    bars = timeline.bars.opts
    assert list(bars["height"]) == [per_day[d] for d in sorted(per_day)]
    assert list(bars["x"]) == [day_timestamp(d) for d in sorted(per_day)]
    image = timeline.heat_image.image
    assert image.shape == (7, 24)
    assert image.sum() == 500
    expected = np.zeros((7, 24))
    for (weekday, hour), count in per_slot.items():
        expected[weekday - 1, hour] = count
    assert np.array_equal(image, expected)
    busiest_day = max(sorted(per_day), key=lambda d: per_day[d])
    assert timeline.summary.text().startswith(
        "500 links on 138 days, 2013-12-16 to 2014-05-02."
    )
    assert f"Busiest day {busiest_day.isoformat()} ({per_day[busiest_day]})" in (
        timeline.summary.text()
    )
    assert timeline.entity_box.count() == 11  # whole case + 10 phones
    qtbot.wait(50)
    save_screenshot(window, "timeline")


def test_double_clicking_an_entity_shows_its_timeline(qtbot, window, cdr):
    per_day, _ = expected_counts(cdr, callee="770000007")
    window.tabs.setCurrentWidget(window.entities)
    model = window.entities.model
    row = next(r for r in range(model.rowCount()) if model.row_object(r).key == CALLEE)

    window.entities.table.doubleClicked.emit(model.index(row, 2))
    timeline = window.timeline
    qtbot.waitUntil(
        lambda: timeline.data is not None and timeline.data.entity_id is not None,
        timeout=30_000,
    )

    assert window.tabs.currentWidget() is timeline
    assert timeline.data.total == 65
    audit = window.ws.store.execute(
        "SELECT details->>'entity', details->>'links' FROM audit_log "
        "WHERE action = 'timeline.read'"
    ).fetchall()
    assert audit == [(CALLEE, "65")]
    assert list(timeline.bars.opts["height"]) == [per_day[d] for d in sorted(per_day)]
    assert CALLEE in timeline.entity_box.currentText()
    first = datetime.fromtimestamp(timeline.bars.opts["x"][0]).date()
    assert first == min(per_day)
