"""Importing tables (call records, people, edge lists) into a case.

A CSV or XLSX file is read through a mapping spec (``resources/specs``): it is
checked, rewritten as UTF-8, bulk-loaded into a staging table and turned into
entities, links and events in one transaction together with the ``imports``
row, its rejected rows and an audit entry. An error or a cancel leaves nothing.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from workstation.domain.errors import AlreadyImportedError, NotFoundError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import ImportSummary, RejectedRow
from workstation.ingest.import_spec import ImportSpec, load_spec, shipped_spec_names
from workstation.ingest.prepare import PreparedTable, check_input_file, prepare_table
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.workspace import Workspace
from workstation.store import tabular_load
from workstation.store.tabular_load import (
    ColumnRef,
    EntityLoad,
    EventLoad,
    ImportRecord,
    LinkLoad,
    TableLoad,
)

log = logging.getLogger(__name__)


def import_table(
    ws: Workspace,
    case_number: str,
    file_path: str | Path,
    spec: str | Path | ImportSpec,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    again: bool = False,
) -> ImportSummary:
    """Import one CSV or XLSX file into a case through a mapping spec.

    A file whose content was already imported into the case with the same
    spec is refused unless ``again``: its rows would count every call twice.

    Args:
        ws: the open workspace.
        case_number: the case receiving the data.
        file_path: the CSV, text or XLSX file.
        spec: a spec file, a shipped spec's name (``call_records``) or a
            loaded spec.
        progress: called while the file is read and after each load step.
        cancel: checked throughout; a cancel rolls everything back.
        again: import a file even when the case already holds it.

    Returns:
        Counts and the rejected rows, with their line numbers in the file.

    Raises:
        NotFoundError: when the case does not exist.
        InputFileError: when the file is missing, empty or unreadable.
        ImportSpecError: when the spec is wrong or does not fit the file.
        AlreadyImportedError: when the case holds the file already (and not
            ``again``).
    """
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    if not isinstance(spec, ImportSpec):
        spec = load_spec(spec)
    path = check_input_file(file_path)

    with ws.staging_dir("import-") as workdir:
        prepared = prepare_table(path, spec, workdir, progress=progress, cancel=cancel)
        check_cancel(cancel)
        sha256 = prepared.sha256 or sha256_file(path)
        if not again:
            _refuse_repeat(ws, case.id, case.number, path, sha256, spec.name)
        record = ImportRecord(
            file_name=path.name,
            file_sha256=sha256,
            spec_name=spec.name,
            spec_json=json.dumps(spec.raw, ensure_ascii=False, default=str),
            encoding=prepared.encoding,
            imported_by=ws.user,
        )
        with ws.store.transaction():
            result = tabular_load.load_table(
                ws.store,
                case.id,
                table_load(prepared, spec),
                record,
                progress=progress,
                cancel=cancel,
            )
            summary = result.summary
            ws.audit(
                "import",
                case.number,
                {
                    "import_id": summary.import_id,
                    "file": record.file_name,
                    "sha256": record.file_sha256,
                    "spec": spec.name,
                    "encoding": record.encoding,
                    "rows_read": summary.rows_read,
                    "rows_loaded": summary.rows_loaded,
                    "rows_rejected": summary.rows_read - summary.rows_loaded,
                    "entities_added": summary.entities_added,
                    "links_added": summary.links_added,
                    "events_added": result.events_added,
                    "line_numbers": "records" if result.record_numbers else "lines",
                },
            )
    log.info(
        "imported %s into %s with spec %s: %d of %d rows",
        path.name,
        case.number,
        spec.name,
        summary.rows_loaded,
        summary.rows_read,
    )
    return summary


def _refuse_repeat(
    ws: Workspace, case_id: int, case_number: str, path: Path, sha256: str, spec: str
) -> None:
    earlier = tabular_load.earlier_import(ws.store, case_id, sha256, spec)
    if earlier is None:
        return
    import_id, name, user, when = earlier
    same = "" if name == path.name else f" (as {name})"
    raise AlreadyImportedError(
        f"{path}: case {case_number} already holds this file{same}, imported with "
        f"spec {spec} by {user} on {when:%Y-%m-%d %H:%M} (import {import_id}); "
        "importing it again would count its rows twice. Import it again only on "
        "purpose: add --again on the command line, or tick 'Import again' in the "
        "import window."
    )


def table_load(prepared: PreparedTable, spec: ImportSpec) -> TableLoad:
    """The store's load plan for a prepared file and its spec.

    Args:
        prepared: the rewritten file, whose columns the spec was checked against.
        spec: the mapping spec.

    Returns:
        The plan :func:`workstation.store.tabular_load.load_table` carries out.
    """

    def column(name: str | None) -> ColumnRef | None:
        if name is None:
            return None
        index = prepared.index(name)
        return ColumnRef(index, prepared.columns[index])

    def pairs(mapping: tuple[tuple[str, str], ...]) -> tuple:
        return tuple((attribute, column(name)) for attribute, name in mapping)

    entities = tuple(
        EntityLoad(
            name=e.name,
            type=e.type,
            key=column(e.key),
            rules=spec.key_rules(e),
            required=e.required,
            label=column(e.label),
            attributes=pairs(e.attributes),
        )
        for e in spec.entities
    )
    links = tuple(
        LinkLoad(
            type=link.type,
            source=link.source,
            target=link.target,
            time_formats=link.time_formats,
            start_time=column(link.start_time),
            duration=column(link.duration),
            weight=column(link.weight),
            cell=column(link.cell),
            attributes=pairs(link.attributes),
        )
        for link in spec.links
    )
    events = tuple(
        EventLoad(
            kind=event.kind,
            entity=event.entity,
            time_formats=event.time_formats,
            time=column(event.time),
            description=column(event.description),
        )
        for event in spec.events
    )
    return TableLoad(
        csv_path=prepared.csv_path,
        columns=prepared.columns,
        header=prepared.header,
        delimiter=prepared.delimiter,
        physical_lines=prepared.physical_lines,
        blank_lines=prepared.blank_lines,
        new_line=prepared.new_line,
        entities=entities,
        links=links,
        events=events,
    )


def list_rejects(ws: Workspace, import_id: int) -> list[RejectedRow]:
    """The rows one import rejected, by line number.

    Args:
        ws: the open workspace.
        import_id: the import's id (from its summary).

    Returns:
        The rejected rows with line, column, value and reason.

    Raises:
        NotFoundError: when there is no such import.
    """
    if not tabular_load.import_exists(ws.store, import_id):
        raise NotFoundError(
            f"No import with id {import_id} in this workspace; "
            "the import summary shows the id."
        )
    return tabular_load.list_import_rejects(ws.store, import_id)


def list_shipped_specs() -> list[str]:
    """Names of the mapping specs shipped with the workstation.

    Returns:
        Names such as ``call_records``, usable as the ``spec`` argument.
    """
    return shipped_spec_names()
