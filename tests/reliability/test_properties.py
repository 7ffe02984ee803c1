"""Property tests: whatever bytes come in, the answer is data or one clear error."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.ingest.import_spec import ImportSpec, load_spec
from workstation.security.audit_chain import (
    GENESIS_HASH,
    AuditEntry,
    entry_hash,
    first_broken_entry,
)
from workstation.security.passwords import ScryptCost, hash_password, verify_password
from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.services.workspace import Workspace
from workstation.settings import Settings
from workstation.vision.image_loading import open_upright

HEADER = "caller,callee,start_time,duration_s,cell_id"
TABLES = ("imports", "import_rejects", "entities", "links", "events", "audit_log")
#: The import properties share one workspace; each example checks its own deltas.
IMPORTS = settings(max_examples=40, deadline=None)

cells = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
    st.sampled_from(["", '"', '""', ",", "\r", "\n", "\x00", "=cmd|' /C calc'!A0"]),
    st.just("2024-03-01 10:00:00"),
    st.integers(-(10**12), 10**12).map(str),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=7), min_size=1, max_size=30)
encodings = st.sampled_from(["utf-8", "gb18030", "utf-16", "latin-1", "utf-8-sig"])


def _counts(ws) -> dict[str, int]:
    return {
        t: ws.store.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
    }


def _import_or_refuse(ws, data: bytes) -> None:
    path = ws.root.parent / "calls.csv"
    path.write_bytes(data)
    before = _counts(ws)
    try:
        summary = import_table(ws, "P-1", path, "call_records")
    except WorkstationError as exc:
        assert str(exc).strip()
        assert _counts(ws) == before  # nothing written
        return
    after = _counts(ws)
    assert after["imports"] == before["imports"] + 1
    assert after["audit_log"] == before["audit_log"] + 1
    assert summary.rows_loaded + len(summary.rejected) >= summary.rows_read - 1
    assert after["import_rejects"] - before["import_rejects"] == len(summary.rejected)


@pytest.fixture(scope="module")
def shared_ws(tmp_path_factory):
    root = tmp_path_factory.mktemp("properties") / "workspace"
    ws = Workspace(Settings.from_environment(workspace_dir=root, user_name="p"))
    create_case(ws, "P-1", "性质测试")
    yield ws
    ws.close()


@IMPORTS
@given(table=rows, encoding=encodings, newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_table_imports_or_is_refused_without_a_trace(
    shared_ws, table, encoding, newline
):
    text = newline.join([HEADER, *(",".join(r) for r in table)])
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="replace")
    _import_or_refuse(shared_ws, data)


@IMPORTS
@given(data=st.binary(min_size=0, max_size=4096))
def test_any_bytes_import_or_are_refused_without_a_trace(shared_ws, data):
    _import_or_refuse(shared_ws, data)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_any_spec_text_loads_or_names_its_problem(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spec.toml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            spec = load_spec(path)
        except WorkstationError as exc:
            assert str(exc).startswith("Spec ")
        else:
            assert isinstance(spec, ImportSpec) and spec.entities


_REAL_JPEG = None


def _real_jpeg() -> bytes:
    global _REAL_JPEG
    if _REAL_JPEG is None:
        from faces_fixtures import vectron_photo

        _REAL_JPEG = vectron_photo("yaoming.jpg").read_bytes()
    return _REAL_JPEG


@settings(max_examples=60, deadline=None)
@given(
    cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
    keep=st.floats(0.0, 1.0),
)
def test_damaged_photos_decode_or_give_a_clear_error(cuts, keep):
    data = bytearray(_real_jpeg())
    for position, value in cuts:
        data[position % len(data)] = value
    data = bytes(data[: max(0, int(len(data) * keep))])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "photo.jpg"
        path.write_bytes(data)
        try:
            image = open_upright(path)
        except InputFileError as exc:
            assert "photo.jpg" in str(exc)
        else:
            assert image.mode == "RGB" and image.width > 0


@settings(max_examples=15, deadline=None)
@given(password=st.text(min_size=1, max_size=40), other=st.text(max_size=40))
def test_a_password_verifies_and_nothing_else_does(password, other):
    stored = hash_password(password, cost=ScryptCost(n=2**8))
    assert verify_password(password, stored)
    import unicodedata

    same = unicodedata.normalize("NFC", other) == unicodedata.normalize("NFC", password)
    assert verify_password(other, stored) is same


def _chain(n: int) -> list[AuditEntry]:
    entries, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        fields = (
            f"2026-01-01T00:00:{seq:02d}",
            "u",
            "os",
            "act",
            f"o{seq}",
            {"i": seq},
        )
        digest = entry_hash(prev, seq, *fields)
        entries.append(AuditEntry(seq, *fields, prev, digest))
        prev = digest
    return entries


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(2, 30),
    data=st.data(),
    kind=st.sampled_from(["edit", "delete", "swap", "insert"]),
)
def test_any_single_tampering_is_named_where_it_starts(n, data, kind):
    entries = _chain(n)
    at = data.draw(st.integers(0, n - 1), label="position")
    if kind == "edit":
        entries[at] = dataclasses.replace(entries[at], object="forged")
        expected = at + 1
    elif kind == "delete":
        del entries[at]
        expected = at + 2 if at < n - 1 else None
    elif kind == "swap":
        at = min(at, n - 2)
        entries[at], entries[at + 1] = entries[at + 1], entries[at]
        expected = at + 2  # the entry now at position ``at`` has seq at + 2
    else:
        prev = entries[at - 1].hash if at else GENESIS_HASH
        fields = ("2026-01-01T00:00:00", "x", "x", "forged", "f", {})
        forged = AuditEntry(at + 1, *fields, prev, entry_hash(prev, at + 1, *fields))
        entries.insert(at, forged)
        renumbered = [dataclasses.replace(e, seq=i) for i, e in enumerate(entries, 1)]
        entries = renumbered
        expected = at + 2  # the forged entry chains; the one after it does not
    broken = first_broken_entry(entries)
    if expected is None:  # the last entry deleted: a truncated chain still chains
        assert broken is None
    else:
        assert broken is not None and broken[0] == expected
