"""A corpus of broken inputs, made on purpose: one clear error each, nothing written.

The files are generated in ``tmp_path`` (seeded, so every run feeds the same
bytes) or cut from the real inputs. ``docs/reliability.md`` lists every case
with its result; keep the two in step.
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

import pytest

from workstation.domain.errors import (
    ImportSpecError,
    InputFileError,
    WorkstationError,
)
from workstation.ingest.import_spec import load_spec
from workstation.services.ingest import import_table
from workstation.vision.image_loading import open_upright, read_video_frame

HEADER = "caller,callee,start_time,duration_s,cell_id\n"
ROW = "13800138000,13900139000,2024-03-01 10:00:00,60,41_10_1\n"
TABLES = ("imports", "import_rejects", "entities", "links", "events", "audit_log")


def junk(size: int, seed: int = 11) -> bytes:
    return random.Random(seed).randbytes(size)


def state(ws) -> dict[str, int]:
    return {
        t: ws.store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
    }


# -- importers ------------------------------------------------------------------


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _bad_byte_late(tmp: Path) -> Path:
    """Valid UTF-8 for the first 4 MiB the detector samples, then one Latin-1 é."""
    rows = HEADER + ROW * 80_000 + "13800138000,13900139000,2024-03-01,60,é\n"
    return _write(tmp / "late.csv", rows.encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))


def _xlsx_junk(tmp: Path) -> Path:
    return _write(tmp / "calls.xlsx", b"PK\x03\x04" + junk(4096))


def _xlsx_truncated(tmp: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    for _ in range(200):
        sheet.append(ROW.strip().split(","))
    full = tmp / "full.xlsx"
    book.save(full)
    data = full.read_bytes()
    return _write(tmp / "cut.xlsx", data[: len(data) // 2])


IMPORT_CASES = {
    "zero-byte file": (lambda t: _write(t / "empty.csv", b""), InputFileError),
    "binary junk": (lambda t: _write(t / "junk.csv", junk(64 << 10)), WorkstationError),
    "NUL bytes in the header": (
        lambda t: _write(
            t / "nul.csv", HEADER.replace(",", "\x00").encode() + b"\0" * 64
        ),
        ImportSpecError,
    ),
    "UTF-16 without byte-order mark": (
        lambda t: _write(t / "utf16.csv", (HEADER + ROW).encode("utf-16-le")),
        WorkstationError,
    ),
    "Latin-1 byte after 4 MiB of UTF-8": (_bad_byte_late, InputFileError),
    "only blank lines": (
        lambda t: _write(t / "blank.csv", b"\r\n" * 50),
        InputFileError,
    ),
    "header only": (
        lambda t: _write(t / "header.csv", HEADER.encode()),
        InputFileError,
    ),
    "a folder, not a file": (lambda t: t, InputFileError),
    "junk named .xlsx": (_xlsx_junk, InputFileError),
    "truncated .xlsx": (_xlsx_truncated, InputFileError),
}


@pytest.mark.parametrize("name", list(IMPORT_CASES))
def test_broken_table_files_fail_cleanly_and_write_nothing(
    name, workspace, case, tmp_path
):
    make, expected = IMPORT_CASES[name]
    path = make(tmp_path)
    before = state(workspace)
    with pytest.raises(expected) as raised:
        import_table(workspace, case.number, path, "call_records")
    message = str(raised.value)
    assert "\n" not in message and len(message) < 600
    assert path.name in message or str(path) in message
    if name.startswith("Latin-1"):
        assert "line 80002" in message
    assert state(workspace) == before


def _long_cell(size: int):
    def make(tmp: Path) -> Path:
        text = HEADER + ROW + ROW[:-8] + "x" * size + "\n" + ROW
        return _write(tmp / "long.csv", text.encode())

    return make


def _unbalanced_quote(tmp: Path) -> Path:
    text = HEADER + ROW + '"13800138001,13900139000,2024-03-01 10:00:00,60,41\n' + ROW
    return _write(tmp / "quote.csv", text.encode())


ROW_CASES = {
    # name: (make, rows read, rows loaded, rejected line, words of the reason)
    "1 MiB field": (_long_cell(1 << 20), 3, 3, None, None),
    "unbalanced quote": (_unbalanced_quote, 2, 1, 3, "quoted value is not closed"),
}


@pytest.mark.parametrize("name", [*ROW_CASES, "3 MiB field"])
def test_bad_rows_are_rejected_with_their_line_and_the_rest_loads(
    name, workspace, case, tmp_path
):
    make, read, loaded, line, reason = ROW_CASES.get(
        name, (_long_cell(3 << 20), 3, 2, 3, "longer than the reader allows")
    )
    summary = import_table(workspace, case.number, make(tmp_path), "call_records")
    assert (summary.rows_read, summary.rows_loaded) == (read, loaded)
    assert [r.line for r in summary.rejected] == ([line] if line else [])
    if line:
        assert reason in summary.rejected[0].reason and summary.rejected[0].reason
    cells = workspace.store.execute("SELECT max(length(cell)) FROM links").fetchone()
    assert cells[0] == (1 << 20 if name == "1 MiB field" else 7)


def test_formula_strings_are_imported_as_plain_text(workspace, case, tmp_path):
    """CSV injection payloads are data: stored verbatim, never evaluated."""
    payloads = [
        "=cmd|' /C calc'!A0",
        "+SUM(1+1)*cmd|' /C notepad'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        '=HYPERLINK("http://example.invalid/x","点我")',
    ]
    rows = "id_number,name,phone,plate,role\n" + "".join(
        f'11010119800101{i:03d}X,"{p.replace(chr(34), chr(34) * 2)}",1380013800{i},,\n'
        for i, p in enumerate(payloads)
    )
    path = tmp_path / "people.csv"
    path.write_text(rows, encoding="utf-8")
    summary = import_table(workspace, case.number, path, "people")
    assert summary.rows_loaded == len(payloads)
    labels = {
        r[0]
        for r in workspace.store.execute(
            "SELECT label FROM entities WHERE type = 'person'"
        ).fetchall()
    }
    assert labels == set(payloads)


# -- images and video ------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _bomb_png(tmp: Path) -> Path:
    """A 200-byte PNG that claims 40000 x 40000 pixels (1.6 gigapixels)."""
    header = struct.pack(">IIBBBBB", 40000, 40000, 8, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 40001))
        + _png_chunk(b"IEND", b"")
    )
    return _write(tmp / "bomb.png", data)


def _truncated_jpeg(tmp: Path, shared: Path) -> Path:
    data = (shared / "faces/face_recognition/examples/obama.jpg").read_bytes()
    return _write(tmp / "cut.jpg", data[: len(data) // 3])


def _bad_crc_png(tmp: Path, shared: Path) -> Path:
    data = bytearray(
        (shared / "faces/face_recognition/examples/alex-lacamoire.png").read_bytes()
    )
    data[29] ^= 0xFF  # inside the IHDR chunk's CRC
    return _write(tmp / "crc.png", bytes(data))


IMAGE_CASES = {
    "decompression-bomb PNG": (lambda t, s: _bomb_png(t), "too many pixels"),
    "truncated JPEG": (_truncated_jpeg, "truncated or damaged"),
    "zero-byte JPEG": (lambda t, s: _write(t / "empty.jpg", b""), "not an image"),
    "text named .jpg": (
        lambda t, s: _write(t / "notes.jpg", "不是图片".encode()),
        "not an image",
    ),
    "PNG with a broken checksum": (_bad_crc_png, "not an image format"),
    "binary junk named .png": (
        lambda t, s: _write(t / "junk.png", junk(8192, seed=5)),
        "not an image",
    ),
}


@pytest.mark.parametrize("name", list(IMAGE_CASES))
def test_broken_images_give_one_clear_error(name, tmp_path, shared_data):
    make, fragment = IMAGE_CASES[name]
    path = make(tmp_path, shared_data)
    with pytest.raises(InputFileError, match=fragment) as raised:
        open_upright(path)
    assert path.name in str(raised.value)


@pytest.mark.parametrize("cut", [0, 4096, 0.5])
def test_truncated_video_gives_one_clear_error(cut, tmp_path, shared_data):
    clip = shared_data / "faces/face_recognition/examples/short_hamilton_clip.mp4"
    data = clip.read_bytes()
    size = int(len(data) * cut) if isinstance(cut, float) else cut
    path = _write(tmp_path / "clip.mp4", data[:size])
    with pytest.raises(InputFileError, match=r"clip\.mp4"):
        read_video_frame(path, 10)


# -- mapping specs ---------------------------------------------------------------

SPEC_CASES = {
    "not TOML": ('[entities.caller\ntype = "phone"\n', "not valid TOML"),
    "binary junk": (junk(2048, seed=3), "cannot be read"),
    "key of the wrong type": (
        '[entities.caller]\ntype = "phone"\nkey = 5\n',
        "entities.caller.key",
    ),
    "unknown entity type": (
        '[entities.caller]\ntype = "suspect"\nkey = "caller"\n',
        "entities.caller.type",
    ),
    "link to an undeclared entity": (
        '[entities.caller]\ntype = "phone"\nkey = "caller"\n'
        '[[links]]\ntype = "call"\nsource = "caller"\ntarget = "nobody"\n',
        "nobody",
    ),
    "no entities": ('name = "empty"\n', "entities"),
    "unknown encoding": (
        'encoding = "klingon-8"\n[entities.caller]\ntype = "phone"\nkey = "caller"\n',
        "encoding",
    ),
    "entities not a table": ('entities = "caller"\n', "entities"),
}


@pytest.mark.parametrize("name", list(SPEC_CASES))
def test_broken_specs_name_the_problem(name, tmp_path):
    content, fragment = SPEC_CASES[name]
    path = tmp_path / "spec.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportSpecError, match=fragment) as raised:
        load_spec(path)
    assert "\n" not in str(raised.value).strip() or name == "not TOML"
