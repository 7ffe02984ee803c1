"""The face engine of a workspace's settings, loaded once per process."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from workstation.security.hashing import sha256_file
from workstation.services.models import ready_pack
from workstation.services.workspace import Workspace
from workstation.vision.face_engine import FaceEngine

log = logging.getLogger(__name__)

_engines: dict[tuple[str, bool, str], FaceEngine] = {}
_engines_lock = threading.Lock()


def face_engine(ws: Workspace) -> FaceEngine:
    """The face engine for the workspace's settings, loaded on first use.

    Loading takes over a second, so engines are kept for the life of the
    process, one per (pack folder, manifest, CPU-only) combination: every call
    in a session, and every later workspace using the same pack, reuses it.

    Raises:
        ModelPackError: The pack is missing, damaged or does not load.
    """
    settings = ws.settings
    pack = ready_pack(settings)
    manifest_hash = sha256_file(pack.path / "pack.toml")
    key = (str(Path(pack.path).resolve()), bool(settings.force_cpu), manifest_hash)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = FaceEngine(pack, force_cpu=settings.force_cpu)
            _engines[key] = engine
    return engine


def release_engines() -> None:
    """Forget every loaded engine (their sessions are freed with them)."""
    with _engines_lock:
        _engines.clear()
