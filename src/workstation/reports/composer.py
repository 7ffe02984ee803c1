"""Paragraphs, tables and images in the report's font and language.

Every section of a report builds its flowables through one :class:`Composer`,
which also keeps all the text printed so the font can be checked for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from workstation.reports.fonts import ReportFonts
from workstation.reports.pdf_parts import HEAD_FILL, grid_table, scaled_image
from workstation.reports.styles import ReportStyles

log = logging.getLogger(__name__)


class Composer:
    """Builds flowables for a page frame ``width`` points wide.

    Args:
        fonts: The registered report fonts.
        labels: The report's labels in its language (see
            :func:`~workstation.reports.report_labels.report_labels`).
        width: Width of the page frame in points.
    """

    def __init__(self, fonts: ReportFonts, labels: Mapping, width: float) -> None:
        self.fonts = fonts
        self.labels = labels
        self.width = width
        self.styles = ReportStyles.for_fonts(fonts)
        self._printed: list[str] = []
        self._images: dict[tuple[bytes, float, float], Flowable | None] = {}

    def para(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of data: escaped, so stored text is printed as it is."""
        text = "" if text is None else str(text)
        self._printed.append(text)
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.styles.body)

    def value(self, raw: str) -> str:
        """A stored code (kind, status, decision, type) in the report's language."""
        return self.labels["values"].get(raw, raw)

    def printed_text(self) -> str:
        """All text printed so far, for the font's glyph check."""
        return "".join(self._printed)

    def table(
        self,
        rows: list[list],
        widths: list[float],
        *,
        header: bool = True,
        valign: str = "MIDDLE",
        split_in_row: bool = False,
        extra: Iterable[tuple] = (),
    ) -> Table:
        """A ruled table whose header row repeats on every page it runs over.

        ``split_in_row`` lets a row taller than a page (a suspect with many
        attributes) break across pages; other tables move a row that does not
        fit to the next page whole.
        """
        return grid_table(
            rows,
            widths,
            font=self.fonts.text,
            header=header,
            valign=valign,
            split_in_row=split_in_row,
            extra=extra,
        )

    def header_row(self, names: Iterable[str]) -> list[Paragraph]:
        """Column headings."""
        return [self.para(name, self.styles.head_cell) for name in names]

    def image(
        self,
        png: bytes | None,
        max_width: float,
        max_height: float,
        *,
        missing: str | None = None,
    ) -> Flowable:
        """A PNG scaled to fit the box, or a note when there is none."""
        if png:
            # one flowable per picture and box: a probe printed beside each of
            # its candidates is decoded once
            key = (png, max_width, max_height)
            if key not in self._images:
                self._images[key] = scaled_image(png, max_width, max_height)
            if self._images[key] is not None:
                return self._images[key]
        return self.para(missing or self.labels["no_crop"], self.styles.small)

    def digest(self, sha256: str) -> Paragraph:
        """A SHA-256 in two lines of 32 hex digits: easy to read aloud and compare."""
        self._printed.append(sha256)
        return Paragraph(f"{sha256[:32]}<br/>{sha256[32:]}", self.styles.mono)

    def section(self, title: str, room: float = 40 * mm) -> list[Flowable]:
        """A section heading, on a new page when less than ``room`` is left."""
        return [CondPageBreak(room), self.para(title, self.styles.heading)]

    def cut_note(self, key: str, shown: tuple, total: int | None) -> list[Flowable]:
        """A small note saying ``shown`` rows of ``total`` are printed; none if all.

        ``key`` names a label with ``{shown}`` and ``{total}`` placeholders.
        """
        if total is None or total <= len(shown):
            return []
        text = self.labels[key].format(shown=len(shown), total=total)
        return [self.para(text, self.styles.small)]

    def facts(self, rows: Iterable[tuple[str, object]], label_width: float) -> Table:
        """A two-column table of label and value, the labels shaded."""
        cells = [
            [
                self.para(label, self.styles.cell),
                value
                if isinstance(value, Flowable)
                else self.para(value, self.styles.cell),
            ]
            for label, value in rows
        ]
        return self.table(
            cells,
            [label_width, self.width - label_width],
            header=False,
            valign="TOP",
            extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_FILL)],
        )
