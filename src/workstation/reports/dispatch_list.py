"""The fraud-warning dispatch list as a PDF: one section per community officer.

A4 landscape, set in the embedded CJK font. The first page says what the list
is: the case, the window, the watch-lists used, who made it and how the risk
score is computed, with a note that the list points to possible victims and
is personal data. Then each officer's residents follow on pages of their own
(so the pages can be handed out), highest risk first, with an empty Outcome
column to write in. Every page carries the classification marking at top and
bottom, the case and the page number. Nothing here reads the store.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer

from workstation.domain.warning_records import OfficerGroup, WarningResult
from workstation.reports.composer import Composer
from workstation.reports.dispatch_csv import resident_cells
from workstation.reports.dispatch_labels import dispatch_labels
from workstation.reports.fonts import ReportFonts, register_report_fonts
from workstation.reports.pdf_parts import ALERT, MUTED, RULE, when

log = logging.getLogger(__name__)

PAGE_SIZE = landscape(A4)
MARGIN = 14 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
#: Column widths of an officer's table; the Outcome column takes what is left.
_WIDTHS = {
    "order": 9 * mm,
    "rank": 10 * mm,
    "score": 13 * mm,
    "name": 22 * mm,
    "phones": 30 * mm,
    "address": 42 * mm,
    "contacts": 24 * mm,
    "call_minutes": 14 * mm,
    "days": 12 * mm,
    "callbacks": 12 * mm,
    "watched_numbers": 31 * mm,
    "first_contact": 27 * mm,
}


def dispatch_pdf(
    result: WarningResult,
    *,
    font_path: str | Path,
    lang: str = "zh",
    classification: str | None = None,
) -> tuple[bytes, int]:
    """Lay out the dispatch list.

    Args:
        result: the warning's result.
        font_path: the CJK font, embedded as a subset.
        lang: "zh" or "en".
        classification: the marking; 内部 / RESTRICTED when None.

    Returns:
        The PDF and its number of pages. The same result gives the same bytes.

    Raises:
        WorkstationError: the font cannot be loaded or the language is unknown.
    """
    labels = dispatch_labels(lang)
    fonts = register_report_fonts(font_path)
    marking = classification or labels["default_marking"]
    page = Composer(fonts, labels, FRAME_WIDTH)
    story = _cover(page, result, marking)
    groups = result.groups
    if not groups:
        story.append(page.para(labels["none"], page.styles.body))
    for group in groups:
        story += [PageBreak(), *_officer_section(page, group)]

    frame = _PageFrame(result, labels, fonts, marking)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8 * mm,
        bottomMargin=MARGIN + 4 * mm,
        title=f"{labels['title']} {result.case_number}",
        author=result.run_by,
        keywords=marking,
        creator="Case Workstation",
        invariant=1,
        initialFontName=fonts.text,
    )
    document.build(story, onFirstPage=frame.draw, onLaterPages=frame.draw)
    log.info("dispatch list of %s: %d pages", result.case_number, frame.pages)
    return buffer.getvalue(), frame.pages


def _cover(page: Composer, result: WarningResult, marking: str) -> list[Flowable]:
    labels, styles = page.labels, page.styles
    lists = "\n".join(
        labels["list_text"].format(
            name=w.name, numbers=w.numbers, by=w.loaded_by, at=when(w.loaded_at)
        )
        for w in result.watch_lists
    )
    weights = result.weights
    weight_values = {
        name: getattr(weights, name)
        for name in (
            "contact",
            "call_minute",
            "minutes_cap",
            "extra_day",
            "extra_number",
            "callback",
            "recent",
            "recent_days",
        )
    }
    listed = sum(1 for r in result.residents if r.listed)
    officers = sum(1 for g in result.groups if g.officer)
    facts = [
        (labels["case"], f"{result.case_number} {result.case_title}"),
        (
            labels["window"],
            labels["window_text"].format(start=result.start, end=result.end),
        ),
        (labels["lists"], lists),
        (labels["watched"], labels["watched_text"].format(count=result.watched)),
        (
            labels["totals"],
            labels["totals_text"].format(
                residents=listed,
                unlisted=len(result.residents) - listed,
                officers=officers,
            ),
        ),
        (
            labels["run"],
            labels["run_text"].format(by=result.run_by, at=when(result.run_at)),
        ),
        (labels["weights"], labels["weights_text"].format(**weight_values)),
    ]
    return [
        page.para(marking, styles.marking),
        page.para(labels["title"], styles.title),
        page.facts(facts, 32 * mm),
        Spacer(1, 4 * mm),
        page.para(labels["note"], styles.note),
    ]


def _officer_section(page: Composer, group: OfficerGroup) -> list[Flowable]:
    labels, styles = page.labels, page.styles
    columns = labels["columns"]
    officer = group.officer or labels["no_officer"]
    heading = labels["officer_heading"].format(
        officer=officer, count=len(group.residents)
    )
    names = [
        labels["order"],
        columns["rank"],
        columns["score"],
        columns["name"],
        columns["phones"],
        f"{columns['address']}\n{columns['community']}",
        f"{columns['contacts']}\n{columns['calls']} / {columns['messages']}",
        columns["call_minutes"],
        columns["days"],
        columns["callbacks"],
        columns["watched_numbers"],
        f"{columns['first_contact']}\n{columns['last_contact']}",
        labels["outcome"],
    ]
    rows = [page.header_row(names)]
    for order, resident in enumerate(group.residents, start=1):
        cells = resident_cells(resident, labels)
        name_style = styles.cell if resident.listed else styles.small
        contact_times = f"{when(resident.first_contact)}\n{when(resident.last_contact)}"
        rows.append(
            [
                page.para(order, styles.cell_centre),
                page.para(cells["rank"], styles.cell_centre),
                page.para(cells["score"], styles.alert_centre),
                page.para(cells["name"], name_style),
                page.para("\n".join(resident.phones), styles.cell),
                page.para(
                    "\n".join(p for p in (resident.address, resident.community) if p)
                    or "-",
                    styles.cell,
                ),
                page.para(
                    f"{resident.contacts}\n{resident.calls} / {resident.messages}",
                    styles.cell_centre,
                ),
                page.para(cells["call_minutes"], styles.cell_right),
                page.para(cells["days"], styles.cell_right),
                page.para(cells["callbacks"], styles.cell_right),
                page.para("\n".join(resident.watched_numbers), styles.small),
                page.para(contact_times, styles.small),
                page.para(""),
            ]
        )
    widths = list(_WIDTHS.values())
    widths.append(FRAME_WIDTH - sum(widths))
    return [
        page.para(heading, styles.heading),
        page.table(rows, widths, header=True, valign="TOP"),
    ]


class _PageFrame:
    """Draws the marking, the case and the page number around every page."""

    def __init__(
        self, result: WarningResult, labels: dict, fonts: ReportFonts, marking: str
    ) -> None:
        self.result = result
        self.labels = labels
        self.fonts = fonts
        self.marking = marking
        self.pages = 0

    def draw(self, canvas: Canvas, document) -> None:
        width, height = PAGE_SIZE
        number = canvas.getPageNumber()
        self.pages = max(self.pages, number)
        canvas.saveState()
        canvas.setFillColor(ALERT)
        canvas.setFont(self.fonts.text, 9)
        canvas.drawCentredString(width / 2, height - 8 * mm, self.marking)
        canvas.drawCentredString(width / 2, 6 * mm, self.marking)

        top = height - MARGIN - 2 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(self.fonts.text, 8.5)
        case = self.labels["header"].format(number=self.result.case_number)
        window = self.labels["window_text"].format(
            start=self.result.start, end=self.result.end
        )
        canvas.drawString(MARGIN, top, f"{case} · {window}")
        canvas.drawRightString(width - MARGIN, top, self.labels["title"])
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)

        bottom = MARGIN - 4 * mm
        canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        canvas.drawString(MARGIN, bottom, "Case Workstation")
        canvas.drawRightString(
            width - MARGIN, bottom, self.labels["page"].format(page=number)
        )
        canvas.restoreState()
