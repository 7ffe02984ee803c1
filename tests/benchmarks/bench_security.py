"""Benchmark: what security costs, each figure beside its peer from the same run.

1. Password hashing: scrypt at the workstation's cost (n=2**17, r=8, p=1)
   against PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's 2023 figure).
2. Importing generated call records into an encrypted workspace against the
   same import into a clear one (the cost of DuckDB's AES-GCM encryption).
3. A workspace-wide query (links per caller) on both.
4. Encrypting that workspace (copy, check, swap) against copying its file.

    python tests/benchmarks/bench_security.py [--rows N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from ratios import report_ratio

from workstation.security.passwords import hash_password
from workstation.services.cases import create_case
from workstation.services.encryption import encrypt_workspace
from workstation.services.ingest import import_table
from workstation.services.workspace import DATABASE_NAME, Workspace
from workstation.settings import Settings

PASSPHRASE = "benchmark passphrase of the workstation"
QUERY = (
    "SELECT source_id, count(*), sum(duration_s) FROM links "
    "GROUP BY source_id ORDER BY 2 DESC LIMIT 20"
)


def write_calls(path: Path, rows: int, phones: int = 50_000) -> None:
    rng = random.Random(3)
    numbers = [
        f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" for _ in range(phones)
    ]
    with open(path, "w", encoding="utf-8") as out:
        out.write("caller,callee,start_time,duration_s,cell_id\n")
        out.writelines(
            f"{numbers[i % phones]},{numbers[(i * 13 + 5) % phones]},"
            f"2024-05-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00,{i % 700},"
            f"41_{i % 9}_{i % 4}\n"
            for i in range(rows)
        )


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def workspace(root: Path, passphrase: str | None = None) -> Workspace:
    settings = Settings.from_environment(workspace_dir=root, user_name="bench")
    return Workspace(settings, passphrase=passphrase)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    args = parser.parse_args()
    table = []

    ours, _ = timed(lambda: hash_password("correct horse battery staple"))
    peer, _ = timed(
        lambda: hashlib.pbkdf2_hmac("sha256", b"correct horse", os.urandom(16), 600_000)
    )
    table.append(("password hash (s)", "PBKDF2-SHA256 600k", peer, "scrypt 2^17", ours))

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        calls = folder / "calls.csv"
        write_calls(calls, args.rows)

        clear_root, secret_root = folder / "clear", folder / "secret"
        with workspace(clear_root) as ws:
            create_case(ws, "B-1", "bench")
        with workspace(secret_root) as ws:
            create_case(ws, "B-1", "bench")
            encrypt_workspace(ws, PASSPHRASE)

        with workspace(clear_root) as ws:
            clear_import, _ = timed(
                lambda: import_table(ws, "B-1", calls, "call_records")
            )
            clear_query, _ = timed(lambda: ws.store.execute(QUERY).fetchall())
        with workspace(secret_root, PASSPHRASE) as ws:
            secret_import, _ = timed(
                lambda: import_table(ws, "B-1", calls, "call_records")
            )
            secret_query, _ = timed(lambda: ws.store.execute(QUERY).fetchall())
        table.append(
            (
                f"import {args.rows:,} rows (s)",
                "clear",
                clear_import,
                "encrypted",
                secret_import,
            )
        )
        table.append(
            (
                "links per caller query (s)",
                "clear",
                clear_query,
                "encrypted",
                secret_query,
            )
        )

        copy_time, _ = timed(
            lambda: shutil.copyfile(clear_root / DATABASE_NAME, folder / "copy.duckdb")
        )
        size = (clear_root / DATABASE_NAME).stat().st_size
        with workspace(clear_root) as ws:
            convert, _ = timed(lambda: encrypt_workspace(ws, PASSPHRASE))
        table.append(
            (
                f"encrypt a {size / 2**20:.0f} MiB workspace (s)",
                "file copy",
                copy_time,
                "encrypt",
                convert,
            )
        )

    print(f"{'measure':<34} {'peer':<20} {'peer':>8} {'ours':<12} {'ours':>8} ratio")
    for measure, peer_name, peer_s, our_name, our_s in table:
        print(
            f"{measure:<34} {peer_name:<20} {peer_s:>8.3f} {our_name:<12} "
            f"{our_s:>8.3f} {our_s / peer_s:5.2f}"
        )
    for measure, peer_name, peer_s, our_name, our_s in table:
        report_ratio(f"{measure}: {our_name}", our_s, peer_name, peer_s)


if __name__ == "__main__":
    main()
