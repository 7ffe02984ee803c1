"""Reading a case page by page for tables and summaries.

Views never hold a whole table: they ask for a count, then for pages of rows
sorted by one named column and filtered by a search text matched anywhere in a
key or label (case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
