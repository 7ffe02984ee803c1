"""Writing files that leave the workstation: whole or not at all.

A chart, a timeline or a graph file is written to a temporary file beside its
destination and renamed over it, so a reader never sees half a file and a
failed export leaves nothing behind.
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

from workstation.domain.errors import NotFoundError, WorkstationError

log = logging.getLogger(__name__)


def check_folder(path: Path) -> None:
    """Raise NotFoundError when the folder of ``path`` does not exist."""
    if not path.parent.is_dir():
        raise NotFoundError(
            f"Folder {path.parent} does not exist; create it or choose another place."
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, then rename it over.

    Raises:
        NotFoundError: The folder does not exist.
        WorkstationError: The file cannot be written there.
    """
    check_folder(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        raise WorkstationError(
            f"Cannot write {path} ({exc.strerror or exc}); choose a folder you can "
            "write to."
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
