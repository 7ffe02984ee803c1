"""The Montagna operation networks, imported through the shipped specs."""

from __future__ import annotations

import networkx as nx
import pytest

from workstation.services.ingest import import_table


@pytest.fixture
def montagna(shared_data):
    return shared_data / "networks" / "montagna"


def undirected(ws, case_id: int, link_type: str) -> nx.Graph:
    """Links of one type as an undirected graph, weights of both orders summed."""
    graph = nx.Graph()
    rows = ws.store.execute(
        "SELECT s.key, t.key, l.weight FROM links l "
        "JOIN entities s ON s.id = l.source_id JOIN entities t ON t.id = l.target_id "
        "WHERE l.case_id = ? AND l.type = ?",
        [case_id, link_type],
    ).fetchall()
    for a, b, weight in rows:
        previous = graph.get_edge_data(a, b, {"weight": 0})["weight"]
        graph.add_edge(a, b, weight=previous + weight)
    return graph


def person_count(ws, case_id: int) -> int:
    return ws.store.execute(
        "SELECT count(*) FROM entities WHERE case_id = ? AND type = 'person'", [case_id]
    ).fetchone()[0]


def test_phone_calls(workspace, case, montagna):
    summary = import_table(
        workspace,
        case.number,
        montagna / "Montagna_phonecalls_edgelist.csv",
        "montagna_phonecalls",
    )
    assert (summary.rows_read, summary.rows_loaded, summary.rejected) == (150, 150, ())
    assert (summary.entities_added, summary.links_added) == (100, 150)
    assert summary.encoding == "utf-8"
    assert person_count(workspace, case.id) == 100

    graph = undirected(workspace, case.id, "call")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (100, 124)
    assert graph.size(weight="weight") == 276
    # "18 19 5" and "19 18 6" are one pair of 11 calls
    assert graph["18"]["19"]["weight"] == 11
    assert max(graph.degree, key=lambda d: d[1]) == ("18", 25)
    assert len(max(nx.connected_components(graph), key=len)) == 89

    lines = workspace.store.execute(
        "SELECT min(source_line), max(source_line), count(DISTINCT source_line) "
        "FROM links WHERE import_id = ?",
        [summary.import_id],
    ).fetchone()
    assert lines == (1, 150, 150)


def test_meetings(workspace, case, montagna):
    summary = import_table(
        workspace,
        case.number,
        montagna / "Montagna_meetings_edgelist.csv",
        "montagna_meetings",
    )
    assert (summary.rows_loaded, summary.links_added, summary.rejected) == (
        289,
        289,
        (),
    )
    graph = undirected(workspace, case.id, "meeting")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (101, 256)
    assert graph.size(weight="weight") == 456
    assert len(max(nx.connected_components(graph), key=len)) == 92


def test_attributes_and_sightings_land_on_the_edge_list_persons(
    workspace, case, montagna
):
    import_table(
        workspace,
        case.number,
        montagna / "Montagna_phonecalls_edgelist.csv",
        "montagna_phonecalls",
    )
    # UTF-8 with a byte-order mark; ids written N18 are person 18 of the edge list
    attributes = import_table(
        workspace,
        case.number,
        montagna / "montagna_attributes.csv",
        "montagna_attributes",
    )
    assert attributes.encoding == "utf-8-sig"
    assert (attributes.rows_read, attributes.rows_loaded) == (155, 155)
    assert attributes.entities_added == 55
    assert person_count(workspace, case.id) == 155
    row = workspace.store.execute(
        "SELECT attributes->>'familia', attributes->>'title', attributes->>'arrest', "
        "attributes->>'informant' FROM entities WHERE case_id = ? AND key = '18'",
        [case.id],
    ).fetchone()
    assert row == ("mistretta", "executive", "Y", "N")
    headers = workspace.store.execute(
        "SELECT count(*) FROM entities WHERE key LIKE '%node%' OR key LIKE '\ufeff%'"
    ).fetchone()[0]
    assert headers == 0

    # bare CR line ends: 42 lines (header + 41 pairs), no new persons
    sightings = import_table(
        workspace,
        case.number,
        montagna / "montagna_sightings.csv",
        "montagna_sightings",
    )
    assert (sightings.rows_read, sightings.rows_loaded, sightings.rejected) == (
        41,
        41,
        (),
    )
    assert (sightings.entities_added, sightings.links_added) == (0, 41)
    first, last = workspace.store.execute(
        "SELECT min(source_line), max(source_line) FROM links WHERE import_id = ?",
        [sightings.import_id],
    ).fetchone()
    assert (first, last) == (2, 42)
    pair = workspace.store.execute(
        "SELECT s.key, t.key, l.weight FROM links l "
        "JOIN entities s ON s.id = source_id JOIN entities t ON t.id = target_id "
        "WHERE l.import_id = ? AND source_line = 42",
        [sightings.import_id],
    ).fetchone()
    assert pair == ("94", "89", 1.0)
