"""Building a case's analysis graph from the store, filtered and rolled up.

``case_graph`` is what every graph service starts from: the case's links under
a :class:`~workstation.graph.filters.GraphFilter` (link types, time window,
phone roll-up, weight by count or minutes), as an undirected networkx graph
keyed by entity id.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import networkx as nx

from workstation.domain.errors import NotFoundError
from workstation.domain.records import Case
from workstation.graph.filters import GraphFilter
from workstation.graph.link_graph import build_case_graph
from workstation.services.workspace import Workspace
from workstation.store import graph_rows

log = logging.getLogger(__name__)


def chosen_filter(
    link_types: Sequence[str] | None, graph_filter: GraphFilter | None
) -> GraphFilter:
    """The filter given, else one of the link types given (all when None)."""
    if graph_filter is not None:
        return graph_filter
    return GraphFilter(link_types=tuple(link_types) if link_types else None)


def case_graph(
    ws: Workspace,
    case_number: str,
    *,
    link_types: Sequence[str] | None = None,
    include_isolated: bool = False,
    graph_filter: GraphFilter | None = None,
) -> nx.Graph:
    """Build the undirected analysis graph of a case.

    Args:
        ws: The open workspace.
        case_number: The case, e.g. "T-001".
        link_types: Only links of these types (e.g. ``["call"]``); all when None.
            Ignored when ``graph_filter`` is given.
        include_isolated: Also add the case's entities that have no such link.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The graph keyed by entity id (see
        :func:`~workstation.graph.link_graph.build_case_graph`). With roll-up,
        ``graph.graph["rolled_up"]`` maps each rolled-up phone to its user and
        a user's node lists the phone keys in its ``phones`` attribute.

    Raises:
        NotFoundError: No such case, or a requested link type has no links in it.
    """
    case = ws.case(case_number)
    return build_graph(
        ws, case, chosen_filter(link_types, graph_filter), include_isolated
    )


def has_phone_users(ws: Workspace, case_number: str) -> bool:
    """Whether the case ties any phone to a person by a "uses" link."""
    case = ws.case(case_number)
    return bool(graph_rows.phone_users(ws.store, case.id))


def build_graph(
    ws: Workspace, case: Case, chosen: GraphFilter, include_isolated: bool
) -> nx.Graph:
    """The graph of ``case`` under ``chosen`` (see :func:`case_graph`)."""
    present = graph_rows.link_type_counts(ws.store, case.id)
    if chosen.link_types is not None:
        absent = [t for t in chosen.link_types if t not in present]
        if absent:
            known = ", ".join(f"{t} ({n})" for t, n in present.items()) or "none yet"
            raise NotFoundError(
                f"Case {case.number} has no links of type {', '.join(absent)}; "
                f"link types in the case: {known}. Choose one of those."
            )
    rows = graph_rows.case_link_rows(
        ws.store,
        case.id,
        link_types=chosen.link_types,
        start=chosen.start,
        end=chosen.end,
        roll_up=chosen.roll_up,
    )
    owners = {}
    if chosen.roll_up:
        owners = {
            phone: persons[0]
            for phone, persons in graph_rows.phone_users(ws.store, case.id).items()
            if len(persons) == 1
        }
    ids = {node for row in rows for node in row[:2]}
    if include_isolated:
        entities = [
            e
            for e in graph_rows.graph_entities(ws.store, case.id, include_isolated=True)
            if e.id not in owners
        ]
    else:
        entities = graph_rows.entities_by_ids(ws.store, case.id, ids)
    graph = build_case_graph(entities, rows, weight=chosen.weight)
    graph.graph["case"] = case.number
    graph.graph["link_types"] = chosen.link_types
    graph.graph["filter"] = chosen.describe()
    graph.graph["graph_filter"] = chosen
    if owners:
        graph.graph["rolled_up"] = owners
        keys = {
            e.id: e.key for e in graph_rows.entities_by_ids(ws.store, case.id, owners)
        }
        for phone, person in owners.items():
            if person in graph:
                graph.nodes[person].setdefault("phones", []).append(keys[phone])
    log.debug(
        "graph of %s (%s): %d nodes, %d edges",
        case.number,
        chosen.describe(),
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    return graph
