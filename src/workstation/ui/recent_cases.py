"""The cases opened last, per workspace, kept in QSettings."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QSettings

from workstation.ui.preferences import qsettings

log = logging.getLogger(__name__)

KEY = "recent_cases"
LIMIT = 8


class RecentCases:
    """The most recently opened cases, newest first, at most :data:`LIMIT`.

    Entries are ``(workspace folder, case number)``: the same number in two
    workspaces is two cases.

    Args:
        store: Where the list is kept (the user's QSettings when None).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or qsettings()

    def entries(self) -> list[tuple[str, str]]:
        """Every remembered ``(workspace, case number)``, newest first."""
        raw = self._store.value(KEY, "[]")
        try:
            items = json.loads(str(raw))
            return [(str(w), str(n)) for w, n in items][:LIMIT]
        except (TypeError, ValueError):
            log.warning("ignoring an unreadable list of recent cases")
            return []

    def for_workspace(self, workspace: Path) -> list[str]:
        """Case numbers opened in ``workspace``, newest first."""
        root = str(Path(workspace).resolve())
        return [number for where, number in self.entries() if where == root]

    def add(self, workspace: Path, number: str) -> None:
        """Put a case at the top of the list."""
        entry = (str(Path(workspace).resolve()), number)
        items = [entry, *(e for e in self.entries() if e != entry)][:LIMIT]
        self._store.setValue(KEY, json.dumps(items, ensure_ascii=False))
        self._store.sync()

    def remove(self, workspace: Path, number: str) -> None:
        """Forget a case (it no longer exists)."""
        entry = (str(Path(workspace).resolve()), number)
        items = [e for e in self.entries() if e != entry]
        self._store.setValue(KEY, json.dumps(items, ensure_ascii=False))
        self._store.sync()
