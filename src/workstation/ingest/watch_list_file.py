"""Reading a watch-list file: numbers used by fraudsters, one a line.

A watch-list is a CSV, TXT or XLSX file whose first column holds the number
and whose second column, when there is one, says where it came from (a
report, an anti-fraud centre bulletin). A first line whose first cell has no
digit is a header and is skipped; empty lines are skipped. Numbers are
normalised with the importer's phone rules
(:func:`workstation.ingest.normalise.phone_rules`), so ``+86 138-0013-8000``,
``0086 13800138000`` and ``13800138000`` are the same watched number. A file
with any number that cannot be read is refused whole, naming each bad line.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.domain.warning_records import WatchNumber
from workstation.ingest.encoding import detect_encoding
from workstation.ingest.normalise import (
    DEFAULT_COUNTRY_CODE,
    key_problem,
    normalise_key,
    phone_rules,
)
from workstation.ingest.prepare import XLSX_SUFFIXES, check_input_file
from workstation.ingest.spreadsheet import xlsx_to_csv

log = logging.getLogger(__name__)

#: At most this many bad lines are named in the message.
SHOWN_PROBLEMS = 5
_DELIMITERS = ("\t", ",", ";", "|")


def _delimiter(first_line: str) -> str:
    """The first of tab, comma, semicolon or bar the line has (comma if none)."""
    return next((d for d in _DELIMITERS if d in first_line), ",")


def _rows(path: Path, workdir: Path) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` of every non-empty line of the file."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        copy = workdir / f"{path.stem}.csv"
        xlsx_to_csv(path, copy)
        path, encoding = copy, "utf-8"
    else:
        encoding = detect_encoding(path)
    try:
        text = path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(
            f"{path.name}: cannot be read as {encoding} text ({exc}); save it as "
            "UTF-8 CSV or TXT, or as .xlsx."
        ) from exc
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    reader = csv.reader(lines, delimiter=_delimiter(first))
    rows = []
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if any(cells):
            rows.append((reader.line_num, cells))
    return rows


def read_watch_list(
    path: str | Path, workdir: Path, *, country_code: str = DEFAULT_COUNTRY_CODE
) -> list[WatchNumber]:
    """The numbers of a watch-list file, normalised, each key once.

    Args:
        path: the CSV, TXT or XLSX file.
        workdir: a private folder for the CSV copy of a workbook.
        country_code: given to numbers written without one, as in the importer.

    Returns:
        The numbers in file order; a number written twice is kept at its
        first line.

    Raises:
        InputFileError: the file is missing, unreadable or empty, has no
            numbers, or has numbers that are not phone numbers (each named
            with its line).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "w.txt").write_text("号码,来源\\n+86 138-0013-8000,110 report\\n")
    >>> read_watch_list(folder / "w.txt", folder)[0].key
    '+8613800138000'
    """
    path = check_input_file(path)
    rules = phone_rules(country_code)
    rows = _rows(path, workdir)
    if rows and not re.search("[0-9]", rows[0][1][0]):
        rows = rows[1:]  # a header such as "number,source"
    numbers: dict[str, WatchNumber] = {}
    problems = []
    for line, cells in rows:
        written = cells[0]
        if not written:
            problems.append(f"line {line}: the number (first column) is empty")
            continue
        problem = key_problem(written, rules)
        if problem is not None:
            problems.append(f"line {line}: {written!r} {problem}")
            continue
        key = normalise_key(written, rules)
        source = " ".join(cell for cell in cells[1:] if cell)
        numbers.setdefault(key, WatchNumber(key, written, source, line))
    if problems:
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        extra = f" and {more} more" if more > 0 else ""
        raise InputFileError(
            f"{path.name}: {len(problems)} line(s) are not phone numbers: "
            f"{shown}{extra}. Fix or remove those lines and load the list again; "
            "nothing was loaded."
        )
    if not numbers:
        raise InputFileError(
            f"{path.name}: has no numbers; put one number a line in the first "
            "column (a second column may say where it came from)."
        )
    log.debug("%s: %d watched numbers", path.name, len(numbers))
    return list(numbers.values())
