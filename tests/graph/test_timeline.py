"""Timelines of the bandicoot sample subscriber: every contact of the file is
counted on its day and in its weekday and hour."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, datetime

import numpy as np
import pytest
from PIL import Image

from workstation.domain.errors import NotFoundError
from workstation.graph.timeline import calls_per_day, hour_weekday_matrix, night_share
from workstation.services import timeline as service
from workstation.store.audit_log import read_audit


def _times(rows, *, kind=None, correspondent=None):
    return [
        datetime.fromisoformat(row["datetime"])
        for row in rows
        if (kind is None or row["interaction"] == kind)
        and (correspondent is None or row["correspondent_id"] == correspondent)
    ]


def test_contacts_per_day_match_the_file(ego):
    ws, rows = ego
    times = _times(rows)

    days = service.calls_per_day(ws, "E-1", "ego")

    assert len(times) == len(rows) == 314
    assert sum(count for _, count in days) == 314
    by_day = Counter(t.date() for t in times)
    assert dict(d for d in days if d[1]) == dict(by_day)
    assert days[0][0] == min(by_day) and days[-1][0] == max(by_day)
    assert len(days) == (max(by_day) - min(by_day)).days + 1


def test_weekday_by_hour_matches_the_file(ego):
    ws, rows = ego
    expected = np.zeros((7, 24), dtype=int)
    for t in _times(rows, kind="call"):
        expected[t.weekday(), t.hour] += 1

    matrix = service.hour_weekday_matrix(ws, "E-1", "ego", link_types=["call"])

    assert matrix.shape == (7, 24)
    assert matrix.sum() == 75  # the calls; the texts are messages
    assert np.array_equal(matrix, expected)


def test_a_pair_and_a_window(ego):
    ws, rows = ego
    pair = service.entity_timeline(ws, "E-1", "ego", other="E")
    window = service.entity_timeline(
        ws, "E-1", "ego", start=datetime(2014, 3, 5), end=datetime(2014, 3, 10)
    )

    assert len(pair.times) == len(_times(rows, correspondent="E")) == 70
    assert (pair.label, pair.other_label) == ("ego", "E")
    expected = [
        t for t in _times(rows) if datetime(2014, 3, 5) <= t < datetime(2014, 3, 10)
    ]
    assert list(window.times) == sorted(expected)
    entry = [e for e in read_audit(ws.store) if e.action == "timeline.read"][-1]
    assert entry.details["entity"] == "ego" and entry.details["contacts"] == len(
        expected
    )


def test_days_are_bounded_by_the_window(ego):
    ws, _ = ego
    days = service.calls_per_day(
        ws, "E-1", "ego", start=datetime(2014, 3, 1), end=datetime(2014, 3, 4)
    )

    assert [d for d, _ in days] == [
        date(2014, 3, 1),
        date(2014, 3, 2),
        date(2014, 3, 3),
    ]
    assert days[0][1] == 0  # the file starts on 2 March


def test_timeline_picture(ego, tmp_path):
    ws, _ = ego

    out = service.write_timeline_png(ws, "E-1", "ego", tmp_path / "ego.png", lang="zh")
    pixels = np.asarray(Image.open(out).convert("RGB"))

    assert pixels.shape == (1200, 1650, 3)
    inked = (pixels < 235).any(axis=2).mean()
    assert 0.05 < inked < 0.6
    bars = (np.abs(pixels.astype(int) - (0x00, 0x79, 0x8C)).sum(axis=2) < 12).sum()
    assert bars > 5_000
    assert [e for e in read_audit(ws.store) if e.action == "timeline.export"]
    again = service.timeline_png(ws, "E-1", "ego", lang="zh")
    assert again == out.read_bytes()
    assert Image.open(io.BytesIO(again)).size == (1650, 1200)


def test_no_timed_contacts_is_said(imported_montagna):
    with pytest.raises(NotFoundError, match="no timed call/message links"):
        service.timeline_png(imported_montagna, "M-1", "18")


def test_pure_functions():
    monday_night = datetime(2026, 10, 5, 23, 30)
    times = [monday_night, datetime(2026, 10, 7, 12)]

    assert calls_per_day([]) == []
    assert calls_per_day(times)[1] == (date(2026, 10, 6), 0)
    assert hour_weekday_matrix(times)[0, 23] == 1
    assert hour_weekday_matrix(times)[2, 12] == 1
    assert night_share(times) == 0.5
