"""What every command shares: settings from the global options, progress bars."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from workstation.settings import Settings


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int, str], None]]:
    """A tqdm bar on stderr driven by the services' progress callback."""
    from tqdm import tqdm

    bar = tqdm(desc=description, unit="step", file=sys.stderr, leave=False, delay=0.5)

    def update(done: int, total: int, message: str) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.set_postfix_str(message[:40], refresh=False)
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1.

    >>> positive_int("3")
    3
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def settings_from_args(args) -> Settings:
    return Settings.from_environment(
        workspace_dir=args.workspace,
        models_dir=getattr(args, "models", None),
        model_pack=getattr(args, "pack", None),
        force_cpu=True if getattr(args, "cpu", False) else None,
        user_name=args.user,
    )


def open_workspace(args):
    from workstation.cli.credentials import open_session

    return open_session(args)
