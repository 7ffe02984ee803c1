"""The Evidence tab's video player on the dark stage clip after a face scan.

Frames are stepped one by one and from analysed frame to analysed frame,
dragged to with the slider and played; the boxes drawn for each frame are
compared with the faces the face services stored for it. The first test
runs in Chinese, as the screenshots show the desktop.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from case_window import window_on_copy
from screenshots import save_screenshot

from workstation.services import faces, video_playback
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.services.workspace import Workspace
from workstation.vision.video_frames import VideoSampler

CASE = "V-001"
CLIP = "short_hamilton_clip.mp4"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def template(model_settings, tmp_path_factory, shared_data):
    """A case holding the clip, scanned once (5 frames/s, tracked)."""
    root = tmp_path_factory.mktemp("player") / "template"
    clip = shared_data / "faces" / "face_recognition" / "examples" / CLIP
    ws = Workspace(dataclasses.replace(model_settings, workspace_dir=root))
    try:
        create_case(ws, CASE, "Stage clip")
        add_evidence(ws, CASE, [clip])
        assert faces.scan_faces(ws, CASE).videos_scanned == 1
    finally:
        ws.close()
    return root


@pytest.fixture
def window(request, qtbot, qapp, template, model_settings, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    chinese = getattr(request, "param", None) == "zh"
    win = window_on_copy(qtbot, qapp, template, model_settings, CASE, chinese=chinese)
    win.tabs.setCurrentWidget(win.evidence)
    yield win
    win.close()
    win.ws.close()


def shown_boxes(viewer) -> list[tuple]:
    return [
        (
            item.face.face_id,
            item.face.track_id,
            round(item.rect().x(), 2),
            round(item.rect().y(), 2),
            round(item.rect().width(), 2),
        )
        for item in viewer.face_items
    ]


def stored_boxes(ws, evidence_id: int, frame: int) -> list[tuple]:
    """The faces stored for one frame, straight from the database."""
    rows = ws.store.execute(
        "SELECT id, track_id, box FROM faces WHERE evidence_id = ? AND frame = ? "
        "ORDER BY (box[3] - box[1]) * (box[4] - box[2]) DESC, id",
        [evidence_id, frame],
    ).fetchall()
    return [
        (i, t, round(b[0], 2), round(b[1], 2), round(b[2] - b[0], 2))
        for i, t, b in rows
    ]


def go(qtbot, player, action) -> int:
    with qtbot.waitSignal(player.frame_shown, timeout=10_000) as shown:
        action()
    return shown.args[0]


@pytest.mark.parametrize("window", ["zh"], indirect=True)
def test_frames_are_stepped_with_the_faces_stored_for_each(qtbot, window):
    evidence = window.evidence
    media = evidence.media
    player = media.player
    ws = window.ws
    item = evidence.model.row_object(0)
    assert item.original_name == CLIP and item.media_type == "video/mp4"

    with qtbot.waitSignal(player.frame_shown, timeout=10_000):
        evidence.select_row(0)
    assert player.isVisible() and player.frame == 0
    assert player.slider.maximum() == 274
    assert media.viewer.image_size.width() == 640
    stored = video_playback.video_faces(ws, CASE, item.id)
    assert stored.scanned and stored.sample_fps == 5.0
    assert f"{len(stored.by_frame)} 帧中存有 {stored.count} 张人脸" in (
        media.caption.text()
    )
    # The analysed frames are those the scan's sampler decoded.
    path = ws.root / item.vault_path
    assert list(player.sampled) == [f.number for f in VideoSampler(path)]
    assert set(stored.by_frame) <= set(player.sampled)

    # Analysed frame by analysed frame, each shows exactly its stored faces.
    visited = [0]
    for _ in range(8):
        visited.append(go(qtbot, player, player.next_sample_button.click))
        frame = visited[-1]
        assert shown_boxes(media.viewer) == stored_boxes(ws, item.id, frame)
        assert [i.face for i in media.viewer.face_items] == list(stored.at(frame))
    assert visited == list(player.sampled[:9])
    busiest = max(stored.by_frame, key=lambda f: len(stored.by_frame[f]))
    go(qtbot, player, lambda: player.slider.setValue(busiest))
    assert shown_boxes(media.viewer) == stored_boxes(ws, item.id, busiest)
    assert len(media.viewer.face_items) == len(stored.at(busiest)) > 0
    first = media.viewer.face_items[0]
    assert first.caption_text.text() == (
        f"轨迹 {first.face.track_id} · 质量 {first.face.quality:.2f}"
    )
    assert player.faces_label.text() == f"已分析帧：{len(stored.at(busiest))} 张人脸。"
    assert player.position_label.text().startswith(f"第 {busiest} / 274 帧 · ")
    media.fit_button.click()
    qtbot.wait(50)
    save_screenshot(window, "evidence-video-player")

    # One frame on is not analysed: no boxes; one back returns to the faces.
    assert go(qtbot, player, player.next_button.click) == busiest + 1
    assert media.viewer.face_items == []
    assert player.faces_label.text().startswith("非分析帧")
    assert go(qtbot, player, player.previous_button.click) == busiest
    assert len(media.viewer.face_items) == len(stored.at(busiest))
    assert go(qtbot, player, player.previous_sample_button.click) == max(
        f for f in player.sampled if f < busiest
    )

    # The frame shown is the one decoded from the file at that number.
    reader = video_playback.OpenVideo(ws, item)
    try:
        pixels = media.viewer.pixmap_item.pixmap().toImage()
        expected = reader.frame_rgb(player.frame)
    finally:
        reader.close()
    pixels = pixels.convertToFormat(pixels.Format.Format_RGB888)
    row = np.frombuffer(pixels.constBits(), np.uint8, pixels.bytesPerLine() * 360)
    row = row.reshape(360, pixels.bytesPerLine())[:, : 640 * 3].reshape(360, 640, 3)
    assert np.array_equal(row, expected)


def test_a_fast_slider_drops_stale_frames_and_play_advances(qtbot, window):
    evidence = window.evidence
    player = evidence.media.player
    with qtbot.waitSignal(player.frame_shown, timeout=10_000):
        evidence.select_row(0)

    shown: list[int] = []
    player.frame_shown.connect(shown.append)
    dropped = player.decoder.dropped
    for value in range(1, 200):
        player.slider.setValue(value)
    qtbot.waitUntil(lambda: player.decoder.idle and player.frame == 199, timeout=10_000)
    # Positions passed while a frame decoded were never drawn.
    assert shown[-1] == 199 and len(shown) < 199 / 2
    assert player.decoder.dropped - dropped == 199 - len(shown)
    assert [f.face_id for f in (i.face for i in evidence.media.viewer.face_items)] == [
        f.face_id for f in player.faces.at(199)
    ]

    shown.clear()
    player.play_button.click()
    assert player.playing and player.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: len(shown) >= 10, timeout=10_000)
    player.play_button.click()
    assert not player.playing and player.play_button.text() == "Play"
    qtbot.waitUntil(lambda: player.decoder.idle, timeout=10_000)
    assert shown[:10] == list(range(200, 210))
    assert player.slider.value() == player.frame == shown[-1]

    # Another item stops the player; a photo would hide it.
    evidence.table_view.table.clearSelection()
    assert not player.isVisible() and player.details is None
