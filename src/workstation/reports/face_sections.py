"""The suspects with their reference faces, and the face searches' candidates."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from workstation.reports.candidate_table import candidate_table
from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import when
from workstation.reports.report_content import (
    ReportContent,
    SearchEntry,
    SuspectEntry,
)

log = logging.getLogger(__name__)

_CROP = (30 * mm, 36 * mm)
_MORE_CROP = 17 * mm


def suspects(page: Composer, content: ReportContent) -> list[Flowable]:
    """One row per suspect: the clearest face beside label, key and attributes."""
    labels, styles = page.labels, page.styles
    flow = page.section(labels["suspects"])
    if not content.faces_scanned:
        flow.append(page.para(labels["no_faces_scanned"], styles.small))
    if not content.suspects:
        flow.append(page.para(labels["no_suspects"]))
        return flow
    rows = [[_best_face(page, s), _details(page, s)] for s in content.suspects]
    flow.append(
        page.table(
            rows,
            [34 * mm, page.width - 34 * mm],
            header=False,
            split_in_row=True,
            extra=[("ALIGN", (0, 0), (0, -1), "CENTER")],
        )
    )
    return flow


def _best_face(page: Composer, suspect: SuspectEntry) -> Flowable:
    if not suspect.crops:
        return page.para(page.labels["no_reference_face"], page.styles.small)
    return page.image(suspect.crops[0], *_CROP)


def _details(page: Composer, suspect: SuspectEntry) -> list[Flowable]:
    styles = page.styles
    details: list[Flowable] = [page.para(suspect.label, styles.subheading)]
    if suspect.key and suspect.key != suspect.label:
        details.append(page.para(f"{page.labels['key']}: {suspect.key}", styles.cell))
    details += [
        page.para(f"{name}: {_text(value)}", styles.cell)
        for name, value in _items(suspect.attributes)
    ]
    if len(suspect.crops) > 1:
        # the next clearest faces, small, in one row
        more = [page.image(png, _MORE_CROP, _MORE_CROP) for png in suspect.crops[1:]]
        row = Table([more], colWidths=[_MORE_CROP + 2 * mm] * len(more), hAlign="LEFT")
        details += [Spacer(1, 2 * mm), row]
    return details


def searches(page: Composer, content: ReportContent) -> list[Flowable]:
    """The standing note on leads, then every search with its candidate table."""
    labels, styles = page.labels, page.styles
    # heading, standing note and the first search start on the same page
    flow = page.section(labels["searches"], 80 * mm if content.searches else 40 * mm)
    flow.append(page.para(labels["lead_note"], styles.note))
    if not content.searches:
        flow.append(page.para(labels["no_searches"]))
        return flow
    flow += page.cut_note("searches_more", content.searches, content.searches_total)
    flow.append(page.para(labels["fmr_note"], styles.small))
    for search in content.searches:
        flow += search_part(page, search)
    return flow


def search_part(page: Composer, search: SearchEntry) -> list[Flowable]:
    """One search: heading, threshold and model, and its candidates.

    The heading numbers the search by its id, as the CLI does, so that the
    number a reviewer reads off the page is the one ``faces decide`` takes.
    """
    labels, styles = page.labels, page.styles
    heading = [
        page.para(
            labels["search_heading"].format(
                search_id=search.search_id, probe=search.probe_name
            ),
            styles.subheading,
        ),
        page.para(
            labels["search_meta"].format(
                threshold=search.threshold,
                model=search.model_pack or "-",
                by=search.searched_by or "-",
                at=when(search.searched_at),
            ),
            styles.small,
        ),
        Spacer(1, 2 * mm),
    ]
    heading[2:2] = _probe_judgement(page, search)
    if search.probe_crop_png is None:
        heading.insert(2, page.para(labels["no_probe_crop"], styles.small))
    if not search.candidates:
        return [KeepTogether([*heading, page.para(labels["no_candidates"])])]
    flow: list[Flowable] = [CondPageBreak(50 * mm), *heading]
    flow += page.cut_note("candidates_more", search.candidates, search.candidates_total)
    flow.append(candidate_table(page, search))
    return flow


def _probe_judgement(page: Composer, search: SearchEntry) -> list[Flowable]:
    """The probe's quality band, the threshold it was judged by and its steps."""
    if search.probe_band is None:
        return []
    labels, styles = page.labels, page.styles
    values = {
        "quality": search.probe_quality or 0.0,
        "band": page.value(search.probe_band),
        "threshold": search.threshold,
        "set": search.set_threshold,
    }
    moved = search.set_threshold not in (None, search.threshold)
    key = "probe_band_moved" if moved else "probe_band"
    flow = [page.para(labels[key].format(**values), styles.small)]
    if search.probe_steps:
        steps = "; ".join(search.probe_steps)
        flow.append(page.para(labels["probe_steps"].format(steps=steps), styles.small))
    return flow


def _items(attributes: Mapping[str, object]) -> list[tuple[str, object]]:
    return [(str(k), v) for k, v in attributes.items() if v not in (None, "")]


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
