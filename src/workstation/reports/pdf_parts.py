"""Pieces every PDF section shares: the palette, grid tables, scaled images."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Table, TableStyle

log = logging.getLogger(__name__)

MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#b8c2cc")
HEAD_FILL = colors.HexColor("#e6ecf2")
NOTE_FILL = colors.HexColor("#fff4d6")


def grid_table(
    rows: list[list],
    widths: list[float],
    *,
    font: str,
    header: bool = True,
    valign: str = "MIDDLE",
    split_in_row: bool = False,
    extra: Iterable[tuple] = (),
) -> Table:
    """A ruled table in ``font``; a header row is shaded and repeats on each page.

    ``split_in_row`` lets a row taller than a page break instead of failing.
    """
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitInRow=1 if split_in_row else 0,
    )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("GRID", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def scaled_image(
    png: bytes | None, max_width: float, max_height: float
) -> Image | None:
    """A PNG scaled to fit the box, or None when there is none or it is unreadable."""
    if not png:
        return None
    try:
        width, height = ImageReader(io.BytesIO(png)).getSize()
    except Exception as exc:  # reportlab raises several kinds for bad images
        log.warning("an image for the PDF could not be read: %s", exc)
        return None
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)
