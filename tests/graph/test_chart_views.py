"""Saved chart views: stored per case, versioned, audited, drawn exactly as saved."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.graph.filters import GraphFilter
from workstation.graph.layout import layout_link_graph
from workstation.services.graph import case_graph
from workstation.services.graph_views import (
    chart_view_graph,
    list_chart_views,
    load_chart_view,
    save_chart_view,
    write_chart_view_png,
)
from workstation.store.audit_log import read_audit

CALLS = GraphFilter(link_types=("call",))


@pytest.fixture
def saved(montagna):
    """Case T-001 with a view of 18 and its call partners, laid out and noted."""
    graph = case_graph(montagna, "T-001", graph_filter=CALLS)
    hub = next(n for n, d in graph.nodes(data=True) if d["label"] == "18")
    chosen = [hub, *sorted(graph[hub])]
    positions = layout_link_graph(graph.subgraph(chosen))
    view = save_chart_view(
        montagna,
        "T-001",
        "18 的通话圈",
        selection=chosen,
        positions=positions,
        annotations=[
            {"text": "核心人物", "entity_id": hub},
            {"text": "待核实", "x": 0.5, "y": 0.5},
        ],
        graph_filter=CALLS,
    )
    return montagna, view, hub, positions


def test_a_view_is_stored_and_opened_exactly(saved):
    ws, view, hub, positions = saved

    opened = load_chart_view(ws, "T-001", "18 的通话圈")

    assert opened == view
    assert (opened.version, opened.state, opened.author) == (1, "draft", "analyst.test")
    assert opened.selection[0] == hub and len(opened.selection) == 26
    assert opened.positions == {n: pytest.approx(p) for n, p in positions.items()}
    assert GraphFilter.from_dict(opened.filters) == CALLS
    assert opened.annotations[0] == {"text": "核心人物", "entity_id": hub}
    graph = chart_view_graph(ws, "T-001", opened)
    assert sorted(graph) == sorted(view.selection) and graph.number_of_edges() >= 25
    actions = [e.action for e in read_audit(ws.store)[-2:]]
    assert actions == ["chart_view.save", "chart_view.open"]


def test_saving_again_adds_a_version(saved):
    ws, view, hub, _ = saved

    second = save_chart_view(
        ws,
        "T-001",
        "18 的通话圈",
        selection=[hub],
        graph_filter=CALLS,
        state="submitted",
    )
    save_chart_view(ws, "T-001", "另一个视图")

    assert second.version == 2
    assert load_chart_view(ws, "T-001", "18 的通话圈") == second
    assert load_chart_view(ws, "T-001", "18 的通话圈", version=1) == view
    latest = list_chart_views(ws, "T-001")
    assert [(v.name, v.version) for v in latest] == [
        ("18 的通话圈", 2),
        ("另一个视图", 1),
    ]
    assert len(list_chart_views(ws, "T-001", all_versions=True)) == 3
    assert read_audit(ws.store)[-1].action == "chart_view.list"


def test_the_picture_follows_the_saved_positions(saved, tmp_path):
    ws, view, _, positions = saved
    moved = {n: (-y, x) for n, (x, y) in positions.items()}  # turned a quarter
    save_chart_view(
        ws,
        "T-001",
        "转过的",
        selection=view.selection,
        positions=moved,
        graph_filter=CALLS,
    )

    first = write_chart_view_png(
        ws, "T-001", "18 的通话圈", tmp_path / "a.png", lang="zh"
    )
    again = write_chart_view_png(
        ws, "T-001", "18 的通话圈", tmp_path / "b.png", lang="zh"
    )
    turned = write_chart_view_png(ws, "T-001", "转过的", tmp_path / "c.png", lang="zh")

    assert first.read_bytes() == again.read_bytes()
    a = np.asarray(Image.open(io.BytesIO(first.read_bytes())).convert("RGB"))
    c = np.asarray(Image.open(io.BytesIO(turned.read_bytes())).convert("RGB"))
    assert a.shape == c.shape and not np.array_equal(a, c)
    # the yellow note boxes are drawn
    note = (np.abs(a.astype(int) - (0xFF, 0xF3, 0xB0)).sum(axis=2) < 10).sum()
    assert note > 500
    assert read_audit(ws.store)[-1].details["view"] == "转过的"


def test_layout_keeps_fixed_positions():
    import networkx as nx

    graph = nx.path_graph(6)
    fixed = {0: (10.0, 10.0), 1: (11.0, 10.0)}

    placed = layout_link_graph(graph, fixed=fixed)

    assert placed[0] == (10.0, 10.0) and placed[1] == (11.0, 10.0)
    assert all(placed[n][0] > 11.0 for n in range(2, 6))


@pytest.mark.parametrize(
    ("change", "error", "fragment"),
    [
        ({"state": "final"}, WorkstationError, "state 'final'"),
        ({"selection": [999_999]}, NotFoundError, "entity id 999999 is not in case"),
        ({"positions": {1: ("a", 2)}}, WorkstationError, "two numbers"),
        ({"annotations": [{"text": ""}]}, WorkstationError, "note 1 needs a text"),
        ({"annotations": [{"text": "x"}]}, WorkstationError, "entity_id or an x"),
    ],
)
def test_malformed_views_are_refused(workspace, case, change, error, fragment):
    with pytest.raises(error, match=fragment):
        save_chart_view(workspace, "T-001", "坏视图", **change)
    assert list_chart_views(workspace, "T-001") == []


def test_unknown_view_lists_the_saved_ones(workspace, case):
    save_chart_view(workspace, "T-001", "甲")

    with pytest.raises(NotFoundError, match="no chart view '乙'; saved views: 甲"):
        load_chart_view(workspace, "T-001", "乙")
    with pytest.raises(WorkstationError, match="1 to 120 characters"):
        save_chart_view(workspace, "T-001", "  ")
