"""Run every benchmark, each beside its peer, and print one table of ratios.

    python tests/benchmarks/run_all.py            # full sizes (tens of minutes)
    python tests/benchmarks/run_all.py --quick    # small sizes, a few minutes
    python tests/benchmarks/run_all.py --only import graph --docs docs/benchmarks.md

Each ``bench_<area>.py`` prints its own table and one tagged line per figure that
has a peer (see ``ratios.py``); those lines become the table printed at the end.
With ``--docs`` the table replaces the one between the ``run_all`` markers of
that file, together with the machine it was taken on.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from ratios import parse_ratio

HERE = Path(__file__).resolve().parent
BEGIN = "<!-- run_all: begin -->"
END = "<!-- run_all: end -->"

#: The arguments each benchmark takes for ``--quick``.
QUICK_ARGS = {
    "faces": ["--faces", "200000", "--rounds", "1"],
    "graph": ["--quick"],
    "import": ["--rows", "300000"],
    "report": ["--probes", "4"],
    "security": ["--rows", "100000"],
    "unclear_faces": ["--seeds", "2"],
    "warning": ["--quick"],
}


def machine() -> str:
    """Cores, processor, memory and the onnxruntime providers of this machine."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f", {total_kb / 2**20:.0f} GiB memory"
    try:
        import onnxruntime

        providers = ", ".join(onnxruntime.get_available_providers())
    except ImportError:
        providers = "no onnxruntime"
    cpu = platform.processor() or platform.machine()
    return (
        f"{os.cpu_count()} CPU cores ({cpu}){memory}, {platform.system()}, "
        f"Python {platform.python_version()}, onnxruntime providers: {providers}"
    )


def ratio_table(figures: list[tuple[str, dict]]) -> list[str]:
    """Markdown rows: one per figure, with its goal and whether it is met."""
    lines = [
        "| area | measure | ours | peer | peer figure | ours / peer | goal | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for area, f in figures:
        unit = f["unit"]
        goal = ""
        if f["goal"] is not None:
            goal = ("≥ " if f["higher_is_better"] else "≤ ") + f"{f['goal']:g}"
        met = {True: "yes", False: "**no**", None: ""}[f["met"]]
        lines.append(
            f"| {area} | {f['measure']} | {f['ours']:.4g} {unit} | {f['peer_name']} "
            f"| {f['peer']:.4g} {unit} | {f['ratio']:.2f} | {goal} | {met} |"
        )
    return lines


def write_docs(path: Path, table: list[str], note: str) -> None:
    """Replace the table between the markers of ``path`` (append them if absent)."""
    block = "\n".join([BEGIN, note, "", *table, END])
    text = path.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="areas to run, e.g. import faces")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--docs", type=Path, help="write the table into this file")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    figures: list[tuple[str, dict]] = []
    failed = []
    for script in scripts:
        area = script.stem.removeprefix("bench_")
        extra = QUICK_ARGS.get(area, []) if args.quick else []
        print(f"\n=== {area} {' '.join(extra)} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(script), *extra], capture_output=True, text=True
        )
        for line in result.stdout.splitlines():
            figure = parse_ratio(line)
            if figure is None:
                print(line)
            else:
                figures.append((area, figure))
        if result.returncode != 0:
            failed.append(area)
            print(result.stderr[-2000:], file=sys.stderr)
        print(f"({area}: {time.perf_counter() - started:.0f} s)", flush=True)
    table = ratio_table(figures)
    sizes = "quick sizes (--quick)" if args.quick else "full sizes"
    note = (
        f"Taken {datetime.date.today().isoformat()} by `run_all.py` at {sizes} on "
        f"{machine()}."
    )
    print(f"\n=== ratios ===\n{note}\n")
    print("\n".join(table))
    if args.docs:
        write_docs(args.docs, table, note)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
