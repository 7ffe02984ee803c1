"""The link chart's states: size by a measure, expand, find a path, save, reopen.

The case is the Montagna operation (phone calls and meetings among 154 people;
Cavallaro et al., PLOS ONE 2020): 18 has the most calls and meetings.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.graph.paths import expand
from workstation.services.graph_build import case_graph
from workstation.services.graph_chart import (
    CHART_MEASURES,
    case_chart,
    expand_chart,
    grow_layout,
    open_chart,
    path_chart,
    save_chart,
    saved_charts,
    show_everything,
    sized_by,
    submit_chart,
    view_reference,
)
from workstation.services.graph_paths import expand_entities, find_paths
from workstation.services.reviews import list_reviews, submit_review


def node(state, label):
    return next(n for n, d in state.graph.nodes(data=True) if d["label"] == label)


def test_the_whole_case_sized_by_any_measure(montagna):
    state = case_chart(montagna, "T-001")
    whole = case_graph(montagna, "T-001")
    assert state.shows_all and state.graph.number_of_nodes() == len(whole) == 154
    assert set(state.positions) == set(state.graph)
    assert state.measure == "degree"
    hub = node(state, "18")
    assert state.scores[hub] == max(state.scores.values())
    between = sized_by(state, "betweenness")
    assert between.scores[hub] == pytest.approx(
        nx.betweenness_centrality(state.graph)[hub], abs=1e-9
    )
    for measure in CHART_MEASURES:
        assert len(sized_by(state, measure).scores) == 154
    with pytest.raises(WorkstationError, match="Cannot size the chart by 'pagerank'"):
        sized_by(state, "pagerank")


def test_expanding_shows_the_neighbourhood_the_service_names(montagna):
    state = case_chart(montagna, "T-001")
    seed = node(state, "61")
    focused, expansion = expand_chart(state, [seed], hops=1, max_new=50)
    _, by_service = expand_entities(montagna, "T-001", ["61"], hops=1, max_new=50)
    assert focused.shown == frozenset(by_service.nodes) == frozenset(expansion.nodes)
    assert focused.shown == {seed, *state.graph[seed]}
    assert set(focused.positions) == focused.shown
    assert focused.view is None

    # growing a focused chart keeps what was shown where it was
    grown, wider = expand_chart(focused, [seed], hops=2, max_new=100)
    assert focused.shown < grown.shown == focused.shown | frozenset(wider.nodes)
    assert wider.added and {wider.hops[n] for n in wider.added} == {2}
    # the cap counts only entities that were not shown yet
    capped, few = expand_chart(focused, [seed], hops=2, max_new=5)
    assert len(capped.shown) == len(focused.shown) + 5 and len(few.added) == 5
    assert few.added == wider.added[:5]
    assert {n for n, _, _ in few.cut} == set(wider.added[5:])
    for entity in focused.shown:
        assert grown.positions[entity] == focused.positions[entity]
    with pytest.raises(WorkstationError, match="Select one or more entities"):
        expand_chart(state, [])


def test_a_path_is_highlighted_and_its_entities_added(montagna):
    state = case_chart(montagna, "T-001")
    first, second = node(state, "18"), node(state, "29")
    focused, _ = expand_chart(state, [first], hops=1, max_new=3)
    far = next(
        n
        for n in state.graph
        if n not in focused.shown
        and nx.shortest_path_length(state.graph, first, n) == 3
    )
    found = path_chart(focused, first, far)
    assert found.path[0] == first and found.path[-1] == far
    assert len(found.path) == 4
    assert set(found.path) <= found.shown and focused.shown <= found.shown
    assert found.path_edges() == {
        frozenset(pair) for pair in itertools.pairwise(found.path)
    }
    shortest = find_paths(montagna, "T-001", "18", "29")
    assert len(path_chart(state, first, second).path) - 1 == shortest.shortest
    with pytest.raises(WorkstationError, match="two different entities"):
        path_chart(state, first, first)
    lonely = next(n for n in state.graph if not nx.has_path(state.graph, first, n))
    with pytest.raises(NotFoundError, match="No chain of links joins 18"):
        path_chart(state, first, lonely)
    assert show_everything(found).shows_all and show_everything(found).path == ()


def test_a_saved_chart_reopens_as_saved_and_goes_to_review(montagna):
    state = case_chart(montagna, "T-001")
    hub = node(state, "18")
    focused, _ = expand_chart(state, [hub], hops=1, max_new=8)
    saved = save_chart(montagna, "T-001", "18 的圈子", focused)
    assert saved.view.version == 1 and saved.view.selection == tuple(
        sorted(focused.shown)
    )
    again = save_chart(montagna, "T-001", "18 的圈子", saved)
    assert again.view.version == 2

    opened = open_chart(montagna, "T-001", "18 的圈子", version=1, measure="kcore")
    assert opened.shown == focused.shown
    assert set(opened.positions) == set(focused.positions)
    for entity, place in focused.positions.items():
        assert opened.positions[entity] == pytest.approx(place)
    assert opened.measure == "kcore" and opened.view.version == 1
    whole = save_chart(montagna, "T-001", "全部", state)
    assert whole.view.selection == ()
    assert open_chart(montagna, "T-001", "全部").shows_all
    assert [(v.name, v.version) for v in saved_charts(montagna, "T-001")] == [
        ("18 的圈子", 1),
        ("18 的圈子", 2),
        ("全部", 1),
    ]

    with pytest.raises(WorkstationError, match="Save the chart as a view first"):
        submit_chart(montagna, "T-001", focused)
    review = submit_chart(montagna, "T-001", opened, note="请审核")
    assert review.object_ref == view_reference(opened.view) == "view:18 的圈子@1"
    assert review.snapshot["nodes"] == len(focused.shown)
    assert (review.snapshot["view"], review.snapshot["version"]) == ("18 的圈子", 1)
    assert [r.id for r in list_reviews(montagna, "T-001")] == [review.id]
    with pytest.raises(NotFoundError, match="no chart view '18 的圈子' version 7"):
        submit_review(montagna, "T-001", "chart", "view:18 的圈子@7")
    with pytest.raises(WorkstationError, match="view:NAME@VERSION"):
        submit_review(montagna, "T-001", "chart", "view:18 的圈子")


def test_grow_layout_places_new_nodes_near_their_neighbours():
    graph = nx.Graph([(0, 1), (1, 2), (2, 3), (3, 0), (0, 9)])
    placed = {0: (0.0, 0.0), 1: (1.0, 0.0), 2: (1.0, 1.0), 3: (0.0, 1.0)}
    places = grow_layout(graph, placed)
    assert {n: places[n] for n in placed} == placed
    far = max(abs(places[9][0]), abs(places[9][1]))
    assert far < 3.0, "the new node sits near the node it links to"
    assert expand(graph, [0], hops=1).nodes == [0, 1, 3, 9]
