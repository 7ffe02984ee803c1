"""The import wizard on real files: preview, mapping, saved spec, import, rejects."""

from __future__ import annotations

import csv

import pytest
from cdr_case import CDR, cdr_rows
from PySide6.QtWidgets import QComboBox
from screenshots import save_screenshot

from workstation.domain.errors import AlreadyImportedError
from workstation.ingest.import_spec import load_spec
from workstation.services.ingest import import_table
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.mapping_page import (
    E_ATTRIBUTES,
    E_KEY,
    E_NAME,
    E_TYPE,
    L_DURATION,
    L_SOURCE,
    L_TARGET,
    L_TIME,
    L_TYPE,
)
from workstation.ui.workers import TaskRunner

ATTRIBUTES = ("networks", "montagna", "montagna_attributes.csv")


@pytest.fixture
def window(qtbot, qapp, workspace, case):
    install_cjk_fallback(qapp)
    win = MainWindow(workspace, "T-001", runner=TaskRunner(workspace.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.data)
    yield win
    win.close()


def choose(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    box.setCurrentIndex(index)


def open_on(qtbot, window, path):
    wizard = window.data.open_wizard(path)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=30_000)
    return wizard


def test_families_mapping_lists_rows_without_a_family(qtbot, window, shared_data):
    path = shared_data.joinpath(*ATTRIBUTES)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    no_family = [line for line, row in enumerate(rows, start=1) if not row[1]]
    with_family = len(rows) - 1 - len(no_family)

    wizard = open_on(qtbot, window, path)
    preview = wizard.preview
    assert (preview.encoding, preview.delimiter, preview.header) == (
        "utf-8-sig",
        ",",
        True,
    )
    assert preview.columns == tuple(rows[0])
    table = wizard.file_page.table
    assert table.verticalHeaderItem(0).text() == "2"
    assert table.item(2, 1).text() == rows[3][1] == "barcellona pozzo di gotto"
    save_screenshot(wizard, "import-wizard-file")

    wizard.next()
    page = wizard.mapping_page
    # The shipped spec whose columns the file has is offered first.
    assert page.loaded_from == "montagna_attributes"
    assert page.entity_names() == ["person"]
    assert "familia" in page.entities.item(0, E_ATTRIBUTES).text()
    row = page.add_entity()
    page.entities.item(row, E_NAME).setText("family")
    choose(page.entities.cellWidget(row, E_TYPE), "organisation")
    choose(page.entities.cellWidget(row, E_KEY), "familia")
    link = page.add_link()
    choose(page.links.cellWidget(link, L_TYPE), "associate")
    choose(page.links.cellWidget(link, L_SOURCE), "person")
    choose(page.links.cellWidget(link, L_TARGET), "family")
    save_screenshot(wizard, "import-wizard-mapping")

    wizard.next()
    assert wizard.currentPage() is wizard.save_page, page.problem.text()
    save_page = wizard.save_page
    save_page.name.setText("montagna_families")
    save_page._name_edited("montagna_families")
    spec_file = window.ws.root / "specs" / "montagna_families.toml"
    assert save_page.path_edit.text() == str(spec_file)
    assert 'type = "organisation"' in save_page.text.toPlainText()

    wizard.next()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=30_000)
    summary = wizard.summary
    assert (summary.rows_read, summary.rows_loaded) == (len(rows) - 1, with_family)
    result = wizard.result_page
    lines = [
        int(result.rejects.item(r, 0).text()) for r in range(result.rejects.rowCount())
    ]
    assert lines == no_family
    assert result.rejects.item(0, 1).text() == "familia"
    assert "familia is empty" in result.rejects.item(0, 3).text()
    save_screenshot(wizard, "import-wizard-result")

    # The saved spec is an ordinary spec: the importer reads it again.
    spec = load_spec(spec_file)
    assert [e.name for e in spec.entities] == ["person", "family"]
    assert spec.entity("person").strip_prefix == "N"
    with pytest.raises(AlreadyImportedError, match="already holds this file"):
        import_table(window.ws, "T-001", path, spec_file)
    again = import_table(window.ws, "T-001", path, spec_file, again=True)
    assert again.rows_loaded == with_family
    assert again.entities_added == 0

    wizard.accept()
    data = window.data
    data.refresh()
    assert [r.rows_rejected for r in data.rows] == [len(no_family)] * 2
    data.select_import(summary.import_id)
    assert data.rejects.rowCount() == len(no_family)
    window.summary.refresh()
    assert window.summary.fields["imports"].text() == "2"
    save_screenshot(window, "data")


def test_a_headerless_call_record_file_is_mapped_and_imported(
    qtbot, window, shared_data
):
    from workstation.cli.main import main as cli

    wizard = open_on(qtbot, window, shared_data / CDR)
    preview = wizard.preview
    assert (preview.delimiter, preview.header) == (";", False)
    assert preview.columns == tuple(f"column_{i}" for i in range(1, 9))
    assert preview.time_columns == ("column_5",)
    assert wizard.file_page.table.verticalHeaderItem(0).text() == "1"

    wizard.next()
    page = wizard.mapping_page
    assert page.loaded_from is None and page.entity_names() == []
    for name, column in (("caller", "column_3"), ("callee", "column_4")):
        row = page.add_entity()
        page.entities.item(row, E_NAME).setText(name)
        choose(page.entities.cellWidget(row, E_TYPE), "phone")
        choose(page.entities.cellWidget(row, E_KEY), column)
    link = page.add_link()
    choose(page.links.cellWidget(link, L_TIME), "column_5")
    choose(page.links.cellWidget(link, L_DURATION), "column_6")
    assert page.links.cellWidget(link, L_SOURCE).currentText() == "caller"
    assert page.links.cellWidget(link, L_TARGET).currentText() == "callee"

    wizard.next()
    assert wizard.currentPage() is wizard.save_page, page.problem.text()
    wizard.save_page.name.setText("bandicoot calls")
    wizard.save_page._name_edited("bandicoot calls")
    wizard.next()
    assert wizard.currentPage() is wizard.result_page, wizard.save_page.problem.text()
    qtbot.waitUntil(lambda: wizard.summary is not None, timeout=30_000)
    assert wizard.summary.rows_loaded == 500
    assert wizard.summary.links_added == 500
    assert wizard.result_page.rejects.rowCount() == 0

    spec_file = window.ws.root / "specs" / "bandicoot_calls.toml"
    spec = load_spec(spec_file)
    assert (spec.delimiter, spec.header, len(spec.columns)) == (";", False, 8)
    wizard.accept()
    window.ws.close()
    command = [
        "--workspace",
        str(window.ws.root),
        "--user",
        "analyst.test",
        "import",
        "T-001",
        str(shared_data / CDR),
        "--spec",
        str(spec_file),
    ]
    assert cli(command) != 0  # the case holds the file already
    assert cli([*command, "--again"]) == 0


def test_a_mapping_that_names_an_unknown_entity_is_refused(qtbot, window, shared_data):
    wizard = open_on(qtbot, window, shared_data / CDR)
    wizard.next()
    page = wizard.mapping_page
    row = page.add_entity()
    page.entities.item(row, E_NAME).setText("")

    assert not page.validatePage()
    assert page.problem.text().startswith("Entity 1 of the mapping has no name")
    assert wizard.currentPage() is page
    assert len(cdr_rows(shared_data)) == 500
