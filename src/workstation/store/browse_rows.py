"""Paged, sorted and filtered reads of a case's entities, links and evidence.

Every query takes ``limit`` and ``offset`` so a view fetches one page at a time,
and sorts by a whitelisted column name (never by text a user typed) with the row
id as tie-breaker, so pages do not overlap or skip rows.
"""

from __future__ import annotations

from workstation.store.case_store import CaseStore

ENTITY_SORT_COLUMNS = {
    "id": "e.id",
    "type": "e.type",
    "key": "e.key",
    "label": "e.label",
    "role": "coalesce(e.role, '')",
    "degree": "degree",
}

LINK_SORT_COLUMNS = {
    "id": "l.id",
    "type": "l.type",
    "source": "s.label",
    "target": "t.label",
    "start_time": "l.start_time",
    "duration_s": "l.duration_s",
    "weight": "l.weight",
    "cell": "l.cell",
}

EVIDENCE_SORT_COLUMNS = {
    "id": "id",
    "original_name": "original_name",
    "media_type": "media_type",
    "size_bytes": "size_bytes",
    "sha256": "sha256",
    "added_by": "added_by",
    "added_at": "added_at",
}

_EVIDENCE_COLUMNS = (
    "id, case_id, sha256, original_name, original_path, size_bytes, media_type, "
    "added_by, added_at, vault_path"
)


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, with wildcards escaped.

    >>> like_pattern("50%_off")
    '%50\\\\%\\\\_off%'
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _order_by(columns: dict[str, str], sort: str, descending: bool, tie: str) -> str:
    if sort not in columns:
        raise ValueError(f"cannot sort by {sort!r}; use one of {sorted(columns)}")
    direction = "DESC" if descending else "ASC"
    return f"ORDER BY {columns[sort]} {direction} NULLS LAST, {tie} {direction}"


def _search_filter(search: str, columns: tuple[str, ...]) -> tuple[str, list]:
    """``AND (col ILIKE ? OR ...)`` matching ``search`` anywhere in any column."""
    if not search:
        return "", []
    pattern = like_pattern(search)
    matches = " OR ".join(f"{column} ILIKE ? ESCAPE '\\'" for column in columns)
    return f" AND ({matches})", [pattern] * len(columns)


_ENTITY_SEARCH = ("e.key", "e.label")
_LINK_SEARCH = ("s.key", "s.label", "t.key", "t.label")
_EVIDENCE_SEARCH = ("original_name", "sha256")


def count_entities(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many entities of the case match ``search`` (key or label)."""
    where, params = _search_filter(search, _ENTITY_SEARCH)
    sql = f"SELECT count(*) FROM entities e WHERE e.case_id = ?{where}"
    return store.execute(sql, [case_id, *params]).fetchone()[0]


def entity_page(
    store: CaseStore,
    case_id: int,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[tuple]:
    """Rows ``(id, type, key, label, role, degree)``; degree counts the links."""
    where, params = _search_filter(search, _ENTITY_SEARCH)
    order = _order_by(ENTITY_SORT_COLUMNS, sort, descending, "e.id")
    sql = (
        "WITH ends AS ("
        "  SELECT source_id AS id FROM links WHERE case_id = ?"
        "  UNION ALL SELECT target_id FROM links WHERE case_id = ?"
        "), deg AS (SELECT id, count(*) AS n FROM ends GROUP BY id) "
        "SELECT e.id, e.type, e.key, e.label, coalesce(e.role, ''), "
        "coalesce(deg.n, 0) AS degree "
        "FROM entities e LEFT JOIN deg ON deg.id = e.id "
        f"WHERE e.case_id = ?{where} {order} LIMIT ? OFFSET ?"
    )
    rows = store.execute(
        sql, [case_id, case_id, case_id, *params, int(limit), int(offset)]
    )
    return rows.fetchall()


_LINK_FROM = (
    "FROM links l JOIN entities s ON s.id = l.source_id "
    "JOIN entities t ON t.id = l.target_id "
)


def count_links(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many links of the case touch an entity whose key or label matches."""
    where, params = _search_filter(search, _LINK_SEARCH)
    sql = f"SELECT count(*) {_LINK_FROM}WHERE l.case_id = ?{where}"
    return store.execute(sql, [case_id, *params]).fetchone()[0]


def link_page(
    store: CaseStore,
    case_id: int,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[tuple]:
    """Rows ``(id, type, source key, source label, target key, target label,
    start_time, duration_s, weight, cell)``."""
    where, params = _search_filter(search, _LINK_SEARCH)
    order = _order_by(LINK_SORT_COLUMNS, sort, descending, "l.id")
    sql = (
        "SELECT l.id, l.type, s.key, s.label, t.key, t.label, l.start_time, "
        f"l.duration_s, l.weight, l.cell {_LINK_FROM}"
        f"WHERE l.case_id = ?{where} {order} LIMIT ? OFFSET ?"
    )
    return store.execute(sql, [case_id, *params, int(limit), int(offset)]).fetchall()


def count_evidence(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many evidence items of the case match ``search`` (name or SHA-256)."""
    where, params = _search_filter(search, _EVIDENCE_SEARCH)
    sql = f"SELECT count(*) FROM evidence WHERE case_id = ?{where}"
    return store.execute(sql, [case_id, *params]).fetchone()[0]


def evidence_page(
    store: CaseStore,
    case_id: int,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[tuple]:
    """Rows in the column order of ``domain.records.Evidence``."""
    where, params = _search_filter(search, _EVIDENCE_SEARCH)
    order = _order_by(EVIDENCE_SORT_COLUMNS, sort, descending, "id")
    sql = (
        f"SELECT {_EVIDENCE_COLUMNS} FROM evidence "
        f"WHERE case_id = ?{where} {order} LIMIT ? OFFSET ?"
    )
    return store.execute(sql, [case_id, *params, int(limit), int(offset)]).fetchall()


def case_totals(store: CaseStore, case_id: int) -> dict[str, int]:
    """Row counts of the case's entities, links, evidence, faces and searches."""
    row = store.execute(
        "SELECT "
        "(SELECT count(*) FROM entities WHERE case_id = $1), "
        "(SELECT count(*) FROM links WHERE case_id = $1), "
        "(SELECT count(*) FROM evidence WHERE case_id = $1), "
        "(SELECT count(*) FROM faces WHERE case_id = $1), "
        "(SELECT count(*) FROM face_searches WHERE case_id = $1), "
        "(SELECT count(*) FROM imports WHERE case_id = $1)",
        [case_id],
    ).fetchone()
    names = ("entities", "links", "evidence", "faces", "searches", "imports")
    return dict(zip(names, row, strict=True))


def entity_type_counts(store: CaseStore, case_id: int) -> list[tuple[str, int]]:
    """``(type, count)`` of the case's entities, most frequent first."""
    return store.execute(
        "SELECT type, count(*) FROM entities WHERE case_id = ? "
        "GROUP BY type ORDER BY 2 DESC, 1",
        [case_id],
    ).fetchall()


# -- cases, imports and face boxes ----------------------------------------------


def case_list(store: CaseStore) -> list[tuple]:
    """Every case with its key dates, oldest first.

    Rows ``(id, number, title, kind, status, lead_officer, created_at,
    description, closed_at, first_contact, last_contact, last_import,
    entities, links, evidence)``. ``closed_at`` is the time of the latest
    ``case.close`` audit entry of a closed case (None while it is open);
    ``first_contact`` and ``last_contact`` span the case's timed links.
    """
    return store.execute(
        "WITH closes AS ("
        "  SELECT object AS number, max(logged_at) AS closed_at FROM audit_log"
        "  WHERE action = 'case.close' GROUP BY object"
        "), spans AS ("
        "  SELECT case_id, min(start_time) AS first_t, max(start_time) AS last_t,"
        "  count(*) AS n FROM links GROUP BY case_id"
        "), loads AS ("
        "  SELECT case_id, max(imported_at) AS last_import FROM imports"
        "  GROUP BY case_id"
        "), ents AS (SELECT case_id, count(*) AS n FROM entities GROUP BY case_id),"
        " evid AS (SELECT case_id, count(*) AS n FROM evidence GROUP BY case_id) "
        "SELECT c.id, c.number, c.title, c.kind, c.status, c.lead_officer, "
        "c.created_at, c.description, "
        "CASE WHEN c.status = 'closed' THEN closes.closed_at END, "
        "spans.first_t, spans.last_t, loads.last_import, "
        "coalesce(ents.n, 0), coalesce(spans.n, 0), coalesce(evid.n, 0) "
        "FROM cases c "
        "LEFT JOIN closes ON closes.number = c.number "
        "LEFT JOIN spans ON spans.case_id = c.id "
        "LEFT JOIN loads ON loads.case_id = c.id "
        "LEFT JOIN ents ON ents.case_id = c.id "
        "LEFT JOIN evid ON evid.case_id = c.id "
        "ORDER BY c.id"
    ).fetchall()


def import_list(store: CaseStore, case_id: int) -> list[tuple]:
    """The case's imports, newest first.

    Rows ``(id, file_name, spec_name, encoding, rows_read, rows_loaded,
    rows_rejected, imported_by, imported_at)``.
    """
    return store.execute(
        "SELECT id, file_name, spec_name, encoding, rows_read, rows_loaded, "
        "rows_rejected, imported_by, imported_at FROM imports "
        "WHERE case_id = ? ORDER BY id DESC",
        [case_id],
    ).fetchall()


def evidence_face_boxes(
    store: CaseStore, case_id: int, evidence_id: int, model_pack: str
) -> list[tuple]:
    """Faces found in one photo by one model pack, largest first.

    Rows ``(face_id, x1, y1, x2, y2, det_score, person label or None)``; the
    box is in pixels of the upright (EXIF-rotated) photo.
    """
    return store.execute(
        "SELECT f.id, f.box[1], f.box[2], f.box[3], f.box[4], f.det_score, p.label "
        "FROM faces f LEFT JOIN entities p ON p.id = f.person_id "
        "WHERE f.case_id = ? AND f.evidence_id = ? AND f.model_pack = ? "
        "AND f.frame = 0 "
        "ORDER BY (f.box[3] - f.box[1]) * (f.box[4] - f.box[2]) DESC, f.id",
        [case_id, evidence_id, model_pack],
    ).fetchall()


def video_face_boxes(
    store: CaseStore, case_id: int, evidence_id: int, model_pack: str
) -> list[tuple]:
    """Faces found in one video by one model pack, by frame, largest first.

    Rows ``(frame, face_id, x1, y1, x2, y2, det_score, quality, track_id,
    person label or None)``; the box is in pixels of the frame.
    """
    return store.execute(
        "SELECT f.frame, f.id, f.box[1], f.box[2], f.box[3], f.box[4], "
        "f.det_score, f.quality, f.track_id, p.label "
        "FROM faces f LEFT JOIN entities p ON p.id = f.person_id "
        "WHERE f.case_id = ? AND f.evidence_id = ? AND f.model_pack = ? "
        "ORDER BY f.frame, (f.box[3] - f.box[1]) * (f.box[4] - f.box[2]) DESC, f.id",
        [case_id, evidence_id, model_pack],
    ).fetchall()


def video_scan_rate(
    store: CaseStore, case_id: int, evidence_id: int, model_pack: str
) -> tuple[bool, float | None]:
    """Whether a video was scanned with a pack, and its frames analysed per second."""
    row = store.execute(
        "SELECT sample_fps FROM face_scans "
        "WHERE case_id = ? AND evidence_id = ? AND model_pack = ?",
        [case_id, evidence_id, model_pack],
    ).fetchone()
    return (False, None) if row is None else (True, row[0])


# -- timeline ----------------------------------------------------------------------


def _timed_links(link_type: str | None, entity_id: int | None) -> tuple[str, list]:
    where = " AND l.start_time IS NOT NULL"
    params: list = []
    if link_type is not None:
        where += " AND l.type = ?"
        params.append(link_type)
    if entity_id is not None:
        where += " AND (l.source_id = ? OR l.target_id = ?)"
        params += [entity_id, entity_id]
    return where, params


def links_per_day(
    store: CaseStore,
    case_id: int,
    *,
    link_type: str | None = "call",
    entity_id: int | None = None,
) -> list[tuple]:
    """``(day, count)`` of the case's timed links, by calendar day, in order.

    Args:
        store: The workspace database.
        case_id: The case.
        link_type: Only links of this type (``call``); every type when None.
        entity_id: Only links with this entity at either end; all when None.
    """
    where, params = _timed_links(link_type, entity_id)
    return store.execute(
        "SELECT CAST(date_trunc('day', l.start_time) AS DATE) AS day, count(*) "
        f"FROM links l WHERE l.case_id = ?{where} GROUP BY day ORDER BY day",
        [case_id, *params],
    ).fetchall()


def links_by_weekday_hour(
    store: CaseStore,
    case_id: int,
    *,
    link_type: str | None = "call",
    entity_id: int | None = None,
) -> list[tuple]:
    """``(iso weekday 1-7, hour 0-23, count)`` of the case's timed links.

    Arguments as in :func:`links_per_day`; only non-empty cells are returned.
    """
    where, params = _timed_links(link_type, entity_id)
    return store.execute(
        "SELECT CAST(extract('isodow' FROM l.start_time) AS INTEGER) AS dow, "
        "CAST(extract('hour' FROM l.start_time) AS INTEGER) AS hour, count(*) "
        f"FROM links l WHERE l.case_id = ?{where} GROUP BY dow, hour "
        "ORDER BY dow, hour",
        [case_id, *params],
    ).fetchall()


def timeline_entities(
    store: CaseStore, case_id: int, *, link_type: str | None = "call", limit: int = 500
) -> list[tuple]:
    """Entities with timed links, busiest first.

    Rows ``(id, type, key, label, links)``; ``links`` counts the entity's timed
    links of ``link_type`` (all types when None).
    """
    where, params = _timed_links(link_type, None)
    return store.execute(
        "WITH ends AS ("
        f"  SELECT l.source_id AS id FROM links l WHERE l.case_id = ?{where}"
        f"  UNION ALL SELECT l.target_id FROM links l WHERE l.case_id = ?{where}"
        ") SELECT e.id, e.type, e.key, e.label, count(*) AS n "
        "FROM ends JOIN entities e ON e.id = ends.id "
        "GROUP BY e.id, e.type, e.key, e.label ORDER BY n DESC, e.label, e.id "
        "LIMIT ?",
        [case_id, *params, case_id, *params, int(limit)],
    ).fetchall()


def entity_brief(store: CaseStore, case_id: int, entity_id: int) -> tuple | None:
    """``(type, label)`` of one of the case's entities, or None."""
    return store.execute(
        "SELECT type, label FROM entities WHERE case_id = ? AND id = ?",
        [case_id, entity_id],
    ).fetchone()
