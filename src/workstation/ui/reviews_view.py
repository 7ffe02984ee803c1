"""The Reviews tab: the case's work submitted for review, its state and history.

Analysts submit a chart view from the Link chart tab (or any work with
``workstation review submit``); here everyone sees each review's state and
every step of its history, a supervisor approves or returns the selected one
with a comment, and the analyst resubmits returned work. The decisions run in
the worker through :mod:`workstation.services.reviews`, which checks the role
and audits them; a refusal is shown in the words of that service.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.security.roles import Permission, allowed
from workstation.services import reviews
from workstation.services.workspace import Workspace
from workstation.store.review_rows import Review, ReviewEvent
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def review_kind_text(kind: str) -> str:
    """What was submitted, in the interface language."""
    names = {
        "chart": translate("ReviewsView", "link chart"),
        "faces": translate("ReviewsView", "face decisions"),
        "brief": translate("ReviewsView", "brief"),
    }
    return names.get(kind, kind)


def review_state_text(state: str) -> str:
    """A review's state in the interface language."""
    names = {
        "submitted": translate("ReviewsView", "awaiting review"),
        "approved": translate("ReviewsView", "approved"),
        "returned": translate("ReviewsView", "returned"),
    }
    return names.get(state, state)


def review_action_text(action: str) -> str:
    """One step of a review's history in the interface language."""
    names = {
        "submitted": translate("ReviewsView", "submitted"),
        "resubmitted": translate("ReviewsView", "resubmitted"),
        "approved": translate("ReviewsView", "approved"),
        "returned": translate("ReviewsView", "returned"),
    }
    return names.get(action, action)


class ReviewsView(QWidget):
    """The case's reviews, the selected one's history, and the decisions on it.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case shown.
        runner: Runs the decisions in the worker.
        parent: Owning widget.
    """

    #: A review was approved, returned or resubmitted (its id).
    review_changed = Signal(int)

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self._runner = runner
        self._busy = False
        self.rows: list[Review] = []
        self.history: list[ReviewEvent] = []

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Review"),
                self.tr("Work"),
                self.tr("What"),
                self.tr("State"),
                self.tr("Submitted by"),
                self.tr("Submitted"),
                self.tr("Decided by"),
            ]
        )
        self._table_style(self.table, stretch=2)
        self.table.itemSelectionChanged.connect(self._show_selected)

        self.history_label = QLabel(self)
        self.history_table = QTableWidget(0, 4, self)
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Step"), self.tr("Who"), self.tr("Comment")]
        )
        self._table_style(self.history_table, stretch=3)

        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(
            self.tr("Comment for the analyst (needed to return work)")
        )
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.resubmit_button = QPushButton(self.tr("Resubmit"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.approve_button.clicked.connect(self.approve_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.resubmit_button.clicked.connect(self.resubmit_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.comment.textChanged.connect(self._update_buttons)
        runner.busy_changed.connect(self._runner_busy)

        decide = QHBoxLayout()
        decide.addWidget(self.comment, 1)
        for button in (self.approve_button, self.return_button, self.resubmit_button):
            decide.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_label)
        lower_layout.addWidget(self.history_table, 1)
        lower_layout.addLayout(decide)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    @staticmethod
    def _table_style(table: QTableWidget, *, stretch: int) -> None:
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # -- reading ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Read the reviews again whenever the tab is shown (work may be new)."""
        super().showEvent(event)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the case's reviews again, keeping the selection."""
        selected = self.selected_review()
        self.rows = reviews.list_reviews(self._ws, self._case_number)
        waiting = sum(1 for r in self.rows if r.state == "submitted")
        self.heading.setText(
            self.tr(
                "%n review(s) in this case, {waiting} awaiting a decision.",
                "",
                len(self.rows),
            ).format(waiting=waiting)
            if self.rows
            else self.tr(
                "Nothing of this case was submitted for review yet. Submit a saved "
                "chart view from the Link chart tab, or face decisions and briefs "
                "with `workstation review submit`."
            )
        )
        self.table.setRowCount(len(self.rows))
        for row, review in enumerate(self.rows):
            values = (
                str(review.id),
                review_kind_text(review.kind),
                review.object_ref,
                review_state_text(review.state),
                review.submitted_by,
                _when(review.submitted_at),
                review.decided_by or "",
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if selected is not None:
            self.select(selected.id)
        self._show_selected()

    def selected_review(self) -> Review | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select(self, review_id: int) -> None:
        """Select the review with this id, if the case has it."""
        for row, review in enumerate(self.rows):
            if review.id == review_id:
                self.table.selectRow(row)
                return

    @Slot()
    def _show_selected(self) -> None:
        review = self.selected_review()
        self.history = reviews.review_history(self._ws, review.id)[1] if review else []
        self.history_label.setText(
            self.tr("History of review {id} ({what}):").format(
                id=review.id, what=review.object_ref
            )
            if review
            else self.tr("Select a review to see its history.")
        )
        self.history_table.setRowCount(len(self.history))
        for row, event in enumerate(self.history):
            values = (
                _when(event.acted_at),
                review_action_text(event.action),
                f"{event.user_name} ({event.role})",
                event.comment,
            )
            for column, text in enumerate(values):
                self.history_table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    # -- deciding ---------------------------------------------------------------------

    def _may_decide(self) -> bool:
        ws = self._ws
        if ws.single_user:
            return True
        return ws.role is not None and allowed(ws.role, Permission.DECIDE_REVIEW)

    @Slot()
    def _update_buttons(self, *_args) -> None:
        review = self.selected_review()
        idle = not self._busy and review is not None
        waiting = idle and review.state == "submitted"
        deciding = (
            waiting and self._may_decide() and review.submitted_by != self._ws.user
        )
        self.approve_button.setEnabled(deciding)
        self.return_button.setEnabled(deciding and bool(self.comment.text().strip()))
        self.resubmit_button.setEnabled(
            idle and review.state == "returned" and review.submitted_by == self._ws.user
        )

    @Slot(bool)
    def _runner_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _decide(self, title: str, decision) -> None:
        review = self.selected_review()
        if review is None:
            return
        comment = self.comment.text().strip()
        review_id = review.id

        def job(ws, progress, cancel):
            return decision(ws, review_id, comment)

        def done(changed: Review) -> None:
            self.comment.clear()
            self.refresh()
            self.select(changed.id)
            self.review_changed.emit(changed.id)

        self._runner.submit(title.format(id=review_id), job, done)

    @Slot()
    def approve_selected(self) -> None:
        """Approve the selected review (supervisors), with the optional comment."""
        self._decide(self.tr("Approving review {id}"), reviews.approve_review)

    @Slot()
    def return_selected(self) -> None:
        """Return the selected review to its author with the comment."""
        self._decide(self.tr("Returning review {id}"), reviews.return_review)

    @Slot()
    def resubmit_selected(self) -> None:
        """Resubmit returned work as it is now, with the optional comment."""
        self._decide(self.tr("Resubmitting review {id}"), reviews.resubmit_review)
