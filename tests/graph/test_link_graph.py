"""The case graph built from the store matches the Montagna reference figures."""

from __future__ import annotations

import networkx as nx
import pytest

from workstation.domain.errors import NotFoundError
from workstation.domain.records import Entity
from workstation.graph.link_graph import build_link_graph, summarize_graph
from workstation.services.graph import case_graph


def _reference_graph(rows) -> nx.Graph:
    """The undirected graph with pair weights summed, straight from the file."""
    graph = nx.Graph()
    for first, second, weight in rows:
        if graph.has_edge(first, second):
            graph[first][second]["weight"] += weight
        else:
            graph.add_edge(first, second, weight=weight)
    return graph


def _by_label(graph: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(graph, {n: d["label"] for n, d in graph.nodes(data=True)})


def test_phone_call_graph_has_the_published_shape(montagna, montagna_rows):
    graph = case_graph(montagna, "T-001", link_types=["call"])
    summary = summarize_graph(graph)

    assert (summary.nodes, summary.edges) == (100, 124)
    assert (summary.components, summary.largest_component) == (5, 89)
    assert summary.links == len(montagna_rows["call"]) == 150
    assert summary.total_weight == pytest.approx(276.0)


def test_meeting_graph_has_the_published_shape(montagna, montagna_rows):
    graph = case_graph(montagna, "T-001", link_types=["meeting"])
    summary = summarize_graph(graph)

    assert (summary.nodes, summary.edges) == (101, 256)
    assert summary.largest_component == 92
    assert summary.links == len(montagna_rows["meeting"]) == 289
    assert summary.total_weight == pytest.approx(456.0)


def test_a_pair_seen_in_both_orders_is_one_edge_with_summed_weight(montagna):
    graph = _by_label(case_graph(montagna, "T-001", link_types=["call"]))

    # the file has "18 19 5" and "19 18 6"
    edge = graph["18"]["19"]
    assert edge["weight"] == 11.0
    assert edge["links"] == 2
    assert edge["types"] == ("call",)


def test_nodes_carry_entity_id_type_and_label(montagna):
    graph = case_graph(montagna, "T-001", link_types=["call"])
    entity_id = montagna.store.execute(
        "SELECT id FROM entities WHERE key = '18'"
    ).fetchone()[0]

    assert graph.nodes[entity_id] == {
        "entity_id": entity_id,
        "type": "person",
        "label": "18",
        "key": "18",
    }


def test_all_link_types_together_equal_the_union_of_both_files(montagna, montagna_rows):
    graph = _by_label(case_graph(montagna, "T-001"))
    expected = _reference_graph(montagna_rows["call"] + montagna_rows["meeting"])

    assert sorted(graph.nodes) == sorted(expected.nodes)
    assert graph.number_of_edges() == expected.number_of_edges() == 342
    for first, second, data in expected.edges(data=True):
        assert graph[first][second]["weight"] == pytest.approx(data["weight"])
    # a pair that both phoned and met carries both link types
    assert graph["18"]["19"]["types"] == ("call", "meeting")


def test_unknown_link_type_names_the_types_in_the_case(montagna):
    with pytest.raises(NotFoundError) as caught:
        case_graph(montagna, "T-001", link_types=["transfer"])

    message = str(caught.value)
    assert "transfer" in message
    assert "call (150)" in message and "meeting (289)" in message


def test_isolated_entities_only_on_request(workspace, case):
    store = workspace.store
    ids = [
        store.execute(
            "INSERT INTO entities (case_id, type, key, label) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            [case.id, kind, key, label],
        ).fetchone()[0]
        for kind, key, label in (
            ("person", "110101199001011234", "张伟"),
            ("phone", "+8613800138000", "+86 138 0013 8000"),
            ("vehicle", "京A12345", "京A12345"),
        )
    ]
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id, weight) "
        "VALUES (?, 'uses', ?, ?, 1), (?, 'call', ?, ?, 4)",
        [case.id, ids[0], ids[1], case.id, ids[1], ids[1]],
    )

    linked = case_graph(workspace, "T-001")
    everything = case_graph(workspace, "T-001", include_isolated=True)

    assert sorted(linked.nodes) == ids[:2]
    assert sorted(everything.nodes) == ids
    # the call from a phone to itself is no edge, but it is counted
    assert linked.number_of_edges() == 1
    assert linked.graph["self_links"] == 1


def test_build_rejects_a_pair_naming_an_unknown_entity():
    nodes = [Entity(1, 1, "person", "18", "18")]

    with pytest.raises(ValueError, match="entity 2"):
        build_link_graph(nodes, [(1, 2, 1.0, 1, ("call",))])


def test_missing_case_is_reported(workspace):
    with pytest.raises(NotFoundError, match="T-404"):
        case_graph(workspace, "T-404")
