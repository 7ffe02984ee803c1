"""False-match rates from impostor scores, and calibration files."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.domain.errors import ModelPackError
from workstation.resources import resource_path
from workstation.vision.score_calibration import (
    LabelledFace,
    ScoreCalibration,
    pair_scores,
    read_calibration,
    write_calibration,
)


def _face(vector, photo, identity=None, group=None):
    embedding = np.zeros(512, dtype=np.float32)
    embedding[: len(vector)] = vector
    return LabelledFace(embedding, photo, identity=identity, group=group)


def test_pairs_follow_who_is_known_to_differ():
    faces = [
        _face([1, 0], "a1", identity="ann"),
        _face([1, 0.1], "a2", identity="ann"),
        _face([0, 1], "b1", identity="bob"),
        _face([1, 1], "team", group="team"),
        _face([1, -1], "team", group="team"),
        _face([0.5, 1], "team2", group="team"),  # same set, other photo: unused
        _face([-1, 0], "band", group="band"),
    ]
    impostor, genuine = pair_scores(faces)

    assert genuine.size == 1 and genuine[0] == pytest.approx(0.995, abs=1e-3)
    # named-named 2, group-named 4 x 3, within photo 1, across sets 3.
    assert impostor.size == 2 + 12 + 1 + 3


def test_rates_bounds_and_thresholds():
    scores = np.linspace(-0.2, 0.3, 1000)
    cal = ScoreCalibration.from_scores("p", "abc", scores, [0.6, 0.7])

    at = cal.false_match_rate(0.25)
    assert (at.observed, at.pairs) == (100, 1000)
    assert at.rate == pytest.approx(0.1)
    assert at.rate < at.upper < 0.12
    none = cal.false_match_rate(0.5)
    assert (none.rate, round(none.upper, 5)) == (0.0, 0.00299)
    assert str(none) == "<3.0e-03" and str(at) == "1.0e-01"
    threshold = cal.threshold_for(1e-2)
    assert cal.false_match_rate(threshold).observed <= 10
    assert cal.false_match_rate(threshold - 0.001).observed > 10
    assert cal.true_match_rate(0.65) == 0.5


def test_files_round_trip_and_damage_is_reported(tmp_path):
    cal = ScoreCalibration.from_scores(
        "pack",
        "abc",
        [0.1, -0.05, 0.2],
        [0.8],
        description='a "quoted" set',
        sources=("x", "groups/y"),
    )
    path = write_calibration(cal, tmp_path / "calibration.toml")
    back = read_calibration(path)

    assert back.impostor_scores.tolist() == [-0.05, 0.1, 0.2]
    assert back.genuine_scores.tolist() == [0.8]
    assert (back.description, back.sources) == ('a "quoted" set', ("x", "groups/y"))
    path.write_text("format = 1\npack = ", encoding="utf-8")
    with pytest.raises(ModelPackError, match="not a valid score calibration"):
        read_calibration(path)
    with pytest.raises(ModelPackError, match="cannot be read"):
        read_calibration(tmp_path / "missing.toml")


def test_the_shipped_calibration_fits_the_default_recogniser(model_settings):
    from workstation.services.models import expected_default_pack

    cal = read_calibration(resource_path("packs", "default_calibration.toml"))
    recogniser = expected_default_pack().file_for("recognition")

    assert cal.recognition_sha256 == recogniser.sha256
    assert cal.impostor_pairs == 2164 and cal.genuine_scores.size == 78
    # Measured: 6 impostor pairs of 2164 reach 0.30 (two look-alike actresses,
    # players of one team at 40 px, two partial faces at a photo's edge).
    assert cal.false_match_rate(0.30).observed == 6
    assert cal.false_match_rate(0.40).observed == 0
    assert cal.true_match_rate(0.30) == 1.0
