"""Faces in video evidence: sampling, tracks, best shots, templates and search."""

from __future__ import annotations

import io
import shutil
import threading

import numpy as np
import pytest
from faces_cases import build_template, open_copy
from PIL import Image

from video_repack import faststart_copy, truncated_copy
from workstation.domain.progress import Cancelled
from workstation.services import faces
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.store.audit_log import read_audit
from workstation.vision.face_crops import crop_face
from workstation.vision.image_loading import read_video_frame

CASE = "V-001"


def _clips(shared_data, folder):
    examples = shared_data / "faces" / "face_recognition" / "examples"
    pedestrians = shared_data / "video" / "pedestrians" / "video.mp4"
    hamilton = folder / "hamilton.mp4"
    shutil.copyfile(examples / "short_hamilton_clip.mp4", hamilton)
    return {
        "hamilton": hamilton,
        "carphone": shared_data / "video" / "carphone" / "carphone_pristine.mp4",
        "cut": truncated_copy(
            faststart_copy(pedestrians, folder / "f.mp4"), folder / "cut.mp4"
        ),
        "interrupted": truncated_copy(pedestrians, folder / "interrupted.mp4"),
        "lin": examples / "lin-manuel-miranda.png",
    }


@pytest.fixture(scope="module")
def template(model_settings, tmp_path_factory, shared_data):
    folder = tmp_path_factory.mktemp("video")
    clips = _clips(shared_data, folder)

    def fill(ws):
        create_case(ws, CASE, "视频人脸")
        add_evidence(ws, CASE, list(clips.values()))
        ws.summary = faces.scan_faces(ws, CASE)
        (folder / "summary").write_text(repr(ws.summary), encoding="utf-8")

    root = build_template(model_settings, folder, fill)
    return root, (folder / "summary").read_text(encoding="utf-8")


@pytest.fixture
def ws(template, model_settings, tmp_path):
    workspace = open_copy(model_settings, template[0], tmp_path)
    yield workspace
    workspace.close()


def _rows(ws, sql, params=()):
    return ws.store.execute(sql, list(params)).fetchall()


def test_videos_are_sampled_tracked_and_damage_is_reported(template, ws):
    summary = template[1]
    assert "images_scanned=1" in summary and "videos_scanned=3" in summary
    # 46 frames of the 29.97 fps clip, 20 of carphone, 10 of the cut 1080p clip.
    assert "frames_analysed=76" in summary
    assert "partial_videos=('cut.mp4',)" in summary
    assert (
        "interrupted.mp4: the video cannot be opened: it is damaged, cut short"
        in summary
    )

    per_video = dict(
        _rows(
            ws,
            "SELECT e.original_name, max(f.frame) FROM faces f JOIN evidence e "
            "ON e.id = f.evidence_id GROUP BY 1",
        )
    )
    assert (
        per_video["hamilton.mp4"] == 270 and per_video["carphone_pristine.mp4"] == 114
    )
    assert 30 < per_video["cut.mp4"] < 75
    scans = dict(
        _rows(
            ws,
            "SELECT e.original_name, s.frames_analysed FROM face_scans s "
            "JOIN evidence e ON e.id = s.evidence_id",
        )
    )
    assert scans["hamilton.mp4"] == 46 and scans["lin-manuel-miranda.png"] is None
    (carphone,) = [
        t for t in faces.face_tracks(ws, CASE) if t.evidence_name.startswith("car")
    ]
    assert (carphone.n_faces, carphone.first_frame, carphone.last_frame) == (20, 0, 114)
    assert carphone.last_time_s == pytest.approx(114 / 29.97, abs=1e-3)


def test_every_video_face_points_to_its_frame_time_and_track(ws):
    rows = _rows(
        ws,
        "SELECT f.frame, f.time_s, f.track_id, t.first_frame, t.last_frame "
        "FROM faces f JOIN face_tracks t ON t.id = f.track_id "
        "JOIN evidence e ON e.id = f.evidence_id "
        "WHERE e.original_name = 'hamilton.mp4'",
    )
    assert len(rows) > 60
    for frame, time_s, _, first, last in rows:
        assert time_s == pytest.approx(frame / 29.97, abs=1e-3)
        assert first <= frame <= last
    untracked = _rows(
        ws, "SELECT count(*) FROM faces WHERE track_id IS NULL AND time_s IS NOT NULL"
    )
    assert untracked == [(0,)]


def test_tracks_keep_their_clearest_faces_and_a_renormalised_mean_template(ws):
    tracks = _rows(
        ws, "SELECT id, n_faces, best_face_ids, template, quality FROM face_tracks"
    )
    assert len(tracks) >= 10
    for track_id, n_faces, best, template, quality in tracks:
        members = _rows(
            ws,
            "SELECT id, quality, embedding FROM faces WHERE track_id = ? "
            "ORDER BY quality DESC, frame",
            [track_id],
        )
        assert len(members) == n_faces
        assert best == [m[0] for m in members[: min(3, n_faces)]]
        assert quality == pytest.approx(members[0][1])
        mean = np.mean([np.asarray(m[2]) for m in members], axis=0)
        assert np.allclose(template, mean / np.linalg.norm(mean), atol=1e-5)


def test_lin_manuel_mirandas_photo_finds_his_track_in_the_dark_clip(ws, shared_data):
    photo = (
        shared_data
        / "faces"
        / "face_recognition"
        / "examples"
        / "lin-manuel-miranda.png"
    )
    result = faces.search_faces(ws, CASE, photo)

    first = result.candidates[0]
    assert first.evidence_name == "hamilton.mp4" and first.track_id is not None
    assert first.score > 0.6 and first.above_threshold
    assert first.time_s == pytest.approx(first.frame / 29.97, abs=1e-3)
    tracks = [c.track_id for c in result.candidates if c.track_id is not None]
    assert len(tracks) == len(set(tracks))  # one candidate per track

    # The track's template (its faces averaged) matches the photo best of all.
    by_track = faces.search_faces(ws, CASE, track_id=first.track_id)
    best = by_track.candidates[0]
    assert best.evidence_name == "lin-manuel-miranda.png"
    assert best.score > 0.7  # measured 0.738
    assert by_track.probe_track_id == first.track_id
    assert first.track_id not in [c.track_id for c in by_track.candidates]
    assert read_audit(ws.store)[-1].details["probe_track_id"] == first.track_id


def test_best_shots_are_cut_from_their_exact_frames(ws, tmp_path):
    track = max(faces.face_tracks(ws, CASE), key=lambda t: t.n_faces)
    shots = faces.best_shots(ws, CASE, track.id, out_dir=tmp_path / "best")

    assert [s.face.id for s in shots] == list(track.best_face_ids)
    qualities = [s.face.quality for s in shots]
    assert qualities == sorted(qualities, reverse=True)
    for shot in shots:
        assert shot.path.is_file() and shot.path.read_bytes() == shot.png
        source = (
            ws.root
            / _rows(
                ws,
                "SELECT vault_path FROM evidence WHERE id = ?",
                [shot.face.evidence_id],
            )[0][0]
        )
        frame = read_video_frame(source, shot.face.frame)
        expected = np.asarray(crop_face(frame, shot.face.box, size=160), dtype=float)
        cropped = np.asarray(
            Image.open(io.BytesIO(shot.png)).convert("RGB"), dtype=float
        )
        assert np.abs(cropped - expected).mean() < 1.0
    assert read_audit(ws.store)[-1].action == "face.best_shots"


def test_rescans_skip_videos_and_a_cancelled_video_leaves_nothing(ws, shared_data):
    again = faces.scan_faces(ws, CASE)
    assert (again.videos_scanned, again.videos_skipped, again.images_skipped) == (
        0,
        3,
        1,
    )

    pedestrians = shared_data / "video" / "pedestrians" / "video.mp4"
    add_evidence(ws, CASE, [pedestrians])
    before = _rows(ws, "SELECT count(*), (SELECT count(*) FROM face_tracks) FROM faces")
    stop = threading.Event()
    seen = []

    def progress(done, total, message):
        seen.append(message)
        if "frame 2/" in message:
            stop.set()

    with pytest.raises(Cancelled, match=r"video\.mp4 at frame"):
        faces.scan_faces(ws, CASE, progress=progress, cancel=stop)
    assert (
        _rows(ws, "SELECT count(*), (SELECT count(*) FROM face_tracks) FROM faces")
        == before
    )
    assert "video.mp4 frame 1/21" in seen
