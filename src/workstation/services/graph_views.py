"""Saved chart views: an analyst's chart kept in the case, exactly as drawn.

A view records which entities were shown, where each sat, the notes on the
chart and the filter the graph was built with. Saving a name again adds a new
version, never overwrites one, so a supervisor can open precisely the version
an analyst handed over. Saving, listing and opening are audited.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.graph.filters import GraphFilter
from workstation.security.roles import Permission
from workstation.services.file_output import write_atomically
from workstation.services.graph import case_graph, render_case_chart
from workstation.services.workspace import Workspace
from workstation.store import chart_view_rows
from workstation.store.chart_view_rows import ChartView

log = logging.getLogger(__name__)

#: Review states a view can be saved in.
VIEW_STATES = ("draft", "submitted", "approved", "returned")
_MAX_NAME = 120
_MAX_NOTE = 2000

__all__ = [
    "VIEW_STATES",
    "ChartView",
    "chart_view_graph",
    "list_chart_views",
    "load_chart_view",
    "save_chart_view",
    "write_chart_view_png",
]


def save_chart_view(
    ws: Workspace,
    case_number: str,
    name: str,
    *,
    selection: Sequence[int] = (),
    positions: Mapping[int, Sequence[float]] | None = None,
    annotations: Sequence[Mapping] = (),
    graph_filter: GraphFilter | None = None,
    state: str = "draft",
) -> ChartView:
    """Save the next version of a named chart view and audit it.

    Args:
        ws: The open workspace.
        case_number: The case.
        name: The view's name, e.g. "资金链 v2".
        selection: Entity ids shown (empty: the whole filtered graph).
        positions: ``(x, y)`` by entity id, in layout units.
        annotations: Notes: ``{"text": ..., "entity_id": id}`` or
            ``{"text": ..., "x": x, "y": y}``.
        graph_filter: The filter the chart's graph was built with.
        state: One of :data:`VIEW_STATES`.

    Returns:
        The stored view with its version.

    Raises:
        WorkstationError: A name, state, position or note is malformed.
        NotFoundError: An entity id is not of this case.
    """
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    name = _check_name(name)
    if state not in VIEW_STATES:
        raise WorkstationError(
            f"Chart view state {state!r} is not one of: {', '.join(VIEW_STATES)}."
        )
    places = _check_positions(positions or {})
    notes = _check_annotations(annotations)
    chosen = graph_filter or GraphFilter()
    ids = {int(i) for i in selection} | set(places)
    ids |= {int(n["entity_id"]) for n in notes if "entity_id" in n}
    missing = chart_view_rows.missing_entity_ids(ws.store, case.id, ids)
    if missing:
        raise NotFoundError(
            f"Chart view {name!r}: entity id {', '.join(map(str, missing[:10]))} "
            f"is not in case {case.number}; save only entities of this case."
        )
    with ws.store.transaction():
        view = chart_view_rows.insert_chart_view(
            ws.store,
            case.id,
            name=name,
            author=ws.user,
            state=state,
            selection=list(dict.fromkeys(int(i) for i in selection)),
            positions=places,
            annotations=notes,
            filters=chosen.to_dict(),
        )
        ws.audit(
            "chart_view.save",
            case.number,
            {
                "name": name,
                "version": view.version,
                "state": state,
                "entities": len(view.selection),
                "positions": len(places),
                "annotations": len(notes),
                "filter": chosen.to_dict(),
            },
        )
    log.info("saved chart view %r v%d of %s", name, view.version, case.number)
    return view


def list_chart_views(
    ws: Workspace, case_number: str, *, all_versions: bool = False
) -> list[ChartView]:
    """The case's chart views (latest version of each name), audited.

    Args:
        ws: The open workspace.
        case_number: The case.
        all_versions: Every version instead of the latest of each name.
    """
    case = ws.case(case_number)
    views = chart_view_rows.list_chart_views(
        ws.store, case.id, all_versions=all_versions
    )
    ws.audit("chart_view.list", case.number, {"views": len(views)})
    return views


def load_chart_view(
    ws: Workspace, case_number: str, name: str, *, version: int | None = None
) -> ChartView:
    """Open a saved view (its latest version unless ``version`` is given); audited.

    Raises:
        NotFoundError: No view of that name (or version) in the case; the
            message lists the names there are.
    """
    case = ws.case(case_number)
    view = chart_view_rows.get_chart_view(ws.store, case.id, name, version)
    if view is None:
        names = sorted(
            {v.name for v in chart_view_rows.list_chart_views(ws.store, case.id)}
        )
        which = f"{name!r} version {version}" if version else repr(name)
        raise NotFoundError(
            f"Case {case.number} has no chart view {which}; saved views: "
            f"{', '.join(names) or 'none yet'}."
        )
    ws.audit(
        "chart_view.open",
        case.number,
        {"name": view.name, "version": view.version, "author": view.author},
    )
    return view


def chart_view_graph(ws: Workspace, case_number: str, view: ChartView) -> nx.Graph:
    """The graph a view shows: the case graph under its filter, cut to its selection.

    Entities of the selection that no longer have links under the filter are
    shown unlinked, so nothing the analyst chose silently disappears.
    """
    chosen = GraphFilter.from_dict(view.filters)
    graph = case_graph(ws, case_number, graph_filter=chosen, include_isolated=True)
    if view.selection:
        graph = graph.subgraph(view.selection).copy()
    else:
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def write_chart_view_png(
    ws: Workspace,
    case_number: str,
    name: str,
    png_path: str | Path,
    *,
    version: int | None = None,
    lang: str | None = None,
) -> Path:
    """Draw a saved view exactly as saved (positions and notes) to PNG; audited.

    Returns:
        The path written.
    """
    ws.require(Permission.EXPORT)
    case = ws.case(case_number)
    view = load_chart_view(ws, case_number, name, version=version)
    graph = chart_view_graph(ws, case_number, view)
    notes = [
        {"text": n["text"], "node": n["entity_id"]} if "entity_id" in n else dict(n)
        for n in view.annotations
    ]
    title = (
        f"{case.number} · {view.name} (v{view.version}, {view.author}, {view.state})"
    )
    png = render_case_chart(
        graph,
        case,
        lang=lang or ws.settings.language,
        positions=view.positions,
        annotations=notes,
        title=title,
    )
    png_path = Path(png_path)
    write_atomically(png_path, png)
    ws.audit(
        "chart.export",
        case.number,
        {"file": png_path.name, "view": view.name, "version": view.version},
    )
    return png_path


def _check_name(name: str) -> str:
    cleaned = str(name).strip()
    if not cleaned or len(cleaned) > _MAX_NAME:
        raise WorkstationError(
            f"Chart view name {name!r} must be 1 to {_MAX_NAME} characters."
        )
    return cleaned


def _check_positions(positions: Mapping) -> dict[int, tuple[float, float]]:
    places = {}
    for key, value in positions.items():
        try:
            x, y = (float(v) for v in value)
            node = int(key)
        except (TypeError, ValueError) as exc:
            raise WorkstationError(
                f"Chart view position of {key!r} must be an entity id and two "
                f"numbers (x, y), not {value!r}."
            ) from exc
        if not (math.isfinite(x) and math.isfinite(y)):
            raise WorkstationError(
                f"Chart view position of entity {node} is not a finite (x, y)."
            )
        places[node] = (x, y)
    return places


def _check_annotations(annotations: Sequence[Mapping]) -> list[dict]:
    notes = []
    for index, item in enumerate(annotations):
        text = item.get("text") if isinstance(item, Mapping) else None
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_NOTE:
            raise WorkstationError(
                f"Chart view note {index + 1} needs a text of 1 to {_MAX_NOTE} "
                "characters."
            )
        note = {"text": text.strip()}
        if item.get("entity_id") is not None:
            note["entity_id"] = int(item["entity_id"])
        elif item.get("x") is not None and item.get("y") is not None:
            note["x"], note["y"] = float(item["x"]), float(item["y"])
        else:
            raise WorkstationError(
                f"Chart view note {index + 1} ({text.strip()[:30]!r}) needs an "
                "entity_id or an x and y to sit at."
            )
        notes.append(note)
    return notes
