"""The evidence vault keeps read-only, content-addressed copies."""

from __future__ import annotations

import hashlib
import os
import stat

from workstation.services.evidence import add_evidence, evidence_file, verify_vault


def _photo(shared_data):
    return shared_data / "faces" / "face_recognition" / "examples" / "biden.jpg"


def test_add_copies_once_and_leaves_original(workspace, case, shared_data, tmp_path):
    original = tmp_path / "biden.jpg"
    original.write_bytes(_photo(shared_data).read_bytes())
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    mtime = original.stat().st_mtime_ns

    ((item, new),) = add_evidence(workspace, case.number, [original])
    (again,) = add_evidence(workspace, case.number, [original])

    assert new and not again[1]
    assert item.sha256 == before
    assert again[0].id == item.id
    stored = evidence_file(workspace, item)
    assert stored.read_bytes() == original.read_bytes()
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert len(workspace.vault.stored_files()) == 1
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before
    assert original.stat().st_mtime_ns == mtime


def test_same_file_under_two_names_is_stored_once(
    workspace, case, shared_data, tmp_path
):
    a = tmp_path / "a.jpg"
    b = tmp_path / "b.jpg"
    a.write_bytes(_photo(shared_data).read_bytes())
    b.write_bytes(_photo(shared_data).read_bytes())
    add_evidence(workspace, case.number, [a, b])
    assert len(workspace.vault.stored_files()) == 1


def test_verify_reports_a_changed_file(workspace, case, shared_data):
    ((item, _),) = add_evidence(workspace, case.number, [_photo(shared_data)])
    assert verify_vault(workspace) == []

    stored = evidence_file(workspace, item)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[1000] ^= 0xFF
    stored.write_bytes(bytes(data))
    os.chmod(stored, 0o444)

    problems = verify_vault(workspace)
    assert len(problems) == 1
    assert problems[0].sha256 == item.sha256
    assert "changed" in problems[0].problem
    assert problems[0].cases == (case.number,)


def test_verify_reports_a_missing_file(workspace, case, shared_data):
    ((item, _),) = add_evidence(workspace, case.number, [_photo(shared_data)])
    evidence_file(workspace, item).unlink()
    problems = verify_vault(workspace)
    assert [p.problem for p in problems] == ["missing from the vault"]
