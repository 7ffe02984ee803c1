"""The Enhance tab: build a chain on a photo of the case, see it work, record it.

The analyst picks a photo, starts from a preset or a chain file (or from
nothing), adds, reorders, tunes and removes steps, and sees the result beside
the original with the face scores before and after. Every change is checked at
once; the preview runs in the worker a moment after the last change, and a
change made while one runs cancels it. "Apply" stores the result as a new
evidence item with its provenance; the original is only read.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import IntegrityError, WorkstationError
from workstation.domain.progress import Cancelled
from workstation.services.enhance import enhance_evidence, load_chain, preset_names
from workstation.services.enhance_editor import (
    EnhancementPreview,
    build_chain,
    case_images,
    chain_fusion,
    chain_steps,
    operation_specs,
    preview_enhancement,
    save_chain_file,
)
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.ui.before_after import BeforeAfterView, bgr_image
from workstation.ui.enhance_results import EffectPanel, provenance_html
from workstation.ui.enhance_steps import StepsEditor
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

#: The preview starts this long after the last change (milliseconds).
PREVIEW_DELAY_MS = 400
NEW_CHAIN_NAME = "my_chain"


@dataclass(frozen=True)
class PreviewOutcome:
    """What a preview job returns: the preview, or why there is none."""

    preview: EnhancementPreview | None = None
    error: str = ""
    superseded: bool = False


class _EitherSet:
    """A cancel token set when any of its tokens is."""

    def __init__(self, *tokens) -> None:
        self._tokens = tokens

    def is_set(self) -> bool:
        return any(token.is_set() for token in self._tokens)


class EnhanceView(QWidget):
    """The chain editor with its live before/after preview.

    Args:
        ws: The workspace the UI thread reads from (the case's photos).
        case_number: The case.
        runner: Runs previews and the stored enhancement.
        parent: Owning widget.
    """

    #: Emitted with the new evidence id after a result was stored.
    derived = Signal(int)

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
        self.chain = None
        self.chain_error = ""
        self.preview: EnhancementPreview | None = None
        self.result = None
        self._fusion = None
        self._loaded: tuple[str, list] | None = None
        self._photos: dict = {}
        self._shown_photo: int | None = None
        self._previewing = False
        self._again = False
        self._stale = threading.Event()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(PREVIEW_DELAY_MS)
        self._debounce.timeout.connect(self.preview_now)
        self._runner.busy_changed.connect(self._runner_busy)

        self.photo = QComboBox(self)
        self.photo.currentIndexChanged.connect(self._photo_chosen)
        self.reference = QComboBox(self)
        self.reference.currentIndexChanged.connect(self.schedule_preview)
        self.preset = QComboBox(self)
        for name in preset_names():
            self.preset.addItem(name, name)
        self.preset_button = QPushButton(self.tr("Start from preset"), self)
        self.preset_button.clicked.connect(
            lambda: self.use_preset(self.preset.currentData())
        )
        self.name_edit = QLineEdit(NEW_CHAIN_NAME, self)
        self.name_edit.editingFinished.connect(self.chain_changed)
        self.steps = StepsEditor(operation_specs(), self)
        self.steps.changed.connect(self.chain_changed)
        self.open_button = QPushButton(self.tr("Open chain…"), self)
        self.open_button.clicked.connect(self.choose_chain_file)
        self.save_button = QPushButton(self.tr("Save chain…"), self)
        self.save_button.clicked.connect(self.choose_save_file)
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(self.tr("Why the photo is enhanced"))
        self.apply_button = QPushButton(self.tr("Apply and store a copy"), self)
        self.apply_button.clicked.connect(self.apply)

        self.view = BeforeAfterView(self)
        self.side_by_side = QCheckBox(self.tr("Side by side"), self)
        self.side_by_side.toggled.connect(self.view.set_side_by_side)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.effect = EffectPanel(self)
        self.provenance = QTextBrowser(self)
        self.provenance.setPlaceholderText(
            self.tr("The provenance of the stored result shows here after Apply.")
        )
        self._lay_out()
        self.refresh_images()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Photo"), self.photo)
        form.addRow(self.tr("Match against"), self.reference)
        presets = QHBoxLayout()
        presets.addWidget(self.preset, 1)
        presets.addWidget(self.preset_button)
        form.addRow(self.tr("Preset"), presets)
        form.addRow(self.tr("Chain name"), self.name_edit)
        files = QHBoxLayout()
        files.addWidget(self.open_button)
        files.addWidget(self.save_button)
        files.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.steps, 1)
        left_layout.addLayout(files)
        apply_form = QFormLayout()
        apply_form.addRow(self.tr("Purpose"), self.purpose)
        left_layout.addLayout(apply_form)
        left_layout.addWidget(self.apply_button)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.side_by_side)
        results = QSplitter(self)
        results.addWidget(self.effect)
        results.addWidget(self.provenance)
        results.setSizes([420, 420])
        picture = QWidget(self)
        picture_layout = QVBoxLayout(picture)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addLayout(top)
        picture_layout.addWidget(self.view, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(picture)
        right.addWidget(results)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- photos ---------------------------------------------------------------------

    def refresh_images(self) -> None:
        """Read the case's photos again (after evidence was added or derived)."""
        photos = case_images(self._ws, self._case_number)
        for combo, first in (
            (self.photo, None),
            (self.reference, self.tr("the face in the unprocessed photo")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first is not None:
                combo.addItem(first, None)
            for item in photos:
                combo.addItem(f"{item.id} · {item.original_name}", item.id)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        self._photos = {item.id: item for item in photos}
        if self.photo.count() == 0:
            self.view.set_images(None, None)
            self.view.set_message(self.tr("Add photos on the Evidence tab first."))
        self._update_apply()
        if self.photo.currentData() != self._shown_photo:
            self._photo_chosen()

    def select_photo(self, evidence_id: int) -> None:
        """Enhance the photo with this evidence id."""
        self.photo.setCurrentIndex(self.photo.findData(evidence_id))

    def select_reference(self, evidence_id: int | None) -> None:
        """Score faces against this photo (None: the unprocessed photo)."""
        self.reference.setCurrentIndex(self.reference.findData(evidence_id))

    @Slot()
    def _photo_chosen(self) -> None:
        evidence_id = self.photo.currentData()
        self._shown_photo = evidence_id
        self.preview = None
        self.effect.clear()
        if evidence_id is None:
            return
        photo = self._photos[evidence_id]
        try:
            path = evidence_file(self._ws, photo)
        except IntegrityError as exc:
            self.view.set_images(None, None)
            self._warn(photo.original_name, str(exc))
            return
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        self.view.set_images(None if image.isNull() else image, None)
        self.schedule_preview()

    # -- the chain ------------------------------------------------------------------

    def use_preset(self, name: str) -> None:
        """Replace the steps with a shipped preset's."""
        self.preset.setCurrentIndex(self.preset.findData(name))
        self._load(load_chain(name))

    def open_chain_file(self, path: str | Path) -> bool:
        """Replace the steps with a chain file's; False (and a message) if bad."""
        try:
            chain = load_chain(Path(path))
        except WorkstationError as exc:
            self._warn(self.tr("Open chain"), str(exc))
            return False
        self._load(chain)
        return True

    def _load(self, chain) -> None:
        self._fusion = chain_fusion(chain)
        self._loaded = (chain.name, chain_steps(chain))
        self.name_edit.setText(chain.name)
        self.steps.set_steps(chain_steps(chain))
        log.info("chain %s loaded into the editor", chain.name)

    @Slot()
    def chain_changed(self) -> None:
        """Check the chain as it now stands and preview it shortly."""
        name = self.name_edit.text().strip()
        steps = self.steps.steps()
        loaded = self._loaded
        if loaded is not None and name == loaded[0] and steps != loaded[1]:
            name = f"{name}_edited"
            self.name_edit.setText(name)
        problems = self.steps.text_errors()
        self.chain = None
        try:
            if problems:
                raise WorkstationError(problems[0])
            self.chain = build_chain(name, steps, fusion=self._fusion)
            self.chain_error = ""
        except WorkstationError as exc:
            self.chain_error = str(exc)
            self.status.setText(self.chain_error)
            self.status.setStyleSheet("color: #b71c1c")
        self._update_apply()
        if self.chain is not None:
            self.schedule_preview()

    def save_chain_to(self, path: str | Path) -> Path | None:
        """Write the chain as TOML; None (and a message) when it cannot be."""
        if self.chain is None:
            self._warn(self.tr("Save chain"), self.chain_error)
            return None
        try:
            saved = save_chain_file(self.chain, path)
        except WorkstationError as exc:
            self._warn(self.tr("Save chain"), str(exc))
            return None
        self._show_status(self.tr("Chain saved to {file}.").format(file=saved.name))
        return saved

    @Slot()
    def choose_chain_file(self) -> None:
        """Ask for a chain file and load it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open chain"), "", self.tr("Chains (*.toml)")
        )
        if path:
            self.open_chain_file(path)

    @Slot()
    def choose_save_file(self) -> None:
        """Ask where to save the chain and save it."""
        name = f"{self.name_edit.text().strip() or NEW_CHAIN_NAME}.toml"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chain"), name, self.tr("Chains (*.toml)")
        )
        if path:
            self.save_chain_to(path)

    # -- the preview ----------------------------------------------------------------

    @Slot()
    def schedule_preview(self) -> None:
        """Preview a moment after the last change, so typing does not queue work."""
        self._debounce.start()

    @Slot()
    def preview_now(self) -> None:
        """Run the chain on the photo in the worker (cancelling a stale preview)."""
        self._debounce.stop()
        evidence_id, chain = self.photo.currentData(), self.chain
        if evidence_id is None or chain is None:
            return
        if self._previewing:
            self._stale.set()
            self._again = True
            return
        stale = threading.Event()
        self._stale, self._previewing, self._again = stale, True, False
        case_number, reference = self._case_number, self.reference.currentData()

        def job(ws, progress, cancel):
            try:
                preview = preview_enhancement(
                    ws,
                    case_number,
                    evidence_id,
                    chain,
                    reference=reference,
                    progress=progress,
                    cancel=_EitherSet(cancel, stale),
                )
            except Cancelled:
                return PreviewOutcome(superseded=stale.is_set())
            except WorkstationError as exc:
                return PreviewOutcome(error=str(exc))
            return PreviewOutcome(preview)

        self._show_status(self.tr("Previewing…"))
        self._runner.submit(self.tr("Previewing the chain"), job, self._previewed)

    def _previewed(self, outcome: PreviewOutcome) -> None:
        self._previewing = False
        if self._again:
            self.preview_now()
            return
        if outcome.preview is not None:
            self.preview = outcome.preview
            self.view.set_images(
                bgr_image(outcome.preview.before), bgr_image(outcome.preview.after)
            )
            self.effect.show_effect(outcome.preview.effect, outcome.preview.effect_note)
            self._show_status(
                self.tr(
                    "Preview of {chain}: %n step(s), not stored.",
                    "",
                    len(outcome.preview.chain.steps),
                ).format(chain=outcome.preview.chain.name)
            )
        elif outcome.error:
            self.status.setText(outcome.error)
            self.status.setStyleSheet("color: #b71c1c")
        elif not outcome.superseded:
            self._show_status(self.tr("Preview cancelled."))

    @Slot(bool)
    def _runner_busy(self, busy: bool) -> None:
        # a job that failed never called back: the preview is no longer running
        # and Apply may be tried again
        if not busy:
            self._previewing = False
            self._update_apply()

    # -- storing the result ---------------------------------------------------------

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(
            self.chain is not None and self.photo.currentData() is not None
        )
        self.save_button.setEnabled(self.chain is not None)

    @Slot()
    def apply(self) -> None:
        """Store the chain's result as new evidence, with its provenance."""
        evidence_id, chain = self.photo.currentData(), self.chain
        if evidence_id is None or chain is None:
            return
        case_number, reference = self._case_number, self.reference.currentData()
        purpose = self.purpose.text().strip()

        def job(ws, progress, cancel):
            return enhance_evidence(
                ws,
                case_number,
                evidence_id,
                chain,
                reference=None if reference is None else str(reference),
                purpose=purpose,
                progress=progress,
                cancel=cancel,
            )

        self.apply_button.setEnabled(False)
        self._runner.submit(
            self.tr("Enhancing with {chain}").format(chain=chain.name),
            job,
            self._applied,
        )

    def _applied(self, result) -> None:
        self.result = result
        row = result.derivation
        self.provenance.setHtml(provenance_html(row))
        self.effect.show_effect(result.effect, result.effect_note)
        self._show_status(
            self.tr(
                "Stored as evidence {id} ({name}); the original is unchanged."
            ).format(id=result.output.id, name=result.output.original_name)
        )
        log.info("derivation %d stored as evidence %d", row.id, result.output.id)
        self.refresh_images()
        self.derived.emit(result.output.id)

    # -- messages -------------------------------------------------------------------

    def _show_status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box

    def sizeHint(self) -> QSize:
        return QSize(1260, 760)
