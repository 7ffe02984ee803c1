"""The saved views of a case's link chart: save, reopen, submit for review.

Saving a name again adds a version, so the list shows every version with its
state, author and time. A chart is submitted for supervisor review as the saved
version it shows; a chart changed since it was saved must be saved first.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

_VIEW = Qt.ItemDataRole.UserRole


class SavedViewsPanel(QWidget):
    """The list of saved chart views with the controls to save, open and submit.

    The panel only asks; the chart tab runs the work and calls back with
    :meth:`show_views`, :meth:`show_current` and :meth:`show_review`.
    """

    #: Emitted with the name to save the chart under.
    save_requested = Signal(str)
    #: Emitted with the name and version of a view to open.
    open_requested = Signal(str, int)
    #: Emitted with the note for the reviewer.
    submit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = []
        self.current_view = None
        self._busy = False
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("Open view"), self)
        self.open_button.clicked.connect(self._open_current)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. core members, October"))
        self.name_edit.textChanged.connect(self._update_buttons)
        self.save_button = QPushButton(self.tr("Save view"), self)
        self.save_button.clicked.connect(
            lambda: self.save_requested.emit(self.name_edit.text().strip())
        )
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What the supervisor should check"))
        self.submit_button = QPushButton(self.tr("Submit for review"), self)
        self.submit_button.clicked.connect(
            lambda: self.submit_requested.emit(self.note_edit.text().strip())
        )
        self.current = QLabel(self)
        self.current.setWordWrap(True)

        saving = QHBoxLayout()
        saving.addWidget(self.name_edit, 1)
        saving.addWidget(self.save_button)
        submitting = QHBoxLayout()
        submitting.addWidget(self.note_edit, 1)
        submitting.addWidget(self.submit_button)
        form = QFormLayout()
        form.addRow(self.tr("Name"), saving)
        form.addRow(self.tr("Note"), submitting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Saved views"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.open_button)
        layout.addLayout(form)
        layout.addWidget(self.current)
        self.show_current(None)

    def show_views(self, views) -> None:
        """List every saved version (newest first)."""
        self.views = list(views)
        self.list.clear()
        for view in sorted(self.views, key=lambda v: v.created_at, reverse=True):
            item = QListWidgetItem(
                self.tr("{name} v{version} · {state} · {author} · {time}").format(
                    name=view.name,
                    version=view.version,
                    state=view_state_text(view.state),
                    author=view.author,
                    time=f"{view.created_at:%Y-%m-%d %H:%M}",
                )
            )
            item.setData(_VIEW, (view.name, view.version))
            self.list.addItem(item)
        self._update_buttons()

    def show_current(self, view) -> None:
        """Say which saved view the chart shows (None: unsaved)."""
        self.current_view = view
        if view is None:
            self.current.setText(self.tr("The chart is not saved as shown."))
        else:
            self.current.setText(
                self.tr("Showing saved view {name} v{version}.").format(
                    name=view.name, version=view.version
                )
            )
            if not self.name_edit.text().strip():
                self.name_edit.setText(view.name)
        self._update_buttons()

    def show_review(self, review) -> None:
        """Say that the chart went to review."""
        self.current.setText(
            self.tr(
                "Submitted for review {id}: {ref}. A supervisor approves or returns it."
            ).format(id=review.id, ref=review.object_ref)
        )

    def set_busy(self, busy: bool) -> None:
        """Disable the controls while the chart's work runs."""
        self._busy = busy
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args) -> None:
        busy = self._busy
        self.open_button.setEnabled(not busy and self.list.currentItem() is not None)
        self.save_button.setEnabled(not busy and bool(self.name_edit.text().strip()))
        self.submit_button.setEnabled(not busy and self.current_view is not None)

    @Slot()
    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open_item(item)

    @Slot(QListWidgetItem)
    def _open_item(self, item: QListWidgetItem) -> None:
        name, version = item.data(_VIEW)
        self.open_requested.emit(name, int(version))


def view_state_text(state: str) -> str:
    """A saved view's review state in the interface language."""
    translate = QCoreApplication.translate
    names = {
        "draft": translate("SavedViewsPanel", "draft"),
        "submitted": translate("SavedViewsPanel", "submitted"),
        "approved": translate("SavedViewsPanel", "approved"),
        "returned": translate("SavedViewsPanel", "returned"),
    }
    return names.get(state, state)
