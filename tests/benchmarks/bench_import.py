"""Benchmark: importing call records against a plain DuckDB ``read_csv``.

Writes a generated call-record CSV (default 5,000,000 rows), then in the same run
times (1) the peer: plain ``read_csv`` into a table with identifier columns typed
VARCHAR and no validation, (2) ``workstation import`` through the shipped
``call_records`` spec: transcoding, validation, phone normalisation, rejects,
entities, links and the audit entry, all in one transaction, and (3) the bare
minimum any import into the case model runs, in the same workspace schema: the
file into a staging table, its distinct phones into ``entities``, and the calls
into ``links`` with both ends' ids, with nothing checked, normalised, hashed or
audited. Prints all three and the ratios (goal for ours: at most 1.3x the peer).

    python tests/benchmarks/bench_import.py [--rows N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import tempfile
import time
from pathlib import Path

import duckdb
from ratios import report_ratio

from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.services.workspace import Workspace
from workstation.settings import Settings


def write_calls(path: Path, rows: int, phones: int = 200_000) -> None:
    rng = random.Random(7)
    numbers = [
        f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" for _ in range(phones)
    ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["caller", "callee", "start_time", "duration_s", "cell_id"])
        for i in range(rows):
            day = 1 + i % 28
            writer.writerow(
                [
                    numbers[rng.randrange(phones)],
                    numbers[rng.randrange(phones)],
                    f"2026-10-{day:02d} {i % 24:02d}:{i % 60:02d}:{i % 59:02d}",
                    rng.randrange(1, 3600),
                    f"41_{rng.randrange(100)}_{rng.randrange(10)}",
                ]
            )


def time_peer(path: Path, workdir: Path) -> float:
    conn = duckdb.connect(str(workdir / "peer.duckdb"))
    started = time.perf_counter()
    conn.execute(
        "CREATE TABLE calls AS SELECT * FROM read_csv(?, header = true, columns = {"
        "'caller': 'VARCHAR', 'callee': 'VARCHAR', 'start_time': 'TIMESTAMP', "
        "'duration_s': 'BIGINT', 'cell_id': 'VARCHAR'})",
        [str(path)],
    )
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


#: The minimum of SQL an import into the case model runs, nothing checked.
SKELETON = (
    "CREATE TEMP TABLE stage AS SELECT * FROM read_csv(?, all_varchar = true, "
    "header = true)",
    "CREATE TEMP TABLE phones AS SELECT DISTINCT raw FROM ("
    "SELECT caller AS raw FROM stage UNION ALL SELECT callee FROM stage)",
    "INSERT INTO entities (case_id, type, key, label) "
    "SELECT $case, 'phone', raw, raw FROM phones",
    "CREATE TEMP TABLE ids AS SELECT key, id FROM entities WHERE case_id = $case",
    "INSERT INTO links (case_id, type, source_id, target_id, start_time, "
    "duration_s, cell, source_line) SELECT $case, 'call', s.id, t.id, "
    "CAST(start_time AS TIMESTAMP), CAST(duration_s AS BIGINT), cell_id, "
    "stage.rowid FROM stage JOIN ids s ON s.key = caller JOIN ids t ON t.key = callee",
)


def time_skeleton(path: Path, workdir: Path) -> float:
    settings = Settings.from_environment(
        workspace_dir=workdir / "skeleton", user_name="bench"
    )
    with Workspace(settings) as ws:
        case = create_case(ws, "BENCH-1", "benchmark")
        started = time.perf_counter()
        with ws.store.transaction() as conn:
            conn.execute(SKELETON[0], [str(path)])
            conn.execute(SKELETON[1])
            for sql in SKELETON[2:]:
                conn.execute(sql, {"case": case.id})
        return time.perf_counter() - started


def time_workstation(path: Path, workdir: Path) -> tuple[float, int]:
    settings = Settings.from_environment(
        workspace_dir=workdir / "ws", user_name="bench"
    )
    with Workspace(settings) as ws:
        create_case(ws, "BENCH-1", "benchmark")
        started = time.perf_counter()
        summary = import_table(ws, "BENCH-1", path, "call_records")
        elapsed = time.perf_counter() - started
    return elapsed, summary.rows_loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        path = workdir / "calls.csv"
        write_calls(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        peer = time_peer(path, workdir)
        ours, loaded = time_workstation(path, workdir)
        skeleton = time_skeleton(path, workdir)
    print(f"call records: {args.rows:,} rows, {size_mb:.0f} MB, {os.cpu_count()} CPUs")
    print(f"{'step':<44} {'seconds':>8}")
    print(f"{'DuckDB read_csv into a table (peer)':<44} {peer:>8.2f}")
    print(f"{'workstation import, validated (ours)':<44} {ours:>8.2f}")
    print(f"{'import skeleton, nothing checked':<44} {skeleton:>8.2f}")
    print(f"{'ratio ours / peer (goal <= 1.3)':<44} {ours / peer:>8.2f}")
    print(f"{'ratio skeleton / peer':<44} {skeleton / peer:>8.2f}")
    assert loaded == args.rows
    report_ratio(
        f"import, {args.rows:,} call records",
        ours,
        "DuckDB read_csv into a table",
        peer,
        goal=1.3,
    )
    report_ratio(
        f"import skeleton, {args.rows:,} call records, nothing checked",
        skeleton,
        "DuckDB read_csv into a table",
        peer,
    )


if __name__ == "__main__":
    main()
