"""Pattern of life from contact times: contacts per day, hour-of-day by weekday.

Pure functions of a list of times, shared by the PNG timeline for reports and
the interactive timeline view.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import numpy as np

log = logging.getLogger(__name__)

#: Rows of :func:`hour_weekday_matrix`: Monday first, as ``datetime.weekday()``.
WEEKDAYS = 7
HOURS = 24


def calls_per_day(
    times: Iterable[datetime],
    *,
    start: date | datetime | None = None,
    end: date | datetime | None = None,
) -> list[tuple[date, int]]:
    """Count contacts per calendar day, days without any included as 0.

    Args:
        times: Contact times (naive local times, as stored).
        start: First day shown; the first contact's day when None.
        end: Last day shown (inclusive); the last contact's day when None.

    Returns:
        ``(day, count)`` for every day from ``start`` to ``end``; empty when
        there are no times and no bounds.

    Example:
        >>> calls_per_day([datetime(2026, 10, 1, 9), datetime(2026, 10, 3, 23)])
        [(datetime.date(2026, 10, 1), 1), (datetime.date(2026, 10, 2), 0), \
(datetime.date(2026, 10, 3), 1)]
    """
    counts = Counter(t.date() for t in times)
    first = _day(start) or min(counts, default=None)
    last = _day(end) or max(counts, default=None)
    if first is None or last is None or last < first:
        return []
    days = (last - first).days + 1
    return [
        (first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
        for i in range(days)
    ]


def hour_weekday_matrix(times: Iterable[datetime]) -> np.ndarray:
    """Count contacts by weekday (rows, Monday first) and hour of day (columns).

    Args:
        times: Contact times.

    Returns:
        A 7 x 24 integer array.

    Example:
        >>> m = hour_weekday_matrix([datetime(2026, 10, 5, 23, 30)])  # a Monday
        >>> int(m[0, 23]), int(m.sum())
        (1, 1)
    """
    matrix = np.zeros((WEEKDAYS, HOURS), dtype=np.int64)
    for t in times:
        matrix[t.weekday(), t.hour] += 1
    return matrix


def night_share(
    times: Iterable[datetime], *, night: tuple[int, int] = (22, 6)
) -> float:
    """The share of contacts at night (from ``night[0]`` o'clock to ``night[1]``).

    Example:
        >>> night_share([datetime(2026, 10, 1, 23), datetime(2026, 10, 1, 12)])
        0.5
    """
    hours = [t.hour for t in times]
    if not hours:
        return 0.0
    begin, finish = night
    at_night = sum(1 for h in hours if h >= begin or h < finish)
    return at_night / len(hours)


def fill_days(day_counts: Iterable[tuple[date, int]]) -> list[tuple[date, int]]:
    """Counts per day with the days between them added as 0, oldest first.

    Example:
        >>> fill_days([(date(2026, 10, 3), 2), (date(2026, 10, 1), 1)])
        [(datetime.date(2026, 10, 1), 1), (datetime.date(2026, 10, 2), 0), \
(datetime.date(2026, 10, 3), 2)]
    """
    counts = Counter(dict(day_counts))
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [
        (first + timedelta(days=i), counts[first + timedelta(days=i)])
        for i in range((last - first).days + 1)
    ]


def matrix_night_share(
    matrix: np.ndarray, *, night: tuple[int, int] = (22, 6)
) -> float:
    """The share of an hour-by-weekday matrix's contacts at night.

    Example:
        >>> m = np.zeros((7, 24), dtype=int)
        >>> m[0, 23], m[2, 12] = 3, 1
        >>> matrix_night_share(m)
        0.75
    """
    matrix = np.asarray(matrix)
    total = int(matrix.sum())
    if not total:
        return 0.0
    begin, finish = night
    return float(matrix[:, begin:].sum() + matrix[:, :finish].sum()) / total


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
