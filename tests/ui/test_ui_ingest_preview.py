"""The services behind the import wizard: file preview and saved mapping specs."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from workstation.domain.errors import ImportSpecError, InputFileError
from workstation.ingest.import_spec import (
    DEFAULT_TIME_FORMATS,
    load_spec,
    shipped_spec_names,
)
from workstation.services.import_mapping import (
    EntityMapping,
    LinkMapping,
    TableMapping,
    available_specs,
    build_spec,
    mapping_from_spec,
    save_spec,
    spec_data,
)
from workstation.services.ingest_preview import preview_table

MONTAGNA = ("networks", "montagna")


def test_preview_of_a_utf8_file_with_a_byte_order_mark(shared_data):
    path = shared_data.joinpath(*MONTAGNA, "montagna_attributes.csv")
    preview = preview_table(path, max_rows=5)

    assert (preview.file_format, preview.encoding) == ("csv", "utf-8-sig")
    assert (preview.delimiter, preview.header) == (",", True)
    assert preview.columns[:3] == ("node", "familia", "title")
    assert [line for line, _ in preview.rows] == [2, 3, 4, 5, 6]
    assert preview.rows[2][1][:3] == ("N2", "barcellona pozzo di gotto", "boss")


def test_preview_of_bare_carriage_returns_and_an_edge_list(shared_data):
    sightings = preview_table(shared_data.joinpath(*MONTAGNA, "montagna_sightings.csv"))
    assert sightings.columns == ("i", "j", "weight")
    assert sightings.rows[0] == (2, ("N5", "N11", "1"))

    edges = preview_table(
        shared_data.joinpath(*MONTAGNA, "Montagna_phonecalls_edgelist.csv")
    )
    assert (edges.delimiter, edges.header) == ("\t", False)
    assert edges.columns == ("column_1", "column_2", "column_3")
    first = shared_data / "networks" / "montagna" / "Montagna_phonecalls_edgelist.csv"
    assert edges.rows[0] == (1, tuple(first.read_text().splitlines()[0].split()))


def test_preview_of_a_gbk_export_and_chosen_options(tmp_path):
    from workstation.services.demo_data import write_demo_inputs

    people_file, _, people = write_demo_inputs(tmp_path)
    preview = preview_table(people_file)
    assert preview.encoding == "gb18030"
    assert preview.rows[0][1][1] == people[0].name

    forced = preview_table(people_file, encoding="latin-1", header=False)
    assert forced.encoding == "iso8859-1"
    assert forced.columns[0] == "column_1"
    assert forced.rows[0] == (1, ("id_number", "name", "phone", "plate", "role"))
    with pytest.raises(InputFileError, match="'klingon' is not a text encoding"):
        preview_table(people_file, encoding="klingon")


def test_preview_of_a_workbook(shared_data, tmp_path):
    source = shared_data.joinpath(*MONTAGNA, "montagna_attributes.csv")
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["Montagna attributes"])
    sheet = book.create_sheet("人员")
    for row in rows:
        sheet.append(row)
    path = tmp_path / "attributes.xlsx"
    book.save(path)

    first = preview_table(path)
    assert first.sheets == ("说明", "人员") and first.sheet == "说明"
    chosen = preview_table(path, sheet="人员", max_rows=3)
    assert (chosen.encoding, chosen.header) == ("xlsx", True)
    assert chosen.columns == tuple(rows[0])
    assert chosen.rows[0] == (2, tuple(rows[1]))
    assert chosen.rows[2] == (4, tuple(rows[3]))
    with pytest.raises(ImportSpecError, match="has no sheet 'Sheet9'"):
        preview_table(path, sheet="Sheet9")


@pytest.mark.parametrize("name", shipped_spec_names())
def test_every_shipped_spec_survives_the_wizard(name, tmp_path):
    spec = load_spec(name)
    mapping = mapping_from_spec(spec)
    own = spec.links[0].time_formats if spec.links else DEFAULT_TIME_FORMATS
    # the defaults are not written out; a spec's own formats are kept
    assert mapping.time_formats == (() if own == DEFAULT_TIME_FORMATS else own)

    saved = save_spec(mapping, tmp_path / "copy")
    assert saved.source == str(tmp_path / "copy.toml")
    assert [(e.name, e.type, e.key, e.label, e.required) for e in saved.entities] == [
        (e.name, e.type, e.key, e.label, e.required) for e in spec.entities
    ]
    assert saved.links == spec.links
    assert saved.events == spec.events
    assert (saved.delimiter, saved.header, saved.columns) == (
        spec.delimiter,
        spec.header,
        spec.columns,
    )


def test_a_wrong_mapping_names_the_problem(tmp_path):
    mapping = TableMapping(
        name="calls",
        entities=(EntityMapping("caller", "phone", "a"),),
        links=(LinkMapping("call", "caller", "callee"),),
    )
    with pytest.raises(ImportSpecError, match=r"links\[0\]\.target = 'callee'"):
        build_spec(mapping)
    twice = TableMapping(
        name="calls",
        entities=(EntityMapping("a", "phone", "x"), EntityMapping("a", "phone", "y")),
    )
    with pytest.raises(ImportSpecError, match=r"Two entities .* called 'a'"):
        save_spec(twice, tmp_path / "twice.toml")
    assert not (tmp_path / "twice.toml").exists()
    assert spec_data(TableMapping("t", (), delimiter="\t"))["delimiter"] == "tab"


def test_saved_specs_are_offered_beside_the_shipped_ones(workspace):
    from workstation.services.import_mapping import specs_dir

    mapping = mapping_from_spec(load_spec("call_records"))
    save_spec(mapping, specs_dir(workspace) / "carrier_x.toml")

    offered = available_specs(workspace)
    assert [label for label, _ in offered][: len(shipped_spec_names())] == (
        shipped_spec_names()
    )
    assert offered[-1] == ("carrier_x", str(specs_dir(workspace) / "carrier_x.toml"))
