"""Mapping specs: the shipped ones load, and every mistake names its key."""

from __future__ import annotations

import pytest

from workstation.domain.errors import ImportSpecError
from workstation.ingest.import_spec import load_spec, parse_spec, resolve_spec
from workstation.services.ingest import list_shipped_specs

SHIPPED = [
    "call_records",
    "case_list",
    "messages",
    "montagna_attributes",
    "montagna_meetings",
    "montagna_phonecalls",
    "montagna_sightings",
    "people",
    "residents",
]

CALLS = """
name = "calls"
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
"""


def spec_error(tmp_path, text: str) -> str:
    path = tmp_path / "spec.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportSpecError) as caught:
        load_spec(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_shipped_specs_are_listed_and_load():
    assert list_shipped_specs() == SHIPPED
    for name in SHIPPED:
        spec = load_spec(name)
        assert spec.name == name
        assert spec.entities


def test_bare_name_resolves_to_the_shipped_spec():
    path = resolve_spec("montagna_phonecalls")
    assert path.parent.name == "specs"
    assert path.name == "montagna_phonecalls.toml"
    spec = load_spec("montagna_phonecalls")
    assert (spec.header, spec.delimiter) == (False, "whitespace")
    assert spec.columns == ("person_a", "person_b", "calls")
    assert [(link.type, link.weight) for link in spec.links] == [("call", "calls")]


def test_shipped_call_records_and_people_specs():
    calls = load_spec("call_records")
    assert [e.normalise for e in calls.entities] == ["phone", "phone"]
    link = calls.links[0]
    assert (link.start_time, link.duration, link.cell) == (
        "start_time",
        "duration_s",
        "cell_id",
    )
    people = load_spec("people")
    person = people.entity("person")
    assert (person.key, person.label, person.normalise) == ("id_number", "name", "id")
    assert person.attributes == (("name", "name"), ("role", "role"))
    assert not people.entity("phone").required
    assert [(x.type, x.source, x.target) for x in people.links] == [
        ("uses", "person", "phone"),
        ("owns", "person", "vehicle"),
    ]


def test_unknown_spec_name_lists_the_shipped_ones():
    with pytest.raises(ImportSpecError) as caught:
        load_spec("no_such_spec")
    assert "no_such_spec" in str(caught.value)
    assert "call_records" in str(caught.value)


def test_unknown_entity_type(tmp_path):
    message = spec_error(tmp_path, CALLS.replace('type = "phone"', 'type = "fone"', 1))
    assert "entities.caller.type" in message
    assert "'fone'" in message
    assert "person, phone, vehicle" in message


def test_unknown_link_type(tmp_path):
    message = spec_error(tmp_path, CALLS.replace('type = "call"', 'type = "cal"'))
    assert "links[0].type" in message and "'cal'" in message


def test_misspelt_key(tmp_path):
    message = spec_error(tmp_path, 'colums = ["a"]\n' + CALLS)
    assert "colums" in message and "misspelt" in message


def test_link_to_an_entity_the_spec_lacks(tmp_path):
    message = spec_error(tmp_path, CALLS.replace('target = "callee"', 'target = "x"'))
    assert "links[0].target" in message
    assert "caller, callee" in message


def test_missing_key_column(tmp_path):
    message = spec_error(tmp_path, CALLS.replace('key = "callee"\n', ""))
    assert "entities.callee.key is missing" in message


def test_not_toml(tmp_path):
    message = spec_error(tmp_path, "name = \n")
    assert "not valid TOML" in message and "line 1" in message


def test_no_entities(tmp_path):
    assert "entities is missing" in spec_error(tmp_path, 'name = "x"\n')


def test_headerless_file_needs_column_names(tmp_path):
    message = spec_error(tmp_path, "header = false\n" + CALLS)
    assert "columns is missing" in message


def test_headerless_columns_must_cover_the_mapping(tmp_path):
    message = spec_error(
        tmp_path, 'header = false\ncolumns = ["caller", "callee"]\n' + CALLS
    )
    assert "links[0].start_time" in message and "'start_time'" in message


def test_bad_values(tmp_path):
    assert "delimiter" in spec_error(tmp_path, 'delimiter = ",,"\n' + CALLS)
    assert "country_code" in spec_error(tmp_path, 'country_code = "+86"\n' + CALLS)
    assert "encoding" in spec_error(tmp_path, 'encoding = "klingon"\n' + CALLS)
    assert "time_formats" in spec_error(
        tmp_path, 'time_formats = ["yyyy-mm-dd"]\n' + CALLS
    )
    assert "header" in spec_error(tmp_path, 'header = "yes"\n' + CALLS)


def test_attributes_as_a_table_rename_columns():
    spec = parse_spec(
        {
            "entities": {
                "p": {"type": "person", "key": "id", "attributes": {"clan": "familia"}}
            }
        },
        source="test",
    )
    assert spec.entities[0].attributes == (("clan", "familia"),)
    assert spec.column_uses() == [
        ("id", "entities.p.key"),
        ("familia", "entities.p.attributes.clan"),
    ]


def test_readme_example_spec_imports_a_file(workspace, case, tmp_path):
    import re
    import tomllib

    from workstation.resources import resource_path
    from workstation.services.ingest import import_table

    readme = resource_path("specs", "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    spec = parse_spec(tomllib.loads(example), source="README")
    assert spec.name == "carrier_x_calls"

    path = tmp_path / "calls.csv"
    path.write_bytes(
        "主叫号码;被叫号码;基站;开始时间;通话时长\r\n"
        "138 0013 8000;13900139000;41_10_1;01.03.2024 08:30:00;95\r\n"
        "13800138000;13700137000;;02.03.2024 09:00:00;12\r\n".encode("gbk")
    )
    summary = import_table(workspace, case.number, path, spec)
    assert (summary.rows_loaded, summary.links_added, summary.entities_added) == (
        2,
        2,
        4,
    )
    events = workspace.store.execute(
        "SELECT kind, occurred_at, description FROM events"
    ).fetchall()
    assert [(k, str(t), d) for k, t, d in events] == [
        ("call seen at cell", "2024-03-01 08:30:00", "138 0013 8000")
    ]
