"""The table of a face search's candidates: probe and candidate side by side.

The table is made of :class:`CandidateColumn` entries; a new column is one more
entry in :data:`CANDIDATE_COLUMNS` (and its heading in the report labels'
``candidate_columns``), with a cell function that reads the candidate entry.

>>> [column.key for column in CANDIDATE_COLUMNS]
['rank', 'probe', 'candidate', 'score', 'fmr', 'threshold', 'decision', 'source']
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from workstation.domain.false_match import fmr_text
from workstation.reports.composer import Composer
from workstation.reports.pdf_parts import ALERT_FILL
from workstation.reports.report_content import CandidateEntry, SearchEntry

log = logging.getLogger(__name__)

#: Size of the probe and candidate crops in the table.
CROP_BOX = (20 * mm, 24 * mm)

CellMaker = Callable[[Composer, SearchEntry, CandidateEntry], Flowable]


@dataclass(frozen=True)
class CandidateColumn:
    """A column: ``key`` names its heading, ``width`` in points (0: the rest).

    ``centred`` columns hold pictures; ``needs_probe`` columns are left out of
    a search whose probe face is not stored.
    """

    key: str
    width: float
    cell: CellMaker
    centred: bool = False
    needs_probe: bool = False


def _rank(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    return page.para(str(entry.candidate.rank), page.styles.cell_centre)


def _probe(page: Composer, search: SearchEntry, _entry: CandidateEntry) -> Flowable:
    return page.image(search.probe_crop_png, *CROP_BOX)


def _candidate(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    return page.image(entry.crop_png, *CROP_BOX)


def _score(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    return page.para(f"{entry.candidate.score:.3f}", page.styles.cell_right)


def _fmr(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    return page.para(fmr_text(entry.fmr, entry.fmr_pairs), page.styles.cell_right)


def _threshold(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    if entry.candidate.above_threshold:
        return page.para(page.labels["above"], page.styles.alert_centre)
    return page.para(page.labels["below"], page.styles.cell_centre)


def _decision(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    decision = page.value(entry.decision)
    if entry.decided_by:
        decision += f"\n{entry.decided_by}"
    return page.para(decision, page.styles.cell_centre)


def _source(page: Composer, _search: SearchEntry, entry: CandidateEntry) -> Flowable:
    candidate = entry.candidate
    lines = [candidate.evidence_name, f"face #{candidate.face_id}"]
    if candidate.person_label:
        lines.insert(0, candidate.person_label)
    return page.para("\n".join(lines), page.styles.cell)


#: The columns, left to right.
CANDIDATE_COLUMNS: tuple[CandidateColumn, ...] = (
    CandidateColumn("rank", 11 * mm, _rank),
    CandidateColumn("probe", 24 * mm, _probe, centred=True, needs_probe=True),
    CandidateColumn("candidate", 24 * mm, _candidate, centred=True),
    CandidateColumn("score", 15 * mm, _score),
    CandidateColumn("fmr", 17 * mm, _fmr),
    CandidateColumn("threshold", 17 * mm, _threshold),
    CandidateColumn("decision", 20 * mm, _decision),
    CandidateColumn("source", 0, _source),
)


def candidate_table(
    page: Composer,
    search: SearchEntry,
    columns: tuple[CandidateColumn, ...] = CANDIDATE_COLUMNS,
) -> Table:
    """The candidates of ``search``, above-threshold rows shaded."""
    if search.probe_crop_png is None:
        columns = tuple(c for c in columns if not c.needs_probe)
    fixed = sum(c.width for c in columns)
    widths = [c.width or page.width - fixed for c in columns]
    headings = page.labels["candidate_columns"]
    rows = [page.header_row(headings[c.key] for c in columns)]
    style = []
    for row, entry in enumerate(search.candidates, start=1):
        rows.append([c.cell(page, search, entry) for c in columns])
        if entry.candidate.above_threshold:
            style.append(("BACKGROUND", (0, row), (-1, row), ALERT_FILL))
    style += [
        ("ALIGN", (index, 1), (index, -1), "CENTER")
        for index, column in enumerate(columns)
        if column.centred
    ]
    return page.table(rows, widths, extra=style)
