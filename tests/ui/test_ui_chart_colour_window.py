"""The Link chart coloured by community, and narrowed to a time window.

Communities are checked on the Montagna phone calls (court records; Cavallaro
et al., PLOS ONE 2020), whose links carry no time; the time window on real
call-detail records (bandicoot's ``u_test.csv``, 500 calls from one phone to
nine others over 138 days). Both are compared with the graph services the
command line uses.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from cdr_case import cdr_rows, import_cdr
from montagna_case import PHONE_CALLS, load_phone_calls, read_edges
from screenshots import save_screenshot

from workstation.graph.filters import GraphFilter
from workstation.services.graph import case_communities
from workstation.services.graph_build import case_graph
from workstation.services.graph_chart import community_colour
from workstation.ui.chart_canvas import OTHER_COLOUR, TYPE_COLOURS
from workstation.ui.chart_view import ChartView
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner


def open_chart(qtbot, ws) -> ChartView:
    runner = TaskRunner(ws.settings, synchronous=True)
    chart = ChartView(ws, "T-001", runner)
    chart.runner = runner
    qtbot.addWidget(chart)
    chart.resize(1280, 800)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.fixture
def montagna(qtbot, qapp, workspace, case, shared_data):
    """The Montagna chart, in Chinese as the screenshots show the desktop."""
    load_phone_calls(workspace, case, read_edges(shared_data / PHONE_CALLS))
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    chart = open_chart(qtbot, workspace)
    yield chart
    chart.close()
    chart.runner.close()


@pytest.fixture
def calls(qtbot, qapp, workspace, case, shared_data):
    """The call records' chart, in Chinese."""
    assert import_cdr(workspace, case.number, shared_data).rows_loaded == 500
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    chart = open_chart(qtbot, workspace)
    yield chart, cdr_rows(shared_data)
    chart.close()
    chart.runner.close()


def colours(view: ChartView) -> dict:
    return {node: item.colour for node, item in view.chart.nodes.items()}


def choose_colouring(view: ChartView, colour_by: str) -> None:
    view.colour_by.setCurrentIndex(view.colour_by.findData(colour_by))


def test_nodes_are_coloured_by_the_services_communities(montagna):
    view = montagna
    types = {n: t for n, t in view.state.graph.nodes(data="type")}
    assert colours(view) == {
        n: TYPE_COLOURS.get(types[n], OTHER_COLOUR) for n in view.chart.nodes
    }

    choose_colouring(view, "community")
    assert view.state.colour_by == "community"
    graph, parts = case_communities(
        view._ws, "T-001", graph_filter=view.state.graph_filter
    )
    assert set(graph) == set(view.chart.nodes) and len(graph) == 100
    assert view.state.communities == parts.membership
    assert colours(view) == {
        n: community_colour(parts.membership[n]) for n in view.chart.nodes
    }
    assert len(parts.sizes) > 3
    assert len(set(colours(view).values())) == min(len(parts.sizes), 13)
    # Entities of one community share a colour; the two largest differ.
    first, second = parts.members(1), parts.members(2)
    assert {view.chart.nodes[n].colour for n in first} == {community_colour(1)}
    assert community_colour(1) != community_colour(2)
    assert view.chart.nodes[second[0]].colour == community_colour(2)
    legend = view.legend.text()
    assert f"社区 1（{parts.sizes[0]}）" in legend
    assert f"社区 2（{parts.sizes[1]}）" in legend
    # Phone calls without times: the window has nothing to range over.
    assert not view.time_window.start_slider.isEnabled()
    assert view.time_window.label.text() == "无带时间的关系"
    save_screenshot(view, "link-chart-communities")

    # Sizing by another measure keeps the colouring; back to entity types.
    view.size_chart_by("betweenness")
    assert view.state.communities == parts.membership
    choose_colouring(view, "type")
    assert view.state.colour_by == "type" and view.state.communities == {}
    assert colours(view) == {
        n: TYPE_COLOURS.get(types[n], OTHER_COLOUR) for n in view.chart.nodes
    }


def expected_calls(rows, start: datetime, end: datetime) -> dict[str, int]:
    """Calls per callee between ``start`` and ``end``, counted from the file."""
    counts: dict[str, int] = {}
    for row in rows:
        when = datetime.strptime(row[4], "%Y-%m-%d %H:%M:%S")
        if start <= when < end:
            counts[row[3]] = counts.get(row[3], 0) + 1
    return counts


def drawn(view: ChartView) -> tuple[set, set]:
    shown = view.state.subgraph()
    nodes = set(view.chart.nodes)
    assert nodes == set(shown)
    assert len(view.chart.lines) == shown.number_of_edges()
    edges = {(frozenset((u, v)), w) for u, v, w in shown.edges(data="weight")}
    return nodes, edges


def service_graph(view: ChartView, start, end) -> tuple[set, set]:
    graph = case_graph(
        view._ws, "T-001", graph_filter=GraphFilter(start=start, end=end)
    )
    edges = {(frozenset((u, v)), w) for u, v, w in graph.edges(data="weight")}
    return set(graph), edges


def test_the_time_window_draws_the_services_filtered_graph(qtbot, calls):
    view, rows = calls
    window = view.time_window
    assert window.start_slider.isEnabled()
    assert (window.start_slider.maximum(), window.end_slider.maximum()) == (137, 138)
    assert window.window() == (None, None)
    assert len(view.chart.nodes) == 10

    # The second to the fourth day: three days, six of the nine callees.
    window.start_slider.setValue(1)
    window.end_slider.setValue(4)
    assert window.label.text() == "2013-12-17 至 2013-12-19（3 天）"
    start, end = datetime(2013, 12, 17), datetime(2013, 12, 20)
    qtbot.waitUntil(lambda: view.state.graph_filter.start == start, timeout=5_000)
    assert (view.state.graph_filter.start, view.state.graph_filter.end) == (start, end)
    assert drawn(view) == service_graph(view, start, end)
    counts = expected_calls(rows, start, end)
    assert len(counts) == 6 and len(view.chart.nodes) == 7
    labels = {
        item.label[-9:]: view.state.graph.degree(node, weight="weight")
        for node, item in view.chart.nodes.items()
        if not item.label.endswith("770000000")
    }
    assert labels == counts
    assert "7 个实体，6 条连接" in view.heading.text()
    save_screenshot(view, "link-chart-time-window")

    # Colouring by community follows the window's graph too.
    choose_colouring(view, "community")
    _, parts = case_communities(view._ws, "T-001", graph_filter=view.state.graph_filter)
    assert view.state.communities == parts.membership
    assert colours(view) == {
        n: community_colour(parts.membership[n]) for n in view.chart.nodes
    }

    # Dragging the end before the start pushes the start back; the last day.
    window.end_slider.setValue(1)
    assert (window.start_slider.value(), window.end_slider.value()) == (0, 1)
    window.start_slider.setValue(137)
    assert window.end_slider.value() == 138
    qtbot.waitUntil(lambda: view.state.graph_filter.end is None, timeout=5_000)
    last = datetime(2014, 5, 2)
    assert view.state.graph_filter.start == last
    assert drawn(view) == service_graph(view, last, None)
    assert set(expected_calls(rows, last, last + timedelta(days=1))) == {
        item.label[-9:]
        for item in view.chart.nodes.values()
        if not item.label.endswith("770000000")
    }

    window.whole_button.click()
    assert view.state.graph_filter == GraphFilter()
    assert drawn(view) == service_graph(view, None, None)
    assert len(view.chart.nodes) == 10 and window.window() == (None, None)
