"""Section 9: the work of the case submitted for a supervisor's review."""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import when
from workstation.reports.report_content import ReportContent, ReviewLine

log = logging.getLogger(__name__)


def reviews(page: Composer, content: ReportContent) -> list[Flowable]:
    """Every review of the case: what was submitted, its state and its history."""
    labels, styles = page.labels, page.styles
    flow = page.section(labels["reviews"])
    if not content.reviews:
        flow.append(page.para(labels["no_reviews"]))
        return flow
    rows = [page.header_row(labels["review_columns"])]
    for review in content.reviews:
        decided = (
            f"{review.decided_by}\n{when(review.decided_at)}"
            if review.decided_by
            else "-"
        )
        rows.append(
            [
                page.para(f"#{review.id}", styles.cell_centre),
                page.para(_subject(page, review), styles.cell),
                page.para(page.value(review.state), styles.cell_centre),
                page.para(
                    f"{review.submitted_by}\n{when(review.submitted_at)}", styles.cell
                ),
                page.para(decided, styles.cell),
                page.para(_history(page, review), styles.small),
            ]
        )
    widths = [12 * mm, 40 * mm, 16 * mm, 28 * mm, 28 * mm, 0]
    widths[-1] = page.width - sum(widths)
    flow.append(page.table(rows, widths))
    return flow


def _subject(page: Composer, review: ReviewLine) -> str:
    text = f"{page.value(review.kind)}: {review.object_ref}"
    return f"{text}\n{review.note}" if review.note else text


def _history(page: Composer, review: ReviewLine) -> str:
    lines = []
    for step in review.history:
        line = f"{when(step.acted_at)} {page.value(step.action)} · {step.user}"
        if step.role:
            line += f" ({step.role})"
        if step.comment:
            line += f": {step.comment}"
        lines.append(line)
    return "\n".join(lines)
