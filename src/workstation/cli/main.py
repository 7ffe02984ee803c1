"""The ``workstation`` command line: the same services the UI uses, headless."""

from __future__ import annotations

import argparse
import logging
import sys

from workstation import __version__
from workstation.cli import (
    case_commands,
    demo_commands,
    enhance_commands,
    faces_commands,
    graph_commands,
    import_commands,
    quality_commands,
    report_commands,
    review_commands,
    user_commands,
    warning_commands,
    workspace_commands,
)
from workstation.domain.errors import WorkstationError

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 1
EXIT_INTERNAL_ERROR = 70

#: Each module adds its sub-commands; the order is the order of ``--help``.
COMMAND_MODULES = (
    demo_commands,
    case_commands,
    import_commands,
    faces_commands,
    enhance_commands,
    graph_commands,
    report_commands,
    review_commands,
    quality_commands,
    warning_commands,
    user_commands,
    workspace_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Case Workstation: offline case analysis for fusion centres.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="workspace folder (default: $WORKSTATION_HOME or ~/CaseWorkstation)",
    )
    parser.add_argument(
        "--user",
        help="acting user name recorded in the audit log; the login name when the "
        "workspace has accounts (password from $WORKSTATION_PASSWORD or asked)",
    )
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="environment variable holding the passphrase of an encrypted workspace "
        "(asked when missing)",
    )
    parser.add_argument("--models", metavar="DIR", help="folder of face model packs")
    parser.add_argument("--pack", help="face model pack to use (default: default)")
    parser.add_argument("--cpu", action="store_true", help="force CPU inference")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return args.func(args)
    except WorkstationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted; unfinished work was rolled back.", file=sys.stderr)
        return 130
    except Exception as exc:
        log.debug("internal error", exc_info=True)
        print(
            f"internal error: {type(exc).__name__}: {exc}. Run again with -v for "
            "details and report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
