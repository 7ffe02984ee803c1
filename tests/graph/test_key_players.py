"""Key players of the Montagna networks match the published figures."""

from __future__ import annotations

import pytest

from workstation.graph.key_players import rank_key_players
from workstation.services.graph import case_graph, key_player_ranking, key_players


def test_phone_call_key_players(montagna, montagna_rows):
    players = key_players(montagna, "T-001", top=10, link_types=["call"])
    by_label = {p.label: p for p in players}

    # betweenness: 18 .418, 61 .282, 47 .236, 29 .220
    assert [p.label for p in players[:4]] == ["18", "61", "47", "29"]
    for label, expected in (("18", 0.418), ("61", 0.282), ("47", 0.236), ("29", 0.220)):
        assert by_label[label].betweenness == pytest.approx(expected, abs=5e-4)
    # degree is the number of distinct neighbours: 18 (25), 47 (21), 61 (17)
    assert (by_label["18"].degree, by_label["47"].degree, by_label["61"].degree) == (
        25,
        21,
        17,
    )
    # weighted degree sums the calls of every line naming the node
    calls_of_18 = sum(w for a, b, w in montagna_rows["call"] if "18" in (a, b))
    assert by_label["18"].weighted_degree == calls_of_18
    assert by_label["18"].type == "person"


def test_top_degree_across_the_whole_phone_network(montagna):
    ranking = key_player_ranking(montagna, "T-001", top=None, link_types=["call"])
    by_degree = sorted(ranking.players, key=lambda p: -p.degree)

    assert len(ranking.players) == 100
    assert [(p.label, p.degree) for p in by_degree[:3]] == [
        ("18", 25),
        ("47", 21),
        ("61", 17),
    ]
    assert ranking.exact and ranking.sample_size is None


def test_meeting_key_players(montagna):
    ranking = key_player_ranking(montagna, "T-001", top=None, link_types=["meeting"])
    by_label = {p.label: p for p in ranking.players}
    by_degree = sorted(ranking.players, key=lambda p: -p.degree)

    assert [p.label for p in ranking.players[:2]] == ["18", "47"]
    assert by_label["18"].betweenness == pytest.approx(0.373, abs=5e-4)
    assert by_label["47"].betweenness == pytest.approx(0.220, abs=5e-4)
    assert [(p.label, p.degree) for p in by_degree[:2]] == [("18", 24), ("47", 19)]


def test_ranking_is_by_betweenness_then_degree(montagna):
    players = key_player_ranking(montagna, "T-001", top=None).players

    keys = [(-p.betweenness, -p.degree) for p in players]
    assert keys == sorted(keys)
    # most of the network brokers nothing: the zero-betweenness tail is by degree
    tail = [p for p in players if p.betweenness == 0]
    assert len(tail) > 20
    assert [p.degree for p in tail] == sorted((p.degree for p in tail), reverse=True)


def test_large_graphs_get_seeded_sampled_betweenness(montagna):
    graph = case_graph(montagna, "T-001", link_types=["call"])

    first = rank_key_players(graph, exact_limit=50, sample_size=60, seed=11)
    again = rank_key_players(graph, exact_limit=50, sample_size=60, seed=11)

    assert not first.exact
    assert (first.sample_size, first.seed, first.nodes) == (60, 11, 100)
    assert first.players == again.players
    # an estimate from 60 of 100 sources still finds the broker
    assert first.players[0].label == "18"
    assert first.players[0].betweenness == pytest.approx(0.418, abs=0.1)


def test_top_limits_the_list(montagna):
    assert len(key_players(montagna, "T-001", top=3)) == 3
    assert key_players(montagna, "T-001", top=0) == []
