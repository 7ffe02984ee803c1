"""`workstation graph` end to end on the Montagna calls, and its one-line errors."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

pytestmark = pytest.mark.slow


def run_cli(workspace, *args):
    return subprocess.run(
        [sys.executable, "-m", "workstation", "--workspace", str(workspace), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_line_error(result, *fragments) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="module")
def cli_case(tmp_path_factory, shared_data):
    workspace = tmp_path_factory.mktemp("cli") / "ws"
    ok(run_cli(workspace, "case", "create", "M-1", "Montagna"))
    calls = shared_data / "networks" / "montagna" / "Montagna_phonecalls_edgelist.csv"
    ok(run_cli(workspace, "import", "M-1", str(calls), "--spec", "montagna_phonecalls"))
    return workspace


def test_key_players_paths_and_files(cli_case, tmp_path):
    table = ok(run_cli(cli_case, "graph", "M-1", "--measure", "degree", "--top", "3"))
    rows = [line.split() for line in table.splitlines()[1:4]]
    assert [(r[1], r[3]) for r in rows] == [("18", "25"), ("47", "21"), ("61", "17")]
    assert "betweenness: exact" in table and "networkx-louvain (seed 7)" in table
    # ranking the case's people is a bulk read, so it is in the audit trail
    audit = ok(run_cli(cli_case, "audit", "show"))
    assert "graph.measures" in audit

    path = ok(run_cli(cli_case, "graph", "M-1", "--path", "29", "75"))
    assert "shortest" in path and "29 —call— " in path

    gexf = tmp_path / "calls.gexf"
    png = tmp_path / "expand.png"
    expanded = ok(
        run_cli(
            cli_case,
            "graph",
            "M-1",
            "--expand",
            "18",
            "--hops",
            "1",
            "--max-new",
            "5",
            "--export",
            str(gexf),
            "--png",
            str(png),
        )
    )
    assert "5 entities added within 1 hops; 20 left out" in expanded
    back = nx.read_gexf(gexf)
    assert (back.number_of_nodes(), back.number_of_edges()) == (100, 124)
    assert png.stat().st_size > 20_000


def test_mistakes_print_one_line(cli_case):
    one_line_error(
        run_cli(cli_case, "graph", "M-1", "--path", "18", "nobody"), "nobody", "M-1"
    )
    one_line_error(
        run_cli(cli_case, "graph", "M-1", "--since", "last week"),
        "--since",
        "2026-10-01",
    )
    one_line_error(
        run_cli(cli_case, "graph", "M-1", "--types", "meeting"),
        "no links of type meeting",
    )
    one_line_error(
        run_cli(cli_case, "graph", "M-1", "--timeline", "18"), "no timed call/message"
    )
