"""Stored faces as crops and as probes: the dark stage clip with the photos."""

from __future__ import annotations

import threading

import pytest
from faces_cases import build_template, open_copy

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import Cancelled
from workstation.services import faces
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.store.audit_log import read_audit

CASE = "R-001"
PHOTOS = (
    "lin-manuel-miranda.png",
    "obama.jpg",
    "biden.jpg",
    "alex-lacamoire.png",
    "two_people.jpg",
)


@pytest.fixture(scope="module")
def template(model_settings, tmp_path_factory, shared_data):
    examples = shared_data / "faces" / "face_recognition" / "examples"

    def fill(ws):
        create_case(ws, CASE, "舞台视频")
        add_evidence(
            ws,
            CASE,
            [examples / "short_hamilton_clip.mp4", *(examples / p for p in PHOTOS)],
        )
        faces.scan_faces(ws, CASE)

    return build_template(model_settings, tmp_path_factory.mktemp("review"), fill)


@pytest.fixture
def ws(template, model_settings, tmp_path):
    workspace = open_copy(model_settings, template, tmp_path)
    yield workspace
    workspace.close()


def _photo_faces(ws, name):
    return [f for f in faces.clearest_faces(ws, CASE) if f.evidence_name == name]


def _area(face):
    return (face.box[2] - face.box[0]) * (face.box[3] - face.box[1])


def test_face_crops_come_in_the_order_asked_and_match_the_single_crops(ws):
    rows = faces.clearest_faces(ws, CASE)
    wanted = [rows[5].id, rows[0].id, rows[-1].id]
    reports = []

    crops = faces.face_crops(ws, CASE, wanted, progress=lambda *a: reports.append(a))

    assert [c.face.id for c in crops] == wanted
    assert [c.png for c in crops] == [faces.face_crop_png(ws, i) for i in wanted]
    assert reports == [
        (1, 3, "cutting face crops"),
        (2, 3, "cutting face crops"),
        (3, 3, "cutting face crops"),
    ]
    video = next(c for c in crops if c.face.track_id is not None)
    assert video.face.evidence_name == "short_hamilton_clip.mp4" and video.face.frame
    # A best shot is a face crop with where it was written.
    track = faces.face_tracks(ws, CASE)[0]
    shot = faces.best_shots(ws, CASE, track.id)[0]
    assert isinstance(shot, faces.FaceCrop) and shot.path is None


def test_face_crops_refuse_other_cases_faces_and_stop_when_cancelled(ws):
    create_case(ws, "R-002", "另一案件")
    face_id = faces.clearest_faces(ws, CASE, limit=1)[0].id
    with pytest.raises(NotFoundError, match=f"belongs to case {CASE}, not R-002"):
        faces.face_crops(ws, "R-002", [face_id])
    with pytest.raises(NotFoundError, match="No stored face with id 999999"):
        faces.face_crops(ws, CASE, [face_id, 999999])
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        faces.face_crops(ws, CASE, [face_id], cancel=cancel)


def test_a_photo_face_searches_with_its_photo_under_its_own_name(ws):
    (lin,) = _photo_faces(ws, "lin-manuel-miranda.png")

    result = faces.search_with_face(ws, CASE, lin.id)

    assert result.probe_name == "lin-manuel-miranda.png"
    assert result.probe_face_id == lin.id and result.probe_track_id is None
    assert lin.id not in [c.face_id for c in result.candidates]
    first = result.candidates[0]
    assert first.evidence_name == "short_hamilton_clip.mp4" and first.above_threshold
    assert read_audit(ws.store)[-1].details["probe"] == "lin-manuel-miranda.png"


def test_a_video_face_searches_with_its_track(ws):
    track = max(faces.face_tracks(ws, CASE), key=lambda t: t.n_faces)
    face_id = track.best_face_ids[-1]

    result = faces.search_with_face(ws, CASE, face_id)

    by_track = faces.search_faces(ws, CASE, track_id=track.id)
    assert result.probe_track_id == track.id and result.probe_face_id is None
    assert [(c.face_id, c.score) for c in result.candidates] == [
        (c.face_id, c.score) for c in by_track.candidates
    ]
    assert result.candidates[0].evidence_name == "lin-manuel-miranda.png"


def test_only_the_largest_face_of_a_group_photo_is_a_probe(ws):
    smaller, larger = sorted(_photo_faces(ws, "two_people.jpg"), key=_area)

    with pytest.raises(WorkstationError, match="not the largest of the 2 faces"):
        faces.search_with_face(ws, CASE, smaller.id)
    result = faces.search_with_face(ws, CASE, larger.id)
    assert result.probe_face_id == larger.id
    assert result.probe_name == "two_people.jpg"
    with pytest.raises(NotFoundError, match="No stored face"):
        faces.search_with_face(ws, CASE, 999999)
