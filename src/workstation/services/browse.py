"""Reading a case page by page for tables and summaries.

Views never hold a whole table: they ask for a count, then for pages of rows
sorted by one named column and filtered by a search text matched anywhere in a
key or label (case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from workstation.domain.records import Case, Evidence
from workstation.services.workspace import Workspace
from workstation.store import browse_rows

#: Column names each page function can sort by.
ENTITY_SORT_KEYS = tuple(browse_rows.ENTITY_SORT_COLUMNS)
LINK_SORT_KEYS = tuple(browse_rows.LINK_SORT_COLUMNS)
EVIDENCE_SORT_KEYS = tuple(browse_rows.EVIDENCE_SORT_COLUMNS)

DEFAULT_PAGE = 200


@dataclass(frozen=True)
class EntityRow:
    """One entity as a table shows it; ``degree`` is its number of links."""

    id: int
    type: str
    key: str
    label: str
    role: str
    degree: int


@dataclass(frozen=True)
class LinkRow:
    """One link with the keys and labels of both ends."""

    id: int
    type: str
    source_key: str
    source_label: str
    target_key: str
    target_label: str
    start_time: datetime | None
    duration_s: int | None
    weight: float
    cell: str | None


@dataclass(frozen=True)
class CaseOverview:
    """A case with the row counts a summary shows."""

    case: Case
    entities: int
    links: int
    evidence: int
    faces: int
    searches: int
    imports: int
    entity_types: tuple[tuple[str, int], ...]


def case_overview(ws: Workspace, case_number: str) -> CaseOverview:
    """The case record and its counts of entities, links, evidence and faces.

    Args:
        ws: The open workspace.
        case_number: The case to summarise.

    Returns:
        The overview; ``entity_types`` lists ``(type, count)``, largest first.
    """
    case = ws.case(case_number)
    totals = browse_rows.case_totals(ws.store, case.id)
    types = tuple(browse_rows.entity_type_counts(ws.store, case.id))
    return CaseOverview(case=case, entity_types=types, **totals)


def record_table_search(
    ws: Workspace, case_number: str, table: str, search: str, rows: int
) -> None:
    """Audit a search of the case's entity or link table (``table.search``).

    Looking people and phones up by name or number is a read of personal
    data. The desktop records each search the analyst runs, through its
    worker, so the entry is appended in turn with the worker's other writes.
    """
    ws.audit(
        "table.search",
        case_number,
        {"table": table, "search": search, "rows": int(rows)},
    )


def count_entities(ws: Workspace, case_number: str, search: str = "") -> int:
    """Number of the case's entities whose key or label contains ``search``."""
    return browse_rows.count_entities(ws.store, ws.case(case_number).id, search)


def entity_page(
    ws: Workspace,
    case_number: str,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int = DEFAULT_PAGE,
) -> list[EntityRow]:
    """One page of the case's entities.

    Args:
        ws: The open workspace.
        case_number: The case to read.
        search: Text matched case-insensitively anywhere in key or label.
        sort: One of :data:`ENTITY_SORT_KEYS`.
        descending: Sort from the largest value down.
        offset: Rows to skip.
        limit: Largest number of rows to return.

    Returns:
        At most ``limit`` rows, in the requested order.
    """
    rows = browse_rows.entity_page(
        ws.store,
        ws.case(case_number).id,
        search=search,
        sort=sort,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return [EntityRow(*row) for row in rows]


def count_links(ws: Workspace, case_number: str, search: str = "") -> int:
    """Number of the case's links with an end whose key or label has ``search``."""
    return browse_rows.count_links(ws.store, ws.case(case_number).id, search)


def link_page(
    ws: Workspace,
    case_number: str,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int = DEFAULT_PAGE,
) -> list[LinkRow]:
    """One page of the case's links; arguments as in :func:`entity_page`.

    ``sort`` is one of :data:`LINK_SORT_KEYS`; ``search`` matches the key or
    label of either end.
    """
    rows = browse_rows.link_page(
        ws.store,
        ws.case(case_number).id,
        search=search,
        sort=sort,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return [LinkRow(*row) for row in rows]


def count_evidence(ws: Workspace, case_number: str, search: str = "") -> int:
    """Number of the case's evidence items whose name or SHA-256 has ``search``."""
    return browse_rows.count_evidence(ws.store, ws.case(case_number).id, search)


def evidence_page(
    ws: Workspace,
    case_number: str,
    *,
    search: str = "",
    sort: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int = DEFAULT_PAGE,
) -> list[Evidence]:
    """One page of the case's evidence; arguments as in :func:`entity_page`.

    ``sort`` is one of :data:`EVIDENCE_SORT_KEYS`; ``search`` matches the
    original file name or the SHA-256.
    """
    rows = browse_rows.evidence_page(
        ws.store,
        ws.case(case_number).id,
        search=search,
        sort=sort,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return [Evidence(*row) for row in rows]


# -- cases, imports and faces of a photo -------------------------------------------


@dataclass(frozen=True)
class CaseListRow:
    """A case with its key dates and sizes, as the Cases view lists it.

    ``closed_at`` is when a closed case was closed; ``first_contact`` and
    ``last_contact`` span its timed links (calls, meetings); each is None when
    not known.
    """

    case: Case
    closed_at: datetime | None
    first_contact: datetime | None
    last_contact: datetime | None
    last_import: datetime | None
    entities: int
    links: int
    evidence: int


@dataclass(frozen=True)
class ImportRow:
    """One import of a table into a case."""

    id: int
    file_name: str
    spec_name: str
    encoding: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    imported_by: str
    imported_at: datetime


@dataclass(frozen=True)
class FaceBox:
    """A face found in a photo or video frame: its box in pixels of the image.

    Faces of a video also carry their track and quality (0..1).
    """

    face_id: int
    box: tuple[float, float, float, float]
    det_score: float
    person_label: str | None
    track_id: int | None = None
    quality: float | None = None


def case_list(ws: Workspace) -> list[CaseListRow]:
    """Every case of the workspace with its key dates, oldest first."""
    rows = []
    for row in browse_rows.case_list(ws.store):
        case = Case(*row[:7], description=row[7])
        rows.append(CaseListRow(case, *row[8:]))
    return rows


def import_list(ws: Workspace, case_number: str) -> list[ImportRow]:
    """The case's imports, newest first."""
    rows = browse_rows.import_list(ws.store, ws.case(case_number).id)
    return [ImportRow(*row) for row in rows]


def evidence_faces(
    ws: Workspace, case_number: str, evidence_id: int, model_pack: str | None = None
) -> list[FaceBox]:
    """The faces found in one photo of the case, largest first.

    Args:
        ws: The open workspace.
        case_number: The case holding the photo.
        evidence_id: The photo's evidence id.
        model_pack: Faces found by this pack; the settings' pack when None.

    Returns:
        The face boxes; empty when the photo was not scanned.
    """
    pack = model_pack or ws.settings.model_pack
    rows = browse_rows.evidence_face_boxes(
        ws.store, ws.case(case_number).id, evidence_id, pack
    )
    return [
        FaceBox(face_id, (x1, y1, x2, y2), score, label)
        for face_id, x1, y1, x2, y2, score, label in rows
    ]


# -- timeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntity:
    """An entity with timed links, for choosing whose timeline to show."""

    id: int
    type: str
    key: str
    label: str
    links: int


def links_per_day(
    ws: Workspace,
    case_number: str,
    *,
    entity_id: int | None = None,
    link_type: str | None = "call",
) -> list[tuple[date, int]]:
    """How many links (calls by default) the case has on each day.

    Counted by the database (``GROUP BY date_trunc('day', start_time)``); days
    without a link are left out; links without a time are not counted.

    Args:
        ws: The open workspace.
        case_number: The case.
        entity_id: Only links with this entity at either end; the whole case
            when None.
        link_type: Only links of this type; every type when None.

    Returns:
        ``(day, count)`` pairs in date order.
    """
    rows = browse_rows.links_per_day(
        ws.store, ws.case(case_number).id, link_type=link_type, entity_id=entity_id
    )
    return [(day, int(count)) for day, count in rows]


def weekday_hour_counts(
    ws: Workspace,
    case_number: str,
    *,
    entity_id: int | None = None,
    link_type: str | None = "call",
) -> np.ndarray:
    """Links by weekday and hour of day; arguments as in :func:`links_per_day`.

    Returns:
        An integer array of shape ``(7, 24)``: row 0 is Monday, column 0 the
        hour from midnight.
    """
    rows = browse_rows.links_by_weekday_hour(
        ws.store, ws.case(case_number).id, link_type=link_type, entity_id=entity_id
    )
    counts = np.zeros((7, 24), dtype=np.int64)
    for weekday, hour, count in rows:
        counts[weekday - 1, hour] = count
    return counts


def timeline_entities(
    ws: Workspace, case_number: str, *, link_type: str | None = "call", limit=500
) -> list[TimelineEntity]:
    """The entities with timed links, busiest first (at most ``limit``)."""
    rows = browse_rows.timeline_entities(
        ws.store, ws.case(case_number).id, link_type=link_type, limit=limit
    )
    return [TimelineEntity(*row) for row in rows]


@dataclass(frozen=True)
class TimelineCounts:
    """Links per day and by weekday and hour, for a case or one entity."""

    entity_id: int | None
    link_type: str | None
    days: list[tuple[date, int]]
    weekday_hour: np.ndarray

    @property
    def total(self) -> int:
        """Number of timed links counted."""
        return int(sum(n for _, n in self.days))


def timeline_counts(
    ws: Workspace,
    case_number: str,
    *,
    entity_id: int | None = None,
    link_type: str | None = "call",
) -> TimelineCounts:
    """Both timeline counts at once; one entity's are a read of personal data.

    Reading when one person or phone was in contact is audited
    (``timeline.read``); the whole case's counts are not personal.

    Args:
        ws: The open workspace.
        case_number: The case.
        entity_id: Only links with this entity at either end; the whole case
            when None.
        link_type: Only links of this type; every type when None.

    Returns:
        The counts per day and the ``(7, 24)`` weekday by hour array.
    """
    days = links_per_day(ws, case_number, entity_id=entity_id, link_type=link_type)
    matrix = weekday_hour_counts(
        ws, case_number, entity_id=entity_id, link_type=link_type
    )
    counts = TimelineCounts(entity_id, link_type, days, matrix)
    if entity_id is not None:
        entity = browse_rows.entity_brief(ws.store, ws.case(case_number).id, entity_id)
        ws.audit(
            "timeline.read",
            case_number,
            {
                "entity_id": entity_id,
                "entity": entity[1] if entity else None,
                "link_type": link_type,
                "links": counts.total,
            },
        )
    return counts
