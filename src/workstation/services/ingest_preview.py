"""A first look at a table before it is imported: encoding, delimiter, first rows.

The import wizard shows this preview so the analyst can check that the file is
read right (Chinese shows as Chinese, columns split where they should) and map
its columns. Text files are decoded with the importer's own encoding detection
(:func:`workstation.ingest.encoding.detect_encoding`); workbooks are read with
the importer's cell conversion, so the preview shows what the import will see.
Line numbers are those of the file, as in the rejected-rows list.
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from workstation.domain.errors import ImportSpecError, InputFileError
from workstation.ingest.encoding import detect_encoding
from workstation.ingest.import_spec import DEFAULT_TIME_FORMATS, WHITESPACE_DELIMITER
from workstation.ingest.prepare import XLSX_SUFFIXES, check_input_file
from workstation.ingest.spreadsheet import cell_text

log = logging.getLogger(__name__)

#: Bytes of a text file read for the preview.
HEAD_BYTES = 256 << 10
#: Delimiters tried when guessing, besides runs of blanks.
DELIMITERS = (",", ";", "\t", "|")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class TablePreview:
    """The start of a table as the importer would read it.

    Attributes:
        path: The file.
        file_format: ``csv`` or ``xlsx``.
        encoding: The text encoding used (``xlsx`` for workbooks).
        delimiter: One character, or ``whitespace``.
        header: Whether line 1 names the columns.
        columns: The header's names, or ``column_1``... without a header.
        rows: ``(line number, cells)`` of the first data rows.
        sheets: A workbook's sheet names (empty for text files).
        sheet: The sheet shown (None for text files).
        time_columns: Columns whose shown values all read as times.
    """

    path: Path
    file_format: str
    encoding: str
    delimiter: str
    header: bool
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    time_columns: tuple[str, ...] = ()


def preview_table(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header: bool | None = None,
    sheet: str | None = None,
    max_rows: int = 50,
) -> TablePreview:
    """Read the first rows of a CSV, text or XLSX file.

    Each of ``encoding``, ``delimiter`` and ``header`` is guessed when None.

    Args:
        path: The file.
        encoding: A codec name; detected as the importer does when None.
        delimiter: One character or ``whitespace``; guessed when None.
        header: Whether line 1 is a header; guessed when None.
        sheet: A workbook's sheet; the first when None.
        max_rows: Data rows to return at most.

    Returns:
        The preview.

    Raises:
        InputFileError: The file is missing, empty or unreadable, or the
            encoding is unknown.
        ImportSpecError: The named sheet does not exist.
    """
    path = check_input_file(path)
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _preview_workbook(path, sheet, header, max_rows)
    if encoding:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError as exc:
            raise InputFileError(
                f"{encoding!r} is not a text encoding Python knows; choose one "
                "from the list (utf-8, gb18030, ...)."
            ) from exc
    else:
        encoding = detect_encoding(path)
    lines = _head_lines(path, encoding)
    if not any(text.strip() for _, text in lines):
        raise InputFileError(f"{path.name}: holds no text rows; nothing to import.")
    delimiter = delimiter or guess_delimiter([text for _, text in lines])
    table = [(number, split_line(text, delimiter)) for number, text in lines if text]
    if header is None:
        header = guess_header([cells for _, cells in table[:20]], delimiter)
    return _assemble(path, "csv", encoding, delimiter, header, table, max_rows)


def _head_lines(path: Path, encoding: str) -> list[tuple[int, str]]:
    """Numbered lines from the start of a text file (empty lines kept)."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        complete = not handle.read(1)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head, final=complete).removeprefix("\ufeff")
    lines = _NEWLINE.split(text)
    if not complete and len(lines) > 1:
        lines.pop()  # cut off in the middle
    if lines and lines[-1] == "":
        lines.pop()
    return list(enumerate(lines, start=1))


def split_line(text: str, delimiter: str) -> tuple[str, ...]:
    """One line's cells, as the importer splits them."""
    if delimiter == WHITESPACE_DELIMITER:
        return tuple(text.split())
    return tuple(next(csv.reader([text], delimiter=delimiter), []))


def guess_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number of cells.

    Tries ``, ; tab |`` with the csv module's sniffer, then runs of blanks
    (``node node weight`` edge lists); a comma when nothing fits.
    """
    sample = "\n".join(line for line in lines[:50] if line.strip())
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        pass
    widths = {len(line.split()) for line in lines[:50] if line.strip()}
    if len(widths) == 1 and widths.pop() > 1:
        return WHITESPACE_DELIMITER
    return ","


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def guess_header(rows: list[tuple[str, ...]], delimiter: str) -> bool:
    """Whether the first row names the columns.

    A first row is a header when none of its cells is empty and some column
    holds numbers or times below a first cell that is neither, or when no cell
    of the first row recurs as a value in the rows below and it has text where
    the rows below have numbers.
    """
    if len(rows) < 2:
        return bool(rows) and not any(_is_number(c) for c in rows[0])
    first, rest = rows[0], rows[1:]
    if not all(cell.strip() for cell in first):
        return False
    if any(_is_number(cell) or _is_time(cell) for cell in first):
        return False
    for index, _name in enumerate(first):
        values = [r[index] for r in rest if index < len(r) and r[index].strip()]
        if values and all(_is_number(v) or _is_time(v) for v in values):
            return True
    below = {cell for row in rest for cell in row}
    return not any(cell in below for cell in first)


def _is_time(text: str) -> bool:
    text = text.strip()
    for fmt in DEFAULT_TIME_FORMATS:
        try:
            datetime.strptime(text, fmt)
        except ValueError:
            continue
        return True
    return False


def _assemble(
    path: Path,
    file_format: str,
    encoding: str,
    delimiter: str,
    header: bool,
    table: list[tuple[int, tuple[str, ...]]],
    max_rows: int,
    *,
    sheets: tuple[str, ...] = (),
    sheet: str | None = None,
) -> TablePreview:
    if header and table:
        columns = tuple(c.strip() for c in table[0][1])
        data = table[1 : max_rows + 1]
    else:
        width = max((len(cells) for _, cells in table), default=0)
        columns = tuple(f"column_{i}" for i in range(1, width + 1))
        data = table[:max_rows]
    time_columns = tuple(
        name
        for index, name in enumerate(columns)
        if (values := [c[index] for _, c in data if index < len(c) and c[index]])
        and all(_is_time(v) for v in values)
    )
    log.debug(
        "preview of %s: %s, %s, delimiter %r, header %s, %d columns",
        path.name,
        file_format,
        encoding,
        delimiter,
        header,
        len(columns),
    )
    return TablePreview(
        path=path,
        file_format=file_format,
        encoding=encoding,
        delimiter=delimiter,
        header=header,
        columns=columns,
        rows=tuple(data),
        sheets=sheets,
        sheet=sheet,
        time_columns=time_columns,
    )


def _preview_workbook(
    path: Path, sheet: str | None, header: bool | None, max_rows: int
) -> TablePreview:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputFileError(
            f"{path.name}: cannot be read as an Excel workbook (.xlsx) ({exc}); "
            "open it in Excel and save it again as .xlsx or CSV."
        ) from exc
    try:
        sheets = tuple(book.sheetnames)
        if sheet is not None and sheet not in sheets:
            raise ImportSpecError(
                f"{path.name}: has no sheet {sheet!r}; its sheets are: "
                f"{', '.join(sheets)}."
            )
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        table = []
        for number, row in enumerate(
            worksheet.iter_rows(max_row=max_rows + 1, values_only=True), start=1
        ):
            cells = [cell_text(v) for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                table.append((number, tuple(cells)))
    finally:
        book.close()
    if header is None:
        header = guess_header([cells for _, cells in table[:20]], ",")
    return _assemble(
        path,
        "xlsx",
        "xlsx",
        ",",
        header,
        table,
        max_rows,
        sheets=sheets,
        sheet=worksheet.title,
    )
