"""The PDF case brief, in Chinese or English, set in the embedded CJK font.

Its sections: case summary and where the data came from, suspects with their
reference faces, face-search candidates, link chart, key players and the
evidence list with SHA-256 hashes. Every page carries a running header with the
case number and a footer with the page number out of the total. The layout works
only from a :class:`~workstation.reports.brief_content.BriefContent`; nothing
here reads the store or runs a model.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.reports.brief_content import BriefContent, SearchEntry
from workstation.reports.brief_labels import brief_labels
from workstation.reports.fonts import ReportFonts, missing_glyphs, register_report_fonts
from workstation.reports.pdf_parts import (
    HEAD_FILL,
    MUTED,
    NOTE_FILL,
    RULE,
    grid_table,
    scaled_image,
)
from workstation.reports.processing_report import ProcessingSection

log = logging.getLogger(__name__)

PAGE_SIZE = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

_INK = colors.HexColor("#1f2933")
_ABOVE = colors.HexColor("#a4262c")
_ABOVE_FILL = colors.HexColor("#fbeaea")


def write_brief_pdf(
    content: BriefContent,
    out_pdf: str | Path,
    *,
    font_path: str | Path,
    lang: str = "zh",
) -> int:
    """Lay out a case brief and write it as a PDF.

    The file is written under a temporary name beside ``out_pdf`` and renamed
    when complete, so a failed export never leaves a partial brief.

    Args:
        content: Everything the brief prints.
        out_pdf: Where to write the PDF; its folder must exist.
        font_path: The CJK TrueType font (``.ttf`` or ``.ttc``), embedded as a subset.
        lang: "zh" or "en", the language of headings and labels.

    Returns:
        The number of pages written.

    Raises:
        WorkstationError: The font cannot be loaded, the language is unknown or
            the PDF cannot be written.
        NotFoundError: The output folder does not exist.
    """
    labels = brief_labels(lang)
    fonts = register_report_fonts(font_path)
    out_pdf = Path(out_pdf)
    if not out_pdf.parent.is_dir():
        raise NotFoundError(
            f"Folder {out_pdf.parent} does not exist; create it or choose another "
            "place for the brief."
        )

    layout = _BriefLayout(content, labels, fonts)
    story = layout.story()
    missing = missing_glyphs(layout.printed_text(), fonts.text)
    if missing:
        log.warning("report font lacks glyphs for %r; they print as boxes", missing)

    pages: list[int] = []
    # a plain new file (not mkstemp's owner-only one), so the brief gets the
    # permissions the user's umask gives any file they write
    temporary = out_pdf.with_name(f".{out_pdf.name}.{uuid.uuid4().hex}.part")
    try:
        document = SimpleDocTemplate(
            str(temporary),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 8 * mm,
            bottomMargin=MARGIN + 4 * mm,
            title=f"{labels['doc_title']} {content.case.number}",
            author=content.generated_by,
            subject=content.case.title,
            creator=f"Case Workstation {content.software_version}",
            # else the canvas starts in Helvetica, a font without Chinese glyphs
            initialFontName=fonts.text,
        )
        document.build(
            story,
            canvasmaker=_numbered_canvas(layout.draw_page_frame, pages),
        )
        os.replace(temporary, out_pdf)
    except OSError as exc:
        raise WorkstationError(
            f"Cannot write the brief to {out_pdf} ({exc.strerror or exc}); "
            "choose a folder you can write to."
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
    log.info("wrote %d-page brief of %s to %s", pages[0], content.case.number, out_pdf)
    return pages[0]


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


class _BriefLayout:
    """Turns brief content into reportlab flowables, section by section."""

    def __init__(self, content: BriefContent, labels: dict, fonts: ReportFonts) -> None:
        self.content = content
        self.labels = labels
        self.fonts = fonts
        self._printed: list[str] = []
        base = ParagraphStyle(
            "brief",
            fontName=fonts.text,
            fontSize=9.5,
            leading=14,
            textColor=_INK,
            wordWrap="CJK",
        )
        self.body = base
        self.title = ParagraphStyle(
            "title", parent=base, fontSize=22, leading=30, spaceAfter=4
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=14, leading=20, spaceAfter=10
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=base,
            fontSize=14,
            leading=20,
            spaceBefore=12,
            spaceAfter=6,
            textColor=colors.HexColor("#12355b"),
        )
        self.subheading = ParagraphStyle(
            "subheading",
            parent=base,
            fontSize=11,
            leading=16,
            spaceBefore=8,
            spaceAfter=3,
        )
        self.small = ParagraphStyle(
            "small", parent=base, fontSize=8, leading=11, textColor=MUTED
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5)
        self.cell_right = ParagraphStyle(
            "cell_right", parent=self.cell, alignment=TA_RIGHT
        )
        self.cell_centre = ParagraphStyle(
            "cell_centre", parent=self.cell, alignment=TA_CENTER
        )
        self.above = ParagraphStyle("above", parent=self.cell_centre, textColor=_ABOVE)
        self.head_cell = ParagraphStyle("head_cell", parent=self.cell, textColor=_INK)
        self.mono = ParagraphStyle(
            "mono", parent=base, fontName=fonts.mono, fontSize=6.5, leading=8.5
        )
        self.note = ParagraphStyle(
            "note",
            parent=base,
            fontSize=9,
            leading=13,
            backColor=NOTE_FILL,
            borderPadding=(4, 6, 4, 6),
            spaceBefore=4,
            spaceAfter=8,
        )

    # -- helpers ----------------------------------------------------------------

    def para(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of data: escaped, so stored text is printed as it is."""
        text = "" if text is None else str(text)
        self._printed.append(text)
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.body)

    def value(self, raw: str) -> str:
        """A stored code (kind, status, decision, type) in the brief's language."""
        return self.labels["values"].get(raw, raw)

    def printed_text(self) -> str:
        """All text the brief prints, for the glyph check."""
        return "".join(self._printed)

    def table(
        self,
        rows: list[list],
        widths: list[float],
        *,
        header: bool = True,
        extra: Iterable[tuple] = (),
    ) -> Table:
        # split_in_row: a row taller than a page (many attributes) breaks, not fails
        return grid_table(
            rows,
            widths,
            font=self.fonts.text,
            header=header,
            split_in_row=True,
            extra=extra,
        )

    def header_row(self, names: Iterable[str]) -> list[Paragraph]:
        return [self.para(name, self.head_cell) for name in names]

    def image(self, png: bytes | None, max_width: float, max_height: float) -> Flowable:
        """A PNG scaled to fit the box, or a 'no image' note when there is none."""
        picture = scaled_image(png, max_width, max_height)
        return picture or self.para(self.labels["no_crop"], self.small)

    def section(self, key: str, room: float = 40 * mm) -> list[Flowable]:
        """A section heading, on a new page when less than ``room`` is left."""
        return [CondPageBreak(room), self.para(self.labels[key], self.heading)]

    # -- the page frame -----------------------------------------------------------

    def draw_page_frame(self, canvas: pdf_canvas.Canvas, page: int, pages: int) -> None:
        """Running header with the case number and title; page number footer."""
        case = self.content.case
        width, height = PAGE_SIZE
        top = height - MARGIN + 2 * mm
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(self.fonts.text, 8.5)
        title = case.title if len(case.title) <= 40 else case.title[:39] + "…"
        canvas.drawString(
            MARGIN, top, f"{self.labels['header'].format(number=case.number)} · {title}"
        )
        canvas.drawRightString(width - MARGIN, top, self.labels["doc_title"])
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
        bottom = MARGIN - 2 * mm
        canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        canvas.drawString(
            MARGIN, bottom, f"Case Workstation {self.content.software_version}"
        )
        canvas.drawCentredString(
            width / 2, bottom, self.labels["page"].format(page=page, pages=pages)
        )
        canvas.drawRightString(width - MARGIN, bottom, _when(self.content.generated_at))
        canvas.restoreState()

    # -- sections ---------------------------------------------------------------

    def story(self) -> list[Flowable]:
        return [
            *self.summary(),
            *self.suspects(),
            *self.searches(),
            *self.chart(),
            *self.key_players(),
            *self.evidence(),
            *self.processing(),
        ]

    def summary(self) -> list[Flowable]:
        content, case, labels = self.content, self.content.case, self.labels
        facts = [
            ("number", case.number),
            ("title", case.title),
            ("kind", self.value(case.kind)),
            ("status", self.value(case.status)),
            ("lead_officer", case.lead_officer),
            ("created", _when(case.created_at)),
            ("generated_at", _when(content.generated_at)),
            ("generated_by", content.generated_by),
            ("software", f"Case Workstation {content.software_version}"),
        ]
        rows = [
            [self.para(labels[k], self.cell), self.para(v, self.cell)] for k, v in facts
        ]
        flow: list[Flowable] = [
            self.para(labels["doc_title"], self.title),
            self.para(case.title, self.subtitle),
            self.para(labels["summary"], self.heading),
            self.table(
                rows,
                [35 * mm, FRAME_WIDTH - 35 * mm],
                header=False,
                extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_FILL)],
            ),
            self.para(labels["data_source"], self.subheading),
            self.para(case.description.strip() or labels["no_description"]),
            Spacer(1, 3 * mm),
            self.para(labels["imports"], self.subheading),
        ]
        if content.imports:
            rows = [self.header_row(labels["import_columns"])]
            for item in content.imports:
                rows.append(
                    [
                        self.para(item.file_name, self.cell),
                        self.para(f"{item.rows_loaded:,}", self.cell_right),
                        self.para(f"{item.rows_rejected:,}", self.cell_right),
                        self.para(item.imported_by, self.cell),
                        self.para(_when(item.imported_at), self.cell),
                    ]
                )
            widths = [62 * mm, 22 * mm, 22 * mm, 30 * mm]
            flow.append(self.table(rows, [*widths, FRAME_WIDTH - sum(widths)]))
        else:
            flow.append(self.para(labels["no_imports"], self.small))
        flow += [
            Spacer(1, 4 * mm),
            self.para(
                labels["contents"].format(
                    suspects=len(content.suspects),
                    searches=len(content.searches),
                    nodes=content.graph.nodes if content.graph else 0,
                    evidence=len(content.evidence),
                )
            ),
        ]
        return flow

    def suspects(self) -> list[Flowable]:
        labels = self.labels
        flow = self.section("suspects")
        if not self.content.faces_scanned:
            flow.append(self.para(labels["no_faces_scanned"], self.small))
        if not self.content.suspects:
            flow.append(self.para(labels["no_suspects"]))
            return flow
        rows = []
        for suspect in self.content.suspects:
            details = [self.para(suspect.label, self.subheading)]
            if suspect.key and suspect.key != suspect.label:
                details.append(self.para(f"{labels['key']}: {suspect.key}", self.cell))
            details += [
                self.para(f"{name}: {_text(value)}", self.cell)
                for name, value in _items(suspect.attributes)
            ]
            crop = (
                self.image(suspect.crop_png, 30 * mm, 36 * mm)
                if suspect.crop_png
                else self.para(labels["no_reference_face"], self.small)
            )
            rows.append([crop, details])
        flow.append(
            self.table(
                rows,
                [34 * mm, FRAME_WIDTH - 34 * mm],
                header=False,
                extra=[("ALIGN", (0, 0), (0, -1), "CENTER")],
            )
        )
        return flow

    def searches(self) -> list[Flowable]:
        labels = self.labels
        # heading, standing note and the first search start on the same page
        flow = self.section("searches", 80 * mm if self.content.searches else 40 * mm)
        flow.append(self.para(labels["lead_note"], self.note))
        if not self.content.searches:
            flow.append(self.para(labels["no_searches"]))
            return flow
        for index, search in enumerate(self.content.searches, start=1):
            flow += self.search(index, search)
        return flow

    def search(self, index: int, search: SearchEntry) -> list[Flowable]:
        labels = self.labels
        heading = [
            self.para(
                labels["search_heading"].format(index=index, probe=search.probe_name),
                self.subheading,
            ),
            self.para(
                labels["search_meta"].format(
                    threshold=search.threshold,
                    model=search.model_pack or "-",
                    by=search.searched_by or "-",
                    at=_when(search.searched_at),
                ),
                self.small,
            ),
            Spacer(1, 2 * mm),
        ]
        if search.probe_crop_png is None:
            heading.insert(2, self.para(labels["no_probe_crop"], self.small))
        if not search.candidates:
            return [KeepTogether([*heading, self.para(labels["no_candidates"])])]

        # the probe is repeated on every row, beside each candidate, for comparison
        with_probe = search.probe_crop_png is not None
        names = list(labels["candidate_columns"])
        widths = [11 * mm, 24 * mm, 24 * mm, 16 * mm, 18 * mm, 20 * mm]
        if not with_probe:
            del names[1], widths[1]
        widths.append(FRAME_WIDTH - sum(widths))
        rows = [self.header_row(names)]
        marks = []
        for row, entry in enumerate(search.candidates, start=1):
            candidate = entry.candidate
            above = candidate.above_threshold
            if above:
                marks.append(("BACKGROUND", (0, row), (-1, row), _ABOVE_FILL))
            source = [candidate.evidence_name, f"face #{candidate.face_id}"]
            if candidate.person_label:
                source.insert(0, candidate.person_label)
            decision = self.value(entry.decision)
            if entry.decided_by:
                decision += f"\n{entry.decided_by}"
            cells = [
                self.para(str(candidate.rank), self.cell_centre),
                self.image(search.probe_crop_png, 20 * mm, 24 * mm),
                self.image(entry.crop_png, 20 * mm, 24 * mm),
                self.para(f"{candidate.score:.3f}", self.cell_right),
                self.para(
                    labels["above"] if above else labels["below"],
                    self.above if above else self.cell_centre,
                ),
                self.para(decision, self.cell_centre),
                self.para("\n".join(source), self.cell),
            ]
            if not with_probe:
                del cells[1]
            rows.append(cells)
        images = (1, 2) if with_probe else (1, 1)
        table = self.table(
            rows,
            widths,
            extra=[("ALIGN", (images[0], 1), (images[1], -1), "CENTER"), *marks],
        )
        return [CondPageBreak(50 * mm), *heading, table]

    def chart(self) -> list[Flowable]:
        labels, graph = self.labels, self.content.graph
        flow = self.section("chart")
        if graph is None or graph.nodes == 0 or not self.content.chart_png:
            flow.append(self.para(labels["no_links"]))
            return flow
        flow += [
            self.image(self.content.chart_png, FRAME_WIDTH, 150 * mm),
            Spacer(1, 2 * mm),
            self.para(
                labels["graph_facts"].format(
                    nodes=graph.nodes,
                    edges=graph.edges,
                    links=graph.links,
                    components=graph.components,
                    largest=graph.largest_component,
                    types=labels["list_separator"].join(
                        self.value(t) for t in graph.link_types
                    )
                    or labels["all_types"],
                ),
                self.small,
            ),
        ]
        return [KeepTogether(flow)]

    def key_players(self) -> list[Flowable]:
        labels, graph = self.labels, self.content.graph
        flow = self.section("key_players")
        if not self.content.key_players:
            flow.append(self.para(labels["no_players"]))
            return flow
        rows = [self.header_row(labels["player_columns"])]
        for rank, player in enumerate(self.content.key_players, start=1):
            rows.append(
                [
                    self.para(str(rank), self.cell_centre),
                    self.para(player.label, self.cell),
                    self.para(self.value(player.type), self.cell),
                    self.para(str(player.degree), self.cell_right),
                    self.para(f"{player.weighted_degree:g}", self.cell_right),
                    self.para(f"{player.betweenness:.3f}", self.cell_right),
                ]
            )
        widths = [12 * mm, 0, 22 * mm, 22 * mm, 30 * mm, 30 * mm]
        widths[1] = FRAME_WIDTH - sum(widths)
        flow.append(self.table(rows, widths))
        if graph is not None and graph.sample_size is not None:
            note = labels["sampled_note"].format(k=graph.sample_size, seed=graph.seed)
        else:
            note = labels["exact_note"]
        flow += [Spacer(1, 2 * mm), self.para(note, self.small)]
        return flow

    def evidence(self) -> list[Flowable]:
        labels = self.labels
        flow = self.section("evidence")
        if not self.content.evidence:
            flow.append(self.para(labels["no_evidence"]))
            return flow
        rows = [self.header_row(labels["evidence_columns"])]
        for number, item in enumerate(self.content.evidence, start=1):
            self._printed.append(item.sha256)
            # two lines of 32 hex digits: easy to read aloud and compare
            digest = f"{item.sha256[:32]}<br/>{item.sha256[32:]}"
            rows.append(
                [
                    self.para(str(number), self.cell_centre),
                    self.para(item.original_name, self.cell),
                    self.para(
                        f"{item.media_type}\n{_size(item.size_bytes)}", self.cell
                    ),
                    self.para(f"{item.added_by}\n{_when(item.added_at)}", self.cell),
                    Paragraph(digest, self.mono),
                ]
            )
        widths = [10 * mm, 0, 30 * mm, 30 * mm, 49 * mm]
        widths[1] = FRAME_WIDTH - sum(widths)
        flow.append(self.table(rows, widths))
        return flow

    def processing(self) -> list[Flowable]:
        """The image enhancement processing report, when the case has any."""
        section = ProcessingSection(
            self.content.processing, self.fonts, self.labels["lang"], FRAME_WIDTH
        )
        flow = section.flowables()
        self._printed.append(section.printed_text())
        return flow


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    text = moment.strftime("%Y-%m-%d %H:%M")
    if moment.tzinfo is not None:
        offset = moment.strftime("%z")
        text += f" UTC{offset[:3]}:{offset[3:]}"
    return text


def _size(size_bytes: int) -> str:
    value = float(size_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size_bytes} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size_bytes} B"


def _items(attributes: Mapping[str, object]) -> list[tuple[str, object]]:
    return [(str(k), v) for k, v in attributes.items() if v not in (None, "")]


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)
