"""Chart text and output: the CJK font registered with matplotlib, PNG bytes.

Every chart (link chart, timeline) draws its text in the shipped CJK TrueType
font; characters the font lacks fall back to DejaVu Sans, and
:func:`missing_glyphs` says which those are. :func:`figure_png` saves a figure
as an opaque PNG, ready for a PDF.
"""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path

from matplotlib import font_manager
from matplotlib.figure import Figure
from PIL import Image

from workstation.domain.errors import WorkstationError

log = logging.getLogger(__name__)

_font_lock = threading.Lock()
_font_families: dict[str, str] = {}


def register_chart_font(font_path: str | Path) -> str:
    """Register a TrueType font (``.ttf`` or ``.ttc``) with matplotlib.

    Args:
        font_path: The font file; in a collection the first face is used.

    Returns:
        The font's family name, to be used as ``fontfamily``.

    Raises:
        WorkstationError: The file is missing or is not a font matplotlib reads.
    """
    path = Path(font_path).resolve()
    with _font_lock:
        if str(path) in _font_families:
            return _font_families[str(path)]
        if not path.is_file():
            raise WorkstationError(
                f"Chart font {path.name} is missing ({path}); reinstall the "
                "workstation. Charts are not drawn without it, so that Chinese "
                "labels never print as empty boxes."
            )
        try:
            font_manager.fontManager.addfont(str(path))
            family = font_manager.FontProperties(fname=str(path)).get_name()
        except (OSError, RuntimeError, ValueError) as exc:
            raise WorkstationError(
                f"Chart font {path} cannot be read ({exc}); reinstall the workstation."
            ) from exc
        _font_families[str(path)] = family
        log.debug("registered chart font %s as %r", path.name, family)
        return family


def missing_glyphs(text: str, font_path: str | Path) -> str:
    """Return the characters of ``text`` that the font has no glyph for.

    Args:
        text: Any text; white space is ignored.
        font_path: The font file (first face of a collection).

    Returns:
        The missing characters, sorted and without repeats ("" when none).
    """
    font = font_manager.get_font(str(Path(font_path).resolve()))
    missing = {
        ch for ch in text if not ch.isspace() and font.get_char_index(ord(ch)) == 0
    }
    return "".join(sorted(missing))


def figure_png(figure: Figure, dpi: int) -> bytes:
    """The figure as an RGB PNG: opaque, so a PDF needs no transparency mask."""
    rgba = io.BytesIO()
    figure.savefig(rgba, format="png", dpi=dpi, facecolor="white")
    rgb = io.BytesIO()
    # the default compression: optimize=True makes the file a tenth smaller
    # but takes four times as long, most of a report's chart time
    Image.open(rgba).convert("RGB").save(rgb, format="png")
    return rgb.getvalue()
