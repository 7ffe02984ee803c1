"""The demo's generated inputs import cleanly and the planted ring stands out."""

from __future__ import annotations

from workstation.ingest.normalise import phone_key
from workstation.services.demo_data import RING, write_demo_inputs
from workstation.services.graph import key_players
from workstation.services.ingest import import_table


def test_planted_ring_tops_betweenness(workspace, case, tmp_path):
    people_file, calls_file, people = write_demo_inputs(tmp_path / "inputs")
    assert people_file.read_bytes().decode("gbk")  # a GBK file, as Excel writes it

    people_summary = import_table(workspace, case.number, people_file, "people")
    calls_summary = import_table(workspace, case.number, calls_file, "call_records")

    assert people_summary.encoding.lower() in {"gb18030", "gbk", "gb2312"}
    assert people_summary.rejected == () and calls_summary.rejected == ()
    phones = workspace.store.execute(
        "SELECT count(*) FROM entities WHERE case_id = ? AND type = 'phone'",
        [case.id],
    ).fetchone()[0]
    assert phones == len(people)  # four spellings of each number, one entity each

    ring_phones = {phone_key(p.phone) for p in people[: len(RING)]}
    top = key_players(workspace, case.number, top=len(RING), link_types=["call"])
    assert {p.label for p in top} == ring_phones
