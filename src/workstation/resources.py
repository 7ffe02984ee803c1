"""Locate files shipped in ``resources/`` (fonts, mapping specs, icons)."""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

from workstation.domain.errors import WorkstationError


def resources_dir() -> Path:
    """The installed package's resources, or the checkout's top-level folder."""
    packaged = Path(str(importlib_resources.files("workstation"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise WorkstationError(
        "The workstation's resources folder is missing; reinstall the package."
    )


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise WorkstationError(f"Resource {'/'.join(parts)} is missing; reinstall.")
    return path


def cjk_font_path() -> Path:
    """The TrueType CJK font used by the UI, charts and PDF reports."""
    return resource_path("fonts", "wqy-microhei.ttc")
