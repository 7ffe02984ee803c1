"""The evidence vault: content-addressed, read-only copies of original files.

A file is copied once to ``vault/<aa>/<sha256><ext>`` (``aa`` being the first two
hex digits) and its write bits are removed. The original is only ever read.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.security.hashing import sha256_file

log = logging.getLogger(__name__)

_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


class EvidenceVault:
    """Stores each distinct file once, named by its SHA-256."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix.lower()}"

    def add(self, source: str | Path) -> tuple[str, Path, bool]:
        """Copy ``source`` into the vault; return (sha256, vault path, newly stored).

        The copy is written to a temporary name, hashed, then renamed, so a
        crash never leaves a partial file under a content address.
        """
        source = Path(source)
        if not source.is_file():
            raise InputFileError(f"{source}: no such file; check the path.")
        suffix = "".join(source.suffixes[-1:])
        try:
            with tempfile.NamedTemporaryFile(
                dir=self.root, prefix=".incoming-", delete=False
            ) as tmp:
                with open(source, "rb") as src:
                    shutil.copyfileobj(src, tmp, 1 << 20)
                tmp_path = Path(tmp.name)
        except OSError as exc:
            raise InputFileError(f"{source}: cannot be read ({exc.strerror}).") from exc
        sha256 = sha256_file(tmp_path)
        target = self.path_for(sha256, suffix)
        if target.exists():
            tmp_path.unlink()
            return sha256, target, False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp_path, target)
        os.chmod(target, _READ_ONLY)
        log.info("stored %s as %s", source, target.name)
        return sha256, target, True

    def stored_files(self) -> list[Path]:
        return sorted(
            p for p in self.root.glob("??/*") if p.is_file() and len(p.stem) == 64
        )

    def check(self, path: Path) -> str | None:
        """Re-hash one stored file; return a problem description or None."""
        if not path.exists():
            return "missing from the vault"
        actual = sha256_file(path)
        if actual != path.stem:
            return f"content changed (now hashes to {actual[:16]}...)"
        if path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            return "is writable (should be read-only)"
        return None
