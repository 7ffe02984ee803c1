"""Imports of files written by the tests: encodings, line ends, bad rows, XLSX."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl

from workstation.services.cases import create_case
from workstation.services.ingest import import_table, list_rejects

CALL_HEADER = "caller,callee,start_time,duration_s,cell_id"
PEOPLE_HEADER = "id_number,name,phone,plate,role"
PEOPLE = [
    "110101199003074512,张伟,+86 138-0013-8000,京A·12345,嫌疑人",
    "44030519800101001X,李娜,0086 13900139000,粤B 6789D,",
    "310101197512120037,王芳,013800000000,,证人",
    "510104198808080013,赵磊,8613700137000,川a-99999,",
]


def write_lines(path, lines, *, encoding="utf-8", newline="\n"):
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


def entity_rows(ws, case_id, type_):
    return ws.store.execute(
        "SELECT key, label, attributes FROM entities WHERE case_id = ? AND type = ? "
        "ORDER BY id",
        [case_id, type_],
    ).fetchall()


def link_rows(ws, import_id):
    return ws.store.execute(
        "SELECT l.type, s.key, t.key, l.start_time, l.duration_s, l.cell, "
        "l.source_line FROM links l JOIN entities s ON s.id = l.source_id "
        "JOIN entities t ON t.id = l.target_id WHERE l.import_id = ? ORDER BY l.id",
        [import_id],
    ).fetchall()


def test_gbk_people_list_with_crlf(workspace, case, tmp_path):
    path = write_lines(
        tmp_path / "people.csv",
        [PEOPLE_HEADER, *PEOPLE],
        encoding="gbk",
        newline="\r\n",
    )
    summary = import_table(workspace, case.number, path, "people")

    assert summary.encoding == "gb18030"
    assert (summary.rows_read, summary.rows_loaded, summary.rejected) == (4, 4, ())
    persons = entity_rows(workspace, case.id, "person")
    assert [(key, label) for key, label, _ in persons] == [
        ("110101199003074512", "张伟"),
        ("44030519800101001X", "李娜"),
        ("310101197512120037", "王芳"),
        ("510104198808080013", "赵磊"),
    ]
    assert json.loads(persons[0][2]) == {"name": "张伟", "role": "嫌疑人"}
    assert json.loads(persons[1][2]) == {"name": "李娜"}
    phones = [key for key, _, _ in entity_rows(workspace, case.id, "phone")]
    assert phones == [
        "+8613800138000",
        "+8613900139000",
        "013800000000",
        "+8613700137000",
    ]
    plates = [key for key, _, _ in entity_rows(workspace, case.id, "vehicle")]
    assert plates == ["京A12345", "粤B6789D", "川A99999"]
    assert summary.entities_added == 4 + 4 + 3

    links = link_rows(workspace, summary.import_id)
    uses = [(s, t, line) for kind, s, t, *_, line in links if kind == "uses"]
    owns = [(s, t, line) for kind, s, t, *_, line in links if kind == "owns"]
    assert uses[2] == ("310101197512120037", "013800000000", 4)
    assert len(uses) == 4 and len(owns) == 3  # 王芳 has no plate: no "owns" link
    assert summary.links_added == 7


def test_one_phone_written_four_ways_is_one_entity(workspace, case, tmp_path):
    rows = [
        CALL_HEADER,
        "+86 138-0013-8000,13900139000,2024-03-01 08:00:00,60,41_10_1",
        "0086 13800138000,13900139000,2024-03-01 09:00:00,61,41_10_1",
        "8613800138000,13900139000,2024-03-01 10:00:00,62,41_10_2",
        "13800138000,13900139000,2024-03-01 11:00:00,63,41_10_3",
    ]
    summary = import_table(
        workspace, case.number, write_lines(tmp_path / "c.csv", rows), "call_records"
    )
    assert summary.entities_added == 2
    phones = entity_rows(workspace, case.id, "phone")
    assert [key for key, _, _ in phones] == ["+8613800138000", "+8613900139000"]
    links = link_rows(workspace, summary.import_id)
    assert {(s, t) for _, s, t, *_ in links} == {("+8613800138000", "+8613900139000")}
    assert [(d, c) for *_, d, c, _ in links] == [
        (60, "41_10_1"),
        (61, "41_10_1"),
        (62, "41_10_2"),
        (63, "41_10_3"),
    ]
    assert links[0][3] == datetime(2024, 3, 1, 8, 0)


def test_entities_are_numbered_in_file_order_with_or_without_rejects(
    workspace, case, tmp_path
):
    calls = [
        "13800000003,+86 138-0000-0001,2026-10-01 10:00:00,60,c1",
        "13800000001,13800000002,2026-10-01 11:00:00,60,c1",
        "13800000002,13800000004,2026-10-01 12:00:00,60,c1",
    ]
    phones = ["+8613800000003", "+8613800000001", "+8613800000002", "+8613800000004"]
    clean = write_lines(tmp_path / "clean.csv", [CALL_HEADER, *calls])
    import_table(workspace, case.number, clean, "call_records")
    assert [key for key, _, _ in entity_rows(workspace, case.id, "phone")] == phones

    # a rejected row first: its phones are not added, the others keep their order
    other = create_case(workspace, "T-002", "rejects")
    bad = "13800000009,call me,2026-10-01 09:00:00,60,c1"
    mixed = write_lines(tmp_path / "mixed.csv", [CALL_HEADER, bad, *calls])
    summary = import_table(workspace, other.number, mixed, "call_records")
    assert [r.line for r in summary.rejected] == [2]
    assert [key for key, _, _ in entity_rows(workspace, other.id, "phone")] == phones

    # entities of several types interleave in the order the file names them
    people = write_lines(tmp_path / "people.csv", [PEOPLE_HEADER, *PEOPLE[:2]])
    third = create_case(workspace, "T-003", "people")
    import_table(workspace, third.number, people, "people")
    assert (
        workspace.store.execute(
            "SELECT type FROM entities WHERE case_id = ? ORDER BY id", [third.id]
        ).fetchall()
        == [("person",), ("phone",), ("vehicle",)] * 2
    )


def test_bad_rows_are_rejected_with_their_lines(workspace, case, tmp_path):
    rows = [
        CALL_HEADER,  # 1
        "13800138000,+86 139-0013-9000,2024-03-01 08:00:00,60,41_10_1",  # 2 good
        "13800138000,13900139000,2024-03-01 09:00:00,30",  # 3 four columns
        "13800138000,13900139000,yesterday,30,41_10_2",  # 4 bad time
        ",13900139000,2024-03-01 10:00:00,30,41_10_3",  # 5 empty caller
        "13800138000,13900139000,2024-03-01 11:00:00,abc,41_10_1",  # 6 duration
        "12,13900139000,2024-03-01 12:00:00,10,41_10_1",  # 7 short phone
        "",  # 8 empty line: no record
        "0086 13800138000,013800000000,2024-03-01 13:00:00,5,041_10_1",  # 9 good
        "13800138000,13900139000,2024-03-01 14:00:00,5,41_10_1,extra",  # 10 six
    ]
    path = write_lines(tmp_path / "calls.csv", rows, newline="\r\n")
    summary = import_table(workspace, case.number, path, "call_records")

    assert (summary.rows_read, summary.rows_loaded) == (8, 2)
    found = [(r.line, r.column, r.value) for r in summary.rejected]
    assert found == [
        (3, None, "13800138000,13900139000,2024-03-01 09:00:00,30"),
        (4, "start_time", "yesterday"),
        (5, "caller", None),
        (6, "duration_s", "abc"),
        (7, "caller", "12"),
        (10, None, "13800138000,13900139000,2024-03-01 14:00:00,5,41_10_1,extra"),
    ]
    reasons = [r.reason for r in summary.rejected]
    assert reasons[0] == "wrong number of columns: expected 5, found 4"
    assert "'yesterday' is not a date and time" in reasons[1]
    assert reasons[2] == "caller is empty; every row needs a phone key"
    assert reasons[3] == "'abc' is not a number of seconds"
    assert reasons[4] == "phone number '12' has too few digits (2; at least 5)"
    assert reasons[5] == "wrong number of columns: expected 5, found 6"
    assert list_rejects(workspace, summary.import_id) == list(summary.rejected)

    links = link_rows(workspace, summary.import_id)
    assert [(s, t, line) for _, s, t, *_, line in links] == [
        ("+8613800138000", "+8613900139000", 2),
        ("+8613800138000", "013800000000", 9),
    ]
    assert links[1][5] == "041_10_1"  # cell ids are text, leading zero kept

    counts = workspace.store.execute(
        "SELECT rows_read, rows_loaded, rows_rejected, encoding, spec_name, "
        "imported_by, file_name FROM imports WHERE id = ?",
        [summary.import_id],
    ).fetchone()
    assert counts == (8, 2, 6, "utf-8", "call_records", "analyst.test", "calls.csv")


def test_multi_line_values_give_record_numbers(workspace, case, tmp_path):
    spec = tmp_path / "named_calls.toml"
    spec.write_text(
        '[entities.a]\ntype = "phone"\nkey = "caller"\nlabel = "name"\n'
        '[entities.b]\ntype = "phone"\nkey = "callee"\n'
        '[[links]]\ntype = "call"\nsource = "a"\ntarget = "b"\n',
        encoding="utf-8",
    )
    rows = [
        "name,caller,callee",
        '"陈志明\n(work phone)",13800138000,13900139000',
        "x,13800138000",
        "y,12,13900139000",
    ]
    summary = import_table(
        workspace, case.number, write_lines(tmp_path / "m.csv", rows), spec
    )
    assert (summary.rows_read, summary.rows_loaded) == (3, 1)
    assert [(r.line, r.column) for r in summary.rejected] == [(3, None), (4, "caller")]
    assert all("counts records" in r.reason for r in summary.rejected)
    label = entity_rows(workspace, case.id, "phone")[0][1]
    assert label == "陈志明\n(work phone)"


def test_xlsx_with_numeric_phone_cells(workspace, case, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "通话记录"
    sheet.append(["caller", "callee", "start_time", "duration_s", "cell_id"])
    sheet.append(
        [13800138000, 13900139000.0, datetime(2024, 3, 1, 8, 30), 75, "41_10_1"]
    )
    sheet.append(
        [8613800138000, "0086 139 0013 9000", "2024-03-01 09:00:00", 12.0, "41_10_2"]
    )
    sheet.append([None, None, None, None, None])  # an empty row: no record
    sheet.append([13800138000, 13900139000, "not a time", 5, "41_10_3"])
    path = tmp_path / "calls.xlsx"
    book.save(path)

    summary = import_table(workspace, case.number, path, "call_records")
    assert summary.encoding == "xlsx"
    assert (summary.rows_read, summary.rows_loaded) == (3, 2)
    assert [(r.line, r.column, r.value) for r in summary.rejected] == [
        (5, "start_time", "not a time")
    ]
    phones = [key for key, _, _ in entity_rows(workspace, case.id, "phone")]
    assert phones == ["+8613800138000", "+8613900139000"]
    links = link_rows(workspace, summary.import_id)
    assert [(t, d, c, line) for _, _, _, t, d, c, line in links] == [
        (datetime(2024, 3, 1, 8, 30), 75, "41_10_1", 2),
        (datetime(2024, 3, 1, 9, 0), 12, "41_10_2", 3),
    ]


def test_id_numbers_a_spreadsheet_rounded_are_rejected(workspace, case, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["id_number", "name", "phone", "plate", "role"])
    book.active.append([110101198001011234.0, "李军", 13700000000, "", ""])
    book.active.append(["110101199003074512", "张伟", 13800138000, "", ""])
    path = tmp_path / "people.xlsx"
    book.save(path)
    csv_path = write_lines(
        tmp_path / "people.csv",
        [PEOPLE_HEADER, "1.10101E+17,李军,1.37E+10,,", "E12345678,王芳,,,"],
    )

    from_book = import_table(workspace, case.number, path, "people")
    from_csv = import_table(workspace, case.number, csv_path, "people")

    assert [(r.line, r.column) for r in from_book.rejected] == [(2, "id_number")]
    assert [(r.line, r.column) for r in from_csv.rejected] == [
        (2, "id_number"),
        (2, "phone"),
    ]
    for rejected in from_book.rejected + from_csv.rejected:
        assert "scientific notation" in rejected.reason
        assert "format the column as text" in rejected.reason
    people = [key for key, _, _ in entity_rows(workspace, case.id, "person")]
    assert sorted(people) == ["110101199003074512", "E12345678"]


def test_xlsx_sheet_chosen_by_spec(workspace, case, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["ignored"])
    people = book.create_sheet("人员")
    people.append(["id_number", "name", "phone", "plate", "role"])
    people.append(["110101199003074512", "张伟", 13800138000, "京A12345", ""])
    path = tmp_path / "people.xlsx"
    book.save(path)
    spec = tmp_path / "people_sheet.toml"
    spec.write_text(
        'sheet = "人员"\n[entities.person]\ntype = "person"\nkey = "id_number"\n'
        'label = "name"\n[entities.phone]\ntype = "phone"\nkey = "phone"\n'
        '[[links]]\ntype = "uses"\nsource = "person"\ntarget = "phone"\n',
        encoding="utf-8",
    )
    summary = import_table(workspace, case.number, path, spec)
    assert (summary.rows_loaded, summary.links_added) == (1, 1)
    assert [(s, t) for _, s, t, *_ in link_rows(workspace, summary.import_id)] == [
        ("110101199003074512", "+8613800138000")
    ]


def test_later_imports_reuse_entities_and_fill_labels(workspace, case, tmp_path):
    calls = write_lines(
        tmp_path / "calls.csv",
        [CALL_HEADER, "+86 138 0013 8000,139-0013-9000,2024-03-01 08:00:00,60,41_10_1"],
    )
    first = import_table(workspace, case.number, calls, "call_records")
    assert first.entities_added == 2
    assert entity_rows(workspace, case.id, "phone")[0][:2] == (
        "+8613800138000",
        "+8613800138000",
    )

    people = write_lines(
        tmp_path / "people.csv", [PEOPLE_HEADER, PEOPLE[0]], encoding="gbk"
    )
    second = import_table(workspace, case.number, people, "people")
    assert second.entities_added == 2  # the person and the plate; the phone exists

    book = tmp_path / "phone_book.toml"
    book.write_text(
        '[entities.phone]\ntype = "phone"\nkey = "number"\nlabel = "owner"\n'
        'attributes = ["carrier"]\n',
        encoding="utf-8",
    )
    owners = write_lines(
        tmp_path / "owners.csv",
        ["number,owner,carrier", "138 0013 8000,张伟的手机,中国移动"],
    )
    third = import_table(workspace, case.number, owners, book)
    assert third.entities_added == 0
    key, label, attributes = entity_rows(workspace, case.id, "phone")[0]
    assert (key, label) == ("+8613800138000", "张伟的手机")
    assert json.loads(attributes) == {"carrier": "中国移动"}

    audit = workspace.store.execute(
        "SELECT details FROM audit_log WHERE action = 'import' ORDER BY seq"
    ).fetchall()
    details = [json.loads(row[0]) for row in audit]
    assert [d["spec"] for d in details] == ["call_records", "people", "phone_book"]
    assert details[1]["entities_added"] == 2 and details[1]["encoding"] == "gb18030"


def test_events_and_entity_lists_from_a_spec_written_here(workspace, case, tmp_path):
    spec = tmp_path / "plate_sightings.toml"
    spec.write_text(
        """
name = "plate_sightings"
delimiter = ";"
time_formats = ["%d.%m.%Y %H:%M"]

[entities.vehicle]
type = "vehicle"
key = "plate"

[entities.place]
type = "location"
key = "camera"
label = "place"
attributes = { district = "district" }

[[events]]
kind = "sighting"
entity = "vehicle"
time = "seen"
description = "place"
""",
        encoding="utf-8",
    )
    rows = [
        "plate;camera;place;district;seen",
        "粤B 12345;CAM-07;深南大道;福田;01.03.2024 22:15",
        "粤b12345;CAM-09;滨海大道;南山;02.03.2024 01:40",
        "粤B12345;CAM-07;深南大道;福田;2024-03-02",
    ]
    summary = import_table(
        workspace, case.number, write_lines(tmp_path / "s.csv", rows), spec
    )
    assert summary.rows_loaded == 2
    assert [(r.line, r.column) for r in summary.rejected] == [(4, "seen")]
    events = workspace.store.execute(
        "SELECT e.kind, e.occurred_at, n.key, e.description FROM events e "
        "JOIN entities n ON n.id = e.entity_id WHERE e.import_id = ? ORDER BY e.id",
        [summary.import_id],
    ).fetchall()
    assert events == [
        ("sighting", datetime(2024, 3, 1, 22, 15), "粤B12345", "深南大道"),
        ("sighting", datetime(2024, 3, 2, 1, 40), "粤B12345", "滨海大道"),
    ]
    places = entity_rows(workspace, case.id, "location")
    assert [(k, label, json.loads(a)) for k, label, a in places] == [
        ("CAM-07", "深南大道", {"district": "福田"}),
        ("CAM-09", "滨海大道", {"district": "南山"}),
    ]
