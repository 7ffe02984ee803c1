"""Adjacency matrices (``layout = "adjacency"``) melted into an edge list.

A square matrix names the same ids along its first row and first column; the
cell at row ``a`` and column ``b`` counts contacts from ``a`` to ``b`` (the
CAVIAR wiretap phases are published this way). :func:`melt_adjacency_matrix`
rewrites it as a CSV table with the columns :data:`ADJACENCY_COLUMNS` — one
row per non-zero cell — which the ordinary loader then reads through the spec.
The melted rows, not the matrix lines, are what line numbers of rejected rows
count.
"""

from __future__ import annotations

import csv
import logging
import math
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.domain.progress import CancelToken, check_cancel

log = logging.getLogger(__name__)

ADJACENCY_LAYOUT = "adjacency"
#: Columns of the melted table a spec with ``layout = "adjacency"`` reads.
ADJACENCY_COLUMNS = ("row", "column", "value")


@dataclass(frozen=True)
class MeltedMatrix:
    """What a matrix held: its ids and its non-zero cells."""

    ids: tuple[str, ...]
    cells: int
    total: float


def melt_adjacency_matrix(
    source: str | Path,
    target: str | Path,
    *,
    delimiter: str = ",",
    name: str | None = None,
    cancel: CancelToken | None = None,
) -> MeltedMatrix:
    """Rewrite a square matrix (UTF-8 text) as a ``row,column,value`` table.

    Args:
        source: The matrix as UTF-8 CSV (already transcoded).
        target: Where the melted table is written, with a header line.
        delimiter: The matrix's field delimiter.
        name: The user's file name, for messages.
        cancel: Checked every 1,000 lines.

    Returns:
        The ids and the number and sum of the non-zero cells.

    Raises:
        InputFileError: The matrix is not square, repeats an id, or a cell is
            not a non-negative number; the message names line and column.
    """
    name = name or Path(source).name
    with open(source, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=delimiter)
        header = next(rows, None)
        if not header or len(header) < 2:
            raise InputFileError(
                f"{name}: line 1 must name the ids of the matrix's columns after "
                "a corner cell; it is empty or has one field."
            )
        ids = [cell.strip() for cell in header[1:]]
        _check_ids(ids, name)
        seen_rows: set[str] = set()
        cells, total = 0, 0.0
        with open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(ADJACENCY_COLUMNS)
            for line, row in enumerate(rows, start=2):
                if line % 1000 == 0:
                    check_cancel(cancel)
                if not row or not any(cell.strip() for cell in row):
                    continue
                row_id = row[0].strip()
                _check_row(row, row_id, ids, seen_rows, name, line)
                for column_id, cell in zip(ids, row[1:], strict=True):
                    value = _count(cell, name, line, column_id)
                    if value:
                        writer.writerow((row_id, column_id, _text(value)))
                        cells += 1
                        total += value
    missing = sorted(set(ids) - seen_rows)
    if missing:
        raise InputFileError(
            f"{name}: the matrix has no row for {', '.join(missing[:5])}"
            f"{' …' if len(missing) > 5 else ''}; a square matrix has one row per "
            "column id."
        )
    log.info("%s: %d ids, %d non-zero cells, total %g", name, len(ids), cells, total)
    return MeltedMatrix(tuple(ids), cells, total)


def _check_ids(ids: list[str], name: str) -> None:
    for position, value in enumerate(ids, start=2):
        if not value:
            raise InputFileError(
                f"{name}: line 1, field {position} names no id; every column of "
                "the matrix needs one."
            )
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InputFileError(
            f"{name}: line 1 names {', '.join(repeated)} more than once; the "
            "ids of a matrix must differ."
        )


def _check_row(row, row_id, ids, seen_rows, name, line) -> None:
    if len(row) != len(ids) + 1:
        raise InputFileError(
            f"{name}: line {line} has {len(row)} fields but line 1 has "
            f"{len(ids) + 1}; every row needs its id and one cell per column."
        )
    if row_id not in ids:
        raise InputFileError(
            f"{name}: line {line} is the row of {row_id!r}, which line 1 does "
            "not name; the matrix must be square, with the same ids on both sides."
        )
    if row_id in seen_rows:
        raise InputFileError(f"{name}: line {line} repeats the row of {row_id!r}.")
    seen_rows.add(row_id)


def _count(cell: str, name: str, line: int, column_id: str) -> float:
    text = cell.strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise InputFileError(
            f"{name}: line {line}, column {column_id!r}: {text!r} is not a count "
            "(a number, 0 or more)."
        )
    return value


def _text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)
