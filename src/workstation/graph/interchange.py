"""Writing a link graph for other tools: GraphML, GEXF (Gephi) and CSV edge lists.

GraphML and GEXF come from networkx's writers. Those formats hold only text,
numbers and booleans, so the graph is first copied with every attribute made
serialisable: link types joined with ";", times as ISO text, missing values
left out. The CSV edge list names entities by their key, so it can be imported
again (``services.graph_interchange.import_edge_list``); every cell that a
spreadsheet would read as a formula is escaped with an apostrophe
(:mod:`workstation.security.csv_cells`).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import networkx as nx

from workstation.domain.errors import WorkstationError
from workstation.security.csv_cells import escape_cell

log = logging.getLogger(__name__)

#: File suffix -> format name.
FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
#: Columns of the CSV edge list, in order.
EDGE_COLUMNS = (
    "source",
    "target",
    "weight",
    "count",
    "minutes",
    "links",
    "types",
    "first",
    "last",
    "source_label",
    "target_label",
    "source_type",
    "target_type",
)


def format_for(path: str | Path) -> str:
    """The interchange format named by a file's suffix.

    Raises:
        WorkstationError: The suffix is none of .graphml, .gexf, .csv.

    Example:
        >>> format_for("network.GEXF")
        'gexf'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise WorkstationError(
            f"{Path(path).name}: cannot tell the format from {suffix or 'no suffix'}; "
            f"name the file with one of {', '.join(FORMATS)}."
        )
    return FORMATS[suffix]


def _plain(value):
    """A GraphML/GEXF-safe version of an attribute value, or None to drop it."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list | set | frozenset):
        return ";".join(str(v) for v in value)
    if isinstance(value, Mapping):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def serialisable_copy(graph: nx.Graph) -> nx.Graph:
    """Copy a graph keeping only attributes GraphML and GEXF can hold.

    Every value of one attribute name gets one type (text wins when values are
    mixed), as GraphML declares one type per attribute.

    Example:
        >>> g = nx.Graph(link_types=("call", "meeting"))
        >>> g.add_edge(1, 2, types=("call",), first=None, weight=2.0)
        >>> copy = serialisable_copy(g)
        >>> copy.graph["link_types"], copy[1][2]
        ('call;meeting', {'types': 'call', 'weight': 2.0})
    """
    copy = nx.Graph()
    copy.graph.update(
        {
            k: v
            for k, v in ((k, _plain(v)) for k, v in graph.graph.items())
            if v is not None
        }
    )
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **_clean(data))
    for first, second, data in graph.edges(data=True):
        copy.add_edge(first, second, **_clean(data))
    _unify_types(copy.nodes.values())
    _unify_types(data for _, _, data in copy.edges(data=True))
    return copy


def _clean(data: Mapping) -> dict:
    return {k: v for k, v in ((k, _plain(v)) for k, v in data.items()) if v is not None}


def _unify_types(records) -> None:
    records = list(records)
    kinds: dict[str, set] = {}
    for data in records:
        for key, value in data.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, found in kinds.items():
        if len(found) == 1:
            continue
        to = float if found <= {int, float} else str
        for data in records:
            if key in data:
                data[key] = to(data[key])


def graph_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """The graph in one interchange format, as UTF-8 bytes.

    Args:
        graph: A case graph.
        fmt: "graphml", "gexf" or "csv".

    Returns:
        The file's content.

    Raises:
        ValueError: Unknown format.
    """
    if fmt == "csv":
        return edge_list_csv(graph).encode("utf-8-sig")
    copy = serialisable_copy(graph)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(copy, buffer, encoding="utf-8")
    elif fmt == "gexf":
        # "key" is reserved in GEXF (networkx would write it as networkx_key)
        for data in copy.nodes.values():
            if "key" in data:
                data["entity_key"] = data.pop("key")
        nx.write_gexf(copy, buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return buffer.getvalue()


def edge_list_csv(graph: nx.Graph) -> str:
    """The edges as CSV text with a header, entities named by their key.

    Columns are :data:`EDGE_COLUMNS`; one row per edge, ordered by the keys.
    A cell that starts with ``= + - @``, a tab, a carriage return or an
    apostrophe gets an apostrophe in front, so no spreadsheet runs it.

    Example:
        >>> g = nx.Graph()
        >>> g.add_node(1, key="=cmd|' /C calc'!A0", label="=cmd", type="person")
        >>> g.add_node(2, key="王伟", label="王伟", type="person")
        >>> g.add_edge(1, 2, weight=2.0, types=("call",))
        >>> print(edge_list_csv(g).splitlines()[1])
        '=cmd|' /C calc'!A0,王伟,2,2,0,1,call,,,'=cmd,王伟,person,person
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    rows = []
    for first, second, data in graph.edges(data=True):
        a, b = graph.nodes[first], graph.nodes[second]
        pair = sorted(
            [(str(a.get("key", first)), a), (str(b.get("key", second)), b)],
            key=lambda item: item[0],
        )
        (key_a, node_a), (key_b, node_b) = pair
        rows.append(
            [
                key_a,
                key_b,
                _number(data.get("weight", 1.0)),
                _number(data.get("count", data.get("weight", 1.0))),
                _number(data.get("minutes", 0.0)),
                data.get("links", 1),
                ";".join(data.get("types", ())),
                _plain(data.get("first")) or "",
                _plain(data.get("last")) or "",
                node_a.get("label", key_a),
                node_b.get("label", key_b),
                node_a.get("type", ""),
                node_b.get("type", ""),
            ]
        )
    rows.sort(key=lambda row: (row[0], row[1]))
    writer.writerows([escape_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _number(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.4f}".rstrip("0")
