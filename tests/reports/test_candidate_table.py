"""The candidate table's column headings, set as the PDF sets them."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from workstation.reports.candidate_table import CANDIDATE_COLUMNS
from workstation.reports.fonts import register_report_fonts
from workstation.reports.report_labels import report_labels
from workstation.reports.styles import ReportStyles
from workstation.resources import cjk_font_path

#: Left plus right padding of a table cell (see ``pdf_parts.grid_table``).
CELL_PADDING = 8


def _lines(text: str, width: float) -> list[str]:
    """The lines a heading cell breaks ``text`` into at ``width`` points."""
    styles = ReportStyles.for_fonts(register_report_fonts(cjk_font_path()))
    para = Paragraph(text, styles.head_cell)
    para.wrap(width - CELL_PADDING, 1000)
    return ["".join(words).strip() for _, words in para.blPara.lines]


def _breaks_inside_a_word(text: str, lines: list[str]) -> list[str]:
    """Lines ending mid-word: not before a space, nor after a hyphen."""
    bad, pos = [], 0
    for line in lines[:-1]:
        pos = text.index(line, pos) + len(line)
        if not (line.endswith("-") or text[pos : pos + 1].isspace()):
            bad.append(line)
    return bad


def test_the_check_catches_a_heading_broken_mid_word():
    lines = _lines("Est. false-match rate", 17 * 72 / 25.4)

    assert lines == ["Est. false-", "match rat", "e"]
    assert _breaks_inside_a_word("Est. false-match rate", lines) == ["match rat"]


@pytest.mark.parametrize("column", CANDIDATE_COLUMNS, ids=lambda c: c.key)
def test_english_headings_break_between_words(column):
    text = report_labels("en")["candidate_columns"][column.key]
    width = column.width or 60 * 72 / 25.4  # the source column takes the rest

    lines = _lines(text, width)

    assert " ".join(lines) == " ".join(text.split())
    assert _breaks_inside_a_word(text, lines) == []
