"""Qt table models over paged service queries: entities, links (and evidence).

A :class:`PagedTableModel` never holds a whole table. It asks for the number of
matching rows, fetches the first page, and fetches the next page when the view
scrolls to the end (``canFetchMore``/``fetchMore``). Sorting by a header and
searching start again from the first page with a new ``ORDER BY`` or filter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from workstation.services import browse
from workstation.services.workspace import Workspace
from workstation.ui.labels import entity_type_text, link_type_text, role_text

log = logging.getLogger(__name__)

CountRows = Callable[[str], int]
FetchPage = Callable[[str, str, bool, int, int], list]

_Index = QModelIndex | QPersistentModelIndex
_NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One table column: the service sort key, its header and how to show a row.

    ``decoration`` and ``tooltip`` optionally give the icon and tooltip of a cell.
    """

    sort_key: str
    title: str
    value: Callable[[Any], Any]
    numeric: bool = False
    decoration: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


def display_text(value: Any) -> str:
    """How a value reads in a cell: no ``None``, seconds-precision times."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class PagedTableModel(QAbstractTableModel):
    """Rows fetched a page at a time through ``count_rows`` and ``fetch_page``.

    Args:
        columns: The columns, in display order.
        count_rows: ``count_rows(search)`` gives the number of matching rows.
        fetch_page: ``fetch_page(search, sort_key, descending, offset, limit)``
            gives one page of row objects.
        page_size: Rows fetched at a time.
        parent: Owning QObject.
    """

    def __init__(
        self,
        columns: list[Column],
        count_rows: CountRows,
        fetch_page: FetchPage,
        *,
        page_size: int = browse.DEFAULT_PAGE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.page_size = page_size
        self._count_rows = count_rows
        self._fetch_page = fetch_page
        self._rows: list[Any] = []
        self._total = 0
        self._search = ""
        self._sort_key = columns[0].sort_key
        self._descending = False
        self.reload()

    # -- what the model holds -------------------------------------------------

    @property
    def total_rows(self) -> int:
        """Number of rows matching the search, fetched or not."""
        return self._total

    @property
    def search_text(self) -> str:
        return self._search

    def row_object(self, row: int) -> Any:
        """The service row shown at ``row``."""
        return self._rows[row]

    def set_search(self, text: str) -> None:
        """Filter by ``text`` (matched in key or label) and start from page one."""
        text = text.strip()
        if text != self._search:
            self._search = text
            self.reload()

    def reload(self) -> None:
        """Count again and fetch the first page (after the data changed)."""
        self.beginResetModel()
        self._total = self._count_rows(self._search)
        self._rows = []
        self._append_page()
        self.endResetModel()

    def _append_page(self) -> int:
        page = self._fetch_page(
            self._search,
            self._sort_key,
            self._descending,
            len(self._rows),
            self.page_size,
        )
        self._rows.extend(page)
        return len(page)

    # -- QAbstractTableModel --------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _NUMERIC
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        page = self._fetch_page(
            self._search, self._sort_key, self._descending, start, self.page_size
        )
        if not page:
            # Rows were deleted since counting; stop asking for more.
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        log.debug("fetched rows %d-%d of %d", start, start + len(page), self._total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder):
        key = self.columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort_key, self._descending):
            self._sort_key, self._descending = key, descending
            self.reload()


translate = QCoreApplication.translate


def entity_columns() -> list[Column]:
    """Columns of the Entities table."""
    return [
        Column("id", translate("EntityTables", "ID"), lambda r: r.id, numeric=True),
        Column(
            "type",
            translate("EntityTables", "Type"),
            lambda r: entity_type_text(r.type),
        ),
        Column("key", translate("EntityTables", "Key"), lambda r: r.key),
        Column("label", translate("EntityTables", "Label"), lambda r: r.label),
        Column(
            "role",
            translate("EntityTables", "Role"),
            lambda r: role_text(r.role) if r.role else "",
        ),
        Column(
            "degree",
            translate("EntityTables", "Links"),
            lambda r: r.degree,
            numeric=True,
        ),
    ]


def link_columns() -> list[Column]:
    """Columns of the Links table."""
    return [
        Column("id", translate("EntityTables", "ID"), lambda r: r.id, numeric=True),
        Column(
            "type", translate("EntityTables", "Type"), lambda r: link_type_text(r.type)
        ),
        Column(
            "source",
            translate("EntityTables", "From"),
            lambda r: r.source_label,
            tooltip=lambda r: r.source_key,
        ),
        Column(
            "target",
            translate("EntityTables", "To"),
            lambda r: r.target_label,
            tooltip=lambda r: r.target_key,
        ),
        Column(
            "start_time", translate("EntityTables", "Start"), lambda r: r.start_time
        ),
        Column(
            "duration_s",
            translate("EntityTables", "Duration (s)"),
            lambda r: r.duration_s,
            numeric=True,
        ),
        Column(
            "weight",
            translate("EntityTables", "Weight"),
            lambda r: r.weight,
            numeric=True,
        ),
        Column("cell", translate("EntityTables", "Cell"), lambda r: r.cell),
    ]


def entity_model(
    ws: Workspace,
    case_number: str,
    *,
    page_size: int = browse.DEFAULT_PAGE,
    parent: QObject | None = None,
) -> PagedTableModel:
    """A paged model of the case's entities."""

    def fetch(search: str, sort: str, descending: bool, offset: int, limit: int):
        return browse.entity_page(
            ws,
            case_number,
            search=search,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )

    return PagedTableModel(
        entity_columns(),
        lambda search: browse.count_entities(ws, case_number, search),
        fetch,
        page_size=page_size,
        parent=parent,
    )


def link_model(
    ws: Workspace,
    case_number: str,
    *,
    page_size: int = browse.DEFAULT_PAGE,
    parent: QObject | None = None,
) -> PagedTableModel:
    """A paged model of the case's links."""

    def fetch(search: str, sort: str, descending: bool, offset: int, limit: int):
        return browse.link_page(
            ws,
            case_number,
            search=search,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )

    return PagedTableModel(
        link_columns(),
        lambda search: browse.count_links(ws, case_number, search),
        fetch,
        page_size=page_size,
        parent=parent,
    )
