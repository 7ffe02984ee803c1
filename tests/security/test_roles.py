"""The permissions table: who may do what."""

from __future__ import annotations

import pytest

from workstation.domain.errors import WorkstationError
from workstation.security.roles import (
    PERMISSIONS,
    Permission,
    Role,
    allowed,
    parse_role,
    roles_with,
)


def test_every_permission_is_in_the_table_and_administrators_hold_all():
    assert set(PERMISSIONS) == set(Permission)
    assert all(allowed(Role.ADMINISTRATOR, p) for p in Permission)


@pytest.mark.parametrize(
    ("permission", "lowest"),
    [
        (Permission.VIEW_CASE, Role.ANALYST),
        (Permission.DECIDE_FACES, Role.ANALYST),
        (Permission.SUBMIT_REVIEW, Role.ANALYST),
        (Permission.MANAGE_CASES, Role.INVESTIGATOR),
        (Permission.EXPORT, Role.INVESTIGATOR),
        (Permission.DECIDE_REVIEW, Role.SUPERVISOR),
        (Permission.READ_AUDIT, Role.SUPERVISOR),
        (Permission.MANAGE_USERS, Role.ADMINISTRATOR),
        (Permission.ENCRYPT_WORKSPACE, Role.ADMINISTRATOR),
    ],
)
def test_each_permission_starts_at_its_role(permission, lowest):
    order = list(Role)
    assert roles_with(permission) == order[order.index(lowest) :]


def test_analyst_cannot_approve_and_only_administrators_manage_users():
    assert not allowed(Role.ANALYST, Permission.DECIDE_REVIEW)
    assert not allowed(Role.INVESTIGATOR, Permission.DECIDE_REVIEW)
    assert [r for r in Role if allowed(r, Permission.MANAGE_USERS)] == [
        Role.ADMINISTRATOR
    ]


def test_role_names_parse_and_unknown_ones_list_the_choices():
    assert parse_role(" Supervisor ") is Role.SUPERVISOR
    with pytest.raises(WorkstationError, match="analyst, investigator"):
        parse_role("chief")
