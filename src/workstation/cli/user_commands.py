"""`workstation user`: the first administrator, accounts, roles and passwords."""

from __future__ import annotations

from workstation.cli.credentials import (
    login_password,
    open_session,
    prompt_secret,
    read_stdin_secret,
)


def _new_password(args, name: str) -> str:
    if args.password_stdin:
        return read_stdin_secret(f"password for {name}")
    return prompt_secret(
        f"New password for {name}: ",
        hint="pass --password-stdin and write the password on standard input",
        confirm=True,
    )


def cmd_user_init(args) -> int:
    from workstation.services.users import init_users

    with open_session(args, login=False) as ws:
        name = args.name or ws.user
        account = init_users(ws, name, _new_password(args, name))
    print(
        f"Created administrator {account.name}. From now on this workspace needs a "
        "login: --user NAME and the password (or WORKSTATION_PASSWORD)."
    )
    return 0


def cmd_user_add(args) -> int:
    from workstation.services.users import add_user

    with open_session(args) as ws:
        account = add_user(ws, args.name, args.role, _new_password(args, args.name))
    print(f"Added {account.role} {account.name}.")
    return 0


def cmd_user_list(args) -> int:
    from workstation.services.users import MAX_FAILED_LOGINS, list_users

    with open_session(args) as ws:
        accounts = list_users(ws)
    print(f"{'user':<20} {'role':<14} {'state':<9} {'last login':<19} created by")
    for a in accounts:
        state = "active" if a.active else "disabled"
        if a.failed_logins >= MAX_FAILED_LOGINS:
            state = "locked"
        last = a.last_login_at.strftime("%Y-%m-%d %H:%M") if a.last_login_at else "-"
        print(f"{a.name:<20} {a.role:<14} {state:<9} {last:<19} {a.created_by}")
    return 0


def cmd_user_role(args) -> int:
    from workstation.services.users import set_user_role

    with open_session(args) as ws:
        account = set_user_role(ws, args.name, args.role)
    print(f"{account.name} is now {account.role}.")
    return 0


def cmd_user_active(args) -> int:
    from workstation.services.users import set_user_active

    with open_session(args) as ws:
        account = set_user_active(ws, args.name, args.active)
    print(f"{account.name} is {'enabled' if account.active else 'disabled'}.")
    return 0


def cmd_user_password(args) -> int:
    from workstation.services.users import change_password, login

    with open_session(args, login=False) as ws:
        name = args.name or ws.user
        old = None
        if not ws.single_user:
            old = login_password(ws.user)
            login(ws, ws.user, old)
        change_password(ws, name, _new_password(args, name), old_password=old)
    print(f"Password of {name} changed.")
    return 0


def cmd_user_whoami(args) -> int:
    with open_session(args) as ws:
        role = ws.role.value if ws.role else "single-user mode, no accounts"
        state = "encrypted" if ws.encrypted else "not encrypted"
        print(f"{ws.user} ({role}); OS user {ws.os_user}; workspace {state}")
    return 0


def register(commands) -> None:
    from workstation.security.roles import Role

    user = commands.add_parser("user", help="user accounts and roles")
    sub = user.add_subparsers(dest="user_command", required=True)

    def with_password(parser):
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the new password from standard input instead of asking",
        )
        return parser

    init = with_password(
        sub.add_parser("init", help="create the first administrator (ends single-user)")
    )
    init.add_argument("--name", help="administrator's user name (default: --user)")
    init.set_defaults(func=cmd_user_init)

    add = with_password(sub.add_parser("add", help="add an account (administrator)"))
    add.add_argument("name")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.set_defaults(func=cmd_user_add)

    sub.add_parser("list", help="list accounts (administrator)").set_defaults(
        func=cmd_user_list
    )

    role = sub.add_parser("role", help="change an account's role (administrator)")
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(func=cmd_user_role)

    for verb, active, text in (
        ("disable", False, "disable an account (administrator)"),
        ("enable", True, "enable or unlock an account (administrator)"),
    ):
        parser = sub.add_parser(verb, help=text)
        parser.add_argument("name")
        parser.set_defaults(func=cmd_user_active, active=active)

    password = with_password(
        sub.add_parser("password", help="change your password (or, as admin, anyone's)")
    )
    password.add_argument("name", nargs="?", help="whose (default: yours)")
    password.set_defaults(func=cmd_user_password)

    sub.add_parser("whoami", help="who is acting, with which role").set_defaults(
        func=cmd_user_whoami
    )
