"""Removing the Montagna key players reproduces the authors' disruption curves
(Cavallaro et al., PLOS ONE 2020; ``reference_results/``)."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from workstation.graph.disruption import disruption_curve
from workstation.services.graph import case_graph

RESULTS = Path("networks", "montagna", "reference_results")


def _reference(shared_data, name: str) -> dict[int, float]:
    """Removed nodes -> share of the largest component, by betweenness."""
    with open(shared_data / RESULTS / name, encoding="utf-8", newline="") as handle:
        return {
            int(row["No"]): float(row["Betweenness"]) for row in csv.DictReader(handle)
        }


def test_removing_five_brokers_leaves_a_third(imported_montagna, shared_data):
    graph = case_graph(imported_montagna, "M-1", link_types=["call"])

    steps = disruption_curve(graph, removals=5, strategy="block")
    removed = sorted(graph.nodes[n]["label"] for n in steps[1].nodes)

    assert steps[0].largest == 89
    assert removed == ["18", "29", "47", "61", "75"]
    assert steps[1].largest == 29
    assert steps[1].fraction == pytest.approx(0.326, abs=5e-4)
    reference = _reference(shared_data, "block_phone_calls_df_Unweighted_5nrem.csv")
    assert steps[1].fraction == pytest.approx(reference[5], abs=1e-12)


@pytest.mark.parametrize(
    ("link_type", "name"),
    [("call", "phone_calls"), ("meeting", "meeting")],
)
def test_block_and_sequential_curves_match_the_authors(
    imported_montagna, shared_data, link_type, name
):
    graph = case_graph(imported_montagna, "M-1", link_types=[link_type])

    block = disruption_curve(graph, removals=30, strategy="block")
    sequential = disruption_curve(graph, removals=15, strategy="sequential")

    expected = _reference(shared_data, f"block_{name}_df_Unweighted_5nrem.csv")
    for step in block:
        assert step.fraction == pytest.approx(expected[step.removed], abs=1e-12)
    expected = _reference(shared_data, f"sequential_{name}_df_Unweighted_5nrem.csv")
    for step in sequential:
        assert step.fraction == pytest.approx(expected[step.removed], abs=1e-12)
    assert [s.removed for s in sequential] == list(range(16))


def test_degree_ranking_and_the_original_is_untouched():
    star = nx.star_graph(6)
    star.add_edge(7, 8)

    steps = disruption_curve(star, removals=1, strategy="block", ranking="degree")

    assert steps[1].nodes == (0,) and steps[1].largest == 2
    assert star.number_of_nodes() == 9
    with pytest.raises(ValueError, match="strategy"):
        disruption_curve(star, removals=1, strategy="random")
