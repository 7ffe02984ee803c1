"""The cover page and the case summary with where the case's data came from."""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import when
from workstation.reports.report_content import SECTIONS, ReportContent, full_count

log = logging.getLogger(__name__)


def doc_title(content: ReportContent, labels: dict) -> str:
    """ "Case brief" or "Full case report", in the report's language."""
    return labels[f"doc_title_{content.kind}"]


def cover(page: Composer, content: ReportContent, digest: str) -> list[Flowable]:
    """Marking, title, case, author, data state and software; then a new page."""
    labels, styles, case = page.labels, page.styles, content.case
    if content.as_of is None:
        as_of = labels["no_as_of"]
    else:
        as_of = labels["as_of_entry"].format(
            at=when(content.as_of, seconds=True), seq=content.as_of_seq
        )
        if content.as_of_reference:
            as_of += "\n" + labels["as_of_check"].format(
                reference=content.as_of_reference
            )
    facts = [
        (labels["number"], case.number),
        (labels["title"], case.title),
        (labels["classification"], content.classification),
        (labels["author"], content.author),
        (labels["as_of"], as_of),
        (labels["software"], f"Case Workstation {content.software_version}"),
        (labels["state"], page.digest(digest)),
    ]
    return [
        Spacer(1, 18 * mm),
        page.para(content.classification, styles.marking),
        page.para(doc_title(content, labels), styles.title),
        page.para(f"{case.number}  {case.title}", styles.subtitle),
        Spacer(1, 6 * mm),
        page.facts(facts, 32 * mm),
        Spacer(1, 2 * mm),
        page.para(labels["state_note"], styles.small),
        Spacer(1, 8 * mm),
        page.para(
            labels[f"cover_{content.kind}"].format(number=case.number), styles.note
        ),
        PageBreak(),
    ]


def summary(page: Composer, content: ReportContent) -> list[Flowable]:
    """The case's facts, its description and the files imported into it."""
    labels, styles, case = page.labels, page.styles, content.case
    facts = [
        (labels["number"], case.number),
        (labels["title"], case.title),
        (labels["kind"], page.value(case.kind)),
        (labels["status"], page.value(case.status)),
        (labels["lead_officer"], case.lead_officer),
        (labels["created"], when(case.created_at)),
    ]
    flow: list[Flowable] = [
        page.para(labels["summary"], styles.heading),
        page.facts(facts, 35 * mm),
        page.para(labels["data_source"], styles.subheading),
        page.para(case.description.strip() or labels["no_description"]),
        Spacer(1, 3 * mm),
        page.para(labels["imports"], styles.subheading),
        *imports(page, content),
        Spacer(1, 4 * mm),
    ]
    left_out = [
        str(number)
        for number, section in enumerate(SECTIONS, start=2)
        if section not in content.sections
    ]
    if left_out:
        # the counts of the sections left out are not in the content
        flow.append(page.para(labels["left_out"].format(numbers=", ".join(left_out))))
        return flow
    graph = content.graph
    flow.append(
        page.para(
            labels["contents"].format(
                suspects=len(content.suspects),
                searches=full_count(content.searches, content.searches_total),
                nodes=graph.nodes if graph else 0,
                evidence=full_count(content.evidence, content.evidence_total),
                audit=full_count(content.audit or (), content.audit_total),
            )
        )
    )
    return flow


def imports(page: Composer, content: ReportContent) -> list[Flowable]:
    """The imported files; in the full report also their mapping and rejects."""
    labels, styles = page.labels, page.styles
    if not content.imports:
        return [page.para(labels["no_imports"], styles.small)]
    rows = [page.header_row(labels["import_columns"])]
    for item in content.imports:
        rows.append(
            [
                page.para(item.file_name, styles.cell),
                page.para(f"{item.rows_loaded:,}", styles.cell_right),
                page.para(f"{item.rows_rejected:,}", styles.cell_right),
                page.para(item.imported_by, styles.cell),
                page.para(when(item.imported_at), styles.cell),
            ]
        )
    widths = [62 * mm, 22 * mm, 22 * mm, 30 * mm]
    flow: list[Flowable] = [page.table(rows, [*widths, page.width - sum(widths)])]
    if content.kind == "full":
        flow += _import_details(page, content)
    return flow


def _import_details(page: Composer, content: ReportContent) -> list[Flowable]:
    labels, styles = page.labels, page.styles
    rows = [page.header_row(labels["import_detail_columns"])]
    for item in content.imports:
        read = "-" if item.rows_read is None else f"{item.rows_read:,}"
        rows.append(
            [
                page.para(item.file_name, styles.cell),
                page.para(item.spec_name, styles.cell),
                page.para(item.encoding, styles.cell),
                page.para(read, styles.cell_right),
                page.digest(item.file_sha256) if item.file_sha256 else page.para("-"),
            ]
        )
    widths = [0, 32 * mm, 20 * mm, 20 * mm, 49 * mm]
    widths[0] = page.width - sum(widths)
    flow: list[Flowable] = [
        page.para(labels["import_details"], styles.subheading),
        page.table(rows, widths),
        page.para(labels["rejects"], styles.subheading),
    ]
    rejects = [
        [
            page.para(item.file_name, styles.cell),
            page.para(reason, styles.cell),
            page.para(f"{count:,}", styles.cell_right),
        ]
        for item in content.imports
        for reason, count in item.reject_reasons
    ]
    if not rejects:
        flow.append(page.para(labels["no_rejects"], styles.small))
        return flow
    widths = [55 * mm, 0, 20 * mm]
    widths[1] = page.width - sum(widths)
    flow.append(
        page.table([page.header_row(labels["reject_columns"]), *rejects], widths)
    )
    return flow
