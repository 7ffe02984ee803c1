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
from collections.abc import Iterable, Sequence
from datetime import datetime

from workstation.domain.records import Entity
from workstation.store.case_store import ID_SET, CaseStore, id_text

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


# -- filtered, rolled-up pairs -------------------------------------------------

#: ``(first_id, second_id, count, links, seconds, types, first_time, last_time)``:
#: ``count`` sums ``links.weight`` (one per call record, the stated number for
#: an edge list), ``seconds`` sums ``duration_s``, the times span the links.
DetailRow = tuple[
    int, int, float, int, float, tuple[str, ...], datetime | None, datetime | None
]

#: Links that state a standing relation rather than a contact; a time window
#: keeps them even though they carry no time.
STANDING_LINK_TYPES = ("owns", "uses")

_USERS_SQL = (
    "SELECT ph.id AS phone_id, list(DISTINCT p.id ORDER BY p.id) AS persons "
    "FROM links u "
    "JOIN entities p ON p.id IN (u.source_id, u.target_id) AND p.type = 'person' "
    "JOIN entities ph ON ph.id IN (u.source_id, u.target_id) AND ph.type = 'phone' "
    "WHERE u.case_id = ? AND u.type = 'uses' GROUP BY ph.id"
)


def _window_filter(
    start: datetime | None, end: datetime | None, alias: str = ""
) -> tuple[str, list]:
    if start is None and end is None:
        return "", []
    bounds, params = [], []
    if start is not None:
        bounds.append(f"{alias}start_time >= ?")
        params.append(start)
    if end is not None:
        bounds.append(f"{alias}start_time < ?")
        params.append(end)
    standing = ", ".join(f"'{t}'" for t in STANDING_LINK_TYPES)
    return (
        f" AND (({alias}start_time IS NOT NULL AND {' AND '.join(bounds)}) OR "
        f"({alias}start_time IS NULL AND {alias}type IN ({standing})))",
        params,
    )


def phone_users(store: CaseStore, case_id: int) -> dict[int, tuple[int, ...]]:
    """Return the persons using each phone, from the case's ``uses`` links.

    A ``uses`` link joins a person and a phone in either direction.

    Returns:
        Person ids (sorted) by phone id, for every phone with at least one user.
    """
    rows = store.execute(_USERS_SQL, [case_id]).fetchall()
    return {phone: tuple(persons) for phone, persons in rows}


def case_link_rows(
    store: CaseStore,
    case_id: int,
    *,
    link_types: Sequence[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    roll_up: bool = False,
) -> list[DetailRow]:
    """Return the case's links summed per unordered pair, filtered and rolled up.

    Args:
        store: The open workspace database.
        case_id: The case whose links are read.
        link_types: Only links of these types; all types when None.
        start: Only links at or after this time (see ``end``).
        end: Only links before this time. With a window, links without a time
            are left out unless their type is a standing relation
            (:data:`STANDING_LINK_TYPES`).
        roll_up: Move every link of a phone with exactly one user (by ``uses``
            links) onto that person; the ``uses`` links of those phones are
            left out. Shared phones and phones without a user stay as they are.

    Returns:
        :data:`DetailRow` tuples ordered by ids; a pair can be one entity twice
        when a person's phones called each other.
    """
    where, params = _type_filter(link_types, "l.")
    window, window_params = _window_filter(start, end, "l.")
    picked = (
        "SELECT l.source_id, l.target_id, l.type, l.weight, l.duration_s, "
        f"l.start_time FROM links l WHERE l.case_id = ?{where}{window}"
    )
    picked_params = [case_id, *params, *window_params]
    if roll_up:
        mapped = (
            f"WITH users AS ({_USERS_SQL}), owner AS (SELECT phone_id, "
            "persons[1] AS person_id FROM users WHERE len(persons) = 1), "
            f"picked AS ({picked}) "
            "SELECT coalesce(os.person_id, p.source_id) AS s, "
            "coalesce(ot.person_id, p.target_id) AS t, p.type, p.weight, "
            "p.duration_s, p.start_time FROM picked p "
            "LEFT JOIN owner os ON os.phone_id = p.source_id "
            "LEFT JOIN owner ot ON ot.phone_id = p.target_id "
            "WHERE NOT (p.type = 'uses' AND "
            "(os.person_id IS NOT NULL OR ot.person_id IS NOT NULL))"
        )
        mapped_params = [case_id, *picked_params]
    else:
        mapped = (
            "SELECT source_id AS s, target_id AS t, type, weight, duration_s, "
            f"start_time FROM ({picked})"
        )
        mapped_params = picked_params
    rows = store.execute(
        "SELECT least(s, t) AS first_id, greatest(s, t) AS second_id, "
        "sum(weight), count(*), coalesce(sum(duration_s), 0), "
        "list(DISTINCT type ORDER BY type), min(start_time), max(start_time) "
        f"FROM ({mapped}) GROUP BY first_id, second_id ORDER BY first_id, second_id",
        mapped_params,
    ).fetchall()
    return [
        (a, b, float(w), int(n), float(s), tuple(types), first, last)
        for a, b, w, n, s, types, first, last in rows
    ]


def entities_by_ids(store: CaseStore, case_id: int, ids: Iterable[int]) -> list[Entity]:
    """Return the case's entities with these ids, ordered by id."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return []
    rows = store.execute(
        "SELECT id, case_id, type, key, label, attributes FROM entities "
        f"WHERE case_id = ? AND id IN {ID_SET} ORDER BY id",
        [case_id, id_text(wanted)],
    ).fetchall()
    return [_entity(row) for row in rows]


def match_entities(store: CaseStore, case_id: int, text: str) -> list[Entity]:
    """Return the case's entities whose key or label is ``text``.

    Exact matches of key or label come back when there are any; otherwise
    matches that ignore case and surrounding blanks.

    Args:
        store: The open workspace database.
        case_id: The case searched.
        text: A key (e.g. "+8613800138000") or label (e.g. "张伟") as typed.

    Returns:
        The matching entities ordered by type and id (empty when none).
    """
    columns = "id, case_id, type, key, label, attributes"
    rows = store.execute(
        f"SELECT {columns} FROM entities WHERE case_id = ? AND (key = ? OR label = ?) "
        "ORDER BY type, id",
        [case_id, text, text],
    ).fetchall()
    if not rows:
        folded = text.strip().casefold()
        rows = store.execute(
            f"SELECT {columns} FROM entities WHERE case_id = ? AND "
            "(lower(trim(key)) = ? OR lower(trim(label)) = ?) ORDER BY type, id",
            [case_id, folded, folded],
        ).fetchall()
    return [_entity(row) for row in rows]


def link_times(
    store: CaseStore,
    case_id: int,
    first_ids: Sequence[int],
    second_ids: Sequence[int] | None = None,
    *,
    link_types: Sequence[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[datetime]:
    """Return the start times of the timed links of some entities, in order.

    Args:
        store: The open workspace database.
        case_id: The case.
        first_ids: The entity (a person with their phones, say) whose links count.
        second_ids: Only links between ``first_ids`` and these; any when None.
        link_types: Only links of these types; all when None.
        start: Only links at or after this time.
        end: Only links before this time.

    Returns:
        One time per link, oldest first; untimed links are left out.
    """
    where, params = _type_filter(link_types)
    if start is not None:
        where += " AND start_time >= ?"
        params.append(start)
    if end is not None:
        where += " AND start_time < ?"
        params.append(end)
    first = id_text(first_ids)
    if second_ids is None:
        pair = f"(source_id IN {ID_SET} OR target_id IN {ID_SET})"
        pair_params = [first, first]
    else:
        second = id_text(second_ids)
        pair = (
            f"((source_id IN {ID_SET} AND target_id IN {ID_SET}) OR "
            f"(source_id IN {ID_SET} AND target_id IN {ID_SET}))"
        )
        pair_params = [first, second, second, first]
    rows = store.execute(
        f"SELECT start_time FROM links WHERE case_id = ? AND {pair} "
        f"AND start_time IS NOT NULL{where} ORDER BY start_time",
        [case_id, *pair_params, *params],
    ).fetchall()
    return [row[0] for row in rows]


def _entity(row) -> Entity:
    return Entity(
        id=row[0],
        case_id=row[1],
        type=row[2],
        key=row[3],
        label=row[4],
        attributes=json.loads(row[5]) if row[5] else {},
    )
