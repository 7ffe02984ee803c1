"""The figures a benchmark hands to ``run_all.py``: one tagged line each.

Each ``bench_<area>.py`` prints its own detailed table and, for every figure that
has a peer, calls :func:`report_ratio`. The tagged line it prints is what
``run_all.py`` gathers into the one table kept in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json

#: Lines starting with this are gathered by ``run_all.py``.
MARK = "@ratio "


def report_ratio(
    measure: str,
    ours: float,
    peer_name: str,
    peer: float,
    *,
    unit: str = "s",
    higher_is_better: bool = False,
    goal: float | None = None,
) -> float:
    """Print one figure beside its peer and return ``ours / peer``.

    Args:
        measure: What was measured, with its size ("import, 1,000,000 rows").
        ours: Our figure, in ``unit``.
        peer_name: The peer measured in the same run.
        peer: The peer's figure, in ``unit``.
        unit: "s", "ms", "images/s", ...
        higher_is_better: True for throughputs, False for times.
        goal: The goal for ``ours / peer``, if the issue names one (at most this
            for times, at least this for throughputs).
    """
    ratio = ours / peer if peer else float("inf")
    met = None
    if goal is not None:
        met = ratio >= goal if higher_is_better else ratio <= goal
    line = {
        "measure": measure,
        "ours": ours,
        "peer_name": peer_name,
        "peer": peer,
        "unit": unit,
        "ratio": ratio,
        "higher_is_better": higher_is_better,
        "goal": goal,
        "met": met,
    }
    print(MARK + json.dumps(line, ensure_ascii=False), flush=True)
    return ratio


def parse_ratio(line: str) -> dict | None:
    """The figure a tagged line holds; None for any other line."""
    if not line.startswith(MARK):
        return None
    return json.loads(line[len(MARK) :])
