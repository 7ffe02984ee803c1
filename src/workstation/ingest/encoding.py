"""Text files of any encoding and line ending, rewritten as UTF-8 with LF.

DuckDB reads only UTF-8, and a naive reader stumbles over the bare carriage
returns of old exports, so every text input is detected, decoded and written
again, streamed, before it is loaded. Line numbers stay those of the original
file: one line out for every line in, whatever ended it (LF, CRLF or CR).
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from workstation.domain.errors import InputFileError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel

log = logging.getLogger(__name__)

SAMPLE_BYTES = 4 << 20
CHUNK_BYTES = 1 << 20
#: Chinese exports are GBK or GB2312; GB18030 decodes both and more.
_CHINESE = {"gb2312", "gbk", "gb18030", "hz"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class TextLayout:
    """What rewriting a file learnt about its lines.

    Attributes:
        physical_lines: lines in the file, the last one counted even without
            a final line break.
        blank_lines: numbers (from 1) of the empty lines, which loaders skip.
        first_line: the first line's text (the header, when there is one).
        sheet: the workbook sheet the lines come from ("" for a text file).
    """

    physical_lines: int
    blank_lines: tuple[int, ...]
    first_line: str
    sheet: str = ""


def detect_encoding(path: str | Path, declared: str | None = None) -> str:
    """The encoding to read a text file with.

    A declared encoding wins; a byte-order mark comes next; then UTF-8 when
    the start of the file decodes as UTF-8; otherwise GB18030 when
    charset-normalizer finds a GB encoding plausible, else its best guess.

    Args:
        path: the file.
        declared: the encoding named by the spec, or None.

    Returns:
        A Python codec name, such as ``utf-8``, ``utf-8-sig`` or ``gb18030``.

    Raises:
        InputFileError: when no encoding fits.
    """
    if declared:
        return codecs.lookup(declared).name
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
        complete = not handle.read(1)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(sample)
    if not matches:
        raise InputFileError(
            f"{Path(path).name}: cannot tell which text encoding it uses; "
            'name it in the spec, e.g. encoding = "gb18030".'
        )
    # A few lines of Chinese are as plausible in Shift-JIS or Big5; this
    # workstation's inputs are Chinese exports, so a plausible GB reading wins.
    if any(_is_chinese(name) for m in matches for name in m.could_be_from_charset):
        name = "gb18030"
    else:
        name = codecs.lookup(matches.best().encoding).name
    log.info("%s: detected encoding %s", path, name)
    return name


def _is_chinese(encoding: str) -> bool:
    return codecs.lookup(encoding).name.replace("_", "").replace("-", "") in _CHINESE


def peek_first_line(path: str | Path, encoding: str, limit: int = 1 << 16) -> str:
    """The first line of a text file, read from its first ``limit`` bytes.

    Args:
        path: the file.
        encoding: its codec; undecodable bytes show as replacement characters
            here (the full read reports them).
        limit: how many bytes to look at.

    Returns:
        The first line without its line break or byte-order mark.
    """
    with open(path, "rb") as handle:
        head = handle.read(limit)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head, final=False).removeprefix("\ufeff")
    return _NEWLINE.split(text, maxsplit=1)[0]


def _line_breaks(data: bytes) -> int:
    """Line breaks in ASCII-compatible bytes (CRLF counted once)."""
    return len(re.findall(rb"\r\n|\r|\n", data))


def transcode_to_utf8(
    source: str | Path,
    target: str | Path,
    encoding: str,
    *,
    split_whitespace: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> TextLayout:
    """Rewrite ``source`` as UTF-8 with LF line ends, streaming.

    Args:
        source: the user's file.
        target: where the UTF-8 copy is written.
        encoding: the codec to decode ``source`` with.
        split_whitespace: rewrite each line's runs of spaces and tabs as one
            tab (for ``node node weight`` edge lists).
        progress: called with bytes read so far.
        cancel: checked between chunks.

    Returns:
        The file's line layout.

    Raises:
        InputFileError: when the bytes are not valid in ``encoding``.
    """
    source = Path(source)
    total = source.stat().st_size
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    carry = ""  # an unfinished last line, held for the next chunk
    lines_done = 0
    blank: list[int] = []
    first_line: str | None = None
    done_bytes = 0
    with (
        open(source, "rb") as src,
        open(target, "w", encoding="utf-8", newline="") as dst,
    ):
        while True:
            check_cancel(cancel)
            raw = src.read(CHUNK_BYTES)
            final = not raw
            try:
                text = decoder.decode(raw, final=final)
            except UnicodeDecodeError as exc:
                line = lines_done + _line_breaks(carry.encode() + raw[: exc.start]) + 1
                raise InputFileError(
                    f"{source.name}: line {line} is not valid {encoding} text; "
                    'name the right encoding in the spec, e.g. encoding = "gb18030".'
                ) from exc
            done_bytes += len(raw)
            text = carry + text
            if not final and text.endswith("\r"):
                carry, text = "\r", text[:-1]  # maybe the first half of CRLF
                lines = _NEWLINE.split(text)
                carry = lines.pop() + carry
            else:
                lines = _NEWLINE.split(text)
                carry = "" if final else lines.pop()
            if final and lines and lines[-1] == "":
                lines.pop()  # the file ended with a line break
            if lines and first_line is None:
                lines[0] = lines[0].removeprefix("\ufeff")
                first_line = lines[0]
            if split_whitespace:
                lines = ["\t".join(line.split()) for line in lines]
            blank += [lines_done + i + 1 for i, line in enumerate(lines) if not line]
            if lines:
                dst.write("\n".join(lines))
                dst.write("\n")
            lines_done += len(lines)
            if progress:
                progress(done_bytes, total, f"reading {source.name}")
            if final:
                break
    log.debug("%s: %d lines, %d blank", source, lines_done, len(blank))
    return TextLayout(lines_done, tuple(blank), first_line or "")
