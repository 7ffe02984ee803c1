"""Run every benchmark, each beside its peer, and print one table of ratios.

    python tests/benchmarks/run_all.py            # full sizes (tens of minutes)
    python tests/benchmarks/run_all.py --only import graph report

Each ``bench_<area>.py`` prints its own table; the lines that name a ratio are
collected at the end. Copy the result into ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="areas to run, e.g. import faces")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    ratios = []
    failed = []
    for script in scripts:
        area = script.stem.removeprefix("bench_")
        print(f"\n=== {area} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True
        )
        print(result.stdout, end="")
        if result.returncode != 0:
            failed.append(area)
            print(result.stderr[-2000:], file=sys.stderr)
        ratios += [
            (area, line.strip())
            for line in result.stdout.splitlines()
            if "ratio" in line.lower() or " x " in line.lower()
        ]
        print(f"({area}: {time.perf_counter() - started:.0f} s)")
    print(f"\n=== ratios ({platform.processor() or platform.machine()}) ===")
    for area, line in ratios:
        print(f"{area:<10} {line}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
