"""GraphML, GEXF and CSV files of the Montagna network read back the same graph."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from workstation.domain.errors import WorkstationError
from workstation.graph.filters import GraphFilter
from workstation.graph.interchange import EDGE_COLUMNS, serialisable_copy
from workstation.services.graph import case_graph
from workstation.services.graph_interchange import export_graph, import_edge_list
from workstation.store.audit_log import read_audit

CALLS = GraphFilter(link_types=("call",))


def _weights_by_key(graph, key="key", weight="weight"):
    keys = {n: str(d[key]) for n, d in graph.nodes(data=True)}
    return {
        frozenset((keys[a], keys[b])): float(d[weight])
        for a, b, d in graph.edges(data=True)
    }


@pytest.mark.parametrize(
    ("suffix", "reader"), [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)]
)
def test_graphml_and_gexf_read_back(imported_montagna, tmp_path, suffix, reader):
    source = case_graph(imported_montagna, "M-1", graph_filter=CALLS)

    path = export_graph(
        imported_montagna, "M-1", tmp_path / f"calls{suffix}", graph_filter=CALLS
    )
    back = reader(path)

    assert (back.number_of_nodes(), back.number_of_edges()) == (100, 124)
    key = "key" if suffix == ".graphml" else "entity_key"
    assert _weights_by_key(back, key) == _weights_by_key(source)
    edge = next(iter(back.edges(data=True)))[2]
    assert edge["types"] == "call" and edge["links"] >= 1
    entry = read_audit(imported_montagna.store)[-1]
    assert entry.action == "graph.export"
    assert entry.details["format"] == suffix[1:] and entry.details["edges"] == 124


def test_chinese_labels_and_times_survive(tmp_path):
    from datetime import datetime

    graph = nx.Graph(link_types=("call",), filter="全部连线")
    graph.add_node(1, label="张伟", type="person", key="110", phones=["+861"])
    graph.add_node(2, label="李娜", type="person", key="120")
    graph.add_edge(
        1,
        2,
        weight=3.0,
        types=("call", "meeting"),
        first=datetime(2026, 10, 1),
        last=None,
    )

    copy = serialisable_copy(graph)
    path = tmp_path / "g.graphml"
    nx.write_graphml(copy, path)
    back = nx.read_graphml(path)

    assert back.nodes["1"]["label"] == "张伟" and back.nodes["1"]["phones"] == "+861"
    assert back.edges["1", "2"]["types"] == "call;meeting"
    assert back.edges["1", "2"]["first"] == "2026-10-01T00:00:00"
    assert "last" not in back.edges["1", "2"]


def test_csv_edge_list_imports_into_another_case(imported_montagna, tmp_path):
    from workstation.services.cases import create_case

    path = export_graph(
        imported_montagna, "M-1", tmp_path / "calls.csv", graph_filter=CALLS
    )
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    create_case(imported_montagna, "M-2", "从边表导入")

    summary = import_edge_list(
        imported_montagna, "M-2", path, delimiter=",", header=True, link_type="call"
    )
    copied = case_graph(imported_montagna, "M-2")

    assert list(rows[0]) == list(EDGE_COLUMNS)
    assert len(rows) == summary.links_added == 124
    assert _weights_by_key(copied) == _weights_by_key(
        case_graph(imported_montagna, "M-1", graph_filter=CALLS)
    )


def test_a_plain_edge_list_imports_like_the_montagna_spec(
    imported_montagna, shared_data
):
    from workstation.services.cases import create_case

    create_case(imported_montagna, "M-3", "通用边表")
    summary = import_edge_list(
        imported_montagna,
        "M-3",
        shared_data / "networks" / "montagna" / "Montagna_meetings_edgelist.csv",
        link_type="meeting",
    )
    graph = case_graph(imported_montagna, "M-3")

    assert summary.links_added == 289
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (101, 256)
    assert {t for _, _, d in graph.edges(data=True) for t in d["types"]} == {"meeting"}
    spec = imported_montagna.store.execute(
        "SELECT spec_name FROM imports WHERE id = ?", [summary.import_id]
    ).fetchone()[0]
    assert spec == "edge_list_meeting"


def test_bad_names_are_refused(imported_montagna, tmp_path):
    with pytest.raises(WorkstationError, match="cannot tell the format"):
        export_graph(imported_montagna, "M-1", tmp_path / "calls.xlsx")
    with pytest.raises(WorkstationError, match="Link type 'phonecall'"):
        import_edge_list(
            imported_montagna, "M-1", tmp_path / "x.csv", link_type="phonecall"
        )
