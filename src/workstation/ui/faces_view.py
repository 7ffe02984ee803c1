"""The Faces tab: scan the case's photos, search a probe photo, review candidates.

A search returns candidates: faces in the case that the model scores as similar
to the probe. They are investigative leads, never identifications; a person is
named only by a reviewer's recorded decision (Confirm or Reject, with a comment).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.progress import ProgressCallback
from workstation.domain.records import Candidate
from workstation.domain.types import Decision
from workstation.services.faces import (
    FaceSearchResult,
    ScanSummary,
    ScoredCandidate,
    face_crop_png,
    record_decision,
    scan_faces,
    search_faces,
)
from workstation.services.workspace import Workspace
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

CROP = QSize(128, 128)
PROBE, CANDIDATE, RANK, SCORE, FMR, THRESHOLD, EVIDENCE, PERSON, DECISION = range(9)


@dataclass(frozen=True)
class SearchOutcome:
    """A finished search with the face crops to show, made in the worker."""

    probe_path: Path
    result: FaceSearchResult
    probe_image: QImage
    crops: dict[int, bytes] = field(default_factory=dict)


def probe_crop(
    path: Path,
    box: tuple[float, float, float, float],
    *,
    margin: float = 0.25,
    size: int = 160,
) -> QImage:
    """A square cut around the probe's face box, as the service cuts stored faces.

    The photo is read upright (EXIF orientation applied), like the detector saw
    it; parts of the square outside the photo are black. Safe in a worker.

    Args:
        path: The probe photo.
        box: ``x1, y1, x2, y2`` of the face in the upright photo.
        margin: Space on each side, as a fraction of the box's longer side.
        size: Side of the returned image in pixels.

    Returns:
        The crop; a null image when the photo cannot be read.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        log.warning("cannot read probe %s: %s", path.name, reader.errorString())
        return image
    x1, y1, x2, y2 = box
    side = max(x2 - x1, y2 - y1, 1.0) * (1.0 + 2.0 * max(margin, 0.0))
    left = round((x1 + x2 - side) / 2)
    top = round((y1 + y2 - side) / 2)
    square = QImage(round(side), round(side), QImage.Format.Format_RGB32)
    square.fill(Qt.GlobalColor.black)
    painter = QPainter(square)
    painter.drawImage(QPoint(-left, -top), image)
    painter.end()
    return square.scaled(
        size,
        size,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def run_search(
    ws: Workspace, case_number: str, probe_path: Path, progress: ProgressCallback
) -> SearchOutcome:
    """Search ``probe_path`` against the case and cut the crops to display.

    Args:
        ws: Workspace session of the worker.
        case_number: The case whose faces are searched.
        probe_path: The probe photo.
        progress: Receives ``(done, total, message)``.

    Returns:
        The :class:`SearchOutcome`.
    """
    result = search_faces(ws, case_number, probe_path, progress=progress)
    probe_image = probe_crop(probe_path, result.probe_box)
    crops = {}
    total = len(result.candidates)
    for done, candidate in enumerate(result.candidates, start=1):
        crops[candidate.face_id] = face_crop_png(ws, candidate.face_id)
        message = QCoreApplication.translate("FacesView", "cutting candidate faces")
        progress(done, total, message)
    return SearchOutcome(probe_path, result, probe_image, crops)


def _pixmap(png: bytes | None) -> QPixmap:
    pixmap = QPixmap()
    if png:
        pixmap.loadFromData(png, "PNG")
    return pixmap


def _fitted(pixmap: QPixmap) -> QPixmap:
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        CROP,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class FacesView(QWidget):
    """Face scanning, probe search and the candidate review table.

    Args:
        ws: The workspace the UI thread reads from.
        case_number: The case whose faces are searched.
        runner: Runs scans, searches and decisions.
        parent: Owning widget.
    """

    #: Emitted after a scan, search or decision changed the case's face data.
    faces_changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._case_number = case_number
        self._runner = runner
        self.outcome: SearchOutcome | None = None

        notice = QLabel(
            self.tr(
                "<b>Candidates, not identifications.</b> A score only says how "
                "alike the model finds two faces. Every candidate is an "
                "investigative lead to be checked; only a reviewer's recorded "
                "decision may link a face to a person."
            ),
            self,
        )
        notice.setWordWrap(True)
        notice.setFrameShape(QFrame.Shape.StyledPanel)
        notice.setStyleSheet("QLabel { background: #fff4d6; padding: 6px; }")
        self.notice = notice

        self.scan_button = QPushButton(self.tr("Find faces in the case's photos"), self)
        self.scan_button.clicked.connect(self.scan)
        self.search_button = QPushButton(self.tr("Search with a probe photo…"), self)
        self.search_button.clicked.connect(self.choose_probe)
        self.status_label = QLabel(self.tr("No search yet."), self)
        self.status_label.setWordWrap(True)

        self.probe_label = QLabel("", self)
        self.probe_label.setWordWrap(True)
        self.probe_label.setVisible(False)

        self.table = QTableWidget(0, 9, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Probe"),
                self.tr("Candidate"),
                self.tr("Rank"),
                self.tr("Score"),
                self.tr("False-match rate"),
                self.tr("Threshold"),
                self.tr("Evidence"),
                self.tr("Person"),
                self.tr("Decision"),
            ]
        )
        self.table.setIconSize(CROP)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(CROP.height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(
            self.tr("Reason for the decision (what was compared, by whom)")
        )
        self.confirm_button = QPushButton(self.tr("Confirm"), self)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.confirm_button.clicked.connect(lambda: self.decide(Decision.CONFIRMED))
        self.reject_button.clicked.connect(lambda: self.decide(Decision.REJECTED))

        actions = QHBoxLayout()
        actions.addWidget(self.scan_button)
        actions.addWidget(self.search_button)
        actions.addStretch(1)
        review = QHBoxLayout()
        review.addWidget(QLabel(self.tr("Comment:"), self))
        review.addWidget(self.comment, 1)
        review.addWidget(self.confirm_button)
        review.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(self.probe_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(review)
        self._update_buttons()

    # -- scanning ---------------------------------------------------------------

    @Slot()
    def scan(self) -> None:
        """Find and store the faces in the case's photos not scanned yet."""
        case_number = self._case_number

        def job(ws, progress, cancel):
            return scan_faces(ws, case_number, progress=progress, cancel=cancel)

        self._runner.submit(self.tr("Finding faces"), job, self._scanned)

    def _scanned(self, summary: ScanSummary) -> None:
        text = self.tr(
            "{faces} face(s) found in {scanned} photo(s); {skipped} already "
            "scanned; {failed} could not be read. Model: {providers}."
        ).format(
            faces=summary.faces_found,
            scanned=summary.images_scanned,
            skipped=summary.images_skipped,
            failed=summary.images_failed,
            providers=summary.providers,
        )
        for failure in summary.failed:
            log.warning("face scan skipped %s: %s", failure.name, failure.reason)
        self.status_label.setText(text)
        self.faces_changed.emit()

    # -- searching -------------------------------------------------------------

    @Slot()
    def choose_probe(self) -> None:
        """Ask for a probe photo with a dialog, then search it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a probe photo"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)"),
        )
        if path:
            self.search(Path(path))

    def search(self, probe_path: Path) -> None:
        """Search ``probe_path`` against the case's faces, in the worker."""
        case_number = self._case_number

        def job(ws, progress, cancel):
            return run_search(ws, case_number, probe_path, progress)

        title = self.tr("Searching {name}").format(name=probe_path.name)
        self._runner.submit(title, job, self.show_outcome)

    def show_outcome(self, outcome: SearchOutcome) -> None:
        """Show a search's candidates: probe and candidate crops side by side."""
        self.outcome = outcome
        result = outcome.result
        probe = QPixmap.fromImage(outcome.probe_image)
        self.status_label.setText(
            self.tr(
                "Probe {name}: {count} candidate(s) from {gallery} face(s) in the "
                "case; {above} at or above the threshold {threshold:.3f}. "
                "Search {search} (model pack {pack})."
            ).format(
                name=outcome.probe_path.name,
                count=len(result.candidates),
                gallery=result.gallery_size,
                above=len(result.leads_above_threshold),
                threshold=result.threshold,
                search=result.search_id,
                pack=result.model_pack,
            )
        )
        self._describe_probe(result)
        self.table.setRowCount(len(result.candidates))
        for row, candidate in enumerate(result.candidates):
            crop = _pixmap(outcome.crops.get(candidate.face_id))
            self._fill_row(row, candidate, probe, crop)
        self.table.clearSelection()
        self._update_buttons()
        self.faces_changed.emit()

    def _describe_probe(self, result: FaceSearchResult) -> None:
        """Say how the probe was judged: its quality band and the steps applied."""
        if result.probe_band is None:
            self.probe_label.setVisible(False)
            return
        band = {
            "good": self.tr("good"),
            "fair": self.tr("fair"),
            "poor": self.tr("poor"),
        }[str(result.probe_band)]
        lines = [
            self.tr("Probe quality {quality:.2f}: {band} band.").format(
                quality=result.probe_quality, band=band
            )
        ]
        if (
            result.set_threshold is not None
            and result.threshold != result.set_threshold
        ):
            lines.append(
                self.tr(
                    "Threshold {applied:.3f} instead of {set:.2f}: the score at which "
                    "different people's {band} faces match as rarely ({fmr}) as good "
                    "faces do at {set:.2f}. Scores of unclear faces are lower for "
                    "everyone, the right person included."
                ).format(
                    applied=result.threshold,
                    set=result.set_threshold,
                    band=band,
                    fmr=str(result.threshold_fmr) if result.threshold_fmr else "?",
                )
            )
        if result.probe_steps:
            lines.append(
                self.tr("Applied to the probe: {steps}.").format(
                    steps="; ".join(result.probe_steps)
                )
            )
        self.probe_label.setText("<br>".join(lines))
        colour = "#ffe3e0" if str(result.probe_band) == "poor" else "#eef3ff"
        self.probe_label.setStyleSheet(
            f"QLabel {{ background: {colour}; padding: 4px; }}"
        )
        self.probe_label.setVisible(True)

    def _fill_row(
        self, row: int, candidate: ScoredCandidate, probe: QPixmap, crop: QPixmap
    ) -> None:
        probe_item = QTableWidgetItem()
        probe_item.setData(Qt.ItemDataRole.DecorationRole, _fitted(probe))
        crop_item = QTableWidgetItem()
        crop_item.setData(Qt.ItemDataRole.DecorationRole, _fitted(crop))
        threshold = self.tr("above") if candidate.above_threshold else self.tr("below")
        cells = {
            PROBE: probe_item,
            CANDIDATE: crop_item,
            RANK: QTableWidgetItem(str(candidate.rank)),
            SCORE: QTableWidgetItem(f"{candidate.score:.3f}"),
            FMR: QTableWidgetItem(str(candidate.fmr) if candidate.fmr else "—"),
            THRESHOLD: QTableWidgetItem(threshold),
            EVIDENCE: QTableWidgetItem(candidate.evidence_name),
            PERSON: QTableWidgetItem(candidate.person_label or ""),
            DECISION: QTableWidgetItem(self.tr("pending")),
        }
        for column, item in cells.items():
            item.setData(Qt.ItemDataRole.UserRole, candidate.face_id)
            if column in (RANK, SCORE, FMR):
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.table.setItem(row, column, item)
        for column in (RANK, SCORE, FMR, THRESHOLD):
            item = self.table.item(row, column)
            if candidate.above_threshold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            else:
                item.setForeground(Qt.GlobalColor.darkGray)

    # -- decisions ---------------------------------------------------------------

    def selected_candidate(self) -> Candidate | None:
        """The candidate of the selected row, if any."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if self.outcome is None or len(rows) != 1:
            return None
        return self.outcome.result.candidates[rows.pop()]

    @Slot()
    def _update_buttons(self) -> None:
        enabled = self.selected_candidate() is not None
        self.confirm_button.setEnabled(enabled)
        self.reject_button.setEnabled(enabled)

    def decide(self, decision: Decision) -> None:
        """Record the reviewer's decision on the selected candidate, in the worker."""
        candidate = self.selected_candidate()
        if candidate is None or self.outcome is None:
            return
        search_id = self.outcome.result.search_id
        comment = self.comment.text().strip()
        row = self.outcome.result.candidates.index(candidate)

        def job(ws, progress, cancel):
            record_decision(ws, search_id, candidate.face_id, str(decision), comment)
            return decision

        def done(_result) -> None:
            text = (
                self.tr("confirmed")
                if decision == Decision.CONFIRMED
                else self.tr("rejected")
            )
            item = self.table.item(row, DECISION)
            item.setText(f"{text}: {comment}" if comment else text)
            self.comment.clear()
            log.info(
                "candidate %d (face %d) %s", candidate.rank, candidate.face_id, decision
            )
            self.faces_changed.emit()

        self._runner.submit(self.tr("Recording the decision"), job, done)
