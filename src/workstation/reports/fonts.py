"""The CJK TrueType font every report is set in, subset and embedded in the PDF.

reportlab's built-in fonts (Helvetica and friends) have no Chinese glyphs and
print black boxes instead, so reports never fall back to them: if the shipped
font cannot be loaded, no report is written.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from workstation.domain.errors import WorkstationError

log = logging.getLogger(__name__)

#: reportlab names of the registered faces.
TEXT_FONT = "WorkstationCJK"
MONO_FONT = "WorkstationCJKMono"

_lock = threading.Lock()
_registered: dict[str, ReportFonts] = {}


@dataclass(frozen=True)
class ReportFonts:
    """Names of the registered faces: ``text`` for prose, ``mono`` for hashes."""

    text: str
    mono: str
    path: str


def register_report_fonts(font_path: str | Path) -> ReportFonts:
    """Register the CJK font (and its monospaced face, if the file has one).

    The first face of the file is the text face. A TrueType collection's second
    face, when there is one, becomes the monospaced face for hashes; otherwise
    the text face is used for them too. Bold and italic map to the same face, so
    ``<b>`` markup never switches to a built-in font without Chinese glyphs.

    Args:
        font_path: A ``.ttf`` or ``.ttc`` file with CJK glyphs.

    Returns:
        The registered face names.

    Raises:
        WorkstationError: The font file is missing or unreadable.
    """
    path = Path(font_path).resolve()
    with _lock:
        if str(path) in _registered:
            return _registered[str(path)]
        if not path.is_file():
            raise WorkstationError(
                f"Report font {path.name} is missing ({path}); reinstall the "
                "workstation. No report is written without it, so that Chinese "
                "text never prints as black boxes."
            )
        # another font file gets other names, so it never replaces this one
        suffix = f"-{len(_registered)}" if _registered else ""
        text_name, mono_name = TEXT_FONT + suffix, MONO_FONT + suffix
        try:
            text = TTFont(text_name, str(path), subfontIndex=0)
        except (TTFError, OSError, ValueError) as exc:
            raise WorkstationError(
                f"Report font {path} cannot be loaded ({exc}); reinstall the "
                "workstation. No report is written without it."
            ) from exc
        pdfmetrics.registerFont(text)
        try:
            if path.suffix.lower() not in {".ttc", ".otc"}:
                raise ValueError("not a collection")
            pdfmetrics.registerFont(TTFont(mono_name, str(path), subfontIndex=1))
        except (TTFError, OSError, ValueError, IndexError):
            log.info("%s has no second face; hashes use the text face", path.name)
            mono_name = text_name
        for name in {text_name, mono_name}:
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        fonts = ReportFonts(text=text_name, mono=mono_name, path=str(path))
        _registered[str(path)] = fonts
        log.debug("registered report font %s", path.name)
        return fonts


def missing_glyphs(text: str, font_name: str = TEXT_FONT) -> str:
    """Return the characters of ``text`` the registered font has no glyph for.

    Args:
        text: Any text; white space and control characters are ignored.
        font_name: A face registered by :func:`register_report_fonts`.

    Returns:
        The missing characters, sorted and without repeats ("" when none).
    """
    face = pdfmetrics.getFont(font_name).face
    return "".join(
        sorted(
            {
                ch
                for ch in text
                if ch.isprintable()
                and not ch.isspace()
                and ord(ch) not in face.charToGlyph
            }
        )
    )
