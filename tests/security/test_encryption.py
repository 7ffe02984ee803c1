"""Encryption at rest: DuckDB database encryption keyed by an scrypt passphrase."""

from __future__ import annotations

import json

import pytest
from account_data import log_in

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.security.database_key import (
    KeyDerivation,
    key_file_for,
    write_key_file,
)
from workstation.security.errors import (
    AccessDeniedError,
    PasswordPolicyError,
    WrongPassphraseError,
)
from workstation.services.audit import verify_audit
from workstation.services.cases import create_case, list_cases
from workstation.services.encryption import (
    change_passphrase,
    encrypt_workspace,
    pending_key_file_for,
    rekey_staging_for,
    staging_file_for,
)
from workstation.services.workspace import (
    DATABASE_NAME,
    Workspace,
    workspace_is_encrypted,
)
from workstation.store.audit_log import read_audit

PASSPHRASE = "夜里 的 三只 猫 crossed the bridge"
TITLE = "测试案件：电话网络"  # the case fixture's title


def database(ws_or_settings) -> bytes:
    root = getattr(ws_or_settings, "root", None) or ws_or_settings.workspace_dir
    return (root / DATABASE_NAME).read_bytes()


def test_encrypted_workspace_keeps_every_row_and_no_clear_text(workspace, case):
    settings = workspace.settings
    workspace.store.execute("CHECKPOINT")
    assert TITLE.encode() in database(workspace)  # a clear file shows it
    counts = encrypt_workspace(workspace, PASSPHRASE)
    assert workspace.encrypted and counts["cases"] == 1
    assert workspace.case("T-001").title == TITLE  # the session carries on
    workspace.close()

    raw = database(settings)
    assert TITLE.encode() not in raw and b"case.create" not in raw
    assert not staging_file_for(settings.workspace_dir / DATABASE_NAME).exists()
    derivation = json.loads(
        key_file_for(settings.workspace_dir / DATABASE_NAME).read_text()
    )
    assert (derivation["kdf"], derivation["n"], derivation["r"]) == ("scrypt", 2**17, 8)
    assert len(bytes.fromhex(derivation["salt"])) == 16
    assert workspace_is_encrypted(settings.workspace_dir)

    with Workspace(settings, passphrase=PASSPHRASE) as ws:
        assert [c.number for c in list_cases(ws)] == ["T-001"]
        second = create_case(ws, "T-002", "第二个案件")
        assert second.id == 2  # sequences carried over
        check = verify_audit(ws)
        assert check.intact and check.entries == 3  # case.create, encrypt, case.create
    assert "第二个案件".encode() not in database(settings)


def test_wrong_missing_or_needless_passphrase_gives_one_clear_error(
    workspace, case, cheap_scrypt
):
    settings = workspace.settings
    encrypt_workspace(workspace, PASSPHRASE)
    workspace.close()
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        Workspace(settings, passphrase=PASSPHRASE + "!")
    with pytest.raises(WrongPassphraseError, match="is encrypted; open it with"):
        Workspace(settings)
    clear = settings.__class__.from_environment(
        workspace_dir=settings.workspace_dir.parent / "clear", user_name="x"
    )
    Workspace(clear).close()
    with pytest.raises(WrongPassphraseError, match="is not encrypted"):
        Workspace(clear, passphrase=PASSPHRASE)


def test_write_ahead_log_of_an_encrypted_workspace_is_encrypted(
    workspace, case, cheap_scrypt
):
    encrypt_workspace(workspace, PASSPHRASE)
    workspace.store.execute("SET checkpoint_threshold = '1GB'")
    create_case(workspace, "WAL-1", "预写日志里的秘密标题")
    wal = workspace.root / (DATABASE_NAME + ".wal")
    assert wal.stat().st_size > 0
    assert "预写日志里的秘密标题".encode() not in wal.read_bytes()


def test_interrupted_encryption_is_finished_or_undone(workspace, case, cheap_scrypt):
    settings = workspace.settings
    db = workspace.root / DATABASE_NAME
    staging = staging_file_for(db)
    derivation = KeyDerivation.new()
    key = derivation.derive(PASSPHRASE)

    # stopped before the key file was written: the copy is thrown away
    workspace.store.copy_to_encrypted(staging, key)
    workspace.close()
    with Workspace(settings) as ws:
        assert not staging.exists() and not ws.encrypted
        ws.store.copy_to_encrypted(staging, key)
    # stopped after the key file was written: the rename is completed
    write_key_file(key_file_for(db), derivation)
    with Workspace(settings, passphrase=PASSPHRASE) as ws:
        assert ws.encrypted and not staging.exists()
        assert ws.case("T-001").title == TITLE


def test_damaged_key_file_says_what_to_restore(workspace, case, cheap_scrypt):
    settings = workspace.settings
    encrypt_workspace(workspace, PASSPHRASE)
    workspace.close()
    key_file_for(settings.workspace_dir / DATABASE_NAME).write_text("{", "utf-8")
    with pytest.raises(InputFileError, match="key-derivation file is damaged"):
        Workspace(settings, passphrase=PASSPHRASE)


def test_only_an_administrator_encrypts_with_a_long_passphrase(accounts):
    log_in(accounts, "sue")
    with pytest.raises(AccessDeniedError, match="encrypt the workspace"):
        encrypt_workspace(accounts, PASSPHRASE)
    log_in(accounts, "admin")
    with pytest.raises(PasswordPolicyError, match="at least 12"):
        encrypt_workspace(accounts, "short")
    assert not accounts.encrypted
    encrypt_workspace(accounts, PASSPHRASE)
    assert accounts.encrypted
    assert accounts.store.table_counts()["users"] == 5


def test_a_new_workspace_with_a_passphrase_is_encrypted_from_the_start(
    settings, cheap_scrypt
):
    with pytest.raises(PasswordPolicyError, match="at least 12"):
        Workspace(settings, passphrase="short")
    with Workspace(settings, passphrase=PASSPHRASE) as ws:
        assert ws.encrypted
        create_case(ws, "N-1", "从一开始就加密")
        ws.store.execute("CHECKPOINT")
    assert workspace_is_encrypted(settings.workspace_dir)
    assert "从一开始就加密".encode() not in database(settings)
    with Workspace(settings, passphrase=PASSPHRASE) as ws:
        assert ws.case("N-1").title == "从一开始就加密"


NEW_PASSPHRASE = "四只 狗 swam across the river"


def test_changing_the_passphrase_keeps_every_row_under_a_new_key(
    workspace, case, cheap_scrypt
):
    settings = workspace.settings
    db = settings.workspace_dir / DATABASE_NAME
    encrypt_workspace(workspace, PASSPHRASE)
    old_salt = json.loads(key_file_for(db).read_text())["salt"]
    before = workspace.store.table_counts()

    counts = change_passphrase(workspace, PASSPHRASE, NEW_PASSPHRASE)
    assert workspace.encrypted and workspace.case("T-001").title == TITLE
    assert counts["cases"] == 1 and counts["audit_log"] == before["audit_log"] + 1
    assert {k: v for k, v in counts.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }
    workspace.close()

    assert json.loads(key_file_for(db).read_text())["salt"] != old_salt
    assert not rekey_staging_for(db).exists()
    assert not pending_key_file_for(db).exists()
    assert TITLE.encode() not in db.read_bytes()
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        Workspace(settings, passphrase=PASSPHRASE)
    with Workspace(settings, passphrase=NEW_PASSPHRASE) as ws:
        assert ws.case("T-001").title == TITLE
        entries = read_audit(ws.store)
        assert [e.action for e in entries] == [
            "case.create",
            "workspace.encrypt",
            "workspace.rekey",
        ]
        assert entries[-1].details["kdf"] == "scrypt"
        assert verify_audit(ws).intact


def test_a_wrong_current_passphrase_changes_nothing_and_is_audited(
    workspace, case, cheap_scrypt
):
    settings = workspace.settings
    db = settings.workspace_dir / DATABASE_NAME
    encrypt_workspace(workspace, PASSPHRASE)
    key_file = key_file_for(db).read_text()
    with pytest.raises(WrongPassphraseError, match=r"current passphrase .* is wrong"):
        change_passphrase(workspace, PASSPHRASE.upper(), NEW_PASSPHRASE)
    refused = read_audit(workspace.store)[-1]
    assert (refused.action, refused.details) == (
        "workspace.rekey_refused",
        {"reason": "wrong passphrase"},
    )
    with pytest.raises(PasswordPolicyError, match="same as the current"):
        change_passphrase(workspace, PASSPHRASE, PASSPHRASE)
    with pytest.raises(PasswordPolicyError, match="at least 12"):
        change_passphrase(workspace, PASSPHRASE, "short")
    workspace.close()
    assert key_file_for(db).read_text() == key_file
    with Workspace(settings, passphrase=PASSPHRASE) as ws:
        assert ws.case("T-001").title == TITLE


def test_only_an_administrator_changes_the_passphrase_of_an_encrypted_workspace(
    accounts,
):
    with pytest.raises(WorkstationError, match="not encrypted"):
        change_passphrase(accounts, PASSPHRASE, NEW_PASSPHRASE)
    encrypt_workspace(accounts, PASSPHRASE)
    log_in(accounts, "sue")
    with pytest.raises(AccessDeniedError, match="encrypt the workspace"):
        change_passphrase(accounts, PASSPHRASE, NEW_PASSPHRASE)
    log_in(accounts, "admin")
    change_passphrase(accounts, PASSPHRASE, NEW_PASSPHRASE)
    assert accounts.store.table_counts()["users"] == 5


@pytest.mark.parametrize("stopped", ["copied", "new key written", "copy in place"])
def test_interrupted_passphrase_change_is_finished_or_undone(
    workspace, case, cheap_scrypt, stopped
):
    settings = workspace.settings
    db = settings.workspace_dir / DATABASE_NAME
    encrypt_workspace(workspace, PASSPHRASE)
    derivation = KeyDerivation.new()
    workspace.store.copy_to_encrypted(
        rekey_staging_for(db), derivation.derive(NEW_PASSPHRASE)
    )
    workspace.close()
    if stopped != "copied":
        write_key_file(pending_key_file_for(db), derivation)
    if stopped == "copy in place":
        rekey_staging_for(db).replace(db)

    opens_with = PASSPHRASE if stopped == "copied" else NEW_PASSPHRASE
    with Workspace(settings, passphrase=opens_with) as ws:
        assert ws.case("T-001").title == TITLE
        assert verify_audit(ws).intact
    assert not rekey_staging_for(db).exists()
    assert not pending_key_file_for(db).exists()
    other = NEW_PASSPHRASE if opens_with == PASSPHRASE else PASSPHRASE
    with pytest.raises(WrongPassphraseError):
        Workspace(settings, passphrase=other)
