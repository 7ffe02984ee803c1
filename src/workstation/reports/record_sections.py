"""The evidence list (who added what when, with SHA-256) and the audit extract."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import file_size, when
from workstation.reports.report_content import ReportContent, full_count

log = logging.getLogger(__name__)

#: Characters of an audit entry's details a brief prints.
BRIEF_DETAILS = 120


def evidence(page: Composer, content: ReportContent) -> list[Flowable]:
    """Section 6: every item listed (the brief: those it refers to, and the first)."""
    labels, styles = page.labels, page.styles
    flow = page.section(labels["evidence"])
    if not content.evidence:
        flow.append(page.para(labels["no_evidence"]))
        return flow
    flow += page.cut_note("evidence_more", content.evidence, content.evidence_total)
    rows = [page.header_row(labels["evidence_columns"])]
    for entry in content.evidence:
        item = entry.evidence
        name = [page.para(item.original_name, styles.cell)]
        if entry.derived_from is not None:
            derived = labels["derived_from"].format(source=entry.derived_from)
            name.append(page.para(derived, styles.small))
        if content.kind == "full":
            name.append(page.para(item.original_path, styles.small))
        rows.append(
            [
                page.para(f"#{item.id}", styles.cell_centre),
                name,
                page.para(
                    f"{item.media_type}\n{file_size(item.size_bytes)}", styles.cell
                ),
                page.para(f"{item.added_by}\n{when(item.added_at)}", styles.cell),
                page.digest(item.sha256),
            ]
        )
    widths = [12 * mm, 0, 30 * mm, 30 * mm, 49 * mm]
    widths[1] = page.width - sum(widths)
    flow.append(page.table(rows, widths))
    return flow


def audit(page: Composer, content: ReportContent) -> list[Flowable]:
    """Section 8: the case's audit entries (the brief: the latest), oldest first."""
    labels, styles = page.labels, page.styles
    flow = page.section(labels["audit"])
    if content.audit is None:
        flow.append(page.para(labels["audit_withheld"]))
        return flow
    if not content.audit:
        flow.append(page.para(labels["no_audit"]))
        return flow
    total = full_count(content.audit, content.audit_total)
    if total > len(content.audit):
        intro = labels["audit_latest"].format(shown=len(content.audit), total=total)
    else:
        intro = labels["audit_all"].format(total=total)
    flow += [
        page.para(intro, styles.small),
        page.para(labels["audit_chain"], styles.small),
    ]
    limit = BRIEF_DETAILS if content.kind == "brief" else None
    rows = [page.header_row(labels["audit_columns"])]
    for line in content.audit:
        rows.append(
            [
                page.para(str(line.seq), styles.cell_right),
                page.para(when(line.logged_at, seconds=True), styles.cell),
                page.para(line.user, styles.cell),
                page.para(line.action, styles.cell),
                page.para(line.object, styles.cell),
                page.para(details_text(line.details, limit), styles.small),
            ]
        )
    widths = [10 * mm, 34 * mm, 24 * mm, 26 * mm, 16 * mm, 0]
    widths[-1] = page.width - sum(widths)
    flow.append(page.table(rows, widths))
    return flow


def details_text(details: Mapping[str, object], limit: int | None = None) -> str:
    """An audit entry's details as ``key: value`` pairs, cut to ``limit`` characters.

    Example:
        >>> details_text({"file": "a.pdf", "pages": 3, "types": ["call"]})
        'file: a.pdf; pages: 3; types: ["call"]'
        >>> details_text({"sha256": "ab" * 32}, 20)
        'sha256: abababababa…'
    """
    text = "; ".join(
        f"{key}: {value if isinstance(value, str) else _json(value)}"
        for key, value in details.items()
    )
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
