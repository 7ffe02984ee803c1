"""Roles and what each may do: the permissions table.

Four roles, from least to most trusted: analyst, investigator, supervisor and
administrator. :data:`PERMISSIONS` lists, for every permission, the roles that
hold it; :func:`allowed` looks it up.

>>> allowed(Role.ANALYST, Permission.DECIDE_REVIEW)
False
>>> allowed(Role.SUPERVISOR, Permission.DECIDE_REVIEW)
True
"""

from __future__ import annotations

from enum import StrEnum

from workstation.domain.errors import WorkstationError


class Role(StrEnum):
    """A user's role in the workstation."""

    ANALYST = "analyst"
    INVESTIGATOR = "investigator"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    """Something a role may be allowed to do; the value names it in messages."""

    VIEW_CASE = "open cases and read their data"
    EDIT_CASE = "import data, add evidence, scan and search faces"
    MANAGE_CASES = "create and close cases"
    DECIDE_FACES = "confirm or reject face candidates"
    SUBMIT_REVIEW = "submit work for review"
    DECIDE_REVIEW = "approve or return reviews"
    REVIEW_QUALITY = "read officers' case-quality figures and record review findings"
    EXPORT = "export briefs, charts and other files"
    READ_AUDIT = "read and verify the audit trail"
    RESET_AUDIT_ANCHOR = "accept the audit trail as it is and restart its anchor"
    MANAGE_USERS = "manage user accounts"
    ENCRYPT_WORKSPACE = "encrypt the workspace"


_EVERYONE = frozenset(Role)
_INVESTIGATOR_UP = frozenset({Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMINISTRATOR})
_SUPERVISOR_UP = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
_ADMINISTRATOR = frozenset({Role.ADMINISTRATOR})

#: Which roles hold each permission.
PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_CASE: _EVERYONE,
    Permission.EDIT_CASE: _EVERYONE,
    Permission.DECIDE_FACES: _EVERYONE,
    Permission.SUBMIT_REVIEW: _EVERYONE,
    Permission.MANAGE_CASES: _INVESTIGATOR_UP,
    Permission.EXPORT: _INVESTIGATOR_UP,
    Permission.DECIDE_REVIEW: _SUPERVISOR_UP,
    Permission.REVIEW_QUALITY: _SUPERVISOR_UP,
    Permission.READ_AUDIT: _SUPERVISOR_UP,
    Permission.RESET_AUDIT_ANCHOR: _ADMINISTRATOR,
    Permission.MANAGE_USERS: _ADMINISTRATOR,
    Permission.ENCRYPT_WORKSPACE: _ADMINISTRATOR,
}


def allowed(role: Role, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission``."""
    return role in PERMISSIONS[permission]


def roles_with(permission: Permission) -> list[Role]:
    """The roles holding ``permission``, least trusted first."""
    return [role for role in Role if role in PERMISSIONS[permission]]


def parse_role(text: str) -> Role:
    """The role named ``text`` (any case).

    Raises:
        WorkstationError: No role has that name; the message lists them.
    """
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(role.value for role in Role)
        raise WorkstationError(
            f"There is no role {text!r}; choose one of {names}."
        ) from None
