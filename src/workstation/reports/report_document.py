"""The PDF case report, brief or full, in Chinese or English, in the embedded CJK font.

The sections, in order: cover (classification marking, case, author, the data
state and software version), case summary and where the data came from,
suspects with their reference faces, face-search candidates, link chart and
activity timeline, key players, the evidence list with SHA-256 hashes, the
image enhancement processing report, the audit extract and the supervisor
reviews with their history; the sections after the summary may be left out
(``ReportContent.sections``). Every page carries
the marking, a running header with the case number and a footer with the page
number out of the total. The layout works only from a
:class:`~workstation.reports.report_content.ReportContent`; nothing here reads
the store or runs a model.

The PDF is reproducible: it carries no time of its own (reportlab's invariant
mode fixes the creation date and document id), so the same content gives the
same file.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.reports import (
    cover_sections,
    face_sections,
    graph_sections,
    record_sections,
    review_sections,
)
from workstation.reports.composer import Composer
from workstation.reports.fonts import ReportFonts, missing_glyphs, register_report_fonts
from workstation.reports.pdf_parts import ALERT, MUTED, RULE
from workstation.reports.processing_report import ProcessingSection
from workstation.reports.report_content import KINDS, ReportContent
from workstation.reports.report_digest import content_digest
from workstation.reports.report_labels import report_labels

log = logging.getLogger(__name__)

PAGE_SIZE = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN


@dataclass(frozen=True)
class WrittenReport:
    """What was written: the file, its page count and the content's SHA-256."""

    path: Path
    pages: int
    content_sha256: str


def write_report_pdf(
    content: ReportContent,
    out_pdf: str | Path,
    *,
    font_path: str | Path,
    lang: str = "zh",
) -> WrittenReport:
    """Lay out a case report and write it as a PDF.

    The file is written under a temporary name beside ``out_pdf`` and renamed
    when complete, so a failed export never leaves a partial report.

    Args:
        content: Everything the report prints.
        out_pdf: Where to write the PDF; its folder must exist.
        font_path: The CJK TrueType font (``.ttf`` or ``.ttc``), embedded as a subset.
        lang: "zh" or "en", the language of headings and labels.

    Returns:
        The path, the number of pages and the content digest printed on the cover.

    Raises:
        WorkstationError: The font cannot be loaded, the language or kind is
            unknown or the PDF cannot be written.
        NotFoundError: The output folder does not exist.
    """
    labels = report_labels(lang)
    if content.kind not in KINDS:
        raise WorkstationError(
            f"A report's kind is {' or '.join(KINDS)}, not {content.kind!r}."
        )
    fonts = register_report_fonts(font_path)
    out_pdf = Path(out_pdf)
    if not out_pdf.parent.is_dir():
        raise NotFoundError(
            f"Folder {out_pdf.parent} does not exist; create it or choose another "
            "place for the report."
        )

    digest = content_digest(content)
    page = Composer(fonts, labels, FRAME_WIDTH)
    story = report_story(page, content, digest, lang)
    missing = missing_glyphs(page.printed_text(), fonts.text)
    if missing:
        log.warning("report font lacks glyphs for %r; they print as boxes", missing)

    frame = _PageFrame(content, labels, fonts, digest)
    pages: list[int] = []
    # a plain new file (not mkstemp's owner-only one), so the report gets the
    # permissions the user's umask gives any file they write
    temporary = out_pdf.with_name(f".{out_pdf.name}.{uuid.uuid4().hex}.part")
    try:
        document = SimpleDocTemplate(
            str(temporary),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 10 * mm,
            bottomMargin=MARGIN + 6 * mm,
            title=f"{frame.title} {content.case.number}",
            author=content.author,
            subject=content.case.title,
            keywords=content.classification,
            creator=f"Case Workstation {content.software_version}",
            # no creation time and a fixed document id: the same content gives
            # the same file
            invariant=1,
            # else the canvas starts in Helvetica, a font without Chinese glyphs
            initialFontName=fonts.text,
        )
        with _binary_streams():
            document.build(story, canvasmaker=_numbered_canvas(frame.draw, pages))
        os.replace(temporary, out_pdf)
    except OSError as exc:
        raise WorkstationError(
            f"Cannot write the report to {out_pdf} ({exc.strerror or exc}); "
            "choose a folder you can write to."
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
    log.info(
        "wrote %d-page %s of %s to %s",
        pages[0],
        content.kind,
        content.case.number,
        out_pdf,
    )
    return WrittenReport(out_pdf, pages[0], digest)


def report_story(
    page: Composer, content: ReportContent, digest: str, lang: str
) -> list[Flowable]:
    """The cover, the summary and each section the content includes, in order."""
    processing = ProcessingSection(content.processing, page, lang)
    sections = {
        "suspects": lambda: face_sections.suspects(page, content),
        "searches": lambda: face_sections.searches(page, content),
        "chart": lambda: graph_sections.chart_and_timeline(page, content),
        "key_players": lambda: graph_sections.key_players(page, content),
        "evidence": lambda: record_sections.evidence(page, content),
        "processing": processing.flowables,
        "audit": lambda: record_sections.audit(page, content),
        "reviews": lambda: review_sections.reviews(page, content),
    }
    story = [
        *cover_sections.cover(page, content, digest),
        *cover_sections.summary(page, content),
    ]
    for name in content.sections:
        story += sections[name]()
    return story


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write images and pages as binary Flate streams, not ASCII85 text.

    The file is a fifth smaller, and reportlab's pure-Python ASCII85 encoder
    would take seconds over the hundreds of face crops of a full report.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _numbered_canvas(
    draw_frame: Callable[[pdf_canvas.Canvas, int, int], None],
    pages: list[int],
) -> type[pdf_canvas.Canvas]:
    """A canvas class that holds pages back until the total is known."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                draw_frame(self, number, total)
                super().showPage()
            pages.append(total)
            super().save()

    return NumberedCanvas


class _PageFrame:
    """Draws what every page carries around its frame.

    Top: the classification marking, then the case number and title and the
    document's name. Bottom: the software version with the start of the
    content digest, the page number out of the total, and the marking again.
    """

    def __init__(
        self, content: ReportContent, labels: dict, fonts: ReportFonts, digest: str
    ) -> None:
        self.content = content
        self.labels = labels
        self.fonts = fonts
        self.digest = digest
        self.title = cover_sections.doc_title(content, labels)

    def draw(self, canvas: pdf_canvas.Canvas, page: int, pages: int) -> None:
        case, labels = self.content.case, self.labels
        width, height = PAGE_SIZE
        marking = self.content.classification
        canvas.saveState()

        canvas.setFillColor(ALERT)
        canvas.setFont(self.fonts.text, 9)
        canvas.drawCentredString(width / 2, height - 10 * mm, marking)
        canvas.drawCentredString(width / 2, 7 * mm, marking)

        top = height - MARGIN - 2 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(self.fonts.text, 8.5)
        title = case.title if len(case.title) <= 40 else case.title[:39] + "…"
        canvas.drawString(
            MARGIN, top, f"{labels['header'].format(number=case.number)} · {title}"
        )
        canvas.drawRightString(width - MARGIN, top, self.title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)

        bottom = MARGIN - 2 * mm
        canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        canvas.drawString(
            MARGIN,
            bottom,
            f"Case Workstation {self.content.software_version} · "
            f"SHA-256 {self.digest[:12]}",
        )
        canvas.drawRightString(
            width - MARGIN, bottom, labels["page"].format(page=page, pages=pages)
        )
        canvas.restoreState()
