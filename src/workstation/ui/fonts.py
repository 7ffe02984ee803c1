"""The shipped CJK font, so Chinese renders where the system has no CJK font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from workstation.domain.errors import WorkstationError
from workstation.resources import cjk_font_path

log = logging.getLogger(__name__)

_loaded_family: str | None = None


def load_cjk_font() -> str:
    """Register the shipped CJK font with Qt once; return its family name.

    Raises:
        WorkstationError: The font file is missing or Qt cannot read it.
    """
    global _loaded_family
    if _loaded_family is not None:
        return _loaded_family
    path = cjk_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise WorkstationError(
            f"The CJK font {path.name} could not be loaded; Chinese text would show "
            "as boxes. Reinstall the workstation."
        )
    _loaded_family = families[0]
    log.debug("loaded font %s from %s", _loaded_family, path)
    return _loaded_family


def install_cjk_fallback(app: QApplication) -> str:
    """Make the shipped CJK font the fallback family of the application font.

    The platform's default family stays first, so Latin text looks native; any
    character it lacks (Chinese) is drawn with the shipped font.

    Args:
        app: The running application.

    Returns:
        The CJK family name.
    """
    family = load_cjk_font()
    font = QFont(app.font())
    families = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*families, family])
    app.setFont(font)
    return family
