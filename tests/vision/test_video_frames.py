"""Sampling video frames: numbers, times, truncated files and frame lookup."""

from __future__ import annotations

import numpy as np
import pytest

from video_repack import avi_copy, faststart_copy, truncated_copy
from workstation.domain.errors import InputFileError
from workstation.vision.image_loading import read_video_frame
from workstation.vision.video_frames import (
    VideoFrameReader,
    VideoSampler,
    sampled_frame_numbers,
    video_info,
)


@pytest.fixture(scope="module")
def pedestrians(shared_data):
    return shared_data / "video" / "pedestrians" / "video.mp4"


@pytest.fixture(scope="module")
def hamilton(shared_data):
    return (
        shared_data
        / "faces"
        / "face_recognition"
        / "examples"
        / "short_hamilton_clip.mp4"
    )


def test_video_info_reads_size_rate_and_length(pedestrians, hamilton):
    info = video_info(pedestrians)
    assert (info.width, info.height, info.fps, info.frame_count) == (
        1920,
        1080,
        25,
        105,
    )
    assert info.duration_s == pytest.approx(4.2)
    clip = video_info(hamilton)
    assert (clip.width, clip.height, clip.frame_count) == (640, 360, 275)
    assert clip.fps == pytest.approx(29.97, abs=0.01)


def test_frames_are_sampled_at_five_per_second_with_their_times(pedestrians, hamilton):
    sampler = VideoSampler(pedestrians, sample_fps=5)
    frames = [(f.number, f.time_s, f.image.shape) for f in sampler]

    assert [n for n, _, _ in frames] == list(range(0, 105, 5))
    assert [t for _, t, _ in frames] == pytest.approx(
        [n / 25 for n in range(0, 105, 5)]
    )
    assert {s for _, _, s in frames} == {(1080, 1920, 3)}
    assert sampler.frames_decoded == 105 and sampler.complete
    assert sampler.expected_samples() == 21

    clip = VideoSampler(hamilton)  # 29.97 fps: every 5.994th frame
    numbers = [f.number for f in clip]
    assert len(numbers) == clip.expected_samples() == 46
    assert numbers[:4] == [0, 6, 12, 18] and numbers[-1] == 270


def test_a_sampled_frame_is_the_frame_read_back_by_its_number(hamilton):
    frames = {f.number: f.image for f in VideoSampler(hamilton, sample_fps=2)}
    for number in (0, 90, 255):
        again = np.asarray(read_video_frame(hamilton, number))[:, :, ::-1]
        assert np.array_equal(again, frames[number])


def test_stepping_jumping_and_seeking_read_the_numbered_frames(hamilton):
    clip = VideoSampler(hamilton, sample_fps=1000)  # every frame, in order
    frames = [f.image[:, :, ::-1] for f in clip]
    assert len(frames) == 275
    reader = VideoFrameReader(hamilton)
    try:
        # On one at a time, a few ahead, far ahead, back, and the last frame.
        for number in (0, 1, 2, 9, 21, 150, 151, 40, 39, 274):
            assert np.array_equal(reader.read_rgb(number), frames[number]), number
        with pytest.raises(InputFileError, match="no readable frame 275"):
            reader.read_rgb(275)
        assert np.array_equal(reader.read_rgb(3), frames[3])
    finally:
        reader.close()


def test_the_sampled_frame_numbers_are_those_the_sampler_decodes(hamilton, pedestrians):
    for path in (hamilton, pedestrians):
        for rate in (5.0, 2.0, 7.5):
            sampler = VideoSampler(path, sample_fps=rate)
            info = sampler.info
            assert sampled_frame_numbers(info.frame_count, info.fps, rate) == [
                f.number for f in sampler
            ]


def test_a_truncated_video_yields_the_frames_before_the_damage(pedestrians, tmp_path):
    fast = faststart_copy(pedestrians, tmp_path / "fast.mp4")
    assert [f.number for f in VideoSampler(fast)] == list(range(0, 105, 5))
    cut = truncated_copy(fast, tmp_path / "cut.mp4")

    sampler = VideoSampler(cut, sample_fps=5)
    numbers = [f.number for f in sampler]

    assert 30 < sampler.frames_decoded < 75
    assert not sampler.complete
    assert numbers == list(range(0, sampler.frames_decoded, 5))


def test_a_truncated_avi_yields_the_frames_before_the_damage(shared_data, tmp_path):
    source = shared_data / "video" / "carphone" / "carphone_pristine.mp4"
    avi = avi_copy(source, tmp_path / "carphone.avi")
    cut = truncated_copy(avi, tmp_path / "cut.avi")

    sampler = VideoSampler(cut, sample_fps=30)
    frames = list(sampler)

    assert 40 < len(frames) == sampler.frames_decoded < 80
    assert not sampler.complete
    assert frames[-1].image.shape == (144, 176, 3)


def test_an_mp4_cut_before_its_index_is_refused_saying_so(pedestrians, tmp_path):
    cut = truncated_copy(pedestrians, tmp_path / "recording.mp4")
    with pytest.raises(InputFileError, match="cut short before its index"):
        VideoSampler(cut)


def test_leaving_early_stops_decoding(pedestrians):
    sampler = VideoSampler(pedestrians, sample_fps=25)
    for frame in sampler:
        if frame.number == 3:
            break
    assert sampler.frames_decoded < 105


def test_files_that_are_not_videos_are_refused(tmp_path):
    text = tmp_path / "notes.mp4"
    text.write_text("not a video", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"notes\.mp4: the video cannot be opened"):
        VideoSampler(text)
    with pytest.raises(InputFileError, match="cannot be opened"):
        video_info(tmp_path / "missing.mp4")
