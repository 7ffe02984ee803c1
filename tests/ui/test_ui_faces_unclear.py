"""The Faces tab with a night-CCTV probe: its band, steps and threshold are shown."""

from __future__ import annotations

import dataclasses

import pytest
from screenshots import save_screenshot

from workstation.ui.faces_view import EVIDENCE, FMR, SCORE, THRESHOLD
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.workers import TaskRunner
from workstation.vision.degradation import NIGHT_CCTV, degraded_jpeg
from workstation.vision.face_engine import largest_face
from workstation.vision.image_loading import load_bgr
from workstation.vision.probe_embedding import LOW_QUALITY_STEPS


@pytest.mark.slow
def test_a_poor_probe_is_searched_in_its_band_and_says_so(
    qtbot, qapp, model_settings, shared_data, face_engine, tmp_path
):
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.workspace import Workspace

    examples = shared_data / "faces" / "face_recognition" / "examples"
    train = examples / "knn_examples" / "train"
    gallery = [
        examples / "obama2.jpg",
        examples / "biden.jpg",
        train / "kit_harington" / "john1.jpeg",
        train / "rose_leslie" / "img1.jpg",
    ]
    clean = load_bgr(examples / "obama.jpg")
    face = largest_face(face_engine.detect(clean))
    probe = tmp_path / "night-camera-04.jpg"
    probe.write_bytes(
        degraded_jpeg(clean, face_width=face.box[2] - face.box[0], recipe=NIGHT_CCTV)
    )

    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    ws = Workspace(settings)
    create_case(ws, "N-004", "夜间监控比对")
    add_evidence(ws, "N-004", gallery)
    install_cjk_fallback(qapp)
    win = MainWindow(ws, "N-004", runner=TaskRunner(settings))
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    faces = win.faces
    win.tabs.setCurrentWidget(faces)
    faces.scan()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=60_000)

    faces.search(probe)
    qtbot.waitUntil(lambda: faces.outcome is not None, timeout=60_000)

    result = faces.outcome.result
    assert str(result.probe_band) == "poor" and result.probe_steps == LOW_QUALITY_STEPS
    assert result.threshold < result.set_threshold == pytest.approx(0.30)
    text = faces.probe_label.text()
    assert not faces.probe_label.isHidden()
    assert "poor" in text and f"{result.threshold:.3f}" in text and "0.30" in text
    assert LOW_QUALITY_STEPS[0] in text
    table = faces.table
    assert table.item(0, EVIDENCE).text() == "obama2.jpg"
    assert float(table.item(0, SCORE).text()) >= result.threshold
    assert table.item(0, THRESHOLD).text() == "above"
    assert table.item(0, FMR).text() == str(result.candidates[0].fmr)
    assert all(c.score < result.threshold for c in result.candidates[1:])
    save_screenshot(win, "faces-unclear-probe")
    win.close()
    ws.close()
