"""Rows the link graph is built from: a case's entities and its links, per pair.

Pairs come back already summed in the database, one row per unordered pair of
entities, so a case with millions of call records hands the graph layer only as
many rows as there are distinct pairs. Each pair row is a plain tuple
``(first_id, second_id, weight, links, types)`` with ``first_id <= second_id``,
``weight`` the sum of ``links.weight``, ``links`` the number of link rows and
``types`` the sorted link types seen on the pair.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from workstation.domain.records import Entity
from workstation.store.case_store import CaseStore

PairRow = tuple[int, int, float, int, tuple[str, ...]]


def _type_filter(link_types: Sequence[str] | None, alias: str = "") -> tuple[str, list]:
    if link_types is None:
        return "", []
    return f" AND list_contains(?::VARCHAR[], {alias}type)", [list(link_types)]


def link_type_counts(store: CaseStore, case_id: int) -> dict[str, int]:
    """Return how many links of each type the case holds, by type name."""
    rows = store.execute(
        "SELECT type, count(*) FROM links WHERE case_id = ? "
        "GROUP BY type ORDER BY type",
        [case_id],
    ).fetchall()
    return {row[0]: row[1] for row in rows}


def link_pair_rows(
    store: CaseStore, case_id: int, link_types: Sequence[str] | None = None
) -> list[PairRow]:
    """Return the case's links summed per unordered pair of entities.

    Args:
        store: The open workspace database.
        case_id: The case whose links are read.
        link_types: Only links of these types; all types when None.

    Returns:
        ``(first_id, second_id, weight, links, types)`` tuples ordered by ids.
    """
    where, params = _type_filter(link_types)
    rows = store.execute(
        "SELECT least(source_id, target_id) AS first_id, "
        "greatest(source_id, target_id) AS second_id, "
        "sum(weight), count(*), list(DISTINCT type ORDER BY type) "
        f"FROM links WHERE case_id = ?{where} "
        "GROUP BY first_id, second_id ORDER BY first_id, second_id",
        [case_id, *params],
    ).fetchall()
    return [(a, b, float(w), int(n), tuple(types)) for a, b, w, n, types in rows]


def graph_entities(
    store: CaseStore,
    case_id: int,
    *,
    link_types: Sequence[str] | None = None,
    include_isolated: bool = False,
) -> list[Entity]:
    """Return the entities that take part in the case's (selected) links.

    Args:
        store: The open workspace database.
        case_id: The case whose entities are read.
        link_types: Count only links of these types; all types when None.
        include_isolated: Also return the case's entities that have no such link.

    Returns:
        Entities ordered by id.
    """
    columns = "e.id, e.case_id, e.type, e.key, e.label, e.attributes"
    if include_isolated:
        rows = store.execute(
            f"SELECT {columns} FROM entities e WHERE e.case_id = ? ORDER BY e.id",
            [case_id],
        ).fetchall()
    else:
        where, params = _type_filter(link_types, "l.")
        rows = store.execute(
            f"SELECT {columns} FROM entities e WHERE e.case_id = ? AND e.id IN ("
            f"SELECT l.source_id FROM links l WHERE l.case_id = ?{where} UNION "
            f"SELECT l.target_id FROM links l WHERE l.case_id = ?{where}) "
            "ORDER BY e.id",
            [case_id, case_id, *params, case_id, *params],
        ).fetchall()
    return [
        Entity(
            id=row[0],
            case_id=row[1],
            type=row[2],
            key=row[3],
            label=row[4],
            attributes=json.loads(row[5]) if row[5] else {},
        )
        for row in rows
    ]
