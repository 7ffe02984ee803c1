"""Face scans and 1:N candidate searches over a real case gallery."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from faces_cases import build_template, open_copy
from PIL import Image

from faces_fixtures import insightface_photo, vectron_photo
from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import Cancelled
from workstation.services import faces
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.store.audit_log import read_audit

CASE = "F-001"


def _fill_gallery_case(ws, folder: Path) -> None:
    create_case(ws, CASE, "人脸比对测试", kind="criminal")
    truncated = folder / "truncated.jpg"
    data = insightface_photo("t1.jpg").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    notes = folder / "notes.txt"
    notes.write_text("not a photo", encoding="utf-8")
    add_evidence(
        ws,
        CASE,
        [
            vectron_photo("players.jpg"),
            vectron_photo("gdp.jpg"),
            truncated,
            insightface_photo("t1.jpg"),
            notes,
        ],
    )


@pytest.fixture
def gallery_case(face_workspace, tmp_path):
    """A case with players.jpg, gdp.jpg, t1.jpg, a truncated JPEG and a text file."""
    _fill_gallery_case(face_workspace, tmp_path)
    return face_workspace


@pytest.fixture(scope="module")
def scanned_template(model_settings, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gallery")

    def fill(ws):
        _fill_gallery_case(ws, folder)
        faces.scan_faces(ws, CASE)

    return build_template(model_settings, folder, fill)


@pytest.fixture
def scanned_case(scanned_template, model_settings, tmp_path):
    """The gallery case already scanned (a copy per test)."""
    ws = open_copy(model_settings, scanned_template, tmp_path)
    yield ws
    ws.close()


def _count(ws, sql: str, params=()) -> int:
    return ws.store.execute(sql, list(params)).fetchone()[0]


def test_scan_stores_faces_skips_damaged_photos_and_resumes(gallery_case):
    ws = gallery_case
    reports = []

    summary = faces.scan_faces(ws, CASE, progress=lambda *a: reports.append(a))

    assert summary.images_scanned == 3
    assert summary.images_skipped == 0
    # players.jpg: 22 faces in one detector pass, 62 more crowd faces 10-20 px
    # wide found in the frame scaled by 0.8; gdp.jpg 5, t1.jpg 6.
    assert summary.faces_found == 84 + 5 + 6
    (failure,) = summary.failed
    assert failure.name == "truncated.jpg"
    assert "truncated.jpg: the image is truncated or damaged" in failure.reason
    assert [r[:2] for r in reports] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert "detection on CPUExecutionProvider" in summary.providers
    assert "recognition on CPUExecutionProvider" in summary.providers

    assert _count(ws, "SELECT count(*) FROM faces WHERE model_pack = 'default'") == 95
    assert _count(ws, "SELECT count(*) FROM face_scans") == 3
    row = ws.store.execute(
        "SELECT len(box), len(landmarks), len(embedding), "
        "list_dot_product(embedding, embedding), frame, time_s, track_id "
        "FROM faces LIMIT 1"
    ).fetchone()
    assert row[:3] == (4, 10, 512)
    assert row[3] == pytest.approx(1.0, abs=1e-4)
    assert row[4:] == (0, None, None)
    low, high, nulls = ws.store.execute(
        "SELECT min(quality), max(quality), count(*) FILTER (quality IS NULL) "
        "FROM faces"
    ).fetchone()
    assert 0.0 <= low < 0.3 and 0.8 < high <= 1.0 and nulls == 0

    again = faces.scan_faces(ws, CASE)

    assert (again.images_scanned, again.images_skipped, again.faces_found) == (0, 3, 0)
    assert [f.name for f in again.failed] == ["truncated.jpg"]
    assert _count(ws, "SELECT count(*) FROM faces") == 95
    assert [e.action for e in read_audit(ws.store)].count("face.scan") == 2


def test_cancelled_scan_keeps_finished_photos_and_resumes(gallery_case):
    ws = gallery_case
    stop = threading.Event()

    with pytest.raises(Cancelled, match="after 1 of 4 items"):
        faces.scan_faces(
            ws, CASE, min_face=None, progress=lambda *a: stop.set(), cancel=stop
        )
    assert _count(ws, "SELECT count(*) FROM face_scans") == 1

    rest = faces.scan_faces(ws, CASE, min_face=None)
    assert (rest.images_scanned, rest.images_skipped) == (2, 1)
    assert _count(ws, "SELECT count(*) FROM faces") == 22 + 5 + 6


def test_scan_of_chosen_evidence_reports_non_photos(gallery_case):
    ws = gallery_case
    summary = faces.scan_faces(ws, CASE, evidence_ids=[2, 5])

    assert summary.images_scanned == 1
    assert summary.faces_found == 5
    assert [(f.name, f.reason.split(";")[0]) for f in summary.failed] == [
        ("notes.txt", "not a photo or video (media type text/plain)")
    ]
    with pytest.raises(NotFoundError, match="Evidence 99 is not in case"):
        faces.scan_faces(ws, CASE, evidence_ids=[99])


def test_yao_ming_search_ranks_his_face_first_and_records_pending_leads(scanned_case):
    ws = scanned_case

    result = faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"))

    assert result.gallery_size == 95
    assert result.threshold == pytest.approx(0.30)
    assert len(result.candidates) == 20
    first, second = result.candidates[:2]
    assert first.rank == 1 and first.evidence_name == "players.jpg"
    assert first.score == pytest.approx(0.63, abs=0.02)
    assert first.above_threshold
    assert second.score < 0.3
    assert [c.face_id for c in result.leads_above_threshold] == [first.face_id]
    assert not any(
        c.above_threshold for c in result.candidates if c.evidence_name == "gdp.jpg"
    )
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)

    rows = ws.store.execute(
        "SELECT rank, candidate_face_id, decision FROM matches "
        "WHERE search_id = ? ORDER BY rank",
        [result.search_id],
    ).fetchall()
    assert [r[1] for r in rows] == [c.face_id for c in result.candidates]
    assert {r[2] for r in rows} == {"pending"}
    search = ws.store.execute(
        "SELECT probe_name, model_pack, searched_by FROM face_searches WHERE id = ?",
        [result.search_id],
    ).fetchone()
    assert search == ("yaoming.jpg", "default", "analyst.test")
    entry = read_audit(ws.store)[-1]
    assert entry.action == "face.search"
    assert entry.details["above_threshold"] == 1


def test_a_probe_that_is_case_evidence_is_not_its_own_candidate(scanned_case):
    ws = scanned_case
    add_evidence(ws, CASE, [vectron_photo("yaoming.jpg")])
    faces.scan_faces(ws, CASE)
    (own,) = ws.store.execute(
        "SELECT f.id FROM faces f JOIN evidence e ON e.id = f.evidence_id "
        "WHERE e.original_name = 'yaoming.jpg'"
    ).fetchall()

    result = faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"))

    assert result.probe_face_id == own[0]
    assert result.gallery_size == 95
    assert own[0] not in [c.face_id for c in result.candidates]
    assert result.candidates[0].evidence_name == "players.jpg"
    assert result.candidates[0].score == pytest.approx(0.63, abs=0.02)
    stored = ws.store.execute(
        "SELECT probe_face_id FROM face_searches WHERE id = ?", [result.search_id]
    ).fetchone()[0]
    assert stored == own[0]


def test_top_k_and_threshold_can_be_chosen(scanned_case):
    ws = scanned_case

    result = faces.search_faces(
        ws, CASE, vectron_photo("yaoming.jpg"), top_k=3, threshold=0.7
    )

    assert [c.rank for c in result.candidates] == [1, 2, 3]
    assert result.leads_above_threshold == ()
    with pytest.raises(WorkstationError, match="top-k"):
        faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"), top_k=0)


def test_decisions_links_and_crops(scanned_case):
    ws = scanned_case
    result = faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"))
    lead = result.candidates[0]
    case_id = ws.case(CASE).id
    person = ws.store.execute(
        "INSERT INTO entities (case_id, type, key, label) "
        "VALUES (?, 'person', 'P-1', '姚明 (reference)') RETURNING id",
        [case_id],
    ).fetchone()[0]

    faces.record_decision(ws, result.search_id, lead.face_id, "confirmed", "same ears")
    assert faces.link_face_to_person(ws, CASE, lead.face_id, person, "review")
    assert not faces.link_face_to_person(ws, CASE, lead.face_id, person, "review")

    decided = ws.store.execute(
        "SELECT decision, decided_by, comment FROM matches "
        "WHERE search_id = ? AND candidate_face_id = ?",
        [result.search_id, lead.face_id],
    ).fetchone()
    assert decided == ("confirmed", "analyst.test", "same ears")
    actions = [(e.action, json.dumps(e.details)) for e in read_audit(ws.store)]
    assert [a for a, _ in actions][-2:] == ["face.decision", "face.link_person"]
    assert ws.store.execute(
        "SELECT person_id FROM faces WHERE id = ?", [lead.face_id]
    ).fetchone() == (person,)
    again = faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"))
    assert again.candidates[0].person_label == "姚明 (reference)"
    assert again.candidates[1].person_label is None

    with pytest.raises(WorkstationError, match="not one of confirmed, rejected"):
        faces.record_decision(ws, result.search_id, lead.face_id, "maybe", "")
    # a confirmation must say why; a rejection may go without a comment
    other = result.candidates[1].face_id
    for blank in ("", "  "):
        with pytest.raises(WorkstationError, match="needs a comment saying why"):
            faces.record_decision(ws, result.search_id, other, "confirmed", blank)
    decision_sql = (
        "SELECT decision FROM matches WHERE search_id = ? AND candidate_face_id = ?"
    )
    (before,) = ws.store.execute(decision_sql, [result.search_id, other]).fetchone()
    assert before == "pending"
    faces.record_decision(ws, result.search_id, other, "rejected")
    (after,) = ws.store.execute(decision_sql, [result.search_id, other]).fetchone()
    assert after == "rejected"
    with pytest.raises(NotFoundError, match="not a candidate"):
        faces.record_decision(ws, result.search_id, 10_000, "rejected", "")
    with pytest.raises(NotFoundError, match="No face search"):
        faces.record_decision(ws, 999, lead.face_id, "rejected", "")

    crop = Image.open(io.BytesIO(faces.face_crop_png(ws, lead.face_id)))
    assert (crop.format, crop.size) == ("PNG", (160, 160))


def test_search_errors_say_what_to_do(gallery_case, tmp_path):
    ws = gallery_case
    with pytest.raises(NotFoundError, match="no faces scanned"):
        faces.search_faces(ws, CASE, vectron_photo("yaoming.jpg"))

    faces.scan_faces(ws, CASE, evidence_ids=[2])
    blank = tmp_path / "wall.png"
    Image.new("RGB", (320, 240), (128, 128, 128)).save(blank)
    with pytest.raises(NotFoundError, match="no face found"):
        faces.search_faces(ws, CASE, blank)


def test_the_engine_is_loaded_once_and_reused(face_workspace, model_settings):
    from workstation.services.workspace import Workspace

    first = faces.face_engine(face_workspace)
    other = Workspace(model_settings)
    try:
        assert faces.face_engine(other) is first
        assert faces.face_engine(face_workspace) is first
    finally:
        other.close()
