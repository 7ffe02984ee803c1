"""The Faces tab: find faces, search with a probe, review candidates.

Its sub-tabs: Search (the probe beside each candidate, with Confirm and
Reject), Tracks (people followed through the case's videos, with their best
shots), Clusters (faces that may show one unknown person) and Clearest faces.
A track or a face from the other sub-tabs can be the probe of a search.

A search returns candidates: faces in the case that the model scores as similar
to the probe. They are investigative leads, never identifications; a person is
named only by a reviewer's recorded decision (Confirm or Reject, with a comment).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QPixmap
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.records import Candidate
from workstation.domain.types import Decision
from workstation.services.faces import (
    FaceSearchResult,
    ScanSummary,
    ScoredCandidate,
    record_decision,
    scan_faces,
)
from workstation.services.workspace import Workspace
from workstation.ui.face_clearest_panel import ClearestFacesPanel
from workstation.ui.face_clusters_panel import ClustersPanel
from workstation.ui.face_search_jobs import (
    SearchOutcome,
    run_face_search,
    run_search,
    run_track_search,
)
from workstation.ui.face_tracks_panel import TracksPanel
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

CROP = QSize(128, 128)
PROBE, CANDIDATE, RANK, SCORE, FMR, THRESHOLD, EVIDENCE, PERSON, DECISION = range(9)


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

        self.scan_button = QPushButton(
            self.tr("Find faces in the case's photos and videos"), self
        )
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
        self.confirm_button.setToolTip(
            self.tr("A confirmation needs the reason, written in the box beside it.")
        )
        self.comment.textChanged.connect(self._update_buttons)
        self.confirm_button.clicked.connect(lambda: self.decide(Decision.CONFIRMED))
        self.reject_button.clicked.connect(lambda: self.decide(Decision.REJECTED))

        self.tracks = TracksPanel(case_number, runner, self)
        self.clusters = ClustersPanel(case_number, runner, self)
        self.clearest = ClearestFacesPanel(case_number, runner, self)
        self.tracks.track_search_requested.connect(self.search_track)
        self.clusters.face_search_requested.connect(self.search_face)
        self.clearest.face_search_requested.connect(self.search_face)

        actions = QHBoxLayout()
        actions.addWidget(self.scan_button)
        actions.addWidget(self.search_button)
        actions.addStretch(1)
        review = QHBoxLayout()
        review.addWidget(QLabel(self.tr("Comment:"), self))
        review.addWidget(self.comment, 1)
        review.addWidget(self.confirm_button)
        review.addWidget(self.reject_button)
        self.search_page = QWidget(self)
        page = QVBoxLayout(self.search_page)
        page.addWidget(self.probe_label)
        page.addWidget(self.table, 1)
        page.addLayout(review)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.search_page, self.tr("Search"))
        self.tabs.addTab(self.tracks, self.tr("Tracks"))
        self.tabs.addTab(self.clusters, self.tr("Clusters"))
        self.tabs.addTab(self.clearest, self.tr("Clearest faces"))
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
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
        if summary.videos_scanned or summary.videos_skipped:
            text += " " + self.tr(
                "{videos} video(s) analysed ({frames} sampled frames), {tracks} "
                "track(s) found; {skipped} video(s) already scanned."
            ).format(
                videos=summary.videos_scanned,
                frames=summary.frames_analysed,
                tracks=summary.tracks_found,
                skipped=summary.videos_skipped,
            )
        for failure in summary.failed:
            log.warning("face scan skipped %s: %s", failure.name, failure.reason)
        self.status_label.setText(text)
        for panel in (self.tracks, self.clusters, self.clearest):
            panel.stale()
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

    @Slot(int, int, str)
    def search_track(
        self, track_id: int, shown_face_id: int = 0, name: str = ""
    ) -> None:
        """Search with a video track's template, in the worker.

        Args:
            track_id: The track.
            shown_face_id: The face shown as the probe (0: none).
            name: How the status line names the track.
        """
        case_number, shown = self._case_number, shown_face_id or None
        name = name or self.tr("track {track}").format(track=track_id)

        def job(ws, progress, cancel):
            return run_track_search(ws, case_number, track_id, shown, name, progress)

        title = self.tr("Searching with track {track}").format(track=track_id)
        self._runner.submit(title, job, self.show_outcome)

    @Slot(int)
    def search_face(self, face_id: int) -> None:
        """Search with a stored face (its track, or its photo), in the worker."""
        case_number = self._case_number

        def job(ws, progress, cancel):
            return run_face_search(ws, case_number, face_id, progress)

        title = self.tr("Searching with face {face}").format(face=face_id)
        self._runner.submit(title, job, self.show_outcome)

    def show_outcome(self, outcome: SearchOutcome) -> None:
        """Show a search's candidates: probe and candidate crops side by side."""
        self.outcome = outcome
        self.tabs.setCurrentWidget(self.search_page)
        result = outcome.result
        probe = QPixmap.fromImage(outcome.probe_image)
        self.status_label.setText(
            self.tr(
                "Probe {name}: {count} candidate(s) from {gallery} face(s) in the "
                "case; {above} at or above the threshold {threshold:.3f}. "
                "Search {search} (model pack {pack})."
            ).format(
                name=outcome.probe_name,
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
        # a confirmation says why (see record_decision); a rejection may not
        self.confirm_button.setEnabled(enabled and bool(self.comment.text().strip()))
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
