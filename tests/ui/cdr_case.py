"""A real call-record file for the UI tests: bandicoot's ``u_test.csv``.

500 calls from one phone to nine others (semicolon-separated, no header:
interaction, direction, caller, callee, start time, duration, latitude,
longitude), imported through a spec as the import wizard would write it.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime
from pathlib import Path

from workstation.ingest.import_spec import parse_spec

CDR = Path("networks", "cdr_bandicoot", "bandicoot", "tests", "samples", "u_test.csv")
COLUMNS = [f"column_{i}" for i in range(1, 9)]
SPEC = {
    "name": "bandicoot_calls",
    "delimiter": ";",
    "header": False,
    "columns": COLUMNS,
    "entities": {
        "caller": {"type": "phone", "key": "column_3"},
        "callee": {"type": "phone", "key": "column_4"},
    },
    "links": [
        {
            "type": "call",
            "source": "caller",
            "target": "callee",
            "start_time": "column_5",
            "duration": "column_6",
        }
    ],
}


def cdr_rows(shared_data: Path) -> list[list[str]]:
    """The file's rows, read with the csv module."""
    with open(shared_data / CDR, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def expected_counts(rows: list[list[str]], callee: str | None = None):
    """Calls per day and per (ISO weekday, hour), counted in Python."""
    times = [
        datetime.strptime(row[4], "%Y-%m-%d %H:%M:%S")
        for row in rows
        if callee is None or row[3] == callee
    ]
    per_day = Counter(t.date() for t in times)
    per_slot = Counter((t.isoweekday(), t.hour) for t in times)
    return per_day, per_slot


def import_cdr(ws, case_number: str, shared_data: Path):
    """Import the call records into the case; return the import summary."""
    from workstation.services.ingest import import_table

    spec = parse_spec(dict(SPEC), source="test", default_name="bandicoot_calls")
    return import_table(ws, case_number, shared_data / CDR, spec)
