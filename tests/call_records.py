"""Generated call records for the import tests: large, seeded, one bad row in 1000."""

from __future__ import annotations

import random

#: Every this many rows, one has a duration that is not a number.
BAD_ROW_EVERY = 1000


def write_calls(path, rows: int, *, phones: int = 20000, seed: int = 7) -> set[str]:
    """Write call records with one bad duration in 1000 rows; return the phones.

    Every phone drawn appears as a caller and as a callee, so the set returned
    is the set of phone entities an import of the file adds.
    """
    rng = random.Random(seed)
    numbers = [
        f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" for _ in range(phones)
    ]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("caller,callee,start_time,duration_s,cell_id\r\n")
        out.writelines(
            f"{numbers[i % phones]},{numbers[(i * 7 + 3) % phones]},"
            f"2024-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00,"
            f"{'x' if i % BAD_ROW_EVERY == BAD_ROW_EVERY - 1 else i % 900},"
            f"41_{10 + i % 3}_{i % 5}\r\n"
            for i in range(rows)
        )
    return set(numbers)
