"""The Montagna networks (court records; Cavallaro et al., PLOS ONE 2020) as a case.

Each edge-list line ``node node weight`` becomes one link between two person
entities labelled with the file's node ids, inserted with plain SQL: phone calls
as ``call`` links, meetings as ``meeting`` links.
"""

from __future__ import annotations

from pathlib import Path

import pytest

MONTAGNA = Path("networks", "montagna")
PHONE_CALLS = MONTAGNA / "Montagna_phonecalls_edgelist.csv"
MEETINGS = MONTAGNA / "Montagna_meetings_edgelist.csv"


def read_edge_list(path: Path) -> list[tuple[str, str, float]]:
    """The ``node node weight`` rows of an edge list (whitespace separated)."""
    rows = []
    for text in path.read_text(encoding="utf-8").splitlines():
        if text.strip():
            first, second, weight = text.split()
            rows.append((first, second, float(weight)))
    return rows


def load_edge_list(ws, case_id: int, path: Path, link_type: str) -> None:
    """Insert the people and links of an edge list, one link per line."""
    rows = read_edge_list(path)
    nodes = sorted({node for first, second, _ in rows for node in (first, second)})
    with ws.store.transaction():
        ws.store.execute(
            "INSERT INTO entities (case_id, type, key, label) "
            "SELECT ?, 'person', n, n FROM unnest(?::VARCHAR[]) AS t(n) "
            "ON CONFLICT DO NOTHING",
            [case_id, nodes],
        )
        ws.store.execute(
            "INSERT INTO links (case_id, type, source_id, target_id, weight, "
            "source_line) SELECT ?, ?, a.id, b.id, r.w, r.line FROM ("
            "SELECT unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS t, "
            "unnest(?::DOUBLE[]) AS w, unnest(range(1, ? + 1)) AS line) r "
            "JOIN entities a ON a.case_id = ? AND a.type = 'person' AND a.key = r.s "
            "JOIN entities b ON b.case_id = ? AND b.type = 'person' AND b.key = r.t "
            "ORDER BY r.line",
            [
                case_id,
                link_type,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [r[2] for r in rows],
                len(rows),
                case_id,
                case_id,
            ],
        )


@pytest.fixture
def montagna(workspace, case, shared_data):
    """Case T-001 holding the phone calls and the meetings; returns the workspace."""
    load_edge_list(workspace, case.id, shared_data / PHONE_CALLS, "call")
    load_edge_list(workspace, case.id, shared_data / MEETINGS, "meeting")
    return workspace


@pytest.fixture(scope="session")
def montagna_rows(shared_data) -> dict[str, list[tuple[str, str, float]]]:
    """The raw edge-list rows by link type, for figures computed without the store."""
    return {
        "call": read_edge_list(shared_data / PHONE_CALLS),
        "meeting": read_edge_list(shared_data / MEETINGS),
    }
