"""Cases, evidence, vault verification and the audit trail."""

from __future__ import annotations

from workstation.cli.common import open_workspace, progress_bar


def cmd_case_create(args) -> int:
    from workstation.services.cases import create_case

    with open_workspace(args) as ws:
        case = create_case(
            ws, args.number, args.title, kind=args.kind, lead_officer=args.lead or ""
        )
    print(f"Created case {case.number}: {case.title}")
    return 0


def cmd_case_list(args) -> int:
    from workstation.services.cases import list_cases
    from workstation.services.entities import case_counts

    with open_workspace(args) as ws:
        cases = list_cases(ws)
        if not cases:
            print("No cases yet. Create one with `workstation case create`.")
        for case in cases:
            counts = case_counts(ws, case.number)
            print(
                f"{case.number}\t{case.status}\t{case.title}\t"
                f"{counts['entities']} entities, {counts['links']} links, "
                f"{counts['evidence']} evidence, {counts['faces']} faces"
            )
    return 0


def cmd_evidence_add(args) -> int:
    from workstation.services.evidence import add_evidence

    with open_workspace(args) as ws, progress_bar("adding evidence") as update:
        added = add_evidence(ws, args.case, args.files, progress=update)
    for item, new in added:
        state = "added" if new else "already in case"
        print(f"{item.sha256}  {item.original_name}  ({state})")
    return 0


def cmd_evidence_list(args) -> int:
    from workstation.services.evidence import case_evidence

    with open_workspace(args) as ws:
        items = case_evidence(ws, args.case)
    if not items:
        print(f"No evidence in case {args.case} yet; add files with `evidence add`.")
    for item in items:
        print(
            f"{item.id}\t{item.sha256}\t{item.size_bytes} bytes\t{item.media_type}\t"
            f"{item.original_name}\tadded by {item.added_by} "
            f"{item.added_at:%Y-%m-%d %H:%M}"
        )
    return 0


def cmd_verify(args) -> int:
    from workstation.services.evidence import verify_vault

    with open_workspace(args) as ws, progress_bar("verifying vault") as update:
        problems = verify_vault(ws, progress=update)
        files = len(ws.vault.stored_files())
    if not problems:
        print(f"Vault verified: {files} files, every hash matches.")
        return 0
    for problem in problems:
        cases = ", ".join(problem.cases) or "no case"
        print(f"CHANGED  {problem.path}  {problem.problem}  (cases: {cases})")
    print(f"{len(problems)} of {files} vault files failed verification.")
    return 2


def cmd_audit_verify(args) -> int:
    from workstation.services.audit import verify_audit

    with open_workspace(args) as ws:
        check = verify_audit(ws, expect=args.expect)
    for problem in check.problems:
        print(problem)
    if not check.intact:
        return 2
    if check.head is None:
        print("Audit trail empty: nothing has been done in this workspace yet.")
        return 0
    print(f"Audit trail intact: {check.entries} entries, every hash chains.")
    for finding in (check.anchor, check.expected):
        if finding is not None:
            print(finding.message)
    print(f"Newest entry: {check.head.describe()}.")
    print(
        "To check later that nothing was removed, keep this line outside the "
        f"workstation and run: workstation audit verify --expect {check.head.reference}"
    )
    return 0


def cmd_audit_anchor(args) -> int:
    from workstation.services.audit import reset_anchor, verify_audit

    with open_workspace(args) as ws:
        if args.reset:
            head = reset_anchor(ws, args.reason or "")
            print(f"Audit anchor restarted at {head.describe()}.")
            return 0
        check = verify_audit(ws)
    print(check.anchor.message)
    return 0 if check.anchor.sound else 2


def cmd_audit_show(args) -> int:
    from workstation.services.audit import recent_audit

    with open_workspace(args) as ws:
        for e in recent_audit(ws, args.last):
            print(
                f"{e.seq:>6}  {e.logged_at}  {e.user_name:<14} "
                f"{e.action:<16} {e.object}"
            )
    return 0


def register(commands) -> None:
    case = commands.add_parser("case", help="create and list cases")
    case_commands = case.add_subparsers(dest="case_command", required=True)
    create = case_commands.add_parser("create", help="create a case")
    create.add_argument("number")
    create.add_argument("title")
    create.add_argument(
        "--kind", choices=("criminal", "administrative"), default="criminal"
    )
    create.add_argument("--lead", help="lead officer")
    create.set_defaults(func=cmd_case_create)
    case_commands.add_parser("list", help="list cases").set_defaults(func=cmd_case_list)

    evidence = commands.add_parser("evidence", help="add and list a case's evidence")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", required=True)
    add = evidence_commands.add_parser("add", help="copy files into the vault")
    add.add_argument("case")
    add.add_argument("files", nargs="+")
    add.set_defaults(func=cmd_evidence_add)
    listing = evidence_commands.add_parser(
        "list", help="list a case's evidence: id, SHA-256, size, type, name"
    )
    listing.add_argument("case")
    listing.set_defaults(func=cmd_evidence_list)

    verify = commands.add_parser("verify", help="re-hash the evidence vault")
    verify.set_defaults(func=cmd_verify)

    audit = commands.add_parser("audit", help="show and verify the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify_audit = audit_commands.add_parser(
        "verify",
        help="check the hash chain and its anchor; name the first tampered entry "
        "and any entries missing at the end",
    )
    verify_audit.add_argument(
        "--expect",
        metavar="SEQ:HASH",
        help="a head printed by an earlier verify or in a brief; the trail must "
        "still hold that entry",
    )
    verify_audit.set_defaults(func=cmd_audit_verify)
    anchor = audit_commands.add_parser(
        "anchor", help="show the anchor file; --reset accepts the trail as it is"
    )
    anchor.add_argument(
        "--reset",
        action="store_true",
        help="restart the anchor at a new entry (administrators; needs --reason)",
    )
    anchor.add_argument("--reason", help="why the anchor is reset (audited)")
    anchor.set_defaults(func=cmd_audit_anchor)
    show = audit_commands.add_parser("show", help="list the latest entries")
    show.add_argument("--last", type=int, default=30)
    show.set_defaults(func=cmd_audit_show)
