"""Saved link-chart views of a case (table ``chart_views``).

A view holds the entity ids shown, their positions, the analyst's notes and the
graph filters as JSON. Views are immutable: saving a name again inserts the next
version, so what a supervisor opened once can always be opened again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workstation.store.case_store import ID_SET, CaseStore, id_text

log = logging.getLogger(__name__)

_COLUMNS = (
    "id, case_id, name, version, author, created_at, state, selection, positions, "
    "annotations, filters"
)


@dataclass(frozen=True)
class ChartView:
    """One saved version of a named chart view.

    Attributes:
        selection: Entity ids shown on the chart (empty: the whole filtered graph).
        positions: ``(x, y)`` by entity id, in layout units.
        annotations: Notes as dicts with ``text`` and either ``entity_id`` or
            ``x`` and ``y``.
        filters: The graph filter, as :meth:`GraphFilter.to_dict` writes it.
    """

    id: int
    case_id: int
    name: str
    version: int
    author: str
    created_at: datetime
    state: str
    selection: tuple[int, ...] = ()
    positions: dict[int, tuple[float, float]] = field(default_factory=dict)
    annotations: tuple[dict, ...] = ()
    filters: dict = field(default_factory=dict)


def _view(row) -> ChartView:
    positions = json.loads(row[8]) if row[8] else {}
    return ChartView(
        id=row[0],
        case_id=row[1],
        name=row[2],
        version=row[3],
        author=row[4],
        created_at=row[5],
        state=row[6],
        selection=tuple(json.loads(row[7]) if row[7] else ()),
        positions={int(k): (float(v[0]), float(v[1])) for k, v in positions.items()},
        annotations=tuple(json.loads(row[9]) if row[9] else ()),
        filters=json.loads(row[10]) if row[10] else {},
    )


def insert_chart_view(
    store: CaseStore,
    case_id: int,
    *,
    name: str,
    author: str,
    state: str,
    selection: Sequence[int],
    positions: Mapping[int, tuple[float, float]],
    annotations: Sequence[dict],
    filters: Mapping,
) -> ChartView:
    """Insert the next version of a named view and return it.

    Args:
        store: The open workspace database.
        case_id: The case the view belongs to.
        name: The view's name; versions count up per name and case.
        author: The user who saved it.
        state: Its review state, e.g. "draft".
        selection: Entity ids shown.
        positions: ``(x, y)`` by entity id.
        annotations: JSON-serialisable notes.
        filters: JSON-serialisable graph filter.

    Returns:
        The stored view, with its id, version and time.
    """
    with store.transaction():
        version = store.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM chart_views "
            "WHERE case_id = ? AND name = ?",
            [case_id, name],
        ).fetchone()[0]
        row = store.execute(
            "INSERT INTO chart_views (case_id, name, version, author, state, "
            "selection, positions, annotations, filters) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            [
                case_id,
                name,
                version,
                author,
                state,
                json.dumps(list(selection)),
                json.dumps({str(k): list(v) for k, v in positions.items()}),
                json.dumps(list(annotations), ensure_ascii=False),
                json.dumps(dict(filters), ensure_ascii=False, default=str),
            ],
        ).fetchone()
    log.debug("saved chart view %r version %d of case %d", name, version, case_id)
    return _view(row)


def list_chart_views(
    store: CaseStore, case_id: int, *, all_versions: bool = False
) -> list[ChartView]:
    """Return the case's views: the latest version of each name, by name.

    Args:
        store: The open workspace database.
        case_id: The case.
        all_versions: Return every version, by name and then version.
    """
    latest = (
        ""
        if all_versions
        else "QUALIFY version = max(version) OVER (PARTITION BY name) "
    )
    rows = store.execute(
        f"SELECT {_COLUMNS} FROM chart_views WHERE case_id = ? {latest}"
        "ORDER BY name, version",
        [case_id],
    ).fetchall()
    return [_view(row) for row in rows]


def get_chart_view(
    store: CaseStore, case_id: int, name: str, version: int | None = None
) -> ChartView | None:
    """Return one version of a view (the latest when ``version`` is None)."""
    if version is None:
        row = store.execute(
            f"SELECT {_COLUMNS} FROM chart_views WHERE case_id = ? AND name = ? "
            "ORDER BY version DESC LIMIT 1",
            [case_id, name],
        ).fetchone()
    else:
        row = store.execute(
            f"SELECT {_COLUMNS} FROM chart_views WHERE case_id = ? AND name = ? "
            "AND version = ?",
            [case_id, name, version],
        ).fetchone()
    return _view(row) if row else None


def missing_entity_ids(store: CaseStore, case_id: int, ids: Iterable[int]) -> list[int]:
    """Return the ids among ``ids`` that are no entity of the case, sorted."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return []
    rows = store.execute(
        f"SELECT * FROM {ID_SET} EXCEPT SELECT id FROM entities WHERE case_id = ?",
        [id_text(wanted), case_id],
    ).fetchall()
    return sorted(row[0] for row in rows)
