"""The Enhance tab: edit a chain on a real blurred face, preview it, store it.

The photo is a real portrait from the shared inputs, scaled so the face is
about 100 px wide (a doorway camera) and blurred; the sharp portrait is the
reference. Results are checked through the enhancement service's records.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from screenshots import save_screenshot

from doorway_photos import write_doorway_photos
from workstation.security.hashing import sha256_file
from workstation.services.cases import create_case
from workstation.services.enhance import list_case_derivations, load_chain
from workstation.services.evidence import add_evidence
from workstation.store import evidence_rows
from workstation.ui.enhance_view import EnhanceView
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.translations import install_translations
from workstation.ui.workers import TaskRunner

EXAMPLES = ("faces", "face_recognition", "examples")


@pytest.fixture
def photos(face_workspace, shared_data, tmp_path):
    """Case T-001 with a blurred doorway photo (evidence 1) and the sharp one (2)."""
    ws = face_workspace
    create_case(ws, "T-001", "增强测试", kind="criminal")
    add_evidence(ws, "T-001", list(write_doorway_photos(shared_data, tmp_path)))
    return ws


def make_view(qtbot, ws, *, synchronous=True) -> EnhanceView:
    runner = TaskRunner(ws.settings, synchronous=synchronous)
    view = EnhanceView(ws, "T-001", runner)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    view.show()
    qtbot.waitExposed(view)
    view.destroyed.connect(runner.close)
    return view


def step_ops(view: EnhanceView) -> list[str]:
    return [op for op, _ in view.steps.steps()]


def test_edit_a_chain_preview_and_store_it(qtbot, photos):
    ws = photos
    view = make_view(qtbot, ws)
    view.select_photo(1)
    view.select_reference(2)

    view.use_preset("out_of_focus")
    assert step_ops(view) == ["deblur"]
    # add a sharpening step and tune it with the widget made from its parameters
    view.steps.operation.setCurrentIndex(view.steps.operation.findData("unsharp_mask"))
    view.steps.add_chosen()
    amount = view.steps.form.widgets["amount"]
    assert (amount.minimum(), amount.maximum()) == (0.0, 5.0)
    amount.setValue(0.6)
    # a step added, moved up and removed again leaves the order as it was
    view.steps.select_step(0)
    view.steps.add_step("clahe")
    assert step_ops(view) == ["deblur", "clahe", "unsharp_mask"]
    view.steps.move_current(-1)
    assert step_ops(view) == ["clahe", "deblur", "unsharp_mask"]
    view.steps.remove_current()
    assert step_ops(view) == ["deblur", "unsharp_mask"]
    assert view.name_edit.text() == "out_of_focus_edited"
    assert view.chain is not None and view.chain_error == ""

    view.preview_now()
    preview = view.preview
    assert preview is not None and preview.evidence.id == 1
    assert [s.op for s in preview.chain.steps] == ["deblur", "unsharp_mask"]
    effect = preview.effect
    assert effect is not None and not effect.against_original
    assert effect.before is not None and effect.after is not None
    # the blurred face is more like the sharp portrait after the chain
    assert effect.after.match > effect.before.match
    assert view.effect.table.rowCount() == 3
    assert view.view.before is not None and view.view.after is not None
    assert view.view.after.size() == view.view.before.size()
    before_counts = len(evidence_rows.list_evidence(ws.store))
    assert before_counts == 2, "a preview stores nothing"

    view.purpose.setText("read the face at the door")
    view.apply()
    (row,) = list_case_derivations(ws, "T-001")
    assert row.chain_name == "out_of_focus_edited"
    assert [s["op"] for s in row.operations] == ["deblur", "unsharp_mask"]
    assert row.operations[1]["params"]["amount"] == pytest.approx(0.6)
    assert row.evidence_id == 1 and row.purpose == "read the face at the door"
    original = evidence_rows.get_evidence(ws.store, 1)
    assert row.input_sha256 == original.sha256
    assert sha256_file(ws.root / original.vault_path) == original.sha256
    assert view.result.output.id == row.output_evidence_id == 3
    provenance = view.provenance.toPlainText()
    assert row.input_sha256 in provenance and row.output_sha256 in provenance
    assert '"amount": 0.6' in provenance
    assert view.photo.findData(3) >= 0, "the stored result can be enhanced again"


def test_parameters_are_checked_and_named(qtbot, photos):
    view = make_view(qtbot, photos)
    view.select_photo(1)
    assert view.chain is None and not view.apply_button.isEnabled()

    view.steps.add_step("perspective")
    assert view.chain is None
    assert "step 1 (perspective), parameter 'points'" in view.chain_error
    assert "4 [x, y] pixel positions" in view.chain_error
    view.steps.form.widgets["points"].setText("[[0, 0], [10, 0")
    view.steps.form.widgets["points"].editingFinished.emit()
    assert "write the value as in a chain file" in view.chain_error
    view.steps.remove_current()

    # the spin box cannot leave the range; the service still names a step that
    # does not fit this photo
    view.steps.add_step("crop", {"x": 5000, "width": 40, "height": 40})
    assert view.chain is not None
    view.preview_now()
    assert view.preview is None
    assert "step 1 (crop)" in view.status.text()

    view.steps.add_step("deblur")
    view.steps.select_step(1)
    form = view.steps.form
    assert not form.widgets["length"].isEnabled(), "motion length needs kernel=motion"
    form.widgets["kernel"].setCurrentText("motion")
    assert form.widgets["length"].isEnabled() and not form.widgets["sigma"].isEnabled()


def test_steps_reorder_by_dragging(qtbot, photos):
    view = make_view(qtbot, photos)
    view.use_preset("night_cctv")
    assert step_ops(view) == ["auto_exposure", "bilateral"]
    # a drag in the list moves the row in its model
    model = view.steps.list.model()
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 2)
    assert step_ops(view) == ["bilateral", "auto_exposure"]
    assert view.steps.list.item(0).text().startswith("1. ")
    assert [s.op for s in view.chain.steps] == ["bilateral", "auto_exposure"]


def test_save_and_open_a_chain_file(qtbot, photos, tmp_path):
    view = make_view(qtbot, photos)
    view.use_preset("night_cctv")
    view.steps.add_step("unsharp_mask", {"radius": 1.5, "amount": 0.8})
    view.name_edit.setText("door_camera")
    view.chain_changed()
    saved = view.save_chain_to(tmp_path / "door_camera")
    assert saved == tmp_path / "door_camera.toml"
    assert load_chain(saved) == view.chain

    other = make_view(qtbot, photos)
    assert other.open_chain_file(saved)
    assert other.name_edit.text() == "door_camera"
    assert other.steps.steps() == view.steps.steps()
    assert not other.open_chain_file(tmp_path / "missing.toml")
    assert "no such chain file" in other.last_message.text()


def test_the_preview_runs_in_the_worker_and_a_change_supersedes_it(qtbot, photos):
    view = make_view(qtbot, photos, synchronous=False)
    view.select_photo(1)
    view.use_preset("night_cctv")
    view.preview_now()
    assert view._previewing
    # changes while the preview runs: the running one is cancelled, the last runs
    view.steps.add_step("unsharp_mask")
    view.preview_now()
    assert step_ops(view) == ["auto_exposure", "unsharp_mask", "bilateral"]
    view.steps.form.widgets["amount"].setValue(1.5)
    view.preview_now()
    qtbot.waitUntil(
        lambda: (
            view.preview is not None
            and len(view.preview.chain.steps) == 3
            and view.preview.chain.steps[1].params.amount == 1.5
        ),
        timeout=60_000,
    )
    qtbot.waitUntil(lambda: not view._runner.busy, timeout=60_000)
    assert view.preview.chain == view.chain


def test_the_split_line_follows_the_mouse(qtbot, photos):
    view = make_view(qtbot, photos)
    view.select_photo(1)
    view.use_preset("night_cctv")
    view.preview_now()
    split = view.view
    rect = split.picture_rect()
    point = QPoint(round(rect.left() + rect.width() * 0.25), round(rect.center().y()))
    qtbot.mousePress(split, Qt.MouseButton.LeftButton, pos=point)
    assert split.split == pytest.approx(0.25, abs=0.02)
    view.steps.add_step("crop", {"x": 10, "y": 10, "width": 120, "height": 120})
    view.preview_now()
    assert split.side_by_side, "a result of another size is shown beside the original"


@pytest.mark.slow
def test_enhance_tab_in_chinese(qtbot, qapp, photos, shared_data, tmp_path):
    portrait = cv2.imread(str(shared_data.joinpath(*EXAMPLES, "obama.jpg")))
    small = cv2.resize(portrait, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    # a dark, noisy doorway at night
    rng = np.random.default_rng(0)
    dark = small.astype(np.float64) * 0.12 + rng.normal(0.0, 3.0, small.shape)
    night = tmp_path / "night-door.png"
    cv2.imwrite(str(night), np.clip(np.rint(dark), 0, 255).astype(np.uint8))
    add_evidence(photos, "T-001", [night])
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    view = make_view(qtbot, photos)
    view.select_photo(3)
    view.select_reference(2)
    view.use_preset("night_cctv")
    view.steps.add_step("unsharp_mask", {"amount": 0.6})
    view.preview_now()
    view.view.set_split(0.45)
    assert view.preset_button.text() == "从预设开始"
    assert view.preset.currentText() == "night_cctv"
    assert view.effect.table.item(0, 0).text() == "未处理"
    qtbot.wait(50)
    save_screenshot(view, "enhance-preview")
    view.purpose.setText("夜间门口监控：辨认来人面部")
    view.apply()
    (row,) = list_case_derivations(photos, "T-001")
    assert row.evidence_id == 3
    assert "派生记录" in view.provenance.toPlainText()
    qtbot.wait(50)
    save_screenshot(view, "enhance-applied")


def test_a_stored_result_shows_on_the_evidence_tab(qtbot, qapp, photos):
    from workstation.ui.main_window import MainWindow

    win = MainWindow(photos, "T-001", runner=TaskRunner(photos.settings))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.enhance)
    assert win.tabs.tabText(win.tabs.currentIndex()) == "Enhance"
    view = win.enhance
    view.select_photo(1)
    view.use_preset("out_of_focus")
    qtbot.waitUntil(lambda: view.preview is not None, timeout=60_000)
    view.apply()
    qtbot.waitUntil(lambda: view.result is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=60_000)
    assert win.evidence.model.total_rows == 3
    assert win.summary.fields["evidence"].text() == "3"
    win.close()
