"""The CAVIAR wiretap phases (Morselli), imported as adjacency matrices through
the importer's ``layout = "adjacency"``, match the published figures."""

from __future__ import annotations

import pytest

from workstation.domain.errors import ImportSpecError, InputFileError
from workstation.graph.link_graph import summarize_graph
from workstation.graph.player_table import measure_table
from workstation.ingest.import_spec import parse_spec
from workstation.services.graph import case_graph
from workstation.services.graph_interchange import (
    adjacency_spec,
    import_adjacency_matrix,
)

PLAYERS = (15, 24, 33, 33, 32, 27, 36, 42, 34, 42, 41)
ARCS = (26, 35, 68, 65, 50, 68, 63, 75, 60, 68, 72)
#: The player with the highest degree: n1 but in phases 9 (n3) and 11 (n12).
LEADER = {9: "3", 11: "12"}


def test_every_phase_has_its_players_arcs_and_leader(caviar):
    ws, summaries = caviar
    for phase in range(1, 12):
        graph = case_graph(ws, f"P{phase}")
        table = measure_table(graph, sort_by="degree", top=2)

        # one link per non-zero cell: a directed arc with its count
        assert summaries[phase].links_added == ARCS[phase - 1], phase
        assert summaries[phase].rejected == ()
        assert graph.number_of_nodes() == PLAYERS[phase - 1], phase
        leader = table.players[0]
        assert leader.key == LEADER.get(phase, "1"), phase
        assert leader.degree > table.players[1].degree, phase


def test_all_phases_together(caviar):
    ws, _ = caviar
    graph = case_graph(ws, "CAV")
    summary = summarize_graph(graph)
    table = measure_table(graph, top=None)
    by_degree = sorted(table.players, key=lambda p: -p.degree)

    assert (summary.nodes, summary.edges) == (107, 214)
    assert summary.total_weight == 3611  # communications
    assert [(p.key, p.degree) for p in by_degree[:3]] == [
        ("1", 57),
        ("3", 30),
        ("12", 26),
    ]
    assert [p.key for p in table.players[:3]] == ["1", "12", "3"]
    for row, expected in zip(table.players[:3], (0.554, 0.257, 0.142), strict=True):
        assert row.betweenness == pytest.approx(expected, abs=5e-4)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, open_ws):
    """A workspace with empty cases X (for refused files) and G."""
    from workstation.services.cases import create_case

    ws = open_ws(tmp_path_factory.mktemp("matrices") / "ws")
    create_case(ws, "X", "refused matrices")
    create_case(ws, "G", "GBK matrix")
    yield ws
    ws.close()


def _matrix(tmp_path, text: str):
    path = tmp_path / "matrix.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('"p","1","2"\n"1",0,3\n"3",1,0\n', "line 3 is the row of '3'"),
        ('"p","1","2"\n"1",0,x\n"2",1,0\n', "line 2, column '2': 'x' is not a count"),
        ('"p","1","2"\n"1",0,-1\n"2",1,0\n', "'-1' is not a count"),
        ('"p","1","1"\n"1",0,1\n', "names 1 more than once"),
        ('"p","1","2"\n"1",0,1\n', "no row for 2"),
        ('"p","1","2"\n"1",0\n"2",1,0\n', "line 2 has 2 fields but line 1 has 3"),
        ('"p","1","2"\n"1",0,0\n"2",0,0\n', "every cell of the matrix is 0"),
    ],
)
def test_a_wrong_matrix_is_refused_with_its_line(scratch, tmp_path, text, fragment):
    path = _matrix(tmp_path, text)

    with pytest.raises(InputFileError) as caught:
        import_adjacency_matrix(scratch, "X", path)

    assert fragment in str(caught.value)
    assert "matrix.csv" in str(caught.value)
    links = scratch.store.execute("SELECT count(*) FROM links").fetchone()[0]
    assert links == 0


def test_a_matrix_in_gbk_with_blank_cells(scratch, tmp_path):
    path = tmp_path / "矩阵.csv"
    path.write_bytes("人员,张伟,李娜\n张伟,,2\n李娜,1,\n".encode("gbk"))

    summary = import_adjacency_matrix(scratch, "G", path)
    graph = case_graph(scratch, "G")

    assert (summary.links_added, summary.entities_added) == (2, 2)
    assert sorted(d["label"] for _, d in graph.nodes(data=True)) == ["张伟", "李娜"]
    assert graph.number_of_edges() == 1
    assert next(iter(graph.edges(data=True)))[2]["weight"] == 3


def test_the_matrix_spec_is_stored_with_the_import(caviar):
    ws, summaries = caviar
    name, spec = ws.store.execute(
        "SELECT spec_name, spec FROM imports WHERE id = ?", [summaries[1].import_id]
    ).fetchone()

    assert name == "matrix_call" and '"layout": "adjacency"' in spec
    assert adjacency_spec(link_type="message").links[0].type == "message"


def test_adjacency_layout_reads_only_row_column_and_value():
    base = {
        "layout": "adjacency",
        "entities": {
            "a": {"type": "person", "key": "row"},
            "b": {"type": "person", "key": "caller"},
        },
    }
    with pytest.raises(ImportSpecError, match="'caller' is not one of columns"):
        parse_spec(base, source="test")
    with pytest.raises(ImportSpecError, match="layout"):
        parse_spec({**base, "header": False, "columns": ["row"]}, source="test")
