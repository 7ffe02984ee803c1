"""The Link chart tab: size by a measure, expand, find a path, save, reopen, review.

The case is the Montagna phone calls (court records; Cavallaro et al., PLOS ONE
2020): 100 people, 124 pairs; 18 has the most calls and the highest betweenness.
Results are checked against the graph services the command line uses.
"""

from __future__ import annotations

import pytest
from montagna_case import PHONE_CALLS, load_phone_calls, read_edges
from PySide6.QtWidgets import QGraphicsLineItem
from screenshots import save_screenshot

from workstation.services.graph_paths import expand_entities, find_paths
from workstation.services.graph_views import list_chart_views, load_chart_view
from workstation.services.reviews import list_reviews
from workstation.ui.chart_canvas import MAX_RADIUS, PATH_COLOUR
from workstation.ui.chart_view import ChartView
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner


@pytest.fixture
def calls(workspace, case, shared_data):
    load_phone_calls(workspace, case, read_edges(shared_data / PHONE_CALLS))
    return workspace


@pytest.fixture
def view(qtbot, calls):
    runner = TaskRunner(calls.settings, synchronous=True)
    chart = ChartView(calls, "T-001", runner)
    qtbot.addWidget(chart)
    chart.resize(1280, 800)
    chart.show()
    qtbot.waitExposed(chart)
    yield chart
    chart.close()
    runner.close()


def entity(view: ChartView, label: str) -> int:
    graph = view.state.graph
    return next(n for n, d in graph.nodes(data=True) if d["label"] == label)


def shown_labels(view: ChartView) -> set[str]:
    return {item.label for item in view.chart.nodes.values()}


def red_lines(view: ChartView) -> int:
    return sum(
        1
        for item in view.chart.scene().items()
        if isinstance(item, QGraphicsLineItem) and item.pen().color() == PATH_COLOUR
    )


def test_the_chart_is_sized_by_the_measure_chosen(view):
    assert view.state is not None and len(view.chart.nodes) == 100
    hub = entity(view, "18")
    assert view.chart.nodes[hub].radius == MAX_RADIUS, "18 has the most calls"
    view.size_chart_by("betweenness")
    assert view.state.measure == "betweenness"
    assert view.size_by.currentData() == "betweenness"
    radii = {n: item.radius for n, item in view.chart.nodes.items()}
    order = sorted(radii, key=radii.get, reverse=True)
    assert [view.chart.nodes[n].label for n in order[:4]] == ["18", "61", "47", "29"]
    view.size_chart_by("kcore")
    scores = view.state.scores
    densest = {n for n in scores if scores[n] == max(scores.values())}
    largest = {n for n, item in view.chart.nodes.items() if item.radius == MAX_RADIUS}
    assert largest == densest
    assert "k-core" in view.legend.text()


def test_expanding_a_node_shows_its_neighbourhood(view, calls):
    seed = entity(view, "61")
    view.chart.select([seed])
    assert view.expand_button.isEnabled() and not view.path_button.isEnabled()
    view.hops.setValue(1)
    view.expand_selected()
    _, expansion = expand_entities(calls, "T-001", ["61"], hops=1, max_new=50)
    graph = view.state.graph
    assert set(view.chart.nodes) == set(expansion.nodes)
    assert shown_labels(view) == {graph.nodes[n]["label"] for n in expansion.nodes}
    assert view.chart.picked == [seed]
    assert view.all_button.isEnabled()

    view.hops.setValue(2)
    view.max_new.setValue(5)
    view.expand_selected()
    assert len(view.chart.nodes) == len(expansion.nodes) + 5
    assert "left out by the cap" in view.status.text()
    view.show_all()
    assert len(view.chart.nodes) == 100


def test_the_path_between_two_selected_nodes_is_highlighted(view, calls):
    first, second = entity(view, "18"), entity(view, "29")
    view.chart.select([first, second])
    assert view.path_button.isEnabled()
    view.find_path()
    found = find_paths(calls, "T-001", "18", "29")
    path = view.state.path
    assert (path[0], path[-1]) == (first, second)
    assert len(path) - 1 == found.shortest
    assert path in found.paths
    assert red_lines(view) == found.shortest
    assert view.status.text().startswith(f"Shortest path, {found.shortest} hop")
    assert " → ".join(view.state.graph.nodes[n]["label"] for n in path) in (
        view.status.text()
    )
    view.chart.select([first])
    view.find_path()
    assert "Select exactly two entities" in view.status.text()


def test_a_saved_view_reopens_and_goes_to_review(view, calls):
    view.chart.select([entity(view, "47")])
    view.expand_selected()
    shown = set(view.chart.nodes)
    places = {n: view.chart.nodes[n].pos() for n in shown}
    assert not view.views.submit_button.isEnabled(), "unsaved charts are not submitted"
    view.views.name_edit.setText("47 的通话圈")
    view.views.save_button.click()
    saved = load_chart_view(calls, "T-001", "47 的通话圈")
    assert saved.version == 1 and set(saved.selection) == shown
    assert view.views.list.count() == 1
    assert "v1" in view.views.list.item(0).text()
    view.views.save_button.click()
    assert [v.version for v in list_chart_views(calls, "T-001", all_versions=True)] == [
        1,
        2,
    ]

    view.show_all()
    assert len(view.chart.nodes) == 100 and view.views.current_view is None
    view.open_view("47 的通话圈", 1)
    assert set(view.chart.nodes) == shown
    for node, place in places.items():
        assert view.chart.nodes[node].pos() == place
    assert view.state.view.version == 1

    view.views.note_edit.setText("请核实 47 的联系人")
    view.views.submit_button.click()
    (review,) = list_reviews(calls, "T-001")
    assert review.object_ref == "view:47 的通话圈@1"
    assert review.note == "请核实 47 的联系人" and review.state == "submitted"
    assert review.snapshot["nodes"] == len(shown)
    assert str(review.id) in view.views.current.text()


@pytest.mark.slow
def test_link_chart_in_chinese(qtbot, qapp, calls):
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    runner = TaskRunner(calls.settings, synchronous=True)
    chart = ChartView(calls, "T-001", runner)
    qtbot.addWidget(chart)
    chart.resize(1280, 820)
    chart.show()
    qtbot.waitExposed(chart)
    chart.size_chart_by("betweenness")
    chart.chart.select([entity(chart, "61")])
    chart.hops.setValue(2)
    chart.max_new.setValue(30)
    chart.expand_selected()
    chart.views.name_edit.setText("61 两步内的联系人")
    chart.views.save_button.click()
    chart.chart.select([entity(chart, "61"), entity(chart, "29")])
    chart.find_path()
    assert chart.state.view is not None, "the path adds no entity: still the view"
    assert chart.status.text().startswith("最短路径，共 2 步：61 → ")
    assert chart.expand_button.text() == "展开所选"
    assert chart.state.path and red_lines(chart) == len(chart.state.path) - 1
    qtbot.wait(50)
    save_screenshot(chart, "link-chart-path")
    chart.close()
    runner.close()
