"""`workstation entity`: mark the people, phones and vehicles of a case."""

from __future__ import annotations

from workstation.cli.common import open_workspace

#: What the command line calls "no role".
NO_ROLE = "none"


def cmd_entity_role(args) -> int:
    from workstation.services.entities import describe, mark_role

    role = "" if args.role == NO_ROLE else args.role
    with open_workspace(args) as ws:
        entity = mark_role(ws, args.case, args.entity, role)
    what = f"a {role}" if role else "without a role"
    print(f"{describe(entity)} is now {what} in case {args.case}.")
    return 0


def cmd_entity_list(args) -> int:
    from workstation.services.entities import describe, with_role

    with open_workspace(args) as ws:
        marked = with_role(ws, args.case, args.role)
    if not marked:
        print(
            f"No {args.role} in case {args.case}; mark one with "
            "`workstation entity role CASE ENTITY ROLE`."
        )
    for entity in marked:
        print(describe(entity))
    return 0


def register(commands) -> None:
    from workstation.services.entities import ROLES

    roles = [r for r in ROLES if r]
    entity = commands.add_parser(
        "entity", help="mark entities as suspects, victims, witnesses"
    )
    entity_commands = entity.add_subparsers(dest="entity_command", required=True)
    role = entity_commands.add_parser(
        "role",
        help="give an entity a role (suspects head the brief's suspects section)",
    )
    role.add_argument("case")
    role.add_argument("entity", help="key, label, phone number as written, or TYPE:KEY")
    role.add_argument("role", choices=[*roles, NO_ROLE])
    role.set_defaults(func=cmd_entity_role)
    listing = entity_commands.add_parser("list", help="list the entities of a role")
    listing.add_argument("case")
    listing.add_argument("--role", choices=roles, default="suspect")
    listing.set_defaults(func=cmd_entity_list)
