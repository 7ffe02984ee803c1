"""Marking suspects from the command line: the brief's suspects come from here."""

from __future__ import annotations

import pytest

from workstation.cli.main import main as cli
from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.services.entities import mark_role, suspects
from workstation.services.ingest import import_table

PEOPLE = (
    "id_number,name,phone,plate,role\n"
    "44030519900101001X,陈志明,13700000000,粤B12345,\n"
    "44030519900101002X,李娜,13800000000,,\n"
    "44030519900101003X,李娜,,,\n"
)


@pytest.fixture
def people_case(workspace, case, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="gbk")
    import_table(workspace, case.number, path, "people")
    return case


def test_an_entity_is_marked_by_label_phone_or_type_and_key(workspace, people_case):
    number = people_case.number
    assert mark_role(workspace, number, "陈志明", "suspect").label == "陈志明"
    phone = mark_role(workspace, number, "137 0000 0000", "suspect")
    assert (phone.type, phone.key) == ("phone", "+8613700000000")
    mark_role(workspace, number, "person:44030519900101003X", "suspect")
    assert [(e.type, e.key) for e in suspects(workspace, number)] == [
        ("person", "44030519900101001X"),
        ("phone", "+8613700000000"),
        ("person", "44030519900101003X"),
    ]
    mark_role(workspace, number, "phone:+8613700000000", "")
    assert len(suspects(workspace, number)) == 2
    audit = workspace.store.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'entity.role'"
    ).fetchone()[0]
    assert audit == 4


def test_an_ambiguous_or_unknown_name_is_refused(workspace, people_case):
    with pytest.raises(WorkstationError, match="names 2 entities") as caught:
        mark_role(workspace, people_case.number, "李娜", "suspect")
    assert "44030519900101002X" in str(caught.value)
    assert "TYPE:KEY" in str(caught.value)
    with pytest.raises(NotFoundError, match="check the spelling"):
        mark_role(workspace, people_case.number, "王五", "suspect")
    assert suspects(workspace, people_case.number) == []


def test_the_cli_marks_and_lists_suspects(workspace, people_case, capsys):
    workspace.close()
    common = ["--workspace", str(workspace.root), "--user", "analyst.test"]
    assert cli([*common, "entity", "list", "T-001"]) == 0
    assert "No suspect in case T-001" in capsys.readouterr().out
    assert cli([*common, "entity", "role", "T-001", "粤B12345", "suspect"]) == 0
    out = capsys.readouterr().out
    assert (
        out.strip() == "vehicle 粤B12345 (key 粤B12345) is now a suspect in case T-001."
    )
    assert cli([*common, "entity", "list", "T-001"]) == 0
    assert capsys.readouterr().out.strip() == "vehicle 粤B12345 (key 粤B12345)"
    assert cli([*common, "entity", "role", "T-001", "李娜", "suspect"]) == 1
    assert "names 2 entities" in capsys.readouterr().err
