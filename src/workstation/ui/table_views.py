"""A searchable, sortable table over a :class:`PagedTableModel`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.entity_table_model import PagedTableModel

#: Typing pauses this long before the search runs.
SEARCH_DELAY_MS = 300


class PagedTableView(QWidget):
    """A search box, a row count and a table that fetches rows as it scrolls.

    Args:
        model: The paged model to show; this widget takes ownership.
        placeholder: Hint shown in the empty search box.
        stretch_column: The column that takes the spare width (default: the last).
        on_search: Called as ``on_search(text, rows)`` after each search that
            filters the table (not when the box is cleared).
        parent: Owning widget.
    """

    def __init__(
        self,
        model: PagedTableModel,
        placeholder: str,
        parent: QWidget | None = None,
        *,
        stretch_column: int | None = None,
        on_search: Callable[[str, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._on_search = on_search
        model.setParent(self)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(placeholder)
        self.search_box.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.apply_search)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        if stretch_column is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        self._update_count()

    @Slot()
    def apply_search(self) -> None:
        """Filter the table by the search box's text now."""
        self._search_timer.stop()
        text = self.search_box.text()
        if text == self.model.search_text:
            return
        self.model.set_search(text)
        if text.strip() and self._on_search is not None:
            self._on_search(text, self.model.total_rows)

    def reload(self) -> None:
        """Re-read the rows (after the data changed)."""
        self.model.reload()

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_rows
        if shown < total:
            text = self.tr("{shown} of {total} rows").format(shown=shown, total=total)
        else:
            text = self.tr("%n row(s)", "", total)
        self.count_label.setText(text)
