"""Frame-by-frame playing of video evidence with the faces stored for each frame.

The player drives the media pane's :class:`ImageViewer`: its controls pick a
frame (slider, one frame back or on, the previous or next frame a face scan
analysed, play and pause), frames are decoded on a thread of their own, and
each frame is shown with the boxes of the faces stored for it, captioned
with their track and quality.
"""

from __future__ import annotations

import bisect
import logging

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.records import Evidence
from workstation.services import video_playback
from workstation.services.video_playback import OpenVideo, VideoDetails, VideoFaces
from workstation.services.workspace import Workspace
from workstation.ui.image_viewer import ImageViewer
from workstation.ui.workers import JobFailure, LatestRequestRunner

log = logging.getLogger(__name__)


def clock(seconds: float) -> str:
    """A time as minutes, seconds and milliseconds.

    >>> clock(3.2032), clock(75.0)
    ('00:03.203', '01:15.000')
    """
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


class VideoPlayer(QWidget):
    """The controls that step and play a video in ``viewer``.

    Args:
        ws: The workspace the UI thread reads the stored faces from.
        case_number: The case the videos belong to.
        viewer: Where frames are shown.
        parent: Owning widget.
    """

    #: Emitted with the frame number after each frame is drawn.
    frame_shown = Signal(int)
    #: Emitted once a video is open (its details are in :attr:`details`).
    opened = Signal()
    #: Emitted with a message a person can act on when a video or frame fails.
    failed = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        case_number: str,
        viewer: ImageViewer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._case_number = case_number
        self.viewer = viewer
        self.decoder = LatestRequestRunner(self)
        self._video: OpenVideo | None = None  # used on the decoder's thread only
        self.details: VideoDetails | None = None
        self.faces = VideoFaces(scanned=False, sample_fps=None)
        self.sampled: tuple[int, ...] = ()
        self.frame = -1
        self._target = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.valueChanged.connect(self.show_frame)
        self.previous_sample_button = QPushButton(self.tr("◀◀ Analysed"), self)
        self.previous_sample_button.setToolTip(
            self.tr("The previous frame the face scan analysed")
        )
        self.previous_button = QPushButton(self.tr("◀ Frame"), self)
        self.previous_button.setToolTip(self.tr("One frame back"))
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setCheckable(True)
        self.next_button = QPushButton(self.tr("Frame ▶"), self)
        self.next_button.setToolTip(self.tr("One frame on"))
        self.next_sample_button = QPushButton(self.tr("Analysed ▶▶"), self)
        self.next_sample_button.setToolTip(
            self.tr("The next frame the face scan analysed")
        )
        self.previous_sample_button.clicked.connect(self.previous_sample)
        self.previous_button.clicked.connect(lambda: self.show_frame(self._target - 1))
        self.play_button.toggled.connect(self.set_playing)
        self.next_button.clicked.connect(lambda: self.show_frame(self._target + 1))
        self.next_sample_button.clicked.connect(self.next_sample)
        self.position_label = QLabel(self)
        self.faces_label = QLabel(self)

        buttons = QHBoxLayout()
        for button in (
            self.previous_sample_button,
            self.previous_button,
            self.play_button,
            self.next_button,
            self.next_sample_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.position_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider)
        layout.addLayout(buttons)
        layout.addWidget(self.faces_label)
        self._set_enabled(False)

    # -- opening ------------------------------------------------------------------

    def open(self, evidence: Evidence) -> None:
        """Open a video: read its stored faces, then decode its first frame."""
        self.stop()
        self.faces = video_playback.video_faces(
            self._ws, self._case_number, evidence.id
        )
        ws = self._ws

        def job() -> VideoDetails:
            self._release()
            self._video = OpenVideo(ws, evidence)
            return self._video.details

        self.decoder.submit(job, self._opened, self._failed)

    def stop(self) -> None:
        """Stop playing and forget the video shown (its file is closed)."""
        self.set_playing(False)
        self.details = None
        self.sampled = ()
        self.frame = -1
        self._target = 0
        self.position_label.clear()
        self.faces_label.clear()
        self._set_enabled(False)
        if self._video is not None:
            self.decoder.submit(self._release, lambda _: None, self._failed)

    def _release(self) -> None:
        if self._video is not None:
            self._video.close()
            self._video = None

    def _opened(self, details: VideoDetails) -> None:
        self.details = details
        self.sampled = details.sampled_frames(self.faces.sample_fps)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, details.frame_count - 1))
        self.slider.setValue(0)
        self.slider.setPageStep(max(1, round(details.fps)))
        self.slider.blockSignals(False)
        self._set_enabled(True)
        self._timer.setInterval(max(1, round(1000 / details.fps)))
        self.opened.emit()
        self.show_frame(0)

    def _failed(self, failure: JobFailure) -> None:
        self.set_playing(False)
        self.failed.emit(failure.message)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.slider,
            self.previous_sample_button,
            self.previous_button,
            self.play_button,
            self.next_button,
            self.next_sample_button,
        ):
            widget.setEnabled(enabled)

    # -- frames -------------------------------------------------------------------

    @Slot(int)
    def show_frame(self, number: int) -> None:
        """Decode frame ``number`` and show it; a newer request replaces it."""
        if self.details is None:
            return
        number = max(0, min(number, self.details.frame_count - 1))
        self._target = number

        def job() -> tuple[int, QImage]:
            rgb = self._video.frame_rgb(number)
            height, width, _ = rgb.shape
            image = QImage(
                rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888
            )
            return number, image.copy()

        self.decoder.submit(job, self._frame_decoded, self._failed)

    def _frame_decoded(self, result: tuple[int, QImage]) -> None:
        number, image = result
        faces = list(self.faces.at(number))
        self.viewer.show_frame(image, faces)
        self.frame = number
        self.slider.blockSignals(True)
        self.slider.setValue(number)
        self.slider.blockSignals(False)
        self._show_position(number, len(faces))
        self.frame_shown.emit(number)

    def _show_position(self, number: int, faces: int) -> None:
        details = self.details
        self.position_label.setText(
            self.tr("Frame {frame} / {count} · {time} / {duration}").format(
                frame=number,
                count=details.frame_count - 1,
                time=clock(details.time_s(number)),
                duration=clock(details.duration_s),
            )
        )
        if not self.faces.scanned:
            text = self.tr("Not scanned for faces yet.")
        elif number in self.faces.by_frame or bisect_contains(self.sampled, number):
            text = self.tr("Analysed frame: %n face(s).", "", faces)
        else:
            text = self.tr(
                "Not an analysed frame (faces were searched at {rate} frames/s)."
            ).format(rate=f"{self.faces.sample_fps:g}")
        self.faces_label.setText(text)

    @Slot()
    def next_sample(self) -> None:
        """Go to the next frame the face scan analysed."""
        index = bisect.bisect_right(self.sampled, self._target)
        if index < len(self.sampled):
            self.show_frame(self.sampled[index])

    @Slot()
    def previous_sample(self) -> None:
        """Go back to the previous frame the face scan analysed."""
        index = bisect.bisect_left(self.sampled, self._target)
        if index > 0:
            self.show_frame(self.sampled[index - 1])

    # -- playing ------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        """Whether the video is playing."""
        return self._timer.isActive()

    @Slot(bool)
    def set_playing(self, playing: bool) -> None:
        """Play from the frame shown at the video's rate, or pause."""
        if playing and self.details is not None:
            if self.frame >= self.details.frame_count - 1:
                self.show_frame(0)
            self._timer.start()
        else:
            self._timer.stop()
        self.play_button.blockSignals(True)
        self.play_button.setChecked(self.playing)
        self.play_button.setText(self.tr("Pause") if self.playing else self.tr("Play"))
        self.play_button.blockSignals(False)

    @Slot()
    def _tick(self) -> None:
        # A frame still decoding is not queued behind: playing slows instead.
        if self.details is None or not self.decoder.idle:
            return
        if self.frame >= self.details.frame_count - 1:
            self.set_playing(False)
            return
        self.show_frame(self.frame + 1)


def bisect_contains(numbers: tuple[int, ...], number: int) -> bool:
    """Whether the sorted ``numbers`` hold ``number``."""
    index = bisect.bisect_left(numbers, number)
    return index < len(numbers) and numbers[index] == number
