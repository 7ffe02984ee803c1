"""Excel workbooks (.xlsx) rewritten as UTF-8 CSV, one line per sheet row.

Cells are written as text the way an analyst reads them: a phone number typed
as a number (``13800138000.0`` inside the file) becomes ``13800138000``, dates
become ISO text, and line breaks inside a cell become spaces so that CSV line
numbers stay the sheet's row numbers. Empty rows stay as empty lines.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from workstation.domain.errors import ImportSpecError, InputFileError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.ingest.encoding import TextLayout

log = logging.getLogger(__name__)

_PROGRESS_EVERY = 5000
#: Larger floats lose digits, so they are not shown as integers.
_EXACT_FLOAT = 2**53


def cell_text(value: object) -> str:
    """The text of one cell value as openpyxl reads it.

    Args:
        value: a cell value (None, bool, number, date/time or text).

    Returns:
        The text written to the CSV copy.

    >>> cell_text(13800138000.0), cell_text(2.5), cell_text(None)
    ('13800138000', '2.5', '')
    >>> cell_text(datetime(2024, 3, 1, 8, 30))
    '2024-03-01 08:30:00'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_FLOAT:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
        return str(int(seconds)) if seconds.is_integer() else str(seconds)
    return " ".join(str(value).splitlines())


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


def _row_texts(row: tuple, width: int | None) -> list[str]:
    cells = [cell_text(v) for v in row]
    while cells and cells[-1] == "" and (width is None or len(cells) > width):
        cells.pop()
    if width is not None and len(cells) < width and any(cells):
        cells += [""] * (width - len(cells))
    return cells


def xlsx_to_csv(
    source: str | Path,
    target: str | Path,
    *,
    sheet: str | None = None,
    width: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> TextLayout:
    """Write one sheet of a workbook as a UTF-8, LF-ended CSV file.

    Args:
        source: the .xlsx file.
        target: the CSV file to write.
        sheet: the sheet's name; the first sheet when None.
        width: the number of columns when known (files without a header);
            otherwise the first non-empty row sets it.
        progress: called with rows written so far.
        cancel: checked every few thousand rows.

    Returns:
        The line layout of the CSV copy (line n is sheet row n).

    Raises:
        InputFileError: when the file is not a readable workbook.
        ImportSpecError: when the named sheet does not exist.
    """
    source = Path(source)
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputFileError(
            f"{source.name}: cannot be read as an Excel workbook (.xlsx) ({exc}); "
            "open it in Excel and save it again as .xlsx or CSV."
        ) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ImportSpecError(
                f"{source.name}: has no sheet {sheet!r} named by the spec's sheet "
                f"key; its sheets are: {', '.join(book.sheetnames)}."
            )
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        total = worksheet.max_row or 0
        blank: list[int] = []
        first_line = ""
        rows = 0
        with open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            for rows, row in enumerate(worksheet.iter_rows(values_only=True), 1):
                cells = _row_texts(row, width)
                if not any(cells):
                    out.write("\n")
                    blank.append(rows)
                    continue
                if width is None:
                    width = len(cells)
                if rows == 1:
                    first_line = _csv_line(cells)
                writer.writerow(cells)
                if rows % _PROGRESS_EVERY == 0:
                    check_cancel(cancel)
                    if progress:
                        progress(rows, total, f"reading {source.name}")
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError(
            f"{source.name}: the workbook is damaged ({exc}); "
            "open it in Excel and save it again."
        ) from exc
    finally:
        book.close()
    while blank and blank[-1] == rows:  # trailing empty rows are formatting
        blank.pop()
        rows -= 1
    log.debug("%s: %d sheet rows written as CSV", source, rows)
    return TextLayout(rows, tuple(blank), first_line, worksheet.title)
