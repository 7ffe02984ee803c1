"""Errors of logging in, permissions and workspace encryption.

They are :class:`~workstation.domain.errors.WorkstationError` subclasses, so the
CLI prints them as one line and the UI in a message box.
"""

from __future__ import annotations

from workstation.domain.errors import InputFileError, WorkstationError


class AuthenticationError(WorkstationError):
    """Nobody is logged in where accounts exist, or a login was refused."""


class AccessDeniedError(WorkstationError):
    """The logged-in user's role does not allow what was asked."""


class PasswordPolicyError(WorkstationError):
    """A new password or user name does not meet the rules."""


class WrongPassphraseError(InputFileError):
    """An encrypted workspace was opened without its passphrase or with a wrong one."""
