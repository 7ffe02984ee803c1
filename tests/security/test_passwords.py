"""Passwords are stored as salted scrypt hashes that carry their parameters."""

from __future__ import annotations

import base64

import pytest

from workstation.domain.errors import IntegrityError
from workstation.security.errors import PasswordPolicyError
from workstation.security.passwords import (
    PASSWORD_COST,
    ScryptCost,
    check_new_password,
    hash_password,
    needs_rehash,
    verify_password,
)


def test_default_hash_is_memory_hard_salted_and_verifies():
    stored = hash_password("分析员的密码 2026")
    scheme, cost, salt, digest = stored.split("$")
    assert (scheme, cost) == ("scrypt", "n=131072,r=8,p=1")
    assert PASSWORD_COST.maxmem >= 128 * 8 * 131072  # 128 MiB of scrypt state
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert verify_password("分析员的密码 2026", stored)
    assert not verify_password("分析员的密码 2027", stored)
    assert not needs_rehash(stored)


def test_same_password_gets_a_different_salt_each_time():
    cheap = ScryptCost(n=2**10)
    first = hash_password("same password", cost=cheap)
    second = hash_password("same password", cost=cheap)
    assert first != second
    assert verify_password("same password", first)
    assert verify_password("same password", second)


def test_composed_and_decomposed_unicode_match():
    cheap = ScryptCost(n=2**10)
    stored = hash_password("Café-password", cost=cheap)  # é as one code point
    assert verify_password("Cafe\u0301-password", stored)  # e + combining accent


def test_old_cost_is_flagged_for_rehash():
    stored = hash_password("some password", cost=ScryptCost(n=2**10))
    assert needs_rehash(stored)
    assert not needs_rehash(stored, cost=ScryptCost(n=2**10))


@pytest.mark.parametrize(
    "damaged",
    ["", "plain-text-password", "bcrypt$x$y$z", "scrypt$n=16$%%%$AAAA"],
)
def test_damaged_stored_hash_is_an_integrity_error(damaged):
    with pytest.raises(IntegrityError, match="damaged"):
        verify_password("anything", damaged)


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("short", "at least 10"),
        ("Analyst.Wu", "the user name"),
        ("aaaaaaaaaaaa", "repeats"),
    ],
)
def test_weak_passwords_are_refused(password, fragment):
    with pytest.raises(PasswordPolicyError, match=fragment):
        check_new_password(password, "analyst.wu")
