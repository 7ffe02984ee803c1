"""Paths, connecting networks and k-hop expansion in the Montagna phone calls."""

from __future__ import annotations

import networkx as nx
import pytest

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.graph.filters import GraphFilter
from workstation.graph.paths import describe_path, expand
from workstation.services.graph import case_graph
from workstation.services.graph_paths import (
    connect_entities,
    expand_entities,
    find_paths,
    resolve_entity,
)

CALLS = GraphFilter(link_types=("call",))


def _labels(graph, nodes):
    return [graph.nodes[n]["label"] for n in nodes]


def test_shortest_paths_are_those_of_networkx(imported_montagna):
    result = find_paths(imported_montagna, "M-1", "29", "75", graph_filter=CALLS)
    graph = result.graph

    expected = sorted(
        nx.all_shortest_paths(graph, result.source, result.target),
        key=lambda p: [str(n) for n in p],
    )
    assert [list(p) for p in result.paths] == expected
    assert result.shortest == nx.shortest_path_length(
        graph, result.source, result.target
    )
    text = describe_path(graph, result.paths[0])
    assert text.startswith("29 —call— ") and text.endswith(" 75")
    assert set(result.subgraph()) == {n for p in result.paths for n in p}


def test_short_paths_within_a_cutoff_come_shortest_first(imported_montagna):
    result = find_paths(
        imported_montagna, "M-1", "18", "47", cutoff=3, graph_filter=CALLS
    )
    graph = result.graph

    lengths = [len(p) - 1 for p in result.paths]
    assert lengths == sorted(lengths) and max(lengths) <= 3
    expected = {
        tuple(p)
        for p in nx.all_simple_paths(graph, result.source, result.target, cutoff=3)
    }
    assert set(result.paths) == expected
    assert result.shortest == lengths[0] == 2  # 18 and 47 share a contact


def test_no_path_between_separate_parts_says_so(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])
    parts = sorted(nx.connected_components(graph), key=len)
    small = graph.nodes[next(iter(parts[0]))]["label"]

    with pytest.raises(NotFoundError) as caught:
        find_paths(imported_montagna, "M-1", "18", small, graph_filter=CALLS)

    message = str(caught.value)
    assert "No chain of links joins 18 and" in message
    assert "(89 and" in message


def test_entities_are_found_by_key_label_or_type_and_key(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    node = resolve_entity(imported_montagna, "M-1", "person:18", graph)
    assert graph.nodes[node]["key"] == "18"
    assert resolve_entity(imported_montagna, "M-1", " 18 ", graph) == node
    with pytest.raises(NotFoundError, match="key or label 'nobody'"):
        resolve_entity(imported_montagna, "M-1", "nobody", graph)
    meeting_only = next(
        k
        for (k,) in imported_montagna.store.execute(
            "SELECT key FROM entities WHERE id NOT IN (SELECT source_id FROM links "
            "WHERE type = 'call' UNION SELECT target_id FROM links WHERE type = 'call')"
        ).fetchall()
    )
    with pytest.raises(NotFoundError, match="no links in the graph as filtered"):
        resolve_entity(imported_montagna, "M-1", meeting_only, graph)


def test_a_key_shared_by_two_types_needs_the_type(workspace, case):
    store = workspace.store
    ids = [
        store.execute(
            "INSERT INTO entities (case_id, type, key, label) VALUES (?, ?, '8', '8') "
            "RETURNING id",
            [case.id, kind],
        ).fetchone()[0]
        for kind in ("person", "device")
    ]
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id) VALUES "
        "(?, 'owns', ?, ?)",
        [case.id, *ids],
    )
    graph = case_graph(workspace, "T-001")

    with pytest.raises(WorkstationError, match="names 2 entities"):
        resolve_entity(workspace, "T-001", "8", graph)
    assert resolve_entity(workspace, "T-001", "device:8", graph) == ids[1]


def test_connecting_network_of_suspects(imported_montagna):
    paths = connect_entities(
        imported_montagna, "M-1", ["29", "75", "61"], graph_filter=CALLS
    )
    tree = connect_entities(
        imported_montagna,
        "M-1",
        ["29", "75", "61"],
        method="steiner",
        graph_filter=CALLS,
    )
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    # every shortest path of every pair is in the union
    for a, b in ((0, 1), (0, 2), (1, 2)):
        first, second = paths.terminals[a], paths.terminals[b]
        for path in nx.all_shortest_paths(graph, first, second):
            assert nx.is_path(paths.graph, path)
    assert nx.is_tree(tree.graph) and set(tree.terminals) <= set(tree.graph)
    assert tree.graph.number_of_edges() <= paths.graph.number_of_edges()
    assert paths.unreachable == tree.unreachable == ()


def test_expansion_keeps_the_strongest_and_lists_the_cut(imported_montagna):
    graph, result = expand_entities(
        imported_montagna, "M-1", ["18"], hops=1, max_new=10, graph_filter=CALLS
    )
    seed = result.seeds[0]
    strength = {n: graph[seed][n]["weight"] for n in graph[seed]}

    assert len(result.added) == 10 and len(result.cut) == 25 - 10
    kept = [strength[n] for n in result.added]
    cut = [w for _, _, w in result.cut]
    assert min(kept) >= max(cut)
    assert kept == sorted(kept, reverse=True)
    assert {n for n, _, _ in result.cut} == set(strength) - set(result.added)
    assert all(result.hops[n] == 1 for n in result.added)


def test_expansion_over_two_hops_under_a_cap():
    graph = nx.Graph()
    graph.add_weighted_edges_from(
        [("a", "b", 5), ("a", "c", 1), ("b", "d", 4), ("c", "e", 9), ("d", "f", 1)]
    )

    result = expand(graph, ["a"], hops=3, max_new=3)

    # at hop 2, e (9 via c) outranks d (4 via b); the cap stops hop 3
    assert result.added == ("b", "c", "e")
    assert result.hops == {"a": 0, "b": 1, "c": 1, "e": 2}
    assert result.cut == (("d", 2, 4.0),)
    assert result.nodes == ["a", "b", "c", "e"]
