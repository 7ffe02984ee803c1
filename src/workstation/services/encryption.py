"""Encryption at rest of the workspace database.

The database file is encrypted by DuckDB (AES-GCM-256) with a key stretched
from a passphrase by scrypt; the salt and cost sit in a clear-text file beside
it (``workspace.duckdb.kdf.json``). The evidence vault is not encrypted by the
workstation: it relies on the disk's encryption (see README, "Security").

Converting a clear workspace writes an encrypted copy beside the database,
checks it, writes the key-derivation file (the point of no return) and then
renames the copy over the original. Changing the passphrase does the same
with a new key, its key-derivation file written beside the old one until the
copy is in place. If the machine stops half-way, the next open finishes the
rename or discards the unfinished copy.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from workstation.domain.errors import WorkstationError
from workstation.security.database_key import (
    KeyDerivation,
    key_file_for,
    read_key_file,
    write_key_file,
)
from workstation.security.errors import PasswordPolicyError, WrongPassphraseError
from workstation.security.roles import Permission
from workstation.store.case_store import CaseStore

if TYPE_CHECKING:
    from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)

STAGING_SUFFIX = ".encrypting"
REKEY_SUFFIX = ".rekeying"
#: Shortest passphrase accepted when a workspace is encrypted.
MIN_PASSPHRASE_LENGTH = 12


def staging_file_for(database: Path) -> Path:
    return database.with_name(database.name + STAGING_SUFFIX)


def _wal_of(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove_with_wal(path: Path) -> None:
    for leftover in (path, _wal_of(path)):
        leftover.unlink(missing_ok=True)


def finish_interrupted_encryption(database: str | Path) -> None:
    """Complete or undo an encryption that was stopped half-way.

    With the key-derivation file written, the encrypted copy is complete and
    is renamed over the database; without it, the copy is discarded.
    """
    database = Path(database)
    staging = staging_file_for(database)
    if not staging.exists():
        return
    if key_file_for(database).exists():
        log.warning("finishing the interrupted encryption of %s", database)
        os.replace(staging, database)
        _wal_of(database).unlink(missing_ok=True)
    else:
        log.warning("discarding an unfinished encrypted copy of %s", database)
        _remove_with_wal(staging)


def is_encrypted(database: str | Path) -> bool:
    """Whether the workspace database at ``database`` is encrypted."""
    return key_file_for(Path(database)).exists()


def open_workspace_store(database: str | Path, passphrase: str | None) -> CaseStore:
    """Open a workspace database, clear or encrypted.

    A database that does not exist yet is created encrypted when a passphrase
    is given.

    Args:
        database: The database file.
        passphrase: Its passphrase when encrypted; None when clear.

    Raises:
        WrongPassphraseError: The passphrase is missing, wrong or not needed.
        PasswordPolicyError: A new database's passphrase is too short.
        InputFileError: The key-derivation file or the database is damaged.
    """
    database = Path(database)
    finish_interrupted_encryption(database)
    finish_interrupted_rekey(database)
    derivation = read_key_file(key_file_for(database))
    if derivation is None and passphrase is not None and not database.exists():
        # a new workspace with a passphrase is encrypted from its first byte
        check_new_passphrase(passphrase)
        derivation = KeyDerivation.new()
        write_key_file(key_file_for(database), derivation)
        log.info("creating encrypted workspace database %s", database)
    if derivation is None:
        if passphrase is not None:
            raise WrongPassphraseError(
                f"Workspace database {database} is not encrypted; open it "
                "without a passphrase, or encrypt it with `workstation "
                "workspace encrypt`."
            )
        return CaseStore(database)
    if passphrase is None:
        raise WrongPassphraseError(
            f"Workspace database {database} is encrypted; open it with its "
            "passphrase (--passphrase-env VAR, or type it when asked)."
        )
    return CaseStore(database, encryption_key=derivation.derive(passphrase))


def check_new_passphrase(passphrase: str) -> None:
    """Refuse passphrases too short to resist guessing.

    Raises:
        PasswordPolicyError: Saying how long it must be.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PasswordPolicyError(
            f"The passphrase is {len(passphrase)} characters long; use at least "
            f"{MIN_PASSPHRASE_LENGTH} (several words are easy to remember)."
        )


def encrypt_workspace(ws: Workspace, passphrase: str) -> dict[str, int]:
    """Encrypt a clear workspace database in place, keeping every row.

    The open workspace carries on with the encrypted database. The old clear
    file is replaced, but its blocks may survive on the disk until reused.

    Args:
        ws: The open, clear workspace; an administrator when it has accounts.
        passphrase: The new passphrase (at least 12 characters).

    Returns:
        Rows per table in the encrypted database.

    Raises:
        AccessDeniedError: The user is not an administrator.
        PasswordPolicyError: The passphrase is too short.
        WorkstationError: The workspace is encrypted already, or the copy
            does not match (the clear database is then left as it was).
    """
    ws.require(Permission.ENCRYPT_WORKSPACE)
    if ws.store.encrypted:
        raise WorkstationError(f"Workspace {ws.root} is encrypted already.")
    check_new_passphrase(passphrase)
    database = Path(ws.store.path)
    derivation = KeyDerivation.new()
    key = derivation.derive(passphrase)
    counts = _copy_encrypted(ws, staging_file_for(database), key)
    write_key_file(key_file_for(database), derivation)  # the point of no return
    _switch_to_copy(ws, staging_file_for(database), key)
    ws.audit("workspace.encrypt", str(ws.root), _key_details(derivation, counts))
    log.info("encrypted workspace %s (%d rows)", ws.root, sum(counts.values()))
    return ws.store.table_counts()


def change_passphrase(
    ws: Workspace, current_passphrase: str, new_passphrase: str
) -> dict[str, int]:
    """Re-encrypt an encrypted workspace under a new passphrase.

    The database is copied into a new file encrypted with a key from the new
    passphrase and a fresh salt, checked table by table, and put in place of
    the old one; from then on only the new passphrase opens it. If the machine
    stops half-way, the next open finishes the change or discards the copy
    (:func:`finish_interrupted_rekey`). Backups, and disk blocks of the old
    file, still open with the old passphrase.

    Args:
        ws: The open, encrypted workspace; an administrator when it has accounts.
        current_passphrase: The passphrase it was opened with, asked again.
        new_passphrase: The new one (at least 12 characters, not the same).

    Returns:
        Rows per table in the re-encrypted database.

    Raises:
        AccessDeniedError: The user is not an administrator.
        WrongPassphraseError: ``current_passphrase`` is wrong (audited).
        PasswordPolicyError: The new passphrase is too short or unchanged.
        WorkstationError: The workspace is not encrypted, or the copy does not
            match (the database is then left as it was).
    """
    ws.require(Permission.ENCRYPT_WORKSPACE)
    database = Path(ws.store.path)
    if not ws.store.encrypted:
        raise WorkstationError(
            f"Workspace {ws.root} is not encrypted, so it has no passphrase to "
            "change; encrypt it with `workstation workspace encrypt`."
        )
    current = read_key_file(key_file_for(database))
    if current is None or not ws.store.opened_with(current.derive(current_passphrase)):
        ws.audit(
            "workspace.rekey_refused", str(ws.root), {"reason": "wrong passphrase"}
        )
        raise WrongPassphraseError(
            f"The current passphrase of workspace {ws.root} is wrong; the "
            "passphrase was not changed. Type it again (it is case-sensitive)."
        )
    check_new_passphrase(new_passphrase)
    if new_passphrase == current_passphrase:
        raise PasswordPolicyError(
            "The new passphrase is the same as the current one; choose another."
        )
    derivation = KeyDerivation.new()
    key = derivation.derive(new_passphrase)
    staging = rekey_staging_for(database)
    counts = _copy_encrypted(ws, staging, key)
    pending = pending_key_file_for(database)
    write_key_file(pending, derivation)  # the point of no return
    _switch_to_copy(ws, staging, key, pending_key_file=pending)
    ws.audit("workspace.rekey", str(ws.root), _key_details(derivation, counts))
    log.info("changed the passphrase of workspace %s", ws.root)
    return ws.store.table_counts()


def rekey_staging_for(database: Path) -> Path:
    return database.with_name(database.name + REKEY_SUFFIX)


def pending_key_file_for(database: Path) -> Path:
    """The new key-derivation file of a passphrase change, until it is done."""
    key_file = key_file_for(database)
    return key_file.with_name(key_file.name + REKEY_SUFFIX)


def finish_interrupted_rekey(database: str | Path) -> None:
    """Complete or undo a passphrase change that was stopped half-way.

    With the new key-derivation file written, the re-encrypted copy is
    complete: it is put in place (if it is not yet) and the new file replaces
    the old. Without it, the copy is discarded and the old passphrase holds.
    """
    database = Path(database)
    staging = rekey_staging_for(database)
    pending = pending_key_file_for(database)
    if pending.exists():
        log.warning(
            "finishing the interrupted passphrase change of %s: it opens with the "
            "new passphrase",
            database,
        )
        if staging.exists():
            os.replace(staging, database)
            _wal_of(database).unlink(missing_ok=True)
        os.replace(pending, key_file_for(database))
    elif staging.exists():
        log.warning(
            "discarding an unfinished passphrase change of %s: it opens with the "
            "old passphrase",
            database,
        )
        _remove_with_wal(staging)


def _copy_encrypted(ws: Workspace, staging: Path, key: str) -> dict[str, int]:
    """Copy the open database into ``staging`` under ``key``; nothing left on error."""
    _remove_with_wal(staging)
    try:
        return ws.store.copy_to_encrypted(staging, key)
    except BaseException:
        _remove_with_wal(staging)
        raise


def _switch_to_copy(
    ws: Workspace, staging: Path, key: str, *, pending_key_file: Path | None = None
) -> None:
    """Close the database, put the checked copy in its place and open that."""
    database = Path(ws.store.path)
    ws.store.close()
    os.replace(staging, database)
    _wal_of(database).unlink(missing_ok=True)
    if pending_key_file is not None:
        os.replace(pending_key_file, key_file_for(database))
    ws.store = CaseStore(database, encryption_key=key)


def _key_details(derivation: KeyDerivation, counts: dict[str, int]) -> dict:
    return {
        "cipher": "DuckDB database encryption (AES-GCM-256)",
        "kdf": "scrypt",
        "n": derivation.cost.n,
        "r": derivation.cost.r,
        "p": derivation.cost.p,
        "tables": len(counts),
        "rows": sum(counts.values()),
    }
