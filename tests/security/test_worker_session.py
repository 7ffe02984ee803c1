"""A worker's second session: the same database and login, its own connection."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from account_data import log_in

from workstation.security.errors import AuthenticationError, WrongPassphraseError
from workstation.security.roles import Role
from workstation.services.cases import create_case, list_cases
from workstation.services.workspace import Workspace

PASSPHRASE = "correct horse battery staple"


def test_a_worker_session_shares_an_encrypted_database(settings, cheap_scrypt):
    ws = Workspace(settings, passphrase=PASSPHRASE)
    create_case(ws, "T-001", "加密案件")
    # the file is attached once per process: a second open is refused ...
    with pytest.raises(Exception, match="already attached"):
        Workspace(settings, passphrase=PASSPHRASE)
    # ... while a worker session shares it without the passphrase
    worker = ws.worker_session()
    assert worker.encrypted and worker.store.conn is not ws.store.conn
    found = []
    thread = threading.Thread(
        target=lambda: found.append([c.number for c in list_cases(worker)])
    )
    thread.start()
    thread.join(30)
    assert found == [["T-001"]]
    with worker.store.transaction():
        create_case(worker, "T-002", "由后台会话创建")
    assert [c.number for c in list_cases(ws)] == ["T-001", "T-002"]
    worker.close()
    assert [c.number for c in list_cases(ws)] == ["T-001", "T-002"]
    ws.close()
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        Workspace(settings, passphrase="not the passphrase")


def test_a_worker_session_acts_as_whoever_logged_in(accounts):
    ws = accounts
    worker = ws.worker_session()
    assert (worker.user, worker.role) == ("admin", Role.ADMINISTRATOR)
    log_in(ws, "ana")
    assert worker.role is Role.ADMINISTRATOR, "it follows only when told"
    worker.follow(ws)
    assert (worker.user, worker.role, worker.single_user) == (
        "ana",
        Role.ANALYST,
        False,
    )
    worker.close()


def test_a_session_lends_its_login_only_to_its_own_workspace(
    accounts, settings, tmp_path
):
    other = Workspace(dataclasses.replace(settings, workspace_dir=tmp_path / "other"))
    with pytest.raises(AuthenticationError, match="cannot lend its login"):
        other.follow(accounts)
    other.close()
