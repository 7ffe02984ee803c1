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


def _entity_filter(search: str) -> tuple[str, list]:
    if not search:
        return "", []
    pattern = like_pattern(search)
    return (
        " AND (e.key ILIKE ? ESCAPE '\\' OR e.label ILIKE ? ESCAPE '\\')",
        [pattern, pattern],
    )


def count_entities(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many entities of the case match ``search`` (key or label)."""
    where, params = _entity_filter(search)
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
    where, params = _entity_filter(search)
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


def _link_filter(search: str) -> tuple[str, list]:
    if not search:
        return "", []
    pattern = like_pattern(search)
    ends = " OR ".join(
        f"{alias}.{column} ILIKE ? ESCAPE '\\'"
        for alias in ("s", "t")
        for column in ("key", "label")
    )
    return f" AND ({ends})", [pattern] * 4


_LINK_FROM = (
    "FROM links l JOIN entities s ON s.id = l.source_id "
    "JOIN entities t ON t.id = l.target_id "
)


def count_links(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many links of the case touch an entity whose key or label matches."""
    where, params = _link_filter(search)
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
    where, params = _link_filter(search)
    order = _order_by(LINK_SORT_COLUMNS, sort, descending, "l.id")
    sql = (
        "SELECT l.id, l.type, s.key, s.label, t.key, t.label, l.start_time, "
        f"l.duration_s, l.weight, l.cell {_LINK_FROM}"
        f"WHERE l.case_id = ?{where} {order} LIMIT ? OFFSET ?"
    )
    return store.execute(sql, [case_id, *params, int(limit), int(offset)]).fetchall()


def _evidence_filter(search: str) -> tuple[str, list]:
    if not search:
        return "", []
    pattern = like_pattern(search)
    return (
        " AND (original_name ILIKE ? ESCAPE '\\' OR sha256 ILIKE ? ESCAPE '\\')",
        [pattern, pattern],
    )


def count_evidence(store: CaseStore, case_id: int, search: str = "") -> int:
    """How many evidence items of the case match ``search`` (name or SHA-256)."""
    where, params = _evidence_filter(search)
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
    where, params = _evidence_filter(search)
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
