"""False-match rates from impostor scores, and calibration files."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.domain.errors import ModelPackError
from workstation.domain.false_match import fmr_text
from workstation.domain.types import QualityBand
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
    # no pair of the 1000 reached 0.5: below one in 1000, not the 95 % bound
    assert str(none) == "<1.0e-03" and str(at) == "1.0e-01"
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


def _written_value(text: str) -> float:
    """The number a written rate states ("<4.6e-04" states at most 4.6e-04)."""
    return float(text.removeprefix("<"))


@pytest.mark.parametrize("band", list(QualityBand))
def test_the_written_rate_never_rises_with_the_score(band):
    cal = read_calibration(resource_path("packs", "default_calibration.toml"))
    impostor = cal.sample(band).impostor_scores
    scores = np.unique(
        np.concatenate(
            [
                np.linspace(-1.0, 1.0, 2001),
                impostor,
                np.nextafter(impostor, 2.0),
                np.nextafter(impostor, -2.0),
            ]
        )
    )
    rates = [cal.false_match_rate(float(s), band) for s in scores]

    observed = [r.rate for r in rates]
    assert observed == sorted(observed, reverse=True)
    written = [_written_value(str(r)) for r in rates]
    assert written == sorted(written, reverse=True)
    # beyond every impostor score the bound is 1/N, N the band's impostor pairs,
    # never above the rate written for any lower score
    beyond = cal.false_match_rate(float(np.nextafter(impostor[-1], 2.0)), band)
    pairs = cal.sample(band).impostor_pairs
    assert (beyond.observed, beyond.pairs) == (0, pairs)
    assert str(beyond) == f"<{1 / pairs:.1e}"
    assert all(1 / pairs <= r.rate for r in rates if r.observed)
    bound = _written_value(str(beyond))
    assert all(bound <= _written_value(str(r)) for r in rates if r.observed)


def test_a_weaker_candidate_never_looks_less_likely_a_false_match():
    """The repro: 0.330 showed 4.6e-04 while 0.852 and 1.000 showed <1.4e-03."""
    cal = read_calibration(resource_path("packs", "default_calibration.toml"))

    texts = [str(cal.false_match_rate(s)) for s in (0.330, 0.852, 1.0)]

    assert texts == ["4.6e-04", "<4.6e-04", "<4.6e-04"]


def test_every_view_writes_a_rate_with_one_function():
    scores = np.linspace(0.0, 1.0, 50)
    cal = ScoreCalibration.from_scores("p", "abc", scores, [])

    for score in (-1.0, 0.0, 0.5, 0.99, 1.0, 1.5):
        rate = cal.false_match_rate(score)
        assert str(rate) == fmr_text(rate.rate, rate.pairs)
    assert fmr_text(0.0, 50) == "<2.0e-02" == str(cal.false_match_rate(1.5))
    assert fmr_text(1 / 50, 50) == "2.0e-02" == str(cal.false_match_rate(1.0))
    assert (fmr_text(0.0), fmr_text(None), fmr_text(0.25, 4)) == ("0", "-", "2.5e-01")
