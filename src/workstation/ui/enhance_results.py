"""What an enhancement did: face scores before and after, and its provenance.

:class:`EffectPanel` shows the detector and match scores the enhancement
service measured at every stage of a chain, with the warnings they raised
(a step that made the face harder to find, or less like the reference).
:func:`provenance_html` describes a stored derivation: input and output
SHA-256, every step with every parameter, the examiner and the software.
"""

from __future__ import annotations

import html
import json
import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.enhance_params import operation_text

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def stage_text(stage) -> str:
    """Where in a chain a reading was taken, in the interface language."""
    if stage.kind == "step":
        return translate("EnhanceResults", "step {number}: {operation}").format(
            number=stage.count, operation=operation_text(stage.op)
        )
    if stage.kind == "fusion":
        return translate("EnhanceResults", "fusion of {count} frames").format(
            count=stage.count
        )
    if stage.kind == "chain":
        return translate("EnhanceResults", "the chain as a whole")
    return translate("EnhanceResults", "unprocessed")


def warning_text(warning) -> str:
    """A measured warning (a score that fell) in the interface language."""
    where = stage_text(warning.stage)
    before, after = f"{warning.before:.3f}", f"{warning.after:.3f}"
    texts = {
        "detector": translate(
            "EnhanceResults",
            "{stage} lowered the detector score from {before} to {after}",
        ),
        "match": translate(
            "EnhanceResults", "{stage} lowered the match score from {before} to {after}"
        ),
        "changed": translate(
            "EnhanceResults",
            "{stage} changed the face: its similarity to the unprocessed face fell "
            "from {before} to {after}",
        ),
        "lost": translate("EnhanceResults", "{stage}: the face is no longer found"),
    }
    text = texts.get(
        warning.kind,
        translate("EnhanceResults", "No face was found in the unprocessed photo."),
    )
    return text.format(stage=where, before=before, after=after)


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class EffectPanel(QWidget):
    """The face scores of every stage of a chain, and a before/after summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Detector score"), self.tr("Match score")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b71c1c")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)

    def show_effect(self, effect, note: str = "") -> None:
        """Show a measured effect; ``note`` says why there is none."""
        self.table.setRowCount(0)
        self.warnings.clear()
        if effect is None:
            self.summary.setText(
                self.tr("Face scores were not measured: {reason}").format(reason=note)
                if note
                else ""
            )
            return
        before, after = effect.before, effect.after
        against = (
            self.tr("the face in the unprocessed photo")
            if effect.against_original
            else effect.reference
        )
        if before is None and after is None:
            text = self.tr("No face was found before or after the chain.")
        else:
            text = self.tr(
                "Detector score {det_before} → {det_after}; match to {against} "
                "{match_before} → {match_after}"
            ).format(
                det_before=_score(before.det_score if before else None),
                det_after=_score(after.det_score if after else None),
                against=against,
                match_before=_score(before.match if before else None),
                match_after=_score(after.match if after else None),
            )
        self.summary.setText(text)
        self.table.setRowCount(len(effect.stages))
        for row, reading in enumerate(effect.stages):
            face = reading.face
            cells = [
                stage_text(reading.stage),
                _score(face.det_score) if face else self.tr("no face"),
                _score(face.match) if face else "—",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.warnings.setText("\n".join(warning_text(w) for w in effect.warnings))

    def clear(self) -> None:
        """Show nothing."""
        self.summary.clear()
        self.table.setRowCount(0)
        self.warnings.clear()


def provenance_html(row) -> str:
    """A stored derivation as HTML: hashes, steps with parameters, who and when.

    Args:
        row: The derivation the enhancement service recorded.
    """
    e = html.escape
    lines = [
        "<b>"
        + e(
            translate("EnhanceResults", "Derivation {id}: chain {chain}").format(
                id=row.id, chain=row.chain_name
            )
        )
        + "</b>",
        e(
            translate("EnhanceResults", "Input: evidence {id} ({name})").format(
                id=row.evidence_id, name=row.input_name
            )
        ),
        "<tt>SHA-256 " + e(row.input_sha256) + "</tt>",
        e(
            translate("EnhanceResults", "Output: evidence {id} ({name})").format(
                id=row.output_evidence_id, name=row.output_name
            )
        ),
        "<tt>SHA-256 " + e(row.output_sha256) + "</tt>",
        e(
            translate(
                "EnhanceResults", "Made by {user} at {time}; the original is unchanged."
            ).format(user=row.created_by, time=f"{row.created_at:%Y-%m-%d %H:%M:%S}")
        ),
    ]
    if row.purpose:
        lines.append(
            e(
                translate("EnhanceResults", "Purpose: {purpose}").format(
                    purpose=row.purpose
                )
            )
        )
    steps = []
    for record in row.operations:
        params = json.dumps(record.get("params", {}), ensure_ascii=False)
        steps.append(
            f"<li><b>{e(operation_text(record['op']))}</b> "
            f"(<tt>{e(record['op'])}</tt>) <tt>{e(params)}</tt><br>"
            f"<small>{e(record.get('reference', ''))}</small></li>"
        )
    software = ", ".join(f"{k} {v}" for k, v in sorted(row.software.items()))
    return (
        "<br>".join(lines)
        + "<ol>"
        + "".join(steps)
        + "</ol>"
        + "<small>"
        + e(
            translate("EnhanceResults", "Software: {software}").format(
                software=software
            )
        )
        + "</small>"
    )
