"""The Faces tab's Tracks: people followed through the case's videos.

A track is one person seen in consecutive sampled frames of one video. The
table lists the case's tracks; selecting one shows its best shots (its
clearest faces, cut from their exact frames) and offers a search with the
track, whose template averages all its faces.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services.faces import BestShot, best_shots, face_tracks
from workstation.ui.face_crop_grid import FaceCropGrid, FacePanel, clock
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

TRACK, VIDEO, START, END, FACES, QUALITY = range(6)


@dataclass(frozen=True)
class TrackShots:
    """The best shots of one track, cut in the worker."""

    track_id: int
    shots: tuple[BestShot, ...]


class TracksPanel(FacePanel):
    """The case's video tracks and the best shots of the selected one.

    Args:
        case_number: The case shown.
        runner: Runs the services.
        parent: Owning widget.
    """

    #: Emitted with ``(track id, id of its clearest face, its description)``
    #: to search with the track.
    track_search_requested = Signal(int, int, str)

    def __init__(
        self, case_number: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(case_number, runner, parent)
        self.tracks: list = []
        self.shown: TrackShots | None = None

        self.summary = QLabel(self.tr("Video tracks are listed once loaded."), self)
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.load)

        headers = (
            self.tr("Track"),
            self.tr("Video"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Faces"),
            self.tr("Best quality"),
        )
        self.table = self.row_table(headers, stretch=VIDEO)
        self.table.itemSelectionChanged.connect(self._track_selected)

        self.shots_label = QLabel(self, wordWrap=True)
        self.shots_label.setText(self.tr("Select a track to see its best shots."))
        self.grid = FaceCropGrid(self)
        self.search_button = QPushButton(self.tr("Search with this track"), self)
        self.search_button.setToolTip(
            self.tr(
                "Searches the case with the track's template (all its faces "
                "averaged); the candidates show in the Search tab."
            )
        )
        self.search_button.setEnabled(False)
        self.search_button.clicked.connect(self.search_selected)

        splitter = self.beside(
            self.table, self.shots_label, self.grid, self.search_button
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- the tracks ----------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """List the case's video tracks, in the worker."""
        super().load()
        case_number = self._case_number

        def job(ws, progress, cancel):
            return face_tracks(ws, case_number)

        self._runner.submit(self.tr("Listing video tracks"), job, self.show_tracks)

    def show_tracks(self, tracks: list) -> None:
        """Fill the table with ``tracks`` (as :func:`face_tracks` returns them)."""
        self.tracks = list(tracks)
        videos = {t.evidence_name for t in self.tracks}
        if self.tracks:
            self.summary.setText(
                self.tr(
                    "{tracks} track(s) in {videos} video(s): each is one person "
                    "followed from frame to frame. Select one for its best shots."
                ).format(tracks=len(self.tracks), videos=len(videos))
            )
        else:
            self.summary.setText(
                self.tr(
                    "No video tracks: add videos to the case and find faces in them."
                )
            )
        self.table.setRowCount(len(self.tracks))
        for row, track in enumerate(self.tracks):
            cells = {
                TRACK: str(track.id),
                VIDEO: track.evidence_name,
                START: clock(track.first_time_s),
                END: clock(track.last_time_s),
                FACES: str(track.n_faces),
                QUALITY: f"{track.quality:.2f}",
            }
            numbers = (TRACK, START, END, FACES, QUALITY)
            self.set_row(self.table, row, cells, track.id, numbers)
            self.table.item(row, VIDEO).setToolTip(
                self.tr("frames {first} to {last}").format(
                    first=track.first_frame, last=track.last_frame
                )
            )
        self.grid.show_crops([])
        self.shown = None
        self.shots_label.setText(self.tr("Select a track to see its best shots."))
        self.search_button.setEnabled(False)

    def selected_track(self):
        """The track of the selected row, if any."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.tracks[rows.pop()] if len(rows) == 1 else None

    def select_track(self, track_id: int) -> bool:
        """Select the row of track ``track_id``; False when it is not listed."""
        for row, track in enumerate(self.tracks):
            if track.id == track_id:
                self.table.selectRow(row)
                return True
        return False

    # -- best shots ----------------------------------------------------------------

    @Slot()
    def _track_selected(self) -> None:
        track = self.selected_track()
        self.search_button.setEnabled(track is not None)
        if track is None:
            return
        case_number, track_id = self._case_number, track.id
        message = self.tr("cutting the best shots")

        def job(ws, progress, cancel):
            progress(0, 1, message)
            shots = best_shots(ws, case_number, track_id)
            return TrackShots(track_id, tuple(shots))

        title = self.tr("Best shots of track {track}").format(track=track.id)
        self._runner.submit(title, job, self.show_shots)

    def show_shots(self, shots: TrackShots) -> None:
        """Show a track's best shots, unless another track was selected meanwhile."""
        track = self.selected_track()
        if track is None or track.id != shots.track_id:
            log.debug("best shots of track %d arrived too late", shots.track_id)
            return
        self.shown = shots
        self.grid.show_crops(shots.shots)
        self.shots_label.setText(
            self.tr(
                "Track {track}, {video}, {start} to {end}: its {shots} clearest of "
                "{faces} face(s), each with its frame and time."
            ).format(
                track=track.id,
                video=track.evidence_name,
                start=clock(track.first_time_s),
                end=clock(track.last_time_s),
                shots=len(shots.shots),
                faces=track.n_faces,
            )
        )

    @Slot()
    def search_selected(self) -> None:
        """Ask for a search with the selected track."""
        track = self.selected_track()
        if track is None:
            return
        best = track.best_face_ids[0] if track.best_face_ids else 0
        name = self.tr("track {track} ({video}, {start} to {end})").format(
            track=track.id,
            video=track.evidence_name,
            start=clock(track.first_time_s),
            end=clock(track.last_time_s),
        )
        self.track_search_requested.emit(track.id, best, name)
