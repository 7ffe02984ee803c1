"""The software a result depends on, recorded with every derivation."""

from __future__ import annotations

import logging
import platform
import sys
from importlib import metadata

import cv2
import numpy as np

import workstation

log = logging.getLogger(__name__)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def software_versions() -> dict[str, str]:
    """Versions of Python, the imaging libraries and the workstation, and the CPU.

    Bit-identical re-runs are promised only when these are the same.
    """
    return {
        "workstation": workstation.__version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "opencv": cv2.__version__,
        "scikit-image": _version("scikit-image"),
        "scipy": _version("scipy"),
        "pillow": _version("pillow"),
        "platform": f"{sys.platform} {platform.machine()}",
    }
