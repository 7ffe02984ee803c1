"""The paragraph styles every report section is set in, made once per font."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from workstation.reports.fonts import ReportFonts
from workstation.reports.pdf_parts import ALERT, HEADING, INK, MUTED, NOTE_FILL


@dataclass(frozen=True)
class ReportStyles:
    """Named paragraph styles: prose, headings, table cells, notes and hashes.

    ``wordWrap="CJK"`` lets a line break between any two Chinese characters
    and keeps full-width punctuation off the start of a line.
    """

    body: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    marking: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    alert: ParagraphStyle
    alert_centre: ParagraphStyle
    head_cell: ParagraphStyle
    mono: ParagraphStyle
    note: ParagraphStyle

    @classmethod
    def for_fonts(cls, fonts: ReportFonts) -> ReportStyles:
        """The styles in the registered report fonts."""
        body = ParagraphStyle(
            "body",
            fontName=fonts.text,
            fontSize=9.5,
            leading=14,
            textColor=INK,
            wordWrap="CJK",
        )
        cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11.5)
        centre = ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER)
        return cls(
            body=body,
            title=ParagraphStyle(
                "title", parent=body, fontSize=24, leading=32, spaceAfter=6
            ),
            subtitle=ParagraphStyle(
                "subtitle", parent=body, fontSize=14, leading=20, spaceAfter=10
            ),
            marking=ParagraphStyle(
                "marking",
                parent=body,
                fontSize=16,
                leading=22,
                alignment=TA_CENTER,
                textColor=ALERT,
                spaceAfter=18,
            ),
            heading=ParagraphStyle(
                "heading",
                parent=body,
                fontSize=14,
                leading=20,
                spaceBefore=12,
                spaceAfter=6,
                textColor=HEADING,
            ),
            subheading=ParagraphStyle(
                "subheading",
                parent=body,
                fontSize=11,
                leading=16,
                spaceBefore=8,
                spaceAfter=3,
            ),
            small=ParagraphStyle(
                "small", parent=body, fontSize=8, leading=11, textColor=MUTED
            ),
            cell=cell,
            cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
            cell_centre=centre,
            alert=ParagraphStyle("alert", parent=cell, textColor=ALERT),
            alert_centre=ParagraphStyle("alert_centre", parent=centre, textColor=ALERT),
            head_cell=ParagraphStyle("head_cell", parent=cell),
            mono=ParagraphStyle(
                "mono", parent=body, fontName=fonts.mono, fontSize=6.5, leading=8.5
            ),
            note=ParagraphStyle(
                "note",
                parent=body,
                fontSize=9,
                leading=13,
                backColor=NOTE_FILL,
                borderPadding=(4, 6, 4, 6),
                spaceBefore=4,
                spaceAfter=8,
            ),
        )
