"""Re-measuring the score calibration reproduces the shipped one."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from faces_reference_set import build_reference_set

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.domain.types import QualityBand
from workstation.resources import resource_path
from workstation.services import models
from workstation.services.face_calibration import calibrate
from workstation.services.workspace import Workspace
from workstation.vision.probe_embedding import PROBE_PATH
from workstation.vision.score_calibration import read_calibration


@pytest.fixture
def own_pack(model_settings, tmp_path):
    """A workspace whose models folder is its own (calibrations are written there)."""
    settings = dataclasses.replace(
        model_settings, workspace_dir=tmp_path / "ws", models_dir=tmp_path / "models"
    )
    models.provision_default_pack(settings)
    ws = Workspace(settings)
    yield ws
    ws.close()


@pytest.mark.slow
def test_calibrating_on_the_reference_set_reproduces_the_shipped_file(
    own_pack, shared_data, tmp_path
):
    ws = own_pack
    shipped = read_calibration(resource_path("packs", "default_calibration.toml"))
    assert models.score_calibration(ws.settings).measured_at == shipped.measured_at

    run = calibrate(ws, build_reference_set(shared_data, tmp_path))

    cal = run.calibration
    assert run.path == models.calibration_path(ws.settings)
    assert (run.named_faces, run.group_faces, run.photos_without_face) == (33, 35, ())
    assert cal.impostor_pairs == shipped.impostor_pairs == 2164
    assert cal.genuine_scores.size == shipped.genuine_scores.size == 78
    assert np.allclose(cal.impostor_scores, shipped.impostor_scores, atol=2e-4)
    # Degraded copies of the named photos, scored as poor probes would be.
    assert cal.probe_path == shipped.probe_path == PROBE_PATH
    for band in (QualityBand.FAIR, QualityBand.POOR):
        mine, theirs = cal.bands[band], shipped.bands[band]
        assert mine.probes == theirs.probes > 100
        assert mine.impostor_pairs == theirs.impostor_pairs > 5000
        assert np.allclose(mine.impostor_scores, theirs.impostor_scores, atol=2e-4)
        assert np.allclose(mine.genuine_scores, theirs.genuine_scores, atol=2e-4)
    # The pack folder's own calibration now takes precedence.
    assert models.score_calibration(ws.settings).measured_at == cal.measured_at
    assert ws.store.execute(
        "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone() == ("face.calibrate",)


def test_a_calibration_of_another_recogniser_is_not_used(own_pack):
    path = models.calibration_path(own_pack.settings)
    text = resource_path("packs", "default_calibration.toml").read_text("utf-8")
    path.write_text(
        text.replace('recognition_sha256 = "9cc6', 'recognition_sha256 = "0000')
    )
    # The shipped one still fits and is used instead.
    assert models.score_calibration(own_pack.settings).recognition_sha256.startswith(
        "9cc6"
    )


def test_folders_without_photos_or_pairs_are_refused(own_pack, tmp_path, shared_data):
    with pytest.raises(InputFileError, match="holds no photos in sub-folders"):
        calibrate(own_pack, tmp_path)
    one = tmp_path / "one" / "barack_obama"
    one.mkdir(parents=True)
    (one / "a.jpg").symlink_to(
        shared_data / "faces" / "face_recognition" / "examples" / "obama.jpg"
    )
    with pytest.raises(WorkstationError, match="only 0 pairs of different people"):
        calibrate(own_pack, tmp_path / "one")
