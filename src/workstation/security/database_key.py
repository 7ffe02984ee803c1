"""The key of an encrypted workspace database, derived from a passphrase.

The passphrase is stretched with scrypt and a random salt. The salt and cost
are kept in a small clear-text JSON file beside the database (they are not
secret; without the passphrase they are useless), so the same passphrase gives
the same key on the next start.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.security.files import write_json_atomically
from workstation.security.passwords import ScryptCost, scrypt

log = logging.getLogger(__name__)

KEY_FILE_SUFFIX = ".kdf.json"
KEY_BYTES = 32
SALT_BYTES = 16
_FORMAT = "case-workstation database key derivation"
#: The cost of new database keys (the same level as passwords).
DATABASE_KEY_COST = ScryptCost()


@dataclass(frozen=True)
class KeyDerivation:
    """How a database key is made from its passphrase: salt and scrypt cost."""

    salt: bytes
    cost: ScryptCost

    @classmethod
    def new(cls, cost: ScryptCost | None = None) -> KeyDerivation:
        """Fresh random salt with the given (default) cost."""
        return cls(os.urandom(SALT_BYTES), cost or DATABASE_KEY_COST)

    def derive(self, passphrase: str) -> str:
        """The database key for ``passphrase``, as 64 hex digits."""
        return scrypt(passphrase, self.salt, self.cost, KEY_BYTES).hex()


def key_file_for(database: str | Path) -> Path:
    """Where the key-derivation file of ``database`` lives (beside it)."""
    database = Path(database)
    return database.with_name(database.name + KEY_FILE_SUFFIX)


def write_key_file(path: str | Path, derivation: KeyDerivation) -> None:
    """Write the derivation file atomically (temporary file, then rename)."""
    path = Path(path)
    payload = {
        "format": _FORMAT,
        "kdf": "scrypt",
        "n": derivation.cost.n,
        "r": derivation.cost.r,
        "p": derivation.cost.p,
        "salt": derivation.salt.hex(),
        "key_bytes": KEY_BYTES,
    }
    write_json_atomically(path, payload)
    log.info("wrote key derivation parameters to %s", path)


def read_key_file(path: str | Path) -> KeyDerivation | None:
    """The derivation in ``path``, or None when there is no such file.

    Raises:
        InputFileError: The file exists but is damaged.
    """
    path = Path(path)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data.get("kdf") != "scrypt":
            raise ValueError("not a workspace key-derivation file")
        cost = ScryptCost(n=int(data["n"]), r=int(data["r"]), p=int(data["p"]))
        return KeyDerivation(bytes.fromhex(data["salt"]), cost)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputFileError(
            f"{path}: the workspace's key-derivation file is damaged ({exc}); "
            "restore it from the backup made with the workspace. Without it the "
            "encrypted database cannot be opened."
        ) from exc
