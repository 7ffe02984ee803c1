"""Accounts used by the security tests, and logging in as one of them."""

from __future__ import annotations

from workstation.security.passwords import ScryptCost

CHEAP = ScryptCost(n=2**12, r=8, p=1)
PASSWORDS = {
    "admin": "admin-password-1",
    "ana": "analyst-password-1",
    "ivan": "investigator-pw-1",
    "sue": "supervisor-pw-1",
    "sam": "supervisor-pw-2",
}
ROLES = {
    "ana": "analyst",
    "ivan": "investigator",
    "sue": "supervisor",
    "sam": "supervisor",
}


def log_in(ws, name: str) -> None:
    from workstation.services.users import login

    login(ws, name, PASSWORDS[name])
