"""Security fixtures: accounts in a workspace, with a cheaper scrypt cost.

Hashing at the production cost takes about half a second; the workflow tests
create and log in many accounts, so they use n=2**12. ``test_passwords.py``
and ``test_encryption.py`` check the production cost itself.
"""

from __future__ import annotations

import pytest
from account_data import CHEAP, PASSWORDS, ROLES

from workstation.security import database_key, passwords


@pytest.fixture
def cheap_scrypt(monkeypatch):
    monkeypatch.setattr(passwords, "PASSWORD_COST", CHEAP)
    monkeypatch.setattr(database_key, "DATABASE_KEY_COST", CHEAP)
    return CHEAP


@pytest.fixture
def accounts(workspace, case, cheap_scrypt):
    """The workspace with case T-001, an administrator and four users.

    The workspace is left logged in as the administrator ``admin``.
    """
    from workstation.services.users import add_user, init_users

    init_users(workspace, "admin", PASSWORDS["admin"])
    for name, role in ROLES.items():
        add_user(workspace, name, role, PASSWORDS[name])
    return workspace
