"""Real cases for the report tests and the report benchmark.

The Montagna phone-call edge list (court records; Cavallaro et al., PLOS ONE
2020) is loaded as person entities and call links with plain SQL, one link per
line. bandicoot's ``u_test.csv`` (500 calls with start times) is imported
through a mapping spec, as the import wizard would write it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

#: The section titles of a Chinese report, in order.
SECTIONS_ZH = (
    "一、案件概况",
    "二、嫌疑人",
    "三、人脸检索候选",
    "四、关系图与活动时间线",
    "五、关键人物",
    "六、证据清单",
    "七、图像增强处理报告",
    "八、审计摘录",
)
PHONE_CALLS = Path("networks", "montagna", "Montagna_phonecalls_edgelist.csv")
PHOTO = Path("faces", "face_recognition", "examples", "obama.jpg")
CDR = Path("networks", "cdr_bandicoot", "bandicoot", "tests", "samples", "u_test.csv")
CDR_SPEC = """
name = "bandicoot_calls"
delimiter = ";"
header = false
columns = ["interaction", "direction", "caller", "callee", "start_time",
           "duration", "latitude", "longitude"]

[entities.caller]
type = "phone"
key = "caller"

[entities.callee]
type = "phone"
key = "callee"

[[links]]
type = "call"
source = "caller"
target = "callee"
start_time = "start_time"
duration = "duration"
"""
DESCRIPTION = (
    "数据来源：Montagna 行动法庭记录中的通话边表（Cavallaro 等，PLOS ONE 2020）。"
)


def load_phone_calls(ws, case_id: int, path: Path) -> None:
    """Insert the people and calls of the edge list."""
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row]
    nodes = sorted({node for first, second, _ in rows for node in (first, second)})
    with ws.store.transaction():
        ws.store.execute(
            "INSERT INTO entities (case_id, type, key, label) "
            "SELECT ?, 'person', n, n FROM unnest(?::VARCHAR[]) AS t(n)",
            [case_id, nodes],
        )
        ws.store.execute(
            "INSERT INTO links (case_id, type, source_id, target_id, weight) "
            "SELECT ?, 'call', a.id, b.id, r.w FROM ("
            "SELECT unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS t, "
            "unnest(?::DOUBLE[]) AS w) r "
            "JOIN entities a ON a.case_id = ? AND a.key = r.s "
            "JOIN entities b ON b.case_id = ? AND b.key = r.t",
            [
                case_id,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [float(r[2]) for r in rows],
                case_id,
                case_id,
            ],
        )


def fill_phone_case(workspace, case, shared_data: Path):
    """Give case T-001 the phone calls, suspects 18 and 47, and two evidence files."""
    from workstation.services.evidence import add_evidence

    load_phone_calls(workspace, case.id, shared_data / PHONE_CALLS)
    workspace.store.execute(
        "UPDATE cases SET description = ? WHERE id = ?", [DESCRIPTION, case.id]
    )
    workspace.store.execute(
        "UPDATE entities SET role = 'suspect', attributes = ? "
        "WHERE case_id = ? AND key IN ('18', '47')",
        ['{"行动": "Montagna"}', case.id],
    )
    add_evidence(workspace, "T-001", [shared_data / PHONE_CALLS, shared_data / PHOTO])
    return workspace


def import_cdr(ws, case_number: str, path: Path):
    """Import a file in bandicoot's call-record layout; return the summary."""
    from workstation.ingest.import_spec import parse_spec
    from workstation.services.ingest import import_table

    spec = parse_spec(tomllib.loads(CDR_SPEC), source="test", default_name="cdr")
    return import_table(ws, case_number, path, spec)


def fill_timed_case(workspace, case, shared_data: Path, folder: Path):
    """The phone case plus bandicoot's 500 timed calls, and the same file cut
    short in the middle of its 41st line (an export that stopped)."""
    fill_phone_case(workspace, case, shared_data)
    import_cdr(workspace, case.number, shared_data / CDR)
    lines = (shared_data / CDR).read_text(encoding="utf-8").splitlines()
    cut = folder / "u_test_cut.csv"
    cut.write_text("\n".join([*lines[:40], lines[40][:30]]), encoding="utf-8")
    import_cdr(workspace, case.number, cut)
    return workspace
