"""The Faces tab's Tracks, Clusters and Clearest faces on a dark stage clip.

The case holds ``short_hamilton_clip.mp4`` (a very dark stage video with
Lin-Manuel Miranda, sampled at 5 frames/s and tracked) and five photos. Each
sub-tab is driven in Chinese, as an analyst here would see it, and compared
with what the face services return; a screenshot of each is saved.
"""

from __future__ import annotations

import dataclasses

import pytest
from case_window import window_on_copy
from screenshots import save_screenshot

from workstation.services import faces
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.services.workspace import Workspace
from workstation.ui.face_clusters_panel import EVIDENCE as CLUSTER_EVIDENCE
from workstation.ui.face_clusters_panel import GROUP, MEMBERS
from workstation.ui.face_crop_grid import clock
from workstation.ui.face_tracks_panel import FACES, TRACK
from workstation.ui.faces_view import EVIDENCE

CASE = "H-001"
CLIP = "short_hamilton_clip.mp4"
LIN = "lin-manuel-miranda.png"
PHOTOS = (LIN, "obama.jpg", "biden.jpg", "alex-lacamoire.png", "two_people.jpg")

pytestmark = pytest.mark.slow


def _examples(shared_data):
    return shared_data / "faces" / "face_recognition" / "examples"


@pytest.fixture(scope="module")
def template(model_settings, tmp_path_factory, shared_data):
    """The scanned case, made once; each test opens its own copy."""
    root = tmp_path_factory.mktemp("tabs") / "template"
    ws = Workspace(dataclasses.replace(model_settings, workspace_dir=root))
    try:
        create_case(ws, CASE, "舞台视频人脸")
        files = [_examples(shared_data) / name for name in (CLIP, *PHOTOS)]
        add_evidence(ws, CASE, files)
        summary = faces.scan_faces(ws, CASE)
        assert (summary.videos_scanned, summary.images_scanned) == (1, 5)
    finally:
        ws.close()
    return root


@pytest.fixture
def window(qtbot, qapp, template, model_settings, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    win = window_on_copy(qtbot, qapp, template, model_settings, CASE, chinese=True)
    win.tabs.setCurrentWidget(win.faces)
    yield win
    win.close()
    win.ws.close()


def idle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=120_000)
    qtbot.wait(50)


def test_a_tracks_best_shots_are_shown_and_it_finds_his_photo(
    qtbot, window, shared_data
):
    win, ws, view = window, window.ws, window.faces
    # The service first: the photo finds his track, and the track finds the photo.
    by_photo = faces.search_faces(ws, CASE, _examples(shared_data) / LIN)
    track_id = by_photo.candidates[0].track_id
    assert by_photo.candidates[0].evidence_name == CLIP and track_id is not None
    by_track = faces.search_faces(ws, CASE, track_id=track_id)
    assert by_track.candidates[0].evidence_name == LIN

    panel = view.tracks
    view.tabs.setCurrentWidget(panel)
    idle(qtbot, win)
    tracks = faces.face_tracks(ws, CASE)
    assert [t.id for t in panel.tracks] == [t.id for t in tracks]
    assert panel.table.rowCount() == len(tracks) >= 10
    row = [t.id for t in tracks].index(track_id)
    assert panel.table.item(row, TRACK).text() == str(track_id)
    assert panel.table.item(row, FACES).text() == str(tracks[row].n_faces)
    assert view.tabs.tabText(1) == "轨迹"

    assert panel.select_track(track_id)
    idle(qtbot, win)
    shots = faces.best_shots(ws, CASE, track_id)
    assert panel.grid.face_ids() == [s.face.id for s in shots]
    assert [c.png for c in panel.grid.crops] == [s.png for s in shots]
    for index, shot in enumerate(shots):
        item = panel.grid.item(index)
        assert not item.icon().isNull()
        caption = item.text()
        assert f"{shot.face.frame}" in caption and clock(shot.face.time_s) in caption
        assert CLIP in caption
    save_screenshot(win, "faces-tracks")

    panel.search_button.click()
    idle(qtbot, win)
    assert view.tabs.currentWidget() is view.search_page
    result = view.outcome.result
    assert result.probe_track_id == track_id
    assert [c.face_id for c in result.candidates] == [
        c.face_id for c in by_track.candidates
    ]
    assert view.table.item(0, EVIDENCE).text() == LIN
    assert f"轨迹 {track_id}（{CLIP}" in view.status_label.text()
    save_screenshot(win, "faces-track-search")


def _shown_clusters(panel) -> list[tuple[str, str, str]]:
    table = panel.table
    return [
        tuple(table.item(r, c).text() for c in (GROUP, MEMBERS, CLUSTER_EVIDENCE))
        for r in range(table.rowCount())
    ]


def _expected_rows(clusters) -> list[tuple[str, str, str]]:
    return [(str(c.number), str(c.size), ", ".join(c.evidence_names)) for c in clusters]


def test_clusters_follow_the_threshold_and_a_face_is_searched(qtbot, window):
    win, ws, view = window, window.ws, window.faces
    panel = view.clusters
    view.tabs.setCurrentWidget(panel)
    idle(qtbot, win)
    default = faces.face_clusters(ws, CASE, threshold=0.35)
    assert panel.clustering.clusters == tuple(default)
    assert _shown_clusters(panel) == _expected_rows(default)

    panel.threshold.setValue(0.50)
    qtbot.waitUntil(lambda: panel.clustering.threshold == 0.50, timeout=60_000)
    idle(qtbot, win)
    stricter = faces.face_clusters(ws, CASE, threshold=0.50)
    assert stricter != default
    assert panel.clustering.clusters == tuple(stricter)
    assert _shown_clusters(panel) == _expected_rows(stricter)

    row, cluster = next(
        (i, c) for i, c in enumerate(stricter) if LIN in c.evidence_names
    )
    assert CLIP in cluster.evidence_names and cluster.track_ids
    panel.table.selectRow(row)
    idle(qtbot, win)
    assert panel.grid.face_ids() == list(cluster.face_ids)
    captions = [panel.grid.item(i).text() for i in range(panel.grid.count())]
    assert any(LIN in c for c in captions) and any(CLIP in c for c in captions)
    save_screenshot(win, "faces-clusters")

    lin = next(c.face for c in panel.grid.crops if c.face.evidence_name == LIN)
    expected = faces.search_with_face(ws, CASE, lin.id)
    assert expected.candidates[0].evidence_name == CLIP
    panel.grid.setCurrentRow(panel.grid.face_ids().index(lin.id))
    assert panel.search_button.isEnabled()
    panel.search_button.click()
    idle(qtbot, win)
    result = view.outcome.result
    assert view.tabs.currentWidget() is view.search_page
    assert result.probe_face_id == lin.id and result.probe_name == LIN
    assert view.table.item(0, EVIDENCE).text() == CLIP
    assert [c.face_id for c in result.candidates] == [
        c.face_id for c in expected.candidates
    ]


def test_clearest_faces_come_first_and_a_smaller_face_is_refused(qtbot, window):
    win, ws, view = window, window.ws, window.faces
    panel = view.clearest
    view.tabs.setCurrentWidget(panel)
    idle(qtbot, win)
    expected = faces.clearest_faces(ws, CASE, limit=panel.limit.value())
    assert panel.grid.face_ids() == [f.id for f in expected]
    qualities = [c.face.quality for c in panel.grid.crops]
    assert qualities == sorted(qualities, reverse=True)
    assert {c.face.evidence_name for c in panel.grid.crops} >= {CLIP, LIN}
    first = panel.grid.item(0).text()
    assert f"{expected[0].quality:.2f}" in first and expected[0].evidence_name in first
    save_screenshot(win, "faces-clearest")

    panel.limit.setValue(12)
    panel.refresh_button.click()
    idle(qtbot, win)
    assert panel.grid.face_ids() == [f.id for f in expected[:12]]

    # The smaller face of a two-person photo cannot be a photo probe: said, not run.
    pair = [
        c.face for c in panel.grid.crops if c.face.evidence_name == "two_people.jpg"
    ]
    assert len(pair) == 2
    smaller = min(pair, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
    panel.grid.setCurrentRow(panel.grid.face_ids().index(smaller.id))
    panel.search_button.click()
    idle(qtbot, win)
    qtbot.waitUntil(lambda: win.last_error is not None, timeout=10_000)
    assert "not the largest of the 2 faces in two_people.jpg" in win.last_error.text()
    assert view.outcome is None


def test_a_scan_from_the_tab_fills_the_tracks_and_clusters(qtbot, window, shared_data):
    win, ws = window, window.ws
    create_case(ws, "H-002", "未检测的视频")
    add_evidence(ws, "H-002", [_examples(shared_data) / CLIP])
    assert win.open_case("H-002")
    view = win.faces
    win.tabs.setCurrentWidget(view)
    view.tabs.setCurrentWidget(view.tracks)
    idle(qtbot, win)
    assert view.tracks.tracks == [] and view.tracks.table.rowCount() == 0
    assert view.tracks.summary.text().startswith("没有视频轨迹")

    view.scan_button.click()
    idle(qtbot, win)
    tracks = faces.face_tracks(ws, "H-002")
    assert len(tracks) >= 10
    assert [t.id for t in view.tracks.tracks] == [t.id for t in tracks]
    assert f"得到 {len(tracks)} 条轨迹" in view.status_label.text()
    # The other sub-tabs load what the scan found when they are next shown.
    view.tabs.setCurrentWidget(view.clusters)
    idle(qtbot, win)
    assert view.clusters.clustering.clusters == tuple(faces.face_clusters(ws, "H-002"))
