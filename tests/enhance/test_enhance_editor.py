"""The chain editor's service: operation parameters, checked chains, previews."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from doorway_photos import write_doorway_photos
from workstation.services.cases import create_case
from workstation.services.enhance import enhance_evidence, load_chain
from workstation.services.enhance_editor import (
    build_chain,
    case_images,
    chain_fusion,
    chain_steps,
    operation_spec,
    operation_specs,
    preview_enhancement,
    save_chain_file,
)
from workstation.services.evidence import add_evidence
from workstation.vision.enhance import OPERATIONS, ChainError
from workstation.vision.image_loading import load_bgr


@pytest.fixture
def doorway(face_workspace, shared_data, tmp_path):
    """Case T-001: a blurred portrait (evidence 1), the sharp one (2), a CSV (3)."""
    ws = face_workspace
    create_case(ws, "T-001", "增强测试", kind="criminal")
    calls = tmp_path / "calls.csv"
    calls.write_text("a,b\n1,2\n", encoding="utf-8")
    photos = write_doorway_photos(shared_data, tmp_path)
    add_evidence(ws, "T-001", [*photos, calls])
    return ws


def test_every_operation_and_parameter_is_described_as_declared():
    specs = operation_specs()
    assert {s.name for s in specs} == set(OPERATIONS)
    deblur = {p.name: p for p in operation_spec("deblur").parameters}
    assert deblur["method"].kind == "choice"
    assert deblur["method"].choices == ("wiener", "richardson_lucy")
    assert deblur["length"].when == ("kernel", "motion")
    assert (deblur["balance"].low, deblur["balance"].high) == (0.0001, 1.0)
    nl_means = {p.name: p for p in operation_spec("nl_means").parameters}
    assert nl_means["template"].odd and nl_means["template"].unit == "px"
    assert "odd integer from 3 to 15 px" in nl_means["template"].allowed
    points = {p.name: p for p in operation_spec("perspective").parameters}["points"]
    assert points.kind == "points" and points.count == 4
    # the defaults make a valid step of every operation that needs no input
    for spec in specs:
        if spec.name != "perspective":
            build_chain("defaults", [(spec.name, spec.defaults())])
    with pytest.raises(ChainError, match="Unknown operation 'sharpen'"):
        operation_spec("sharpen")


def test_chains_round_trip_through_the_editor_and_toml(tmp_path):
    preset = load_chain("night_cctv")
    steps = chain_steps(preset)
    assert [op for op, _ in steps] == ["auto_exposure", "bilateral"]
    assert steps[1][1]["diameter"] == 7
    rebuilt = build_chain(preset.name, steps, description=preset.description)
    assert rebuilt == preset
    assert chain_fusion(preset) is None

    edited = build_chain("door", [*steps, ("unsharp_mask", {"amount": 0.8})])
    path = save_chain_file(edited, tmp_path / "door")
    assert path.name == "door.toml"
    assert load_chain(path) == edited
    with pytest.raises(ChainError, match=r"door: step 1 \(bilateral\), parameter"):
        build_chain("door", [("bilateral", {"sigma_space": 40})])
    with pytest.raises(ChainError, match="has no \\[\\[step\\]\\]"):
        build_chain("empty", [])


def test_the_preview_is_what_apply_stores_and_writes_nothing(doorway):
    ws = doorway
    assert [e.original_name for e in case_images(ws, "T-001")] == [
        "doorway.png",
        "portrait.png",
    ]
    chain = build_chain("door", [("deblur", {"sigma": 2.0, "balance": 0.01})])
    counts = [
        ws.store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("evidence", "derivations", "audit_log")
    ]
    seen = []
    preview = preview_enhancement(
        ws, "T-001", 1, chain, reference=2, progress=lambda *a: seen.append(a)
    )
    assert counts == [
        ws.store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("evidence", "derivations", "audit_log")
    ]
    assert seen[-1][0] == seen[-1][1]
    assert preview.before.shape == preview.after.shape
    assert not np.array_equal(preview.before, preview.after)
    assert preview.effect.after.match > preview.effect.before.match

    result = enhance_evidence(ws, "T-001", 1, chain, reference=2)
    stored = load_bgr(result.output_path)
    assert np.array_equal(stored, preview.after)
    assert result.effect == preview.effect
    assert dataclasses.asdict(result.effect) == dataclasses.asdict(preview.effect)


def test_a_preview_of_a_step_that_does_not_fit_names_it(doorway):
    chain = build_chain("wide", [("crop", {"x": 4000, "width": 40, "height": 40})])
    with pytest.raises(
        ChainError, match=r"wide: step 1 \(crop\), parameter 'width': x \+ width = 4040"
    ):
        preview_enhancement(doorway, "T-001", 1, chain, measure=False)
