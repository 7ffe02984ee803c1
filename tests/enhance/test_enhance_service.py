"""Enhancing case evidence: provenance, the vault, verification, refusals, video."""

from __future__ import annotations

import dataclasses
import json
import stat

import numpy as np
import pytest

from doorway_photos import write_doorway_photos
from workstation.domain.errors import InputFileError
from workstation.security.hashing import sha256_bytes, sha256_file
from workstation.services.cases import create_case
from workstation.services.enhance import (
    enhance_evidence,
    list_case_derivations,
    load_chain,
)
from workstation.services.enhance_verify import verify_derivation
from workstation.services.evidence import add_evidence
from workstation.store import evidence_rows
from workstation.vision.enhance import ChainError
from workstation.vision.enhance.chain import make_fusion

EXAMPLES = ("faces", "face_recognition", "examples")
CARPHONE = ("video", "carphone", "carphone_distorted.mp4")


@pytest.fixture
def blur_case(face_workspace, shared_data, tmp_path):
    """Case T-001 with a blurred portrait (evidence 1) and the sharp one (2)."""
    ws = face_workspace
    create_case(ws, "T-001", "增强测试", kind="criminal")
    add_evidence(ws, "T-001", list(write_doorway_photos(shared_data, tmp_path)))
    return ws


def _counts(ws) -> tuple:
    store = ws.store
    return (
        store.execute("SELECT count(*) FROM evidence").fetchone()[0],
        store.execute("SELECT count(*) FROM derivations").fetchone()[0],
        store.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        len(ws.vault.stored_files()),
    )


def test_enhancing_a_photo_records_its_provenance(blur_case):
    ws = blur_case
    original = evidence_rows.get_evidence(ws.store, 1)
    original_file = ws.root / original.vault_path
    result = enhance_evidence(
        ws, "T-001", 1, "out_of_focus", reference=2, purpose="read the face"
    )
    row = result.derivation
    assert row.evidence_id == 1 and row.input_sha256 == original.sha256
    # the original is untouched and the result is a new read-only vault file
    assert sha256_file(original_file) == original.sha256
    data = result.output_path.read_bytes()
    assert sha256_bytes(data) == row.output_sha256 == result.output.sha256
    assert not result.output_path.stat().st_mode & stat.S_IWUSR
    assert result.output.original_name == "doorway.out_of_focus.png"
    assert result.output.media_type == "image/png"
    assert row.chain_name == "out_of_focus" and row.purpose == "read the face"
    assert row.created_by == "analyst.test"
    (step,) = row.operations
    assert step["op"] == "deblur" and step["params"]["sigma"] == 2.0
    assert step["params"]["balance"] == 0.01 and "Wiener" in step["reference"]
    assert {"python", "numpy", "opencv", "scikit-image", "workstation"} <= set(
        row.software
    )
    assert row.source == {
        "kind": "image",
        "chain_description": load_chain("out_of_focus").description,
    }
    # the sharp portrait is the reference: deblurring brings the face closer
    effect = result.effect
    assert not effect.against_original
    assert effect.reference == "portrait.png (evidence 2)"
    assert effect.after.match > effect.before.match + 0.02
    assert not [w for w in effect.warnings if w.kind in ("match", "lost")]
    audit = ws.store.execute(
        "SELECT details FROM audit_log WHERE action = 'enhance.apply'"
    ).fetchone()[0]
    details = json.loads(audit)
    assert details["derivation_id"] == row.id
    assert details["output_sha256"] == row.output_sha256
    assert [r.id for r in list_case_derivations(ws, "T-001")] == [row.id]

    check = verify_derivation(ws, "T-001", row.id)
    assert check.ok and check.identical
    assert "bit for bit" in check.summary()


def test_verification_states_how_far_a_rerun_is_from_the_stored_output(blur_case):
    ws = blur_case
    row = enhance_evidence(ws, "T-001", 1, "out_of_focus", measure=False).derivation
    operations = row.operations
    operations[0]["params"]["balance"] = 0.02  # as if another build had run it
    ws.store.execute(
        "UPDATE derivations SET operations = ? WHERE id = ?",
        [json.dumps(operations), row.id],
    )
    check = verify_derivation(ws, "T-001", row.id)
    assert not check.identical and not check.ok
    assert check.input_problem is None and check.output_problem is None
    assert 0 < check.comparison.max_abs_diff < 255
    assert 25 < check.comparison.psnr < 80
    summary = check.summary()
    assert f"not the stored {row.output_sha256}" in summary
    assert f"at most {check.comparison.max_abs_diff} levels" in summary


def test_a_bad_chain_or_a_step_that_does_not_fit_writes_nothing(blur_case, tmp_path):
    ws = blur_case
    before = _counts(ws)
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "bad"\n[[step]]\nop = "levels"\n[[step]]\nop = "unsharp_mask"\n'
        "radius = 50\n",
        encoding="utf-8",
    )
    with pytest.raises(ChainError, match=r"bad.toml: step 2 \(unsharp_mask\), "):
        enhance_evidence(ws, "T-001", 1, bad)
    too_big = tmp_path / "crop.toml"
    too_big.write_text(
        'name = "crop"\n[[step]]\nop = "crop"\nwidth = 5000\nheight = 10\n',
        encoding="utf-8",
    )
    with pytest.raises(ChainError, match=r"step 1 \(crop\), parameter 'width'"):
        enhance_evidence(ws, "T-001", 1, too_big)
    with pytest.raises(ChainError, match="is a photo: frame and face fusion"):
        enhance_evidence(ws, "T-001", 1, _with_fusion("compressed_video", "frames"))
    with pytest.raises(InputFileError, match="a frame number applies only to videos"):
        enhance_evidence(ws, "T-001", 1, "out_of_focus", frame=3)
    assert _counts(ws) == before


def _with_fusion(preset: str, kind: str):
    """The preset with a [fusion] table of ``kind`` and default settings."""
    return dataclasses.replace(
        load_chain(preset), fusion=make_fusion({"kind": kind}, where="test")
    )


@pytest.fixture
def video_case(face_workspace, shared_data):
    """Case T-002 holding the compressed carphone clip (evidence 1)."""
    ws = face_workspace
    create_case(ws, "T-002", "视频增强", kind="criminal")
    add_evidence(ws, "T-002", [shared_data.joinpath(*CARPHONE)])
    return ws


def test_video_frames_and_fusions_are_recorded_and_reproduced(video_case):
    ws = video_case
    single = enhance_evidence(
        ws, "T-002", 1, "compressed_video", frame=30, measure=False
    ).derivation
    assert single.frames == (30,)
    assert single.source["kind"] == "frame"
    assert single.source["time_s"] == pytest.approx(30 / 29.97, abs=1e-3)
    assert single.output_name == "carphone_distorted.f000030.compressed_video.png"

    frames = enhance_evidence(
        ws,
        "T-002",
        1,
        _with_fusion("compressed_video", "frames"),
        frame=30,
        measure=False,
    ).derivation
    assert frames.source["kind"] == "frames"
    assert frames.frames == (28, 29, 30, 31, 32)
    assert [r["used"] for r in frames.source["registrations"]] == [True] * 5

    face_chain = _with_fusion("compressed_video", "face")
    face = enhance_evidence(ws, "T-002", 1, face_chain, frame=30)
    assert face.derivation.source["kind"] == "face"
    assert len(face.derivation.source["shots"]) == 5
    assert 30 in face.derivation.frames
    assert face.effect.stages[1].stage.kind == "fusion"
    for row in (single, frames, face.derivation):
        assert verify_derivation(ws, "T-002", row.id).identical

    with pytest.raises(Exception, match="choose the frame to enhance with --frame"):
        enhance_evidence(ws, "T-002", 1, "compressed_video")
    with pytest.raises(Exception, match="has 120 frames"):
        enhance_evidence(ws, "T-002", 1, "compressed_video", frame=120)


def test_a_stored_face_track_is_fused_from_its_best_faces(video_case):
    from workstation.services.faces import scan_faces
    from workstation.store import track_rows

    ws = video_case
    scan_faces(ws, "T-002", evidence_ids=[1], video_min_face=20)
    case = ws.case("T-002")
    tracks = track_rows.list_tracks(ws.store, case.id, "default")
    assert tracks
    track = max(tracks, key=lambda t: t.n_faces)
    result = enhance_evidence(ws, "T-002", 1, "compressed_video", track_id=track.id)
    source = result.derivation.source
    assert source["kind"] == "face" and source["track_id"] == track.id
    assert {s["frame"] for s in source["shots"]} <= set(range(120))
    assert verify_derivation(ws, "T-002", result.derivation.id).identical


def test_measured_effect_warns_when_a_preset_lowers_the_match(
    face_workspace, shared_data
):
    """The dark Hamilton clip: the face is spot-lit, so night_cctv cannot help."""
    ws = face_workspace
    create_case(ws, "T-003", "夜间", kind="criminal")
    clip = shared_data.joinpath(*EXAMPLES, "short_hamilton_clip.mp4")
    photo = shared_data.joinpath(*EXAMPLES, "lin-manuel-miranda.png")
    add_evidence(ws, "T-003", [clip])
    result = enhance_evidence(ws, "T-003", 1, "night_cctv", frame=150, reference=photo)
    effect = result.effect
    assert effect.reference == "lin-manuel-miranda.png"
    assert effect.before.match > 0.55  # the same person, clearly
    assert effect.after.match < effect.before.match
    lowered = [w for w in effect.warnings if w.kind == "match"]
    assert lowered and lowered[-1].stage.kind == "chain"
    assert np.isclose(lowered[-1].after, effect.after.match)
