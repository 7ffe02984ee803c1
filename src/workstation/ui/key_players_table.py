"""The link chart's key-player table: degree, weighted degree and betweenness."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workstation.domain.records import KeyPlayer
from workstation.ui.labels import entity_type_text

log = logging.getLogger(__name__)


class KeyPlayersTable(QTableWidget):
    """The most central entities, one row each; selecting a row names its entity.

    Args:
        parent: Owning widget.
    """

    #: Emitted with the entity id of the row the user selected.
    entity_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Entity"),
                self.tr("Type"),
                self.tr("Degree"),
                self.tr("Weighted degree"),
                self.tr("Betweenness"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.itemSelectionChanged.connect(self._selected)

    def fill(self, players: list[KeyPlayer]) -> None:
        """Show ``players``, most central first."""
        self.setRowCount(len(players))
        for row, player in enumerate(players):
            cells = [
                (player.label, None),
                (entity_type_text(player.type), None),
                (str(player.degree), player.degree),
                (f"{player.weighted_degree:g}", player.weighted_degree),
                (f"{player.betweenness:.3f}", player.betweenness),
            ]
            for column, (text, number) in enumerate(cells):
                item = QTableWidgetItem(text)
                if number is not None:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, player.entity_id)
                self.setItem(row, column, item)

    @Slot()
    def _selected(self) -> None:
        items = self.selectedItems()
        if items:
            self.entity_chosen.emit(items[0].data(Qt.ItemDataRole.UserRole))
