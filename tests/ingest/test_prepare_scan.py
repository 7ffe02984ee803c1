"""The one-pass scan of a UTF-8 file: its lines, empty lines and hash."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.ingest import prepare

lines = st.lists(st.sampled_from(["", "a", "b,c", "é,电话"]), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(lines=lines, new_line=st.sampled_from(["\n", "\r\n"]), final=st.booleans())
def test_scan_finds_every_empty_line_across_chunk_borders(
    lines: list[str], new_line: str, final: bool
) -> None:
    text = new_line.join(lines) + (new_line if final else "")
    data = text.encode("utf-8")
    if not data:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(data)
        # chunks of 3 bytes put line breaks (and CRLF pairs) across chunk borders
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(prepare, "SCAN_CHUNK_BYTES", 3)
            scan = prepare.scan_utf8(path)
    assert scan is not None
    physical = text.split(new_line)
    if text.endswith(new_line):
        physical.pop()  # a final line break ends the last line, starts none
    assert scan.layout.physical_lines == len(physical)
    assert scan.layout.blank_lines == tuple(
        n for n, line in enumerate(physical, 1) if line == ""
    )
    assert scan.new_line == ("\r\n" if "\r" in text else "\n")
    assert scan.sha256 == hashlib.sha256(data).hexdigest()
