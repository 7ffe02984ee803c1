"""Mapping specs: TOML files that say how a table's columns become a case's data.

A spec names the entities found on each row (``[entities.NAME]``), the links
between them (``[[links]]``) and timed events (``[[events]]``); the format is
documented with examples in ``resources/specs/README.md``. :func:`load_spec`
reads and checks a spec; every mistake is an :class:`ImportSpecError` naming
the key that is wrong.
"""

from __future__ import annotations

import codecs
import logging
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workstation.domain.errors import ImportSpecError
from workstation.domain.types import EntityType, LinkType
from workstation.ingest.adjacency import ADJACENCY_COLUMNS, ADJACENCY_LAYOUT
from workstation.ingest.normalise import (
    DEFAULT_COUNTRY_CODE,
    KINDS,
    KeyRules,
    rules_for,
)
from workstation.resources import resource_path

log = logging.getLogger(__name__)

SPEC_SUFFIX = ".toml"
FORMATS = ("csv", "xlsx")
#: ``table``: one record per line; ``adjacency``: a square matrix of counts.
LAYOUTS = ("table", ADJACENCY_LAYOUT)
#: Tried in order when a spec names no ``time_formats``.
DEFAULT_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y%m%d%H%M%S",
    "%Y-%m-%d",
    "%Y/%m/%d",
)
_DELIMITER_NAMES = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
WHITESPACE_DELIMITER = "whitespace"
_DEFAULT_NORMALISE = {EntityType.PHONE: "phone", EntityType.VEHICLE: "plate"}


@dataclass(frozen=True)
class EntitySpec:
    """One entity found on each row (``[entities.NAME]``)."""

    name: str
    type: str
    key: str
    normalise: str
    strip_prefix: str = ""
    label: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    required: bool = True


@dataclass(frozen=True)
class LinkSpec:
    """One link between two of a row's entities (``[[links]]``)."""

    type: str
    source: str
    target: str
    start_time: str | None = None
    duration: str | None = None
    weight: str | None = None
    cell: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    time_formats: tuple[str, ...] = DEFAULT_TIME_FORMATS


@dataclass(frozen=True)
class EventSpec:
    """One timed event about one of a row's entities (``[[events]]``)."""

    kind: str
    entity: str
    time: str | None = None
    description: str | None = None
    time_formats: tuple[str, ...] = DEFAULT_TIME_FORMATS


@dataclass(frozen=True)
class ImportSpec:
    """A checked mapping spec.

    Attributes:
        name: the spec's name (its ``name`` key or file stem).
        source: where it was read from, for messages.
        format: ``csv``, ``xlsx`` or None to go by the file's extension.
        encoding: a codec name, or None to detect it.
        delimiter: one character, or ``whitespace`` for runs of blanks.
        header: whether the first line names the columns.
        columns: the column names of a file without a header.
        layout: ``table``, or ``adjacency`` for a square matrix whose cells
            are read as rows ``row``, ``column``, ``value``.
        raw: the spec as parsed, stored with each import.
    """

    name: str
    source: str
    description: str = ""
    format: str | None = None
    encoding: str | None = None
    delimiter: str = ","
    header: bool = True
    columns: tuple[str, ...] = ()
    sheet: str | None = None
    country_code: str = DEFAULT_COUNTRY_CODE
    entities: tuple[EntitySpec, ...] = ()
    links: tuple[LinkSpec, ...] = ()
    events: tuple[EventSpec, ...] = ()
    layout: str = "table"
    raw: dict = field(default_factory=dict, compare=False)

    def entity(self, name: str) -> EntitySpec:
        """The entity mapping called ``name``."""
        return next(e for e in self.entities if e.name == name)

    def key_rules(self, entity: EntitySpec) -> KeyRules:
        """The normalisation rules of one entity's key."""
        return rules_for(
            entity.normalise,
            country_code=self.country_code,
            prefix=entity.strip_prefix,
        )

    def column_uses(self) -> list[tuple[str, str]]:
        """Every ``(column, spec key)`` the spec reads, in spec order."""
        uses = []
        for e in self.entities:
            uses.append((e.key, f"entities.{e.name}.key"))
            if e.label:
                uses.append((e.label, f"entities.{e.name}.label"))
            uses += [(c, f"entities.{e.name}.attributes.{a}") for a, c in e.attributes]
        for i, link in enumerate(self.links):
            for part in ("start_time", "duration", "weight", "cell"):
                column = getattr(link, part)
                if column:
                    uses.append((column, f"links[{i}].{part}"))
            uses += [(c, f"links[{i}].attributes.{a}") for a, c in link.attributes]
        for i, event in enumerate(self.events):
            for part in ("time", "description"):
                column = getattr(event, part)
                if column:
                    uses.append((column, f"events[{i}].{part}"))
        return uses


# -- finding specs ------------------------------------------------------------


def shipped_specs_dir() -> Path:
    """The folder of the specs that ship with the workstation."""
    return resource_path("specs")


def shipped_spec_names() -> list[str]:
    """Names of the shipped specs, usable wherever a spec path is asked for."""
    return sorted(p.stem for p in shipped_specs_dir().glob(f"*{SPEC_SUFFIX}"))


def resolve_spec(spec: str | Path) -> Path:
    """The spec file meant by a path or by a shipped spec's bare name.

    Args:
        spec: a path to a TOML file, or a name such as ``call_records``.

    Returns:
        The path of the spec file.

    Raises:
        ImportSpecError: when neither a file nor a shipped spec has that name.
    """
    path = Path(spec)
    if path.is_file():
        return path
    if path.parent == Path("."):
        name = path.name.removesuffix(SPEC_SUFFIX)
        shipped = shipped_specs_dir() / f"{name}{SPEC_SUFFIX}"
        if shipped.is_file():
            return shipped
    raise ImportSpecError(
        f"Spec {spec}: no such file and no shipped spec of that name; give a path "
        f"to a .toml spec or one of: {', '.join(shipped_spec_names())}."
    )


def load_spec(spec: str | Path) -> ImportSpec:
    """Read and check a spec given by path or shipped name.

    Args:
        spec: a path to a TOML file, or a shipped spec's name.

    Returns:
        The checked spec.

    Raises:
        ImportSpecError: when the file is not TOML or a key is wrong.
    """
    path = resolve_spec(spec)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ImportSpecError(
            f"Spec {path}: not valid TOML ({exc}); fix the file."
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportSpecError(
            f"Spec {path}: cannot be read ({exc}); save it as UTF-8 text."
        ) from exc
    return parse_spec(data, source=str(path), default_name=path.stem)


# -- checking -----------------------------------------------------------------


class _Table:
    """Reads one TOML table, naming the full key in every complaint."""

    def __init__(self, data: Any, where: str, source: str) -> None:
        self.where = where
        self.source = source
        if not isinstance(data, dict):
            self.fail(where or "the spec", "must be a table")
        self.data = dict(data)

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> None:
        raise ImportSpecError(f"Spec {self.source}: {key} {problem}.")

    def text(self, key: str, default: str | None = None, required=False) -> str | None:
        value = self.data.pop(key, None)
        if value is None:
            if required:
                self.fail(self.path(key), "is missing")
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(self.path(key), f"must be non-empty text, not {value!r}")
        return value.strip()

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.pop(key, default)
        if not isinstance(value, bool):
            self.fail(self.path(key), f"must be true or false, not {value!r}")
        return value

    def choice(self, key: str, choices, default: str | None = None) -> str | None:
        value = self.text(key, default, required=default is None)
        if value not in choices:
            self.fail(
                self.path(key),
                f"= {value!r} is not one of: {', '.join(map(str, choices))}",
            )
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.pop(key, None)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            self.fail(self.path(key), "must be a list of non-empty texts")
        return tuple(v.strip() for v in value)

    def mapping(self, key: str) -> tuple[tuple[str, str], ...]:
        """A list of column names, or a table of ``attribute = column``."""
        value = self.data.pop(key, None)
        if value is None:
            return ()
        if isinstance(value, list):
            self.data[key] = value
            return tuple((c, c) for c in self.texts(key))
        if isinstance(value, dict) and all(
            isinstance(v, str) and v.strip() for v in value.values()
        ):
            return tuple((str(a), c.strip()) for a, c in value.items())
        self.fail(
            self.path(key), "must be a list of columns or a table attribute = column"
        )
        return ()

    def done(self) -> None:
        if self.data:
            unknown = ", ".join(self.path(k) for k in self.data)
            self.fail(unknown, "is not a key this spec format knows (misspelt?)")


def _time_formats(table: _Table, key: str, default: tuple[str, ...]) -> tuple:
    formats = table.texts(key)
    for fmt in formats:
        sample = datetime(2001, 2, 3, 4, 5, 6)
        try:
            datetime.strptime(sample.strftime(fmt), fmt)
        except ValueError:
            table.fail(table.path(key), f"has {fmt!r}, which is not a strptime format")
        if "%" not in fmt:
            table.fail(table.path(key), f"has {fmt!r}, which has no % field")
    return formats or default


def parse_spec(data: dict, *, source: str, default_name: str = "spec") -> ImportSpec:
    """Check a parsed spec and turn it into an :class:`ImportSpec`.

    Args:
        data: the spec as read by ``tomllib``.
        source: where it came from, for messages.
        default_name: the name used when the spec has no ``name`` key.

    Returns:
        The checked spec.

    Raises:
        ImportSpecError: naming the first wrong key.

    >>> spec = parse_spec(
    ...     {"entities": {"p": {"type": "phone", "key": "msisdn"}}}, source="doc"
    ... )
    >>> spec.entities[0].normalise, spec.delimiter
    ('phone', ',')
    """
    top = _Table(data, "", source)
    name = top.text("name", default_name)
    description = top.text("description", "")
    fmt = top.text("format")
    if fmt is not None and fmt not in FORMATS:
        top.fail("format", f"= {fmt!r} is not one of: {', '.join(FORMATS)}")

    encoding = top.text("encoding", "auto")
    if encoding.lower() == "auto":
        encoding = None
    else:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            top.fail("encoding", f"= {encoding!r} is not an encoding Python knows")

    delimiter = top.data.pop("delimiter", ",")
    if isinstance(delimiter, str):
        delimiter = _DELIMITER_NAMES.get(delimiter.lower(), delimiter)
    if delimiter != WHITESPACE_DELIMITER and (
        not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n'
    ):
        top.fail(
            "delimiter",
            f"= {delimiter!r} must be one character, 'tab' or 'whitespace'",
        )

    header = top.boolean("header", True)
    columns = top.texts("columns")
    if header and columns:
        top.fail("columns", "is only for files without a header (header = false)")
    if not header and not columns:
        top.fail("columns", "is missing; a file without a header needs its names")
    if len(set(columns)) != len(columns):
        top.fail("columns", "names a column twice")
    sheet = top.text("sheet")
    country_code = top.text("country_code", DEFAULT_COUNTRY_CODE)
    if not country_code.isdigit() or not 1 <= len(country_code) <= 3:
        top.fail("country_code", f"= {country_code!r} must be 1 to 3 digits")
    time_formats = _time_formats(top, "time_formats", DEFAULT_TIME_FORMATS)
    layout = top.choice("layout", LAYOUTS, "table")
    if layout == ADJACENCY_LAYOUT and (columns or not header or fmt == "xlsx"):
        top.fail(
            "layout",
            "= 'adjacency' reads a CSV matrix whose first row and column hold "
            "the ids; remove header, columns and format",
        )

    entities = _entities(top, source)
    names = [e.name for e in entities]
    links = tuple(
        _link(_Table(item, f"links[{i}]", source), names, time_formats)
        for i, item in enumerate(_array(top, "links"))
    )
    events = tuple(
        _event(_Table(item, f"events[{i}]", source), names, time_formats)
        for i, item in enumerate(_array(top, "events"))
    )
    top.done()

    spec = ImportSpec(
        name=name,
        source=source,
        description=description,
        format=fmt,
        encoding=encoding,
        delimiter=delimiter,
        header=header,
        columns=columns,
        sheet=sheet,
        country_code=country_code,
        entities=entities,
        links=links,
        events=events,
        layout=layout,
        raw=data,
    )
    if layout == ADJACENCY_LAYOUT:
        columns = ADJACENCY_COLUMNS
    if columns:
        for column, key in spec.column_uses():
            if column not in columns:
                top.fail(
                    key, f"= {column!r} is not one of columns ({', '.join(columns)})"
                )
    log.debug("spec %s: %d entities, %d links", name, len(entities), len(links))
    return spec


def _array(top: _Table, key: str) -> list:
    value = top.data.pop(key, [])
    if not isinstance(value, list):
        top.fail(key, f"must be an array of tables ([[{key}]])")
    return value


def _entities(top: _Table, source: str) -> tuple[EntitySpec, ...]:
    tables = top.data.pop("entities", None)
    if not tables:
        top.fail("entities", "is missing; a spec needs at least one [entities.NAME]")
    if not isinstance(tables, dict):
        top.fail("entities", "must be tables [entities.NAME]")
    entities = []
    types = [t.value for t in EntityType]
    for name, data in tables.items():
        table = _Table(data, f"entities.{name}", source)
        type_ = table.choice("type", types)
        normalise = table.choice(
            "normalise", KINDS, _DEFAULT_NORMALISE.get(EntityType(type_), "text")
        )
        entities.append(
            EntitySpec(
                name=name,
                type=type_,
                key=table.text("key", required=True),
                normalise=normalise,
                strip_prefix=table.text("strip_prefix", ""),
                label=table.text("label"),
                attributes=table.mapping("attributes"),
                required=table.boolean("required", True),
            )
        )
        table.done()
    return tuple(entities)


def _entity_name(table: _Table, key: str, names: list[str]) -> str:
    name = table.text(key, required=True)
    if name not in names:
        table.fail(
            table.path(key),
            f"= {name!r} names no [entities.{name}] (entities: {', '.join(names)})",
        )
    return name


def _link(table: _Table, names: list[str], time_formats: tuple) -> LinkSpec:
    link = LinkSpec(
        type=table.choice("type", [t.value for t in LinkType]),
        source=_entity_name(table, "source", names),
        target=_entity_name(table, "target", names),
        start_time=table.text("start_time"),
        duration=table.text("duration"),
        weight=table.text("weight"),
        cell=table.text("cell"),
        attributes=table.mapping("attributes"),
        time_formats=_time_formats(table, "time_formats", time_formats),
    )
    table.done()
    return link


def _event(table: _Table, names: list[str], time_formats: tuple) -> EventSpec:
    event = EventSpec(
        kind=table.text("kind", required=True),
        entity=_entity_name(table, "entity", names),
        time=table.text("time"),
        description=table.text("description"),
        time_formats=_time_formats(table, "time_formats", time_formats),
    )
    table.done()
    return event
