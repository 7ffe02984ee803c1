"""Benchmark: the fraud early warning against a plain DuckDB join with GROUP BY.

Builds a real workspace whose case holds N generated call and message records
(default 20,000,000; one in ten a message, one in a hundred from a watched
number), written straight into the ``links`` table with SQL ``range`` (no CSV),
over 1,000,000 phones, half of them used by residents spread over 40
community officers, and a watch-list of 500 of the phones loaded through the
service. Then, in the same run and on the same connection, times (1) the peer:
a plain join of the window's links to the watched numbers, one direction,
``GROUP BY`` the contacted phone, no residents and no scoring; and (2)
``run_warning``: both directions, residents through ``uses`` links, per-resident
figures, risk score, ranking and the audit entry. Prints both and the ratio.

    python tests/benchmarks/bench_warning.py [--calls N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from ratios import report_ratio

from workstation.services.cases import create_case
from workstation.services.fraud_warning import load_watch_list, run_warning
from workstation.services.workspace import Workspace
from workstation.settings import Settings

CASE = "BENCH-W"
OFFICERS = 40
DAYS = 60
FIRST_DAY = datetime(2026, 9, 1)
START, END = date(2026, 10, 1), date(2026, 10, 30)


def _phone(expr: str) -> str:
    return f"'+86138' || lpad(CAST({expr} AS VARCHAR), 8, '0')"


def generate(ws: Workspace, calls: int, phones: int, watched: int) -> None:
    """Phones, residents with their officer, ``uses`` links and the records."""
    case_id = ws.case(CASE).id
    store = ws.store
    base = store.execute("SELECT coalesce(max(id), 0) + 1 FROM entities").fetchone()[0]
    residents = phones // 2
    store.execute(
        "INSERT INTO entities (id, case_id, type, key, label) "
        f"SELECT ? + range, ?, 'phone', {_phone('range')}, {_phone('range')} "
        "FROM range(?)",
        [base, case_id, phones],
    )
    store.execute(
        "INSERT INTO entities (id, case_id, type, key, label, attributes) "
        "SELECT ? + range, ?, 'person', '1101011980' || lpad(CAST(range AS VARCHAR), "
        "8, '0'), '居民' || range, json_object('name', '居民' || range, 'address', "
        "'幸福路 ' || range || ' 号', 'community', '社区 ' || (range % 200), "
        "'officer', '民警 ' || (range % ?)) FROM range(?)",
        [base + phones, case_id, OFFICERS, residents],
    )
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id) "
        "SELECT ?, 'uses', ? + range, ? + range FROM range(?)",
        [case_id, base + phones, base, residents],
    )
    # phones [0, watched) are the fraudsters'; one record in a hundred is theirs
    other = f"hash(range * 7 + 1) % {phones}"
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id, start_time, "
        "duration_s) SELECT ?, CASE WHEN range % 10 = 3 THEN 'message' ELSE 'call' "
        f"END, ? + CASE WHEN range % 100 = 0 THEN hash(range) % {watched} "
        f"ELSE {other} END, ? + hash(range * 13 + 5) % {phones}, "
        f"? + to_seconds(CAST(hash(range * 3) % {DAYS * 86400} AS BIGINT)), "
        "CAST(hash(range * 5) % 1800 AS BIGINT) FROM range(?)",
        [case_id, base, base, FIRST_DAY, calls],
    )
    store.execute("CHECKPOINT")


def write_watch_list(path: Path, watched: int) -> None:
    numbers = [f"138 {i // 10000:04d} {i % 10000:04d}" for i in range(watched)]
    path.write_text("number,source\n" + "".join(f"{n},bench\n" for n in numbers))


def time_peer(ws: Workspace) -> tuple[float, int]:
    """A plain join of the window's links to the watched numbers, GROUP BY."""
    case_id = ws.case(CASE).id
    started = time.perf_counter()
    rows = ws.store.execute(
        "WITH watched AS (SELECT e.id FROM entities e JOIN watch_numbers n "
        "ON n.case_id = e.case_id AND n.phone_key = e.key "
        "WHERE e.case_id = ? AND e.type = 'phone') "
        "SELECT l.target_id, count(*), sum(l.duration_s), min(l.start_time), "
        "max(l.start_time) FROM links l JOIN watched w ON w.id = l.source_id "
        "WHERE l.case_id = ? AND l.type IN ('call', 'message') "
        "AND l.start_time >= ? AND l.start_time < ? GROUP BY l.target_id",
        [case_id, case_id, datetime(2026, 10, 1), datetime(2026, 10, 31)],
    ).fetchall()
    return time.perf_counter() - started, len(rows)


def time_ours(ws: Workspace) -> tuple[float, int]:
    started = time.perf_counter()
    result = run_warning(ws, CASE, START, END)
    return time.perf_counter() - started, len(result.residents)


def best(runs: int, timed) -> tuple[float, int]:
    results = [timed() for _ in range(runs)]
    return min(r[0] for r in results), results[0][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000_000)
    parser.add_argument("--phones", type=int, default=1_000_000)
    parser.add_argument("--watched", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1,000,000 records")
    args = parser.parse_args()
    calls, phones = args.calls, args.phones
    if args.quick:
        calls, phones = 1_000_000, 100_000

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        settings = Settings.from_environment(
            workspace_dir=workdir / "ws", user_name="bench"
        )
        with Workspace(settings) as ws:
            create_case(ws, CASE, "benchmark")
            started = time.perf_counter()
            generate(ws, calls, phones, args.watched)
            made = time.perf_counter() - started
            write_watch_list(workdir / "watch.csv", args.watched)
            load_watch_list(ws, CASE, workdir / "watch.csv")
            peer, peer_rows = best(args.runs, lambda: time_peer(ws))
            ours, our_rows = best(args.runs, lambda: time_ours(ws))
            size_mb = (workdir / "ws" / "workspace.duckdb").stat().st_size / 1e6

    print(
        f"records: {calls:,} calls and messages over {phones:,} phones, "
        f"{args.watched} watched, {OFFICERS} officers (generated in {made:.0f} s, "
        f"{size_mb:.0f} MB); {os.cpu_count()} CPUs; best of {args.runs}"
    )
    table = [
        ("plain join to the watch-list, GROUP BY (peer)", peer, peer_rows),
        ("run_warning: both ways, residents, score, rank (ours)", ours, our_rows),
    ]
    print(f"{'query':<56} {'seconds':>8} {'rows':>8}")
    for name, seconds, rows in table:
        print(f"{name:<56} {seconds:>8.3f} {rows:>8}")
    print(f"{'ratio ours / peer':<56} {ours / peer:>8.2f}")
    report_ratio(
        f"fraud warning, {calls:,} records, 30-day window",
        ours,
        "plain join + GROUP BY",
        peer,
    )


if __name__ == "__main__":
    main()
