"""Offline guarantee: setting up models, a face scan, an import, encryption and a
passphrase change run with every way of opening a network connection blocked."""

from __future__ import annotations

import dataclasses
import socket

import pytest

from faces_fixtures import vectron_photo
from workstation.services import faces
from workstation.services.audit import verify_audit
from workstation.services.cases import create_case
from workstation.services.encryption import change_passphrase, encrypt_workspace
from workstation.services.evidence import add_evidence
from workstation.services.ingest import import_table
from workstation.services.models import provision_default_pack
from workstation.services.workspace import Workspace

PHONE_CALLS = ("networks", "montagna", "Montagna_phonecalls_edgelist.csv")
#: Lines of the phone-call edge list (one call pair each).
LINES = 150


@pytest.fixture
def network_attempts(monkeypatch):
    """Replace every Python-level way to connect; record and refuse attempts."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network blocked by test")

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.slow
def test_scan_import_encryption_and_rekey_work_with_the_network_blocked(
    network_attempts, model_settings, tmp_path, shared_data
):
    settings = dataclasses.replace(
        model_settings,
        workspace_dir=tmp_path / "ws",
        models_dir=tmp_path / "models",
    )
    provision_default_pack(settings)  # copied from the installed package
    faces.release_engines()  # the engine is loaded again, offline
    with Workspace(settings) as ws:
        create_case(ws, "OFF-1", "断网测试")
        add_evidence(ws, "OFF-1", [vectron_photo("players.jpg")])
        summary = faces.scan_faces(ws, "OFF-1")
        search = faces.search_faces(ws, "OFF-1", vectron_photo("yaoming.jpg"))
        imported = import_table(
            ws, "OFF-1", shared_data.joinpath(*PHONE_CALLS), "montagna_phonecalls"
        )
        encrypt_workspace(ws, "offline passphrase 2026")
        assert ws.encrypted
        change_passphrase(ws, "offline passphrase 2026", "another offline phrase")
        assert verify_audit(ws).intact
    assert summary.images_scanned == 1 and summary.faces_found >= 20
    assert search.candidates[0].score > 0.5
    assert (imported.rows_read, imported.rows_loaded) == (LINES, LINES)
    assert network_attempts == []
