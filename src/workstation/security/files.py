"""Small files kept beside the database, written whole or not at all."""

from __future__ import annotations

import json
import os
from pathlib import Path


def write_json_atomically(path: str | Path, payload: dict) -> None:
    """Write ``payload`` as JSON to a temporary file, sync it, rename it over ``path``.

    A reader sees the old file or the new one, never half of one, even if the
    machine stops in the middle (:func:`os.replace` is atomic).

    Raises:
        OSError: The folder cannot be written.
    """
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    try:
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(payload, out, indent=2, ensure_ascii=False)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
