"""Password hashes made with scrypt, a memory-hard key derivation function.

A stored hash carries its own cost parameters and salt,
``scrypt$n=131072,r=8,p=1$<salt>$<hash>`` (base64), so the cost can be raised
later and old hashes still verify; :func:`needs_rehash` says when to renew one.

>>> cheap = ScryptCost(n=2**10)
>>> stored = hash_password("correct horse battery", cost=cheap)
>>> verify_password("correct horse battery", stored), verify_password("guess", stored)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import unicodedata
from dataclasses import dataclass

from workstation.domain.errors import IntegrityError
from workstation.security.errors import PasswordPolicyError

log = logging.getLogger(__name__)

SCHEME = "scrypt"
SALT_BYTES = 16
HASH_BYTES = 32
#: Shortest password accepted for a new account.
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors: ``n`` (CPU/memory, a power of 2), ``r`` and ``p``.

    The defaults (n=2**17, r=8, p=1) use 128 MiB and about half a second on
    one core, the level recommended for interactive logins.
    """

    n: int = 2**17
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        """Memory limit handed to OpenSSL: twice what scrypt needs."""
        return 256 * self.r * (self.n + self.p + 2)

    def encode(self) -> str:
        return f"n={self.n},r={self.r},p={self.p}"

    @classmethod
    def decode(cls, text: str) -> ScryptCost:
        values = dict(part.split("=", 1) for part in text.split(","))
        return cls(n=int(values["n"]), r=int(values["r"]), p=int(values["p"]))


#: The cost of new password hashes.
PASSWORD_COST = ScryptCost()


def _normalised(secret: str) -> bytes:
    # The same characters typed through different input methods must match.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def scrypt(secret: str, salt: bytes, cost: ScryptCost, length: int = HASH_BYTES):
    """The scrypt digest of a password or passphrase.

    Args:
        secret: The password, normalised to Unicode NFC before hashing.
        salt: Random bytes stored beside the digest.
        cost: The work factors.
        length: Digest length in bytes.

    Returns:
        The digest bytes.
    """
    return hashlib.scrypt(
        _normalised(secret),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.maxmem,
        dklen=length,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, cost: ScryptCost | None = None) -> str:
    """Hash a password with a fresh random salt.

    Args:
        password: The password in clear.
        cost: scrypt's work factors; :data:`PASSWORD_COST` when None.

    Returns:
        The encoded hash, parameters and salt included.
    """
    cost = cost or PASSWORD_COST
    salt = os.urandom(SALT_BYTES)
    digest = scrypt(password, salt, cost)
    return f"{SCHEME}${cost.encode()}${_b64(salt)}${_b64(digest)}"


def _parse(encoded: str) -> tuple[ScryptCost, bytes, bytes]:
    try:
        scheme, cost_text, salt_text, digest_text = encoded.split("$")
        if scheme != SCHEME:
            raise ValueError(f"unknown scheme {scheme!r}")
        cost = ScryptCost.decode(cost_text)
        salt = base64.b64decode(salt_text, validate=True)
        digest = base64.b64decode(digest_text, validate=True)
    except (ValueError, KeyError) as exc:
        raise IntegrityError(
            f"A stored password hash is damaged ({exc}); an administrator must "
            "set a new password for the account."
        ) from exc
    return cost, salt, digest


def verify_password(password: str, encoded: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password`.

    The comparison takes the same time wherever the digests differ.

    Raises:
        IntegrityError: The stored hash is not in the expected form.
    """
    cost, salt, digest = _parse(encoded)
    candidate = scrypt(password, salt, cost, length=len(digest))
    return hmac.compare_digest(candidate, digest)


def needs_rehash(encoded: str, *, cost: ScryptCost | None = None) -> bool:
    """Whether a stored hash was made with other work factors than ``cost``."""
    stored, _, _ = _parse(encoded)
    return stored != (cost or PASSWORD_COST)


def check_new_password(password: str, user_name: str) -> None:
    """Refuse passwords that are too short or just the user name.

    Raises:
        PasswordPolicyError: Saying what a password must be.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"The password for {user_name} is {len(password)} characters long; "
            f"use at least {MIN_PASSWORD_LENGTH}."
        )
    if password.strip().casefold() == user_name.strip().casefold():
        raise PasswordPolicyError(
            f"The password for {user_name} is the user name; choose another."
        )
    if len(set(password)) < 3:
        raise PasswordPolicyError(
            f"The password for {user_name} repeats one or two characters; "
            "choose one that is harder to guess."
        )
