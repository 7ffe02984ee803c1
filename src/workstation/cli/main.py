"""The ``workstation`` command line: the same services the UI uses, headless."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from workstation import __version__
from workstation.cli import (
    case_commands,
    demo_commands,
    enhance_commands,
    entity_commands,
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
#: What a shell reports for a tool stopped by SIGPIPE (128 + 13), e.g. the
#: command before ``| head`` once ``head`` has read enough.
EXIT_BROKEN_PIPE = 141

#: Each module adds its sub-commands; the order is the order of ``--help``.
COMMAND_MODULES = (
    demo_commands,
    case_commands,
    import_commands,
    entity_commands,
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


def _discard_stdout() -> None:
    """Send what is left of standard output to the null device.

    The reader of a pipe has gone; without this, Python would complain again
    when it flushes the rest of the output at exit.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file behind sys.stdout
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - open until exit


def _run(argv: list[str] | None) -> int:
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
    except BrokenPipeError:
        raise
    except Exception as exc:
        log.debug("internal error", exc_info=True)
        print(
            f"internal error: {type(exc).__name__}: {exc}. Run again with -v for "
            "details and report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status.

    Output piped into a reader that stops early (``workstation faces list C-1 |
    head``) ends the command quietly with status 141, as standard tools do.
    """
    try:
        try:
            return _run(argv)
        finally:
            # buffered output meets a closed pipe here, not at interpreter exit
            if sys.stdout is not None:  # None in a windowed (no console) build
                sys.stdout.flush()
    except BrokenPipeError:
        log.debug("standard output was closed by its reader")
        _discard_stdout()
        return EXIT_BROKEN_PIPE
