"""How long work reports progress and is cancelled, without knowing about Qt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from workstation.domain.errors import WorkstationError

#: ``progress(done, total, message)``; ``total`` is 0 when unknown.
ProgressCallback = Callable[[int, int, str], None]


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


class Cancelled(WorkstationError):
    """The user cancelled a long job; everything it did was rolled back."""


def no_progress(done: int, total: int, message: str) -> None:
    """A progress callback that ignores every report."""


def check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Cancelled by the user; nothing from this job was kept.")
