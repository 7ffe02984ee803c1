"""Evidence is re-hashed when opened and before it leaves in a brief.

A changed byte stops the scan, enhancement or export that would use the file,
with the file and its case named.
"""

from __future__ import annotations

import os
import stat

import pytest

from faces_fixtures import insightface_photo, vectron_photo
from workstation.domain.errors import IntegrityError
from workstation.services import faces, integrity
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence, evidence_file
from workstation.services.integrity import verify_items
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows
from workstation.store.audit_log import read_audit


@pytest.fixture
def evidence(workspace, case, shared_data):
    photos = [
        vectron_photo("players.jpg"),
        insightface_photo("t1.jpg"),
        shared_data / "faces/facenet_pytorch/data/multiface.jpg",
    ]
    added = add_evidence(workspace, case.number, photos)
    return [item for item, _ in added]


def flip_one_byte(path, offset: int = 1000) -> None:
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x01]))
    os.chmod(path, stat.S_IRUSR)


def test_intact_items_verify_and_report_progress(workspace, evidence):
    seen = []
    assert verify_items(workspace, evidence, progress=lambda *a: seen.append(a)) == 3
    assert [s[:2] for s in seen] == [(1, 3), (2, 3), (3, 3)]


def test_one_changed_byte_names_file_and_case_and_is_audited(workspace, evidence):
    changed = evidence[1]
    flip_one_byte(workspace.root / changed.vault_path)
    with pytest.raises(IntegrityError) as raised:
        verify_items(workspace, evidence)
    message = str(raised.value)
    assert "t1.jpg" in message and "case T-001" in message
    assert changed.vault_path in message and "nothing was exported" in message
    entry = read_audit(workspace.store)[-1]
    assert entry.action == "vault.integrity_failed"
    assert [p["name"] for p in entry.details["problems"]] == ["t1.jpg"]


def test_only_the_items_given_are_read(workspace, evidence):
    flip_one_byte(workspace.root / evidence[0].vault_path)
    assert verify_items(workspace, evidence[1:]) == 2  # players.jpg not exported


def test_missing_vault_file_is_reported(workspace, evidence):
    (workspace.root / evidence[2].vault_path).unlink()
    with pytest.raises(
        IntegrityError, match=r"multiface\.jpg .* missing from the vault"
    ):
        verify_items(workspace, evidence_rows.list_evidence(workspace.store))


def test_a_changed_byte_is_caught_when_the_file_is_opened(
    workspace, evidence, monkeypatch
):
    hashed = []
    real_hash = integrity.sha256_file
    monkeypatch.setattr(
        integrity, "sha256_file", lambda path: hashed.append(path) or real_hash(path)
    )
    item = evidence[1]
    path = evidence_file(workspace, item)
    assert path == workspace.root / item.vault_path
    assert evidence_file(workspace, item) == path
    assert len(hashed) == 1  # unchanged since its check: not hashed again

    flip_one_byte(path, offset=5000)
    with pytest.raises(IntegrityError) as raised:
        evidence_file(workspace, item)
    message = str(raised.value)
    assert "t1.jpg" in message and "case T-001" in message
    assert item.vault_path in message and "it was not opened" in message
    assert "no longer matches its recorded SHA-256" in message
    assert len(hashed) == 2


def test_a_face_scan_stops_at_a_changed_photo(model_settings, tmp_path, shared_data):
    import dataclasses

    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    with Workspace(settings) as ws:
        create_case(ws, "S-1", "扫描前校验")
        (item, _), _ = add_evidence(
            ws, "S-1", [insightface_photo("t1.jpg"), vectron_photo("gdp.jpg")]
        )
        flip_one_byte(ws.root / item.vault_path, offset=5000)
        with pytest.raises(
            IntegrityError, match=r"t1\.jpg of case S-1 .* no longer matches"
        ):
            faces.scan_faces(ws, "S-1")
