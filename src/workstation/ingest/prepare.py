"""Turning a user's CSV or XLSX file into a UTF-8 CSV the loader can read.

:func:`prepare_table` checks the file, rewrites it (see :mod:`.encoding` and
:mod:`.spreadsheet`), reads its header and matches the spec's columns against
it, so that a wrong file or spec fails before anything is written. A UTF-8
file whose lines all end the same way (LF, or CRLF without quoted values) is
already what the loader reads: it is checked and hashed in one pass and loaded
as it is, without a copy.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.errors import ImportSpecError, InputFileError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.ingest.adjacency import (
    ADJACENCY_COLUMNS,
    ADJACENCY_LAYOUT,
    melt_adjacency_matrix,
)
from workstation.ingest.encoding import (
    TextLayout,
    detect_encoding,
    peek_first_line,
    transcode_to_utf8,
)
from workstation.ingest.import_spec import WHITESPACE_DELIMITER, ImportSpec
from workstation.ingest.spreadsheet import xlsx_to_csv

log = logging.getLogger(__name__)

XLSX_SUFFIXES = (".xlsx", ".xlsm")
PREPARED_NAME = "prepared.csv"
SCAN_CHUNK_BYTES = 4 << 20
#: An empty line: a line break right after another one (or the file's start).
_BLANK_LINES = (b"\n\n", b"\n\r\n")


@dataclass(frozen=True)
class PreparedTable:
    """A user's table rewritten as UTF-8 CSV with LF line ends.

    Attributes:
        source: the user's file.
        csv_path: the rewritten copy.
        file_format: ``csv`` or ``xlsx``.
        encoding: the encoding the file was read with (``xlsx`` for workbooks).
        delimiter: the copy's field delimiter.
        header: whether line 1 is a header.
        columns: the column names, in file order.
        physical_lines: lines in the user's file (sheet rows for workbooks).
        blank_lines: the empty lines, which hold no record.
        new_line: the copy's line end, ``"\\n"`` or ``"\\r\\n"``.
        sha256: the user's file's SHA-256 when it was read whole on the way,
            else "".
    """

    source: Path
    csv_path: Path
    file_format: str
    encoding: str
    delimiter: str
    header: bool
    columns: tuple[str, ...]
    physical_lines: int
    blank_lines: tuple[int, ...]
    new_line: str = "\n"
    sha256: str = ""

    def index(self, column: str) -> int:
        """The position of a column, matched exactly, else ignoring case."""
        if column in self.columns:
            return self.columns.index(column)
        folded = [c.casefold() for c in self.columns]
        return folded.index(column.casefold())


def file_format(path: Path, spec: ImportSpec) -> str:
    """``xlsx`` or ``csv``: the spec's ``format``, else the file's extension."""
    if spec.format:
        return spec.format
    return "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"


def check_input_file(path: str | Path) -> Path:
    """The path of an existing, non-empty file, or a clear error.

    Args:
        path: the file the user named.

    Returns:
        The path.

    Raises:
        InputFileError: when it is missing, a folder, unreadable or empty.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(
            f"{path}: no such file; check the path. Nothing was imported."
        )
    if not path.is_file():
        raise InputFileError(
            f"{path}: is a folder, not a file; name the file to import."
        )
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    if size == 0:
        raise InputFileError(f"{path}: the file is empty; nothing to import.")
    return path


def prepare_table(
    path: str | Path,
    spec: ImportSpec,
    workdir: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PreparedTable:
    """Check and rewrite a table for loading.

    Args:
        path: the user's CSV, text or XLSX file.
        spec: the mapping spec.
        workdir: a folder for the rewritten copy.
        progress: called while the file is read.
        cancel: checked while the file is read.

    Returns:
        The prepared table.

    Raises:
        InputFileError: when the file is missing, empty or unreadable.
        ImportSpecError: when the spec names a column the file lacks.
    """
    path = check_input_file(path)
    target = Path(workdir) / PREPARED_NAME
    fmt = file_format(path, spec)
    scan = None
    if spec.layout == ADJACENCY_LAYOUT:
        return _prepare_matrix(path, spec, target, progress=progress, cancel=cancel)
    if fmt == "xlsx":
        width = None if spec.header else len(spec.columns)
        layout = xlsx_to_csv(
            path,
            target,
            sheet=spec.sheet,
            width=width,
            progress=progress,
            cancel=cancel,
        )
        encoding, delimiter = "xlsx", ","
        sheet = f" (sheet {layout.sheet!r}; the spec's sheet key names another)"
        if layout.physical_lines == 0:
            raise InputFileError(
                f"{path}{sheet}: the sheet is empty; nothing to import."
            )
        columns = _columns(path, spec, layout.first_line, delimiter, sheet)
    else:
        encoding = detect_encoding(path, spec.encoding)
        whitespace = spec.delimiter == WHITESPACE_DELIMITER
        delimiter = "\t" if whitespace else spec.delimiter
        # the header is checked before the whole file is read
        columns = _columns(path, spec, peek_first_line(path, encoding), delimiter)
        if encoding == "utf-8" and not whitespace:
            scan = scan_utf8(path, progress=progress, cancel=cancel)
        if scan is not None:
            target, layout = path, scan.layout
        else:
            layout = transcode_to_utf8(
                path,
                target,
                encoding,
                split_whitespace=whitespace,
                progress=progress,
                cancel=cancel,
            )

    records = layout.physical_lines - len(layout.blank_lines)
    if records == 0:
        raise InputFileError(
            f"{path}: holds no rows (only empty lines); nothing to import."
        )
    if spec.header and records == 1:
        raise InputFileError(
            f"{path}: has a header but no data rows; nothing to import."
        )

    prepared = PreparedTable(
        source=path,
        csv_path=target,
        file_format=fmt,
        encoding=encoding,
        delimiter=delimiter,
        header=spec.header,
        columns=columns,
        physical_lines=layout.physical_lines,
        blank_lines=layout.blank_lines,
        new_line=scan.new_line if scan else "\n",
        sha256=scan.sha256 if scan else "",
    )
    log.info(
        "%s: %s, %s, %d lines, columns %s",
        path.name,
        fmt,
        encoding,
        layout.physical_lines,
        ", ".join(columns),
    )
    return prepared


@dataclass(frozen=True)
class Utf8Scan:
    """A UTF-8 file the loader can read as it is.

    Attributes:
        layout: its lines, as :func:`transcode_to_utf8` would have reported.
        new_line: the line end of every line, ``"\\n"`` or ``"\\r\\n"``.
        sha256: the file's SHA-256, hex.
    """

    layout: TextLayout
    new_line: str
    sha256: str


def _blank_line_ends(data: bytes, start: int) -> list[int]:
    """Where the empty lines of ``data`` end (their line feed), from ``start`` on.

    ``bytes.find`` looks for them many times faster than a regular expression
    would, and files seldom have any.
    """
    ends = []
    for pattern in _BLANK_LINES:
        found = data.find(pattern)
        while found >= 0:
            end = found + len(pattern) - 1
            if end >= start:
                ends.append(end)
            found = data.find(pattern, found + 1)
    return sorted(ends)


def scan_utf8(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Utf8Scan | None:
    """Check, hash and count the lines of a UTF-8 file in one pass.

    Args:
        path: the user's file, detected as UTF-8 without a byte-order mark.
        progress: called with bytes read so far.
        cancel: checked between chunks.

    Returns:
        The scan, or None when the file must be rewritten first: it is not
        valid UTF-8 throughout (the rewrite says where), mixes line ends or
        has bare CRs, or has CRLF line ends and quoted values (a quoted value
        may span lines, and the rewrite makes those line ends LF too).
    """
    total = path.stat().st_size
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    digest = hashlib.sha256()
    # the last bytes of the chunk before; the file's start counts as a line break
    tail = b"\n"
    line_feeds = returns = crlf = done = 0
    quoted = False
    blank: list[int] = []
    with open(path, "rb") as handle:
        while chunk := handle.read(SCAN_CHUNK_BYTES):
            check_cancel(cancel)
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            digest.update(chunk)
            data = tail + chunk
            start = len(tail)
            # line feeds before each empty line give its number
            seen, counted = line_feeds, start
            for end in _blank_line_ends(data, start):
                seen += data.count(b"\n", counted, end)
                counted = end
                blank.append(seen + 1)
            line_feeds += chunk.count(b"\n")
            returns += chunk.count(b"\r")
            crlf += data.count(b"\r\n", start - 1)
            quoted = quoted or b'"' in chunk
            tail = data[-2:]
            done += len(chunk)
            if progress:
                progress(done, total, f"reading {path.name}")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    if returns and (returns != crlf or crlf != line_feeds or quoted):
        return None
    lines = line_feeds + (0 if tail.endswith(b"\n") else 1)
    layout = TextLayout(lines, tuple(blank), "")
    new_line = "\r\n" if returns else "\n"
    log.debug("%s: read as it is, %d lines, %d blank", path, lines, len(blank))
    return Utf8Scan(layout, new_line, digest.hexdigest())


def _prepare_matrix(
    path: Path,
    spec: ImportSpec,
    target: Path,
    *,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> PreparedTable:
    """Transcode a square matrix and melt it into ``row,column,value`` rows."""
    encoding = detect_encoding(path, spec.encoding)
    whitespace = spec.delimiter == WHITESPACE_DELIMITER
    matrix = target.with_name("matrix.csv")
    transcode_to_utf8(
        path,
        matrix,
        encoding,
        split_whitespace=whitespace,
        progress=progress,
        cancel=cancel,
    )
    melted = melt_adjacency_matrix(
        matrix,
        target,
        delimiter="\t" if whitespace else spec.delimiter,
        name=path.name,
        cancel=cancel,
    )
    if melted.cells == 0:
        raise InputFileError(
            f"{path}: every cell of the matrix is 0; nothing to import."
        )
    # line numbers of rejects count the melted rows (header = line 1)
    return PreparedTable(
        source=path,
        csv_path=target,
        file_format="csv",
        encoding=encoding,
        delimiter=",",
        header=True,
        columns=ADJACENCY_COLUMNS,
        physical_lines=melted.cells + 1,
        blank_lines=(),
    )


def _columns(
    path: Path, spec: ImportSpec, first_line: str, delimiter: str, sheet: str = ""
) -> tuple[str, ...]:
    """The file's column names, checked against every column the spec reads.

    ``sheet`` says which sheet of a workbook was read, for the messages.
    """
    if not spec.header:
        return spec.columns
    if not first_line.strip():
        raise InputFileError(
            f"{path}{sheet}: line 1 is empty but the spec {spec.name} expects a "
            "header there; remove the empty lines above the header."
        )
    if spec.delimiter == WHITESPACE_DELIMITER:
        names = first_line.split()
    else:
        names = next(csv.reader([first_line], delimiter=delimiter))
    columns = tuple(name.strip() for name in names)
    folded = [c.casefold() for c in columns]
    for column, key in spec.column_uses():
        if column not in columns and column.casefold() not in folded:
            raise ImportSpecError(
                f"{path.name}{sheet}: has no column {column!r}, which spec "
                f"{spec.name} reads at {key}; its columns are: "
                f"{', '.join(columns)}. Fix the spec or the file's header."
            )
    return columns
