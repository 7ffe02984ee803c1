"""Exchanging link graphs with other tools: GraphML, GEXF, CSV out; edge lists in.

Adjacency matrices (CAVIAR) come in the same way.

Exports are audited like every file that leaves the workstation. Imports go
through the ordinary importer (``services.ingest.import_table``) with a spec
made for the file, so they are checked, transactional and audited the same way.
"""

from __future__ import annotations

import logging
from pathlib import Path

from workstation.domain.errors import WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback
from workstation.domain.records import ImportSummary
from workstation.domain.types import EntityType, LinkType
from workstation.graph.filters import GraphFilter
from workstation.graph.interchange import format_for, graph_bytes
from workstation.graph.link_graph import summarize_graph
from workstation.ingest.import_spec import ImportSpec, parse_spec
from workstation.security.csv_cells import ESCAPE
from workstation.security.roles import Permission
from workstation.services.file_output import write_atomically
from workstation.services.graph_build import case_graph
from workstation.services.ingest import import_table
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)

#: Column names of an edge list; a headed file must use these.
EDGE_LIST_COLUMNS = ("source", "target", "weight")


def export_graph(
    ws: Workspace,
    case_number: str,
    path: str | Path,
    *,
    graph_filter: GraphFilter | None = None,
) -> Path:
    """Write the case graph as GraphML, GEXF or a CSV edge list, by suffix.

    Args:
        ws: The open workspace.
        case_number: The case.
        path: A ``.graphml``, ``.gexf`` or ``.csv`` file; its folder must exist.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The path written.

    Raises:
        WorkstationError: Unknown suffix, or the file cannot be written.
        NotFoundError: No such case or folder.
    """
    ws.require(Permission.EXPORT)
    path = Path(path)
    fmt = format_for(path)
    case = ws.case(case_number)
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    graph.graph.pop("rolled_up", None)
    write_atomically(path, graph_bytes(graph, fmt))
    summary = summarize_graph(graph)
    ws.audit(
        "graph.export",
        case.number,
        {
            "file": path.name,
            "format": fmt,
            "nodes": summary.nodes,
            "edges": summary.edges,
            "filter": (graph_filter or GraphFilter()).to_dict(),
        },
    )
    log.info("exported the graph of %s to %s (%s)", case.number, path, fmt)
    return path


def edge_list_spec(
    *,
    link_type: str = "call",
    entity_type: str = "person",
    delimiter: str = "whitespace",
    header: bool = False,
    weighted: bool = True,
) -> ImportSpec:
    """The import spec of a plain edge list, like the Montagna spec files.

    Args:
        link_type: The type of every link, e.g. "call" or "meeting".
        entity_type: The type of both ends, e.g. "person" or "phone".
        delimiter: One character, "tab", "comma" or "whitespace".
        header: Whether line 1 names the columns (then ``source``, ``target``
            and, when weighted, ``weight`` must be among them, as in the CSV
            this workstation exports). One leading apostrophe is then taken
            off each key: the export escapes formula-like cells with it
            (:mod:`workstation.security.csv_cells`).
        weighted: Whether there is a weight column (a count per line).

    Returns:
        The checked spec.

    Raises:
        WorkstationError: Unknown link or entity type.
        ImportSpecError: A bad delimiter.
    """
    _check_types(link_type, entity_type)
    columns = list(EDGE_LIST_COLUMNS if weighted else EDGE_LIST_COLUMNS[:2])
    data: dict = {
        "name": f"edge_list_{link_type}",
        "description": f"Edge list: {entity_type} {entity_type} "
        f"{'weight' if weighted else ''}".strip(),
        "delimiter": delimiter,
        "header": header,
        "entities": {
            "a": {"type": entity_type, "key": "source"},
            "b": {"type": entity_type, "key": "target"},
        },
        "links": [{"type": link_type, "source": "a", "target": "b"}],
    }
    if header:
        for end in data["entities"].values():
            end["strip_prefix"] = ESCAPE
    else:
        data["columns"] = columns
    if weighted:
        data["links"][0]["weight"] = "weight"
    return parse_spec(data, source="edge list options", default_name=data["name"])


def adjacency_spec(
    *, link_type: str = "call", entity_type: str = "person", delimiter: str = ","
) -> ImportSpec:
    """The import spec of a square matrix of counts (``layout = "adjacency"``).

    The first row and column name the same entities; the cell at row ``a``
    and column ``b`` counts links from ``a`` to ``b`` (the CAVIAR wiretap
    phases are published this way). Each non-zero cell becomes one link from
    ``a`` to ``b`` weighted by the count.

    Raises:
        WorkstationError: Unknown link or entity type.
    """
    _check_types(link_type, entity_type)
    data = {
        "name": f"matrix_{link_type}",
        "description": f"Adjacency matrix of {link_type} counts between "
        f"{entity_type} entities",
        "layout": "adjacency",
        "delimiter": delimiter,
        "entities": {
            "a": {"type": entity_type, "key": "row"},
            "b": {"type": entity_type, "key": "column"},
        },
        "links": [{"type": link_type, "source": "a", "target": "b", "weight": "value"}],
    }
    return parse_spec(data, source="matrix options", default_name=data["name"])


def import_adjacency_matrix(
    ws: Workspace,
    case_number: str,
    file_path: str | Path,
    *,
    link_type: str = "call",
    entity_type: str = "person",
    delimiter: str = ",",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Import a square matrix of counts (see :func:`adjacency_spec`) into a case.

    The import is checked, transactional and audited by
    :func:`~workstation.services.ingest.import_table`; the spec is stored
    with it.

    Returns:
        The import's summary (one link per non-zero cell).
    """
    spec = adjacency_spec(
        link_type=link_type, entity_type=entity_type, delimiter=delimiter
    )
    return import_table(
        ws, case_number, file_path, spec, progress=progress, cancel=cancel
    )


def _check_types(link_type: str, entity_type: str) -> None:
    if link_type not in {t.value for t in LinkType}:
        raise WorkstationError(
            f"Link type {link_type!r} is unknown; use one of: "
            f"{', '.join(t.value for t in LinkType)}."
        )
    if entity_type not in {t.value for t in EntityType}:
        raise WorkstationError(
            f"Entity type {entity_type!r} is unknown; use one of: "
            f"{', '.join(t.value for t in EntityType)}."
        )


def import_edge_list(
    ws: Workspace,
    case_number: str,
    file_path: str | Path,
    *,
    link_type: str = "call",
    entity_type: str = "person",
    delimiter: str = "whitespace",
    header: bool = False,
    weighted: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Import an edge list (``node node [weight]`` per line) into a case.

    The spec is built from the options (:func:`edge_list_spec`) and stored
    with the import like any other; the import is checked, transactional and
    audited by :func:`~workstation.services.ingest.import_table`.

    Args:
        ws: The open workspace.
        case_number: The case receiving the links.
        file_path: The edge list.
        link_type: The type of every link.
        entity_type: The type of both ends.
        delimiter: One character, "tab", "comma" or "whitespace".
        header: Whether line 1 names the columns.
        weighted: Whether a third column counts contacts.
        progress: Passed to the importer.
        cancel: Passed to the importer.

    Returns:
        The import's summary.
    """
    spec = edge_list_spec(
        link_type=link_type,
        entity_type=entity_type,
        delimiter=delimiter,
        header=header,
        weighted=weighted,
    )
    return import_table(
        ws, case_number, file_path, spec, progress=progress, cancel=cancel
    )
