"""Measures of the Montagna networks, imported through the shipped specs,
match the published figures and networkx's own definitions."""

from __future__ import annotations

import networkx as nx
import pytest

from workstation.graph.communities import detect_communities
from workstation.graph.link_graph import summarize_graph
from workstation.graph.measures import (
    betweenness,
    closeness,
    core_numbers,
    eigenvector,
    scores_for,
)
from workstation.graph.player_table import measure_table
from workstation.services.graph import case_graph, case_measures


def _by_label(table):
    return {p.label: p for p in table.players}


def test_phone_calls_through_the_importer_match_the_paper(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])
    summary = summarize_graph(graph)
    table = measure_table(graph, top=None)
    by_degree = sorted(table.players, key=lambda p: -p.degree)

    assert (summary.nodes, summary.edges) == (100, 124)
    assert (summary.components, summary.largest_component) == (5, 89)
    assert [(p.label, p.degree) for p in by_degree[:3]] == [
        ("18", 25),
        ("47", 21),
        ("61", 17),
    ]
    assert [p.label for p in table.players[:4]] == ["18", "61", "47", "29"]
    players = _by_label(table)
    for label, expected in (("18", 0.418), ("61", 0.282), ("47", 0.236), ("29", 0.220)):
        assert players[label].betweenness == pytest.approx(expected, abs=5e-4)
    assert table.betweenness_exact and table.closeness_all


def test_meetings_through_the_importer_match_the_paper(imported_montagna):
    table = case_measures(
        imported_montagna,
        "M-1",
        graph_filter=None,
        sort_by="degree",
        top=2,
    )
    meetings = case_graph(imported_montagna, "M-1", link_types=["meeting"])
    ranked = measure_table(meetings, sort_by="degree", top=2)

    assert (table.nodes, table.edges) == (154, 342)  # calls and meetings
    assert (meetings.number_of_nodes(), meetings.number_of_edges()) == (101, 256)
    assert [(p.label, p.degree) for p in ranked.players] == [("18", 24), ("47", 19)]
    assert ranked.players[0].betweenness == pytest.approx(0.373, abs=5e-4)
    assert ranked.players[1].betweenness == pytest.approx(0.220, abs=5e-4)


def test_every_measure_agrees_with_networkx(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])
    table = {p.entity_id: p for p in measure_table(graph, top=None).players}

    reference = {
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": nx.closeness_centrality(graph),
        "eigenvector": nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-10),
        "kcore": nx.core_number(graph),
        "weighted": dict(graph.degree(weight="weight")),
    }
    for node, row in table.items():
        assert row.betweenness == pytest.approx(
            reference["betweenness"][node], abs=1e-12
        )
        assert row.closeness == pytest.approx(reference["closeness"][node], abs=1e-12)
        assert row.eigenvector == pytest.approx(
            reference["eigenvector"][node], abs=1e-6
        )
        assert row.kcore == reference["kcore"][node]
        assert row.weighted_degree == reference["weighted"][node]
    # the highest core of the call network and its members
    assert max(r.kcore for r in table.values()) == 3
    assert scores_for(graph, "kcore") == {
        n: float(k) for n, k in core_numbers(graph).items()
    }


def test_sampled_betweenness_is_the_networkx_estimate(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    ours = betweenness(graph, exact_limit=50, sample_size=40, seed=5)
    theirs = nx.betweenness_centrality(graph, k=40, seed=5)

    assert not ours.exact and (ours.sample_size, ours.seed) == (40, 5)
    for node, value in theirs.items():
        assert ours.scores[node] == pytest.approx(value, abs=1e-12)
    assert betweenness(graph, exact_limit=50, sample_size=40, seed=5) == ours


def test_table_says_how_measures_were_estimated(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    table = measure_table(
        graph, top=5, exact_limit=50, sample_size=60, seed=11, closeness_all_limit=10
    )
    notes = table.notes()

    assert "estimated from 60 sampled source nodes (seed 11)" in notes[0]
    assert notes[1] == "closeness: listed rows only (large graph)"
    assert "component of 89 nodes of 100" in notes[2]
    # closeness is still exact for the rows listed
    reference = nx.closeness_centrality(graph)
    for row in table.players:
        assert row.closeness == pytest.approx(reference[row.entity_id], abs=1e-12)
    assert table.players[0].label == "18"


def test_eigenvector_of_a_graph_in_pieces():
    graph = nx.disjoint_union(nx.complete_graph(5), nx.cycle_graph(3))
    graph.add_node("alone")

    result = eigenvector(graph)

    # the five-clique has the larger leading eigenvalue: it alone is scored
    assert result.component_size == 5 and result.method == "dense"
    for node in range(5):
        assert result.scores[node] == pytest.approx(5**-0.5)
    assert [result.scores[n] for n in (5, 6, 7, "alone")] == [0.0] * 4
    power = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-12)
    for node in range(8):
        assert result.scores[node] == pytest.approx(power[node], abs=1e-6)


def test_eigenvector_without_edges_and_of_a_star():
    assert eigenvector(nx.empty_graph(3)).method == "none"
    star = eigenvector(nx.star_graph(4))  # bipartite: power iteration oscillates
    assert star.scores[0] == pytest.approx(2**-0.5)
    assert star.scores[1] == pytest.approx(0.5**0.5 / 2)


def test_closeness_of_chosen_nodes_only():
    graph = nx.path_graph(5)
    graph.add_node("alone")

    assert closeness(graph, [2, "alone"]) == {
        2: pytest.approx(4 / 6 * 4 / 5),
        "alone": 0.0,
    }


def test_communities_repeat_and_report_modularity(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["meeting"])

    first = detect_communities(graph)
    again = detect_communities(graph)
    parts = [set(first.members(n)) for n in range(1, len(first.sizes) + 1)]

    assert first == again
    assert first.method == "networkx-louvain" and first.seed == 7
    assert list(first.sizes) == sorted(first.sizes, reverse=True)
    assert sum(first.sizes) == 101
    assert first.modularity == pytest.approx(
        nx.community.modularity(graph, parts, weight="weight"), abs=1e-9
    )
    assert first.modularity > 0.4


def test_large_graphs_use_the_igraph_louvain_which_also_repeats(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["meeting"])

    fast = detect_communities(graph, engine="igraph")

    assert fast == detect_communities(graph, engine="igraph")
    assert fast.method == "igraph-multilevel"
    parts = [set(fast.members(n)) for n in range(1, len(fast.sizes) + 1)]
    assert fast.modularity == pytest.approx(
        nx.community.modularity(graph, parts, weight="weight"), abs=1e-9
    )
    assert fast.modularity == pytest.approx(
        detect_communities(graph).modularity, abs=0.03
    )


def test_table_ranks_by_any_measure(imported_montagna):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    for measure, attribute in (
        ("degree", "degree"),
        ("weighted", "weighted_degree"),
        ("closeness", "closeness"),
        ("eigenvector", "eigenvector"),
        ("kcore", "kcore"),
    ):
        values = [
            getattr(p, attribute) for p in measure_table(graph, sort_by=measure).players
        ]
        assert values == sorted(values, reverse=True), measure
    by_community = measure_table(graph, sort_by="community", top=None).players
    assert [p.community for p in by_community] == sorted(
        p.community for p in by_community
    )
    with pytest.raises(ValueError, match="unknown measure"):
        measure_table(graph, sort_by="pagerank")
