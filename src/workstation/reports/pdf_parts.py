"""Pieces every PDF section shares: the palette, grid tables, images, formats."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Table, TableStyle

log = logging.getLogger(__name__)

INK = colors.HexColor("#1f2933")
HEADING = colors.HexColor("#12355b")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#b8c2cc")
HEAD_FILL = colors.HexColor("#e6ecf2")
NOTE_FILL = colors.HexColor("#fff4d6")
ALERT = colors.HexColor("#a4262c")
ALERT_FILL = colors.HexColor("#fbeaea")


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


def when(moment: datetime | None, *, seconds: bool = False) -> str:
    """``2026-10-01 09:30`` (with seconds when asked), plus the UTC offset if known.

    Example:
        >>> when(datetime(2026, 10, 1, 9, 30, 5), seconds=True)
        '2026-10-01 09:30:05'
    """
    if moment is None:
        return "-"
    text = moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    if moment.tzinfo is not None:
        offset = moment.strftime("%z")
        text += f" UTC{offset[:3]}:{offset[3:]}"
    return text


def file_size(size_bytes: int) -> str:
    """A byte count for people: ``812 B``, ``14.2 KB``, ``3.1 MB``.

    Example:
        >>> file_size(812), file_size(14_540)
        ('812 B', '14.2 KB')
    """
    value = float(size_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size_bytes} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size_bytes} B"
