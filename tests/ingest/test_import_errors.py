"""Files and specs that cannot be imported fail with one clear line, writing nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workstation.domain.errors import (
    AlreadyImportedError,
    ImportSpecError,
    InputFileError,
    NotFoundError,
    WorkstationError,
)
from workstation.ingest.import_spec import load_spec
from workstation.services.ingest import import_table, list_rejects

GBK_CALLS = "caller,callee,start_time,duration_s,cell_id,备注\n" + "".join(
    f"1380013800{i},1390013900{i},2024-03-01 0{i}:00:00,{i},41_10_{i},张伟与李娜通话\n"
    for i in range(5)
)


def failed_import(ws, case, path, spec, error=WorkstationError) -> str:
    """Run an import that must fail; check nothing was written; return the message."""
    audit_before = ws.store.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(error) as caught:
        import_table(ws, case.number, path, spec)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    for table in ("imports", "import_rejects", "entities", "links", "events"):
        assert ws.store.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert (
        ws.store.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before
    )
    return message


def test_missing_file(workspace, case, tmp_path):
    message = failed_import(
        workspace, case, tmp_path / "calls.csv", "call_records", InputFileError
    )
    assert "calls.csv" in message and "no such file" in message


def test_empty_file(workspace, case, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    message = failed_import(workspace, case, path, "call_records", InputFileError)
    assert "empty.csv" in message and "empty" in message


def test_header_without_rows(workspace, case, tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("caller,callee,start_time,duration_s,cell_id\r\n\r\n")
    message = failed_import(workspace, case, path, "call_records", InputFileError)
    assert "no data rows" in message


def test_missing_column_lists_the_columns_the_file_has(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("from,to,when\n138,139,2026-01-01 10:00:00\n", encoding="utf-8")
    message = failed_import(workspace, case, path, "call_records", ImportSpecError)
    assert "'caller'" in message
    assert "entities.caller.key" in message
    assert "its columns are: from, to, when" in message


def test_unknown_entity_type_in_spec(workspace, case, tmp_path):
    spec = tmp_path / "bad.toml"
    spec.write_text(
        '[entities.x]\ntype = "suspect"\nkey = "caller"\n', encoding="utf-8"
    )
    path = tmp_path / "calls.csv"
    path.write_text("caller\n13800138000\n", encoding="utf-8")
    message = failed_import(workspace, case, path, spec, ImportSpecError)
    assert "entities.x.type" in message and "'suspect'" in message
    assert "person, phone, vehicle, location, account, device, organisation" in message


def test_unreadable_xlsx(workspace, case, tmp_path):
    path = tmp_path / "calls.xlsx"
    path.write_text("caller,callee\n1,2\n", encoding="utf-8")
    message = failed_import(workspace, case, path, "call_records", InputFileError)
    assert "calls.xlsx" in message and "Excel workbook" in message


def test_unknown_sheet(workspace, case, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "calls"
    path = tmp_path / "calls.xlsx"
    book.save(path)
    spec = tmp_path / "sheet.toml"
    spec.write_text(
        'sheet = "people"\n[entities.p]\ntype = "phone"\nkey = "caller"\n',
        encoding="utf-8",
    )
    message = failed_import(workspace, case, path, spec, ImportSpecError)
    assert "'people'" in message and "its sheets are: calls" in message


def test_a_notes_sheet_first_and_an_empty_book_name_the_sheet(
    workspace, case, tmp_path
):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表为通话记录"])
    book.create_sheet("通话").append(["caller", "callee"])
    path = tmp_path / "calls.xlsx"
    book.save(path)
    message = failed_import(workspace, case, path, "call_records", ImportSpecError)
    assert message.startswith("calls.xlsx (sheet '说明'; the spec's sheet key")
    assert "has no column 'caller'" in message

    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    message = failed_import(workspace, case, empty, "call_records", InputFileError)
    assert "(sheet 'Sheet'" in message and "the sheet is empty" in message


def test_wrong_declared_encoding_names_the_line(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_bytes(GBK_CALLS.encode("gbk"))
    spec = tmp_path / "utf8_calls.toml"
    spec.write_text(
        'encoding = "utf-8"\n[entities.p]\ntype = "phone"\nkey = "caller"\n',
        encoding="utf-8",
    )
    message = failed_import(workspace, case, path, spec, InputFileError)
    assert "line 1 is not valid utf-8 text" in message and "gb18030" in message


def test_gbk_detected_without_a_declared_encoding(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_bytes(GBK_CALLS.encode("gbk"))
    summary = import_table(workspace, case.number, path, "call_records")
    assert summary.encoding == "gb18030" and summary.rows_loaded == 5


def test_unknown_case_and_import(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("caller\n13800138000\n", encoding="utf-8")
    with pytest.raises(NotFoundError, match="NOPE"):
        import_table(workspace, "NOPE", path, "call_records")
    with pytest.raises(NotFoundError, match="42"):
        list_rejects(workspace, 42)


def test_a_file_the_case_already_holds_is_refused_unless_asked_again(
    workspace, case, tmp_path
):
    path = tmp_path / "calls.csv"
    path.write_bytes(GBK_CALLS.encode("gbk"))
    first = import_table(workspace, case.number, path, "call_records")
    copy = tmp_path / "calls_copy.csv"
    copy.write_bytes(path.read_bytes())

    def counts():
        return [
            workspace.store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("imports", "links", "audit_log")
        ]

    before = counts()
    with pytest.raises(AlreadyImportedError) as caught:
        import_table(workspace, case.number, copy, "call_records")
    message = str(caught.value)
    assert "(as calls.csv)" in message and f"import {first.import_id}" in message
    assert "--again" in message and "\n" not in message
    assert counts() == before

    again = import_table(workspace, case.number, copy, "call_records", again=True)
    assert again.links_added == first.links_added == 5
    assert counts()[:2] == [2, 10]


def test_the_same_file_through_another_spec_is_not_a_repeat(workspace, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_bytes(GBK_CALLS.encode("gbk"))
    import_table(workspace, case.number, path, "call_records")
    spec = load_spec("call_records")
    other = replace(spec, name="calls_once_more")
    assert import_table(workspace, case.number, path, other).links_added == 5
