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


# -- cases filled through the real importer, shared by the read-only tests ----

CAVIAR = Path("networks", "caviar", "phases")
EGO = Path("networks", "cdr_bandicoot", "demo", "data", "ego.csv")
#: The ego's own id in the bandicoot sample, which the file leaves implicit.
EGO_ID = "ego"


def open_workspace(root: Path):
    """A workspace in ``root`` acting as the test analyst."""
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    return Workspace(
        Settings.from_environment(workspace_dir=root, user_name="analyst.test")
    )


@pytest.fixture(scope="session")
def open_ws():
    """Opens a workspace in a folder as the test analyst; the caller closes it."""
    return open_workspace


@pytest.fixture(scope="session")
def imported_montagna(tmp_path_factory, shared_data):
    """Case M-1: Montagna calls and meetings through the shipped specs."""
    from workstation.services.cases import create_case
    from workstation.services.ingest import import_table

    ws = open_workspace(tmp_path_factory.mktemp("montagna") / "ws")
    create_case(ws, "M-1", "Montagna 行动")
    import_table(ws, "M-1", shared_data / PHONE_CALLS, "montagna_phonecalls")
    import_table(ws, "M-1", shared_data / MEETINGS, "montagna_meetings")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def caviar(tmp_path_factory, shared_data):
    """Cases P1 … P11 (one CAVIAR phase each) and CAV (all phases), imported as
    matrices of call counts; returns (workspace, summaries)."""
    from workstation.services.cases import create_case
    from workstation.services.graph_interchange import import_adjacency_matrix

    ws = open_workspace(tmp_path_factory.mktemp("caviar") / "ws")
    create_case(ws, "CAV", "CAVIAR 全部阶段")
    summaries = {}
    for phase in range(1, 12):
        path = shared_data / CAVIAR / f"phase{phase}.csv"
        create_case(ws, f"P{phase}", f"CAVIAR phase {phase}")
        summaries[phase] = import_adjacency_matrix(ws, f"P{phase}", path)
        import_adjacency_matrix(ws, "CAV", path)
    yield ws, summaries
    ws.close()


def write_ego_tables(source: Path, folder: Path) -> tuple[Path, Path, list[dict]]:
    """Split the bandicoot ego file into call and text tables with both ends.

    The file lists one subscriber's interactions; ``direction`` says whether
    the correspondent called the ego (in) or the ego called them (out).
    """
    import csv

    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    tables = {"call": folder / "ego_calls.csv", "text": folder / "ego_texts.csv"}
    for kind, path in tables.items():
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["caller", "callee", "start_time", "duration_s"])
            for row in rows:
                if row["interaction"] != kind:
                    continue
                pair = (EGO_ID, row["correspondent_id"])
                if row["direction"] == "in":
                    pair = pair[::-1]
                writer.writerow([*pair, row["datetime"], row["call_duration"]])
    return tables["call"], tables["text"], rows


EGO_SPEC = """
name = "ego_{kind}"
[entities.caller]
type = "person"
key = "caller"
[entities.callee]
type = "person"
key = "callee"
[[links]]
type = "{kind}"
source = "caller"
target = "callee"
start_time = "start_time"
duration = "duration_s"
"""


@pytest.fixture(scope="session")
def ego(tmp_path_factory, shared_data):
    """Case E-1: the bandicoot sample subscriber's calls and texts (as messages);
    returns (workspace, the file's rows)."""
    from workstation.services.cases import create_case
    from workstation.services.ingest import import_table

    root = tmp_path_factory.mktemp("ego")
    calls, texts, rows = write_ego_tables(shared_data / EGO, root)
    ws = open_workspace(root / "ws")
    create_case(ws, "E-1", "样本用户")
    for kind, table in (("call", calls), ("message", texts)):
        spec = root / f"ego_{kind}.toml"
        spec.write_text(EGO_SPEC.format(kind=kind), encoding="utf-8")
        import_table(ws, "E-1", table, spec)
    yield ws, rows
    ws.close()


@pytest.fixture(scope="session")
def demo_case(tmp_path_factory):
    """Case D-1: the demo's people (with their phones) and a month of calls,
    through the shipped ``people`` and ``call_records`` specs; returns
    (workspace, people, folder of the input files)."""
    from workstation.services.cases import create_case
    from workstation.services.demo_data import write_demo_inputs
    from workstation.services.ingest import import_table

    root = tmp_path_factory.mktemp("demo")
    people_file, calls_file, people = write_demo_inputs(root / "input")
    ws = open_workspace(root / "ws")
    create_case(ws, "D-1", "演示：盗车团伙")
    import_table(ws, "D-1", people_file, "people")
    import_table(ws, "D-1", calls_file, "call_records")
    yield ws, people, root / "input"
    ws.close()
