"""Sets of ids bound as one text: the graph's entity and link-time lookups."""

from __future__ import annotations

from datetime import datetime, timedelta

from workstation.store.case_store import CaseStore
from workstation.store.cases import create_case
from workstation.store.chart_view_rows import missing_entity_ids
from workstation.store.graph_rows import entities_by_ids, link_times

START = datetime(2026, 11, 1, 8, 0)


def test_large_and_empty_id_sets(tmp_path):
    store = CaseStore(tmp_path / "case.duckdb")
    case = create_case(store, "S-1", "ids")
    store.execute(
        "INSERT INTO entities (case_id, type, key, label) "
        "SELECT ?, 'phone', 'p' || range, 'p' || range FROM range(30000)",
        [case.id],
    )
    ids = [
        r[0] for r in store.execute("SELECT id FROM entities ORDER BY id").fetchall()
    ]
    # a chain of calls, one a minute: entity i called entity i + 1
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id, start_time) "
        "SELECT ?, 'call', a.id, b.id, ? + to_minutes(a.rn) FROM "
        "(SELECT id, row_number() OVER (ORDER BY id) AS rn FROM entities) a JOIN "
        "(SELECT id, row_number() OVER (ORDER BY id) AS rn FROM entities) b "
        "ON b.rn = a.rn + 1",
        [case.id, START],
    )

    wanted = ids[::3]
    assert [e.id for e in entities_by_ids(store, case.id, reversed(wanted))] == wanted
    assert entities_by_ids(store, case.id, []) == []
    assert missing_entity_ids(store, case.id, [ids[0], -5, -7]) == [-7, -5]
    assert missing_entity_ids(store, case.id, ids) == []

    # entity ids[1] calls ids[2] and is called by ids[0]
    assert link_times(store, case.id, [ids[1]]) == [
        START + timedelta(minutes=1),
        START + timedelta(minutes=2),
    ]
    assert link_times(store, case.id, [ids[1]], [ids[2]]) == [
        START + timedelta(minutes=2)
    ]
    assert link_times(store, case.id, [], [ids[2]]) == []
    assert len(link_times(store, case.id, ids)) == 29999
    store.close()
