"""Passwords and passphrases on the command line: environment, stdin or a prompt.

* The workspace passphrase comes from the environment variable named by
  ``--passphrase-env VAR``, else from a prompt, and is asked only when the
  workspace is encrypted.
* The login password (for a workspace with accounts) comes from
  ``WORKSTATION_PASSWORD``, else from a prompt; the user is ``--user NAME``
  (default ``$WORKSTATION_USER``, else the OS login).
* Prompts need a terminal; without one the command says which variable to set.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys

from workstation.cli.common import settings_from_args
from workstation.security.errors import AuthenticationError, WrongPassphraseError

log = logging.getLogger(__name__)

PASSWORD_ENV = "WORKSTATION_PASSWORD"


def prompt_secret(prompt: str, *, hint: str, confirm: bool = False) -> str:
    """Ask for a secret on the terminal without echoing it.

    Args:
        prompt: The question.
        hint: What to do instead when there is no terminal.
        confirm: Ask twice and require the same answer.

    Raises:
        AuthenticationError: No terminal, no answer, or the two answers differ.
    """
    if not sys.stdin.isatty():
        raise AuthenticationError(
            f"{prompt.rstrip(': ')} is needed and no terminal "
            f"is attached to ask for it; {hint}."
        )
    try:
        secret = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again: ") != secret:
            raise AuthenticationError("The two entries differ; nothing was changed.")
    except EOFError:
        raise AuthenticationError(f"No answer to {prompt.strip()!r}; {hint}.") from None
    return secret


def read_stdin_secret(what: str) -> str:
    """The first line of standard input (for ``--password-stdin``).

    Raises:
        AuthenticationError: Standard input is empty.
    """
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise AuthenticationError(f"No {what} on standard input; write it as one line.")
    return line


def passphrase_from_args(
    args,
    *,
    confirm: bool = False,
    option: str = "passphrase_env",
    prompt: str = "Workspace passphrase: ",
) -> str:
    """The workspace passphrase from ``--passphrase-env VAR``, else a prompt.

    Args:
        args: The parsed command line.
        confirm: Ask twice when prompting (a new passphrase).
        option: The attribute naming the variable (``new_passphrase_env`` for
            ``workspace rekey``).
        prompt: The question asked on the terminal.

    Raises:
        WrongPassphraseError: The named variable is not set.
        AuthenticationError: No terminal to ask on.
    """
    variable = getattr(args, option, None)
    flag = "--" + option.replace("_", "-")
    if variable:
        value = os.environ.get(variable)
        if not value:
            raise WrongPassphraseError(
                f"{flag} names {variable}, but that environment variable "
                "is not set or empty; set it to the workspace passphrase."
            )
        return value
    return prompt_secret(
        prompt,
        hint=f"pass {flag} VAR with VAR holding the passphrase",
        confirm=confirm,
    )


def login_password(user: str) -> str:
    """The login password from ``WORKSTATION_PASSWORD``, else a prompt."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    return prompt_secret(
        f"Password for {user}: ", hint=f"set {PASSWORD_ENV} to the password"
    )


def open_session(args, *, login: bool = True, passphrase: str | None = None):
    """Open the workspace named by the global options and log in if it has accounts.

    Args:
        args: The parsed command line.
        login: False to open without logging in (``user init``, ``user password``).
        passphrase: The passphrase of an encrypted workspace, when the command
            has asked for it already; otherwise it is asked here if needed.

    Returns:
        The open :class:`~workstation.services.workspace.Workspace`.
    """
    from workstation.services import users
    from workstation.services.workspace import Workspace, workspace_is_encrypted

    settings = settings_from_args(args)
    if passphrase is None and workspace_is_encrypted(settings.workspace_dir):
        passphrase = passphrase_from_args(args)
    ws = Workspace(settings, passphrase=passphrase)
    try:
        if login and not ws.single_user:
            users.login(ws, ws.user, login_password(ws.user))
    except BaseException:
        ws.close()
        raise
    return ws
