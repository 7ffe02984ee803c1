"""The steps of an enhancement chain: add, reorder, tune and remove them.

The list holds the steps in the order they run; they are moved with the Up
and Down buttons or by dragging. The selected step's parameters are edited
in a :class:`ParameterForm` below the list. Every change emits
:attr:`StepsEditor.changed`; the owner builds and checks the chain.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services.enhance_editor import OperationSpec, StepValues
from workstation.ui.enhance_params import ParameterForm, operation_text

log = logging.getLogger(__name__)

_STEP = Qt.ItemDataRole.UserRole


class StepsEditor(QWidget):
    """A chain's steps with the controls to change them.

    Args:
        specs: Every operation the chain may use.
        parent: Owning widget.
    """

    #: Emitted after any change to the steps or their parameters.
    changed = Signal()

    def __init__(
        self, specs: list[OperationSpec], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.specs = {spec.name: spec for spec in specs}
        self.form: ParameterForm | None = None

        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.currentRowChanged.connect(self._show_form)
        self.list.model().rowsMoved.connect(self._moved)
        self.operation = QComboBox(self)
        for spec in specs:
            self.operation.addItem(operation_text(spec.name), spec.name)
            index = self.operation.count() - 1
            self.operation.setItemData(index, spec.summary, Qt.ItemDataRole.ToolTipRole)
        self.add_button = QPushButton(self.tr("Add step"), self)
        self.add_button.clicked.connect(self.add_chosen)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"), self)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        self.form_box = QGroupBox(self.tr("Parameters"), self)
        self.form_layout = QVBoxLayout(self.form_box)

        adding = QHBoxLayout()
        adding.addWidget(self.operation, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        moving.addWidget(self.up_button)
        moving.addWidget(self.down_button)
        moving.addWidget(self.remove_button)
        moving.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(adding)
        layout.addWidget(self.list, 1)
        layout.addLayout(moving)
        layout.addWidget(self.form_box, 2)
        self._update_buttons()

    # -- the steps ------------------------------------------------------------------

    def steps(self) -> list[StepValues]:
        """The steps in order, as ``(op, parameters)``."""
        found = []
        for row in range(self.list.count()):
            op, values = self.list.item(row).data(_STEP)
            found.append((op, dict(values)))
        return found

    def text_errors(self) -> list[str]:
        """Problems with points or region text of the step being edited."""
        return list(self.form.text_errors.values()) if self.form else []

    def set_steps(self, steps: list[StepValues]) -> None:
        """Replace every step (a preset or a chain file was loaded)."""
        self.list.blockSignals(True)
        self.list.clear()
        for op, values in steps:
            self.list.addItem(self._item(op, values))
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if steps else -1)
        self._show_form(self.list.currentRow())
        self._renumber()
        self.changed.emit()

    def add_step(self, op: str, values: dict[str, Any] | None = None) -> None:
        """Add a step after the selected one (at the end when none is)."""
        spec = self.specs[op]
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else None
        item = self._item(op, {**spec.defaults(), **(values or {})})
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)
        self.list.setCurrentItem(item)
        self._renumber()
        self.changed.emit()

    @Slot()
    def add_chosen(self) -> None:
        """Add a step of the operation chosen in the menu."""
        self.add_step(self.operation.currentData())

    def move_current(self, offset: int) -> None:
        """Move the selected step ``offset`` places (-1 up, 1 down)."""
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._renumber()
        self.changed.emit()

    @Slot()
    def remove_current(self) -> None:
        """Remove the selected step."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._show_form(self.list.currentRow())
        self._renumber()
        self.changed.emit()

    def select_step(self, row: int) -> None:
        """Edit step ``row`` (zero-based) in the parameter form."""
        self.list.setCurrentRow(row)

    def _item(self, op: str, values: dict[str, Any]) -> QListWidgetItem:
        item = QListWidgetItem(operation_text(op))
        item.setData(_STEP, (op, dict(values)))
        item.setToolTip(self.specs[op].summary if op in self.specs else op)
        return item

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            op, _ = item.data(_STEP)
            item.setText(f"{row + 1}. {operation_text(op)}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)

    @Slot()
    def _moved(self, *_args) -> None:
        self._renumber()
        self.changed.emit()

    # -- the selected step's parameters -----------------------------------------------

    @Slot(int)
    def _show_form(self, row: int) -> None:
        if self.form is not None:
            self.form.hide()
            self.form_layout.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        self._update_buttons()
        if row < 0:
            self.form_box.setTitle(self.tr("Parameters"))
            return
        op, values = self.list.item(row).data(_STEP)
        self.form_box.setTitle(
            self.tr("Parameters of step {number}: {operation}").format(
                number=row + 1, operation=operation_text(op)
            )
        )
        self.form = ParameterForm(self.specs[op], values, self.form_box)
        self.form.changed.connect(self._form_changed)
        self.form_layout.addWidget(self.form)
        self.form.show()

    @Slot()
    def _form_changed(self) -> None:
        item = self.list.currentItem()
        if item is None or self.form is None:
            return
        op, _ = item.data(_STEP)
        item.setData(_STEP, (op, self.form.values()))
        self.changed.emit()
