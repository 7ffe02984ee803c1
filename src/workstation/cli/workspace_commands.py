"""`workstation workspace`: encryption at rest and the workspace's state."""

from __future__ import annotations

from workstation.cli.common import settings_from_args
from workstation.cli.credentials import open_session, passphrase_from_args
from workstation.domain.errors import WorkstationError


def cmd_workspace_encrypt(args) -> int:
    from workstation.services.encryption import encrypt_workspace

    with open_session(args) as ws:
        if ws.encrypted:
            print(f"Workspace {ws.root} is encrypted already.")
            return 0
        counts = encrypt_workspace(ws, passphrase_from_args(args, confirm=True))
    print(
        f"Encrypted workspace {ws.root}: {sum(counts.values())} rows in "
        f"{len(counts)} tables. Keep the passphrase safe: without it the database "
        "cannot be opened. The evidence vault is not encrypted by the workstation; "
        "keep it on an encrypted disk."
    )
    return 0


def cmd_workspace_rekey(args) -> int:
    from workstation.services.encryption import change_passphrase
    from workstation.services.workspace import workspace_is_encrypted

    settings = settings_from_args(args)
    if not workspace_is_encrypted(settings.workspace_dir):
        raise WorkstationError(
            f"Workspace {settings.workspace_dir} is not encrypted, so it has no "
            "passphrase to change; encrypt it with `workstation workspace encrypt`."
        )
    current = passphrase_from_args(args, prompt="Current workspace passphrase: ")
    with open_session(args, passphrase=current) as ws:
        new = passphrase_from_args(
            args,
            confirm=True,
            option="new_passphrase_env",
            prompt="New workspace passphrase: ",
        )
        counts = change_passphrase(ws, current, new)
    print(
        f"Changed the passphrase of workspace {ws.root}: {sum(counts.values())} rows "
        f"in {len(counts)} tables re-encrypted with a new key. Only the new "
        "passphrase opens it now; backups made before still open with the old one."
    )
    return 0


def cmd_workspace_status(args) -> int:
    from workstation.store import user_rows

    with open_session(args) as ws:
        users = len(user_rows.list_users(ws.store))
        print(f"workspace   {ws.root}")
        print(f"database    {'encrypted' if ws.encrypted else 'not encrypted'}")
        print(f"schema      {ws.store.schema_version}")
        mode = f"{users} accounts" if users else "single-user mode (no accounts)"
        print(f"users       {mode}")
        print(f"acting as   {ws.user} ({ws.role.value if ws.role else '-'})")
    return 0


def register(commands) -> None:
    workspace = commands.add_parser(
        "workspace", help="encrypt the workspace database; show its state"
    )
    sub = workspace.add_subparsers(dest="workspace_command", required=True)
    sub.add_parser(
        "encrypt",
        help="encrypt the database (new passphrase from --passphrase-env or asked)",
    ).set_defaults(func=cmd_workspace_encrypt)
    rekey = sub.add_parser(
        "rekey",
        help="change the passphrase of an encrypted workspace (current one from "
        "--passphrase-env or asked; new one from --new-passphrase-env or asked)",
    )
    rekey.add_argument(
        "--new-passphrase-env",
        metavar="VAR",
        help="environment variable holding the new passphrase (asked twice when "
        "missing)",
    )
    rekey.set_defaults(func=cmd_workspace_rekey)
    sub.add_parser("status", help="encryption, accounts, schema").set_defaults(
        func=cmd_workspace_status
    )
