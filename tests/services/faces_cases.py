"""Scanned face cases made once per test module and copied for each test.

Scanning photos is the slow part of the face tests, so a module builds its
scanned workspace once (:func:`build_template`) and every test opens its own
copy of the folder (:func:`open_copy`), free to add searches and decisions.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path


def build_template(model_settings, folder: Path, fill: Callable) -> Path:
    """Run ``fill(ws)`` in a new workspace under ``folder``; return its folder."""
    from workstation.services.workspace import Workspace

    root = folder / "template"
    ws = Workspace(dataclasses.replace(model_settings, workspace_dir=root))
    try:
        fill(ws)
    finally:
        ws.close()
    return root


def open_copy(model_settings, template: Path, folder: Path):
    """A workspace opened on a fresh copy of ``template``."""
    from workstation.services.workspace import Workspace

    target = folder / "workspace"
    shutil.copytree(template, target)
    return Workspace(dataclasses.replace(model_settings, workspace_dir=target))
