"""The monthly case-quality summary as a PDF, in Chinese or English.

One document from a :class:`~workstation.domain.quality.QualitySummary`: the
month's key figures, three charts (30-day closure rate by month, problem
points by category, station scores), the station and officer rankings, the
problem points found and the records left out of the figures, then how cases
are scored. Set in the embedded CJK font; nothing here reads the store.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from workstation.domain.quality import Finding, QualitySummary, rate_text
from workstation.reports.composer import Composer
from workstation.reports.fonts import missing_glyphs, register_report_fonts
from workstation.reports.pdf_parts import MUTED, RULE, when
from workstation.reports.quality_charts import closure_trend_chart, horizontal_bars
from workstation.reports.quality_labels import quality_labels

log = logging.getLogger(__name__)

MARGIN = 16 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN


@dataclass(frozen=True)
class QualityPdf:
    """The PDF's bytes and its number of pages."""

    data: bytes
    pages: int


class _Summary:
    """Lays out the summary's sections."""

    def __init__(self, summary: QualitySummary, page: Composer, title: str) -> None:
        self.summary = summary
        self.page = page
        self.labels = page.labels
        self.styles = page.styles
        self.case_title = title
        self.zh = self.labels["lang"] == "zh"

    def cell(self, text: object, right: bool = False) -> Flowable:
        style = self.styles.cell_right if right else self.styles.cell
        return self.page.para(text, style)

    def table(self, columns, rows, widths) -> Table:
        body = [self.page.header_row(columns), *rows]
        scale = FRAME_WIDTH / sum(widths)
        return self.page.table(body, [w * scale for w in widths], valign="TOP")

    def label(self, item) -> str:
        return item.label if self.zh else item.label_en

    def story(self) -> list[Flowable]:
        summary, labels, page = self.summary, self.labels, self.page
        settings = summary.checklist.settings
        facts = [
            (labels["case"], f"{summary.case_number}  {self.case_title}"),
            (labels["month"], summary.month),
            (labels["as_of"], summary.as_of.isoformat()),
            (
                labels["settings"],
                labels["settings_text"].format(
                    lead=settings.lead_weight,
                    assist=settings.assist_weight,
                    late=settings.late_registration_days,
                    late_points=settings.late_registration_points,
                    closure=settings.closure_days,
                    overdue_points=settings.overdue_closure_points,
                    base=settings.base_score,
                ),
            ),
            (labels["checklist"], summary.checklist.source.rsplit("/", 1)[-1]),
        ]
        flow: list[Flowable] = [
            page.para(labels["title"], self.styles.subtitle),
            page.facts(facts, 32 * mm),
            *page.section(labels["figures"], 30 * mm),
            self.figures(),
            *page.section(labels["charts"], 80 * mm),
            *self.charts(),
            *page.section(labels["stations"]),
            *self.stations(),
            *page.section(labels["officers"]),
            *self.officers(),
            *page.section(labels["findings"]),
            *self.findings(),
            *page.section(labels["problems"]),
            *self.problems(),
            Spacer(1, 4 * mm),
            page.para(labels["method"], self.styles.small),
        ]
        return flow

    def figures(self) -> Table:
        totals, labels = self.summary.totals, self.labels
        days = self.summary.checklist.settings.closure_days
        rate = (
            labels["no_rate"]
            if totals.closure_rate is None
            else labels["rate_value"].format(
                rate=rate_text(totals.closure_rate),
                in_time=totals.closed_in_time,
                overdue=totals.overdue,
                pending=totals.pending,
            )
        )
        hours = totals.mean_registration_hours
        values = [
            labels["cases_value"].format(
                cases=totals.cases,
                administrative=totals.administrative,
                criminal=totals.criminal,
            ),
            str(totals.late_registrations),
            "-" if hours is None else labels["hours"].format(hours=hours),
            rate,
            f"{self.summary.problem_points:g}",
        ]
        columns = [c.format(days=days) for c in labels["figure_columns"]]
        return self.table(columns, [[self.cell(v) for v in values]], [3, 2, 3, 5, 2])

    def charts(self) -> list[Flowable]:
        summary, labels, font = self.summary, self.labels, self.page.fonts.text
        days = summary.checklist.settings.closure_days
        half = FRAME_WIDTH / 2 - 3 * mm
        trend = closure_trend_chart(
            [t.month for t in summary.trend],
            [t.timeliness.closure_rate for t in summary.trend],
            width=half,
            height=150,
            title=labels["trend_chart"].format(days=days),
            empty=labels["no_chart"],
            font=font,
        )
        kinds = labels["kinds"]
        categories = horizontal_bars(
            [f"{kinds[c.kind]}·{self.label(c)}" for c in summary.categories],
            [c.points for c in summary.categories],
            width=half,
            title=labels["category_chart"],
            empty=labels["no_chart"],
            font=font,
            number_format="%g",
        )
        scores = [s.score for s in summary.stations]
        floor = max(0.0, (min(scores) if scores else 0.0) - 5)
        stations = horizontal_bars(
            [f"{s.rank}. {s.station}" for s in summary.stations],
            scores,
            width=FRAME_WIDTH,
            title=labels["station_chart"],
            empty=labels["no_chart"],
            font=font,
            floor=float(int(floor)),
            highlight_last=True,
            number_format="%.2f",
        )
        pair = Table([[trend, categories]], colWidths=[FRAME_WIDTH / 2] * 2)
        pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
        return [pair, Spacer(1, 4 * mm), stations]

    def stations(self) -> list[Flowable]:
        if not self.summary.stations:
            return [self.page.para(self.labels["no_cases"])]
        rows = [
            [
                self.cell(s.rank, right=True),
                self.cell(s.station),
                self.cell(s.timeliness.cases, right=True),
                self.cell(s.timeliness.late_registrations, right=True),
                self.cell(rate_text(s.timeliness.closure_rate), right=True),
                self.cell(f"{s.problem_points:g}", right=True),
                self.cell(f"{s.score:.2f}", right=True),
            ]
            for s in self.summary.stations
        ]
        widths = [1.2, 5, 1.6, 2, 2, 2, 1.8]
        return [self.table(self.labels["station_columns"], rows, widths)]

    def officers(self) -> list[Flowable]:
        if not self.summary.officers:
            return [self.page.para(self.labels["no_cases"])]
        rows = [
            [
                self.cell(o.rank, right=True),
                self.cell(f"{o.name}（{o.key}）" if self.zh else f"{o.name} ({o.key})"),
                self.cell("、".join(o.stations) if self.zh else ", ".join(o.stations)),
                self.cell(o.lead_cases, right=True),
                self.cell(o.assist_cases, right=True),
                self.cell(f"{o.weighted_cases:g}", right=True),
                self.cell(o.late_registrations, right=True),
                self.cell(rate_text(o.closure_rate), right=True),
                self.cell(f"{o.problem_points:.2f}", right=True),
                self.cell(f"{o.score:.2f}", right=True),
            ]
            for o in self.summary.officers
        ]
        widths = [1.1, 3.4, 3.4, 1.1, 1.1, 1.5, 1.6, 1.7, 1.7, 1.5]
        return [self.table(self.labels["officer_columns"], rows, widths)]

    def _names(self, finding: Finding) -> tuple[str, str]:
        checklist = self.summary.checklist
        kinds = {k.kind for k in checklist.kinds}
        category = (
            checklist.kind(finding.case_kind).category(finding.category)
            if finding.case_kind in kinds
            else None
        )
        point = category.point(finding.point) if category else None
        return (
            self.label(category) if category else finding.category,
            self.label(point) if point else finding.point,
        )

    def findings(self) -> list[Flowable]:
        if not self.summary.findings:
            return [self.page.para(self.labels["no_findings"])]
        rows = []
        for finding in self.summary.findings:
            category, point = self._names(finding)
            rows.append(
                [
                    self.cell(finding.record_no),
                    self.cell(category),
                    self.cell(point),
                    self.cell(f"{finding.points:g}", right=True),
                    self.cell(finding.note),
                    self.cell(f"{finding.recorded_by}\n{when(finding.recorded_at)}"),
                ]
            )
        widths = [2.6, 2.2, 3.4, 1.2, 4.2, 2.4]
        return [self.table(self.labels["finding_columns"], rows, widths)]

    def problems(self) -> list[Flowable]:
        if not self.summary.problems:
            return [self.page.para(self.labels["no_problems"])]
        return [
            self.page.para(f"• {p.describe()}", self.styles.cell)
            for p in self.summary.problems
        ]


def quality_summary_pdf(
    summary: QualitySummary,
    *,
    font_path: str,
    lang: str = "zh",
    case_title: str = "",
    author: str = "",
    software_version: str = "",
) -> QualityPdf:
    """Lay out the monthly summary; the bytes are the same for the same figures.

    Raises:
        WorkstationError: The language is unknown or the font cannot be loaded.
    """
    labels = quality_labels(lang)
    fonts = register_report_fonts(font_path)
    page = Composer(fonts, {**labels, "values": {}}, FRAME_WIDTH)
    story = _Summary(summary, page, case_title).story()
    missing = missing_glyphs(page.printed_text(), fonts.text)
    if missing:
        log.warning("report font lacks glyphs for %r; they print as boxes", missing)
    header = labels["header"].format(number=summary.case_number)

    def frame(canvas, document) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(fonts.text, 8.5)
        canvas.setFillColor(MUTED)
        top = height - MARGIN + 4 * mm
        canvas.drawString(MARGIN, top, f"{header} · {summary.month}")
        canvas.drawRightString(width - MARGIN, top, labels["title"])
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
        canvas.drawString(
            MARGIN, MARGIN - 8 * mm, f"Case Workstation {software_version}"
        )
        canvas.drawRightString(
            width - MARGIN,
            MARGIN - 8 * mm,
            labels["page"].format(page=document.page),
        )
        canvas.restoreState()

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=f"{labels['title']} {summary.case_number} {summary.month}",
        author=author,
        creator=f"Case Workstation {software_version}",
        invariant=1,
        initialFontName=fonts.text,
    )
    document.build(story, onFirstPage=frame, onLaterPages=frame)
    log.info(
        "laid out the %s quality summary of %s", summary.month, summary.case_number
    )
    return QualityPdf(out.getvalue(), document.page)
