"""Column mappings made in the import wizard, saved as reusable TOML mapping specs.

A :class:`TableMapping` is what the analyst chose: how the file is read and
which columns become entities and links. :func:`save_spec` writes it in the
format ``resources/specs/README.md`` documents (checked by the same parser the
importer uses), so the saved file works with ``workstation import --spec`` and
can be picked again in the wizard.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from workstation.domain.errors import ImportSpecError
from workstation.ingest.import_spec import (
    DEFAULT_TIME_FORMATS,
    SPEC_SUFFIX,
    ImportSpec,
    load_spec,
    parse_spec,
    shipped_spec_names,
)
from workstation.ingest.normalise import DEFAULT_COUNTRY_CODE, KINDS
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)

#: How an entity's key can be normalised (``phone``, ``plate``, ``id``, ``text``).
KEY_RULES = KINDS

#: Saved specs live in this folder of the workspace.
SPECS_FOLDER = "specs"
_DELIMITER_NAMES = {"\t": "tab"}


@dataclass(frozen=True)
class EntityMapping:
    """One entity found on each row: its name, type and the key column."""

    name: str
    type: str
    key: str
    label: str | None = None
    normalise: str | None = None
    strip_prefix: str = ""
    required: bool = True
    attributes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkMapping:
    """A link between two of a row's entities, with its optional columns."""

    type: str
    source: str
    target: str
    start_time: str | None = None
    duration: str | None = None
    weight: str | None = None
    cell: str | None = None


@dataclass(frozen=True)
class TableMapping:
    """How a file is read and what its columns become."""

    name: str
    entities: tuple[EntityMapping, ...]
    links: tuple[LinkMapping, ...] = ()
    description: str = ""
    encoding: str | None = None
    delimiter: str = ","
    header: bool = True
    columns: tuple[str, ...] = ()
    sheet: str | None = None
    country_code: str = DEFAULT_COUNTRY_CODE
    time_formats: tuple[str, ...] = field(default=())
    #: ``[[events]]`` tables kept as they were in a spec the mapping came from.
    events: tuple[dict, ...] = ()


def spec_data(mapping: TableMapping) -> dict[str, Any]:
    """The mapping as the data of a spec file (TOML-ready, no empty keys)."""
    data: dict[str, Any] = {"name": mapping.name}
    if mapping.description:
        data["description"] = mapping.description
    data["encoding"] = mapping.encoding or "auto"
    data["delimiter"] = _DELIMITER_NAMES.get(mapping.delimiter, mapping.delimiter)
    if not mapping.header:
        data["header"] = False
        data["columns"] = list(mapping.columns)
    if mapping.sheet:
        data["sheet"] = mapping.sheet
    data["country_code"] = mapping.country_code
    if mapping.time_formats and mapping.time_formats != DEFAULT_TIME_FORMATS:
        data["time_formats"] = list(mapping.time_formats)
    entities: dict[str, Any] = {}
    for entity in mapping.entities:
        table: dict[str, Any] = {"type": entity.type, "key": entity.key}
        if entity.label:
            table["label"] = entity.label
        if entity.normalise:
            table["normalise"] = entity.normalise
        if entity.strip_prefix:
            table["strip_prefix"] = entity.strip_prefix
        if not entity.required:
            table["required"] = False
        if entity.attributes:
            table["attributes"] = list(entity.attributes)
        entities[entity.name] = table
    data["entities"] = entities
    links = []
    for link in mapping.links:
        table = {"type": link.type, "source": link.source, "target": link.target}
        for part in ("start_time", "duration", "weight", "cell"):
            if getattr(link, part):
                table[part] = getattr(link, part)
        links.append(table)
    if links:
        data["links"] = links
    if mapping.events:
        data["events"] = [dict(event) for event in mapping.events]
    return data


def spec_toml(mapping: TableMapping) -> str:
    """The spec file's text."""
    header = (
        f"# Mapping spec {mapping.name}, made with the import wizard.\n"
        "# The format is described in resources/specs/README.md.\n"
    )
    return header + tomli_w.dumps(spec_data(mapping))


def build_spec(mapping: TableMapping) -> ImportSpec:
    """Check the mapping as the importer will.

    Raises:
        ImportSpecError: Naming the first wrong key (an empty name, an entity
            without a key column, a link to an unknown entity...).
    """
    if not mapping.name.strip():
        raise ImportSpecError("The mapping needs a name; type one, e.g. carrier_x.")
    names = [entity.name for entity in mapping.entities]
    for number, name in enumerate(names, start=1):
        if not name.strip():
            raise ImportSpecError(
                f"Entity {number} of the mapping has no name; name it (caller, "
                "person...) so links can refer to it."
            )
        if names.count(name) > 1:
            raise ImportSpecError(
                f"Two entities of the mapping are called {name!r}; give each its "
                "own name."
            )
    return parse_spec(
        spec_data(mapping), source=f"mapping {mapping.name}", default_name="spec"
    )


def specs_dir(ws: Workspace) -> Path:
    """The workspace's folder of saved specs (made when missing)."""
    folder = Path(ws.root) / SPECS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def saved_spec_paths(ws: Workspace) -> list[Path]:
    """The specs saved in the workspace, by name."""
    return sorted(specs_dir(ws).glob(f"*{SPEC_SUFFIX}"))


def available_specs(ws: Workspace) -> list[tuple[str, str]]:
    """``(label, spec)`` pairs: the shipped specs by name, then the saved files."""
    found = [(name, name) for name in shipped_spec_names()]
    found += [(path.stem, str(path)) for path in saved_spec_paths(ws)]
    return found


def save_spec(mapping: TableMapping, path: str | Path) -> ImportSpec:
    """Check the mapping, write it as a TOML spec and read it back.

    The file is replaced in one step, so a failed save leaves an older spec
    whole.

    Args:
        mapping: The mapping to save.
        path: The ``.toml`` file to write (its folder must exist).

    Returns:
        The spec as the importer reads it from the file.

    Raises:
        ImportSpecError: The mapping is wrong, or the file cannot be written.
    """
    build_spec(mapping)
    path = Path(path)
    if path.suffix != SPEC_SUFFIX:
        path = path.with_name(path.name + SPEC_SUFFIX)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=".spec-", suffix=SPEC_SUFFIX, dir=path.parent
        )
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(spec_toml(mapping))
        os.replace(temporary, path)
    except OSError as exc:
        raise ImportSpecError(
            f"Cannot save the mapping spec to {path} ({exc.strerror}); choose a "
            "folder you can write to."
        ) from exc
    log.info("saved mapping spec %s to %s", mapping.name, path)
    return load_spec(path)


def _own_time_formats(spec: ImportSpec) -> tuple[str, ...]:
    """The spec's time formats, or () when it uses the importer's defaults."""
    formats = spec.links[0].time_formats if spec.links else ()
    return () if tuple(formats) == DEFAULT_TIME_FORMATS else tuple(formats)


def mapping_from_spec(spec: ImportSpec) -> TableMapping:
    """A spec as a mapping, to start the wizard from it."""
    return TableMapping(
        name=spec.name,
        description=spec.description,
        encoding=spec.encoding,
        delimiter=spec.delimiter,
        header=spec.header,
        columns=spec.columns,
        sheet=spec.sheet,
        country_code=spec.country_code,
        time_formats=_own_time_formats(spec),
        entities=tuple(
            EntityMapping(
                name=e.name,
                type=e.type,
                key=e.key,
                label=e.label,
                normalise=e.normalise,
                strip_prefix=e.strip_prefix,
                required=e.required,
                attributes=tuple(column for _, column in e.attributes),
            )
            for e in spec.entities
        ),
        links=tuple(
            LinkMapping(
                type=link.type,
                source=link.source,
                target=link.target,
                start_time=link.start_time,
                duration=link.duration,
                weight=link.weight,
                cell=link.cell,
            )
            for link in spec.links
        ),
        events=tuple(dict(event) for event in spec.raw.get("events", ())),
    )
