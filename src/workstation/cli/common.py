"""What every command shares: settings from the global options, progress bars."""

from __future__ import annotations

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
