"""The Summary tab: who and what the case is, and how much it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from workstation.services import browse
from workstation.services.workspace import Workspace
from workstation.ui.labels import entity_type_text, kind_text, status_text


def _when(value, missing: str) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else missing


class CaseSummaryView(QWidget):
    """Case number, title, kind, status, lead officer, key dates and row counts.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case shown.
        parent: Owning widget.
    """

    def __init__(
        self, ws: Workspace, case_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self.overview: browse.CaseOverview | None = None

        self.title_label = QLabel(self)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.fields: dict[str, QLabel] = {}
        case_box = QGroupBox(self.tr("Case"), self)
        case_form = QFormLayout(case_box)
        for key, caption in (
            ("number", self.tr("Case number")),
            ("kind", self.tr("Kind")),
            ("status", self.tr("Status")),
            ("lead_officer", self.tr("Lead officer")),
            ("created_at", self.tr("Opened")),
            ("closed_at", self.tr("Closed")),
            ("contacts", self.tr("Contacts recorded")),
            ("last_import", self.tr("Last import")),
            ("description", self.tr("Description")),
        ):
            case_form.addRow(caption, self._field(key))

        counts_box = QGroupBox(self.tr("Contents"), self)
        counts_form = QFormLayout(counts_box)
        for key, caption in (
            ("entities", self.tr("Entities")),
            ("entity_types", self.tr("Entities by type")),
            ("links", self.tr("Links")),
            ("evidence", self.tr("Evidence items")),
            ("faces", self.tr("Faces found")),
            ("searches", self.tr("Face searches")),
            ("imports", self.tr("Imports")),
        ):
            counts_form.addRow(caption, self._field(key))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(case_box)
        layout.addWidget(counts_box)
        layout.addStretch(1)
        self.refresh()

    def _field(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields[key] = label
        return label

    def _contacts(self, dates: browse.CaseListRow | None) -> str:
        if dates is None or dates.first_contact is None:
            return self.tr("(no timed links)")
        return self.tr("{first} to {last}").format(
            first=dates.first_contact.strftime("%Y-%m-%d"),
            last=dates.last_contact.strftime("%Y-%m-%d"),
        )

    def refresh(self) -> None:
        """Read the case and its counts again."""
        overview = browse.case_overview(self._ws, self._case_number)
        self.overview = overview
        case = overview.case
        dates = next(
            (r for r in browse.case_list(self._ws) if r.case.number == case.number),
            None,
        )
        self.title_label.setText(case.title)
        values = {
            "number": case.number,
            "kind": kind_text(case.kind),
            "status": status_text(case.status),
            "lead_officer": case.lead_officer or self.tr("(not set)"),
            "created_at": case.created_at.strftime("%Y-%m-%d %H:%M"),
            "closed_at": _when(dates.closed_at if dates else None, self.tr("(open)")),
            "contacts": self._contacts(dates),
            "last_import": _when(
                dates.last_import if dates else None, self.tr("(none)")
            ),
            "description": case.description or self.tr("(none)"),
            "entities": str(overview.entities),
            "entity_types": ", ".join(
                f"{entity_type_text(t)} {n}" for t, n in overview.entity_types
            )
            or self.tr("(none)"),
            "links": str(overview.links),
            "evidence": str(overview.evidence),
            "faces": str(overview.faces),
            "searches": str(overview.searches),
            "imports": str(overview.imports),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
