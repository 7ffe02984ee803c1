"""Gathering what a case report prints from the store, the graph and the vault.

A brief and a full report read the same rows; :data:`LIMITS` says how many of
each a kind of report prints. Sections left out of a report are not drawn, and
their rows are taken out of its content.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import workstation
from workstation.domain.errors import ModelPackError
from workstation.domain.records import Case
from workstation.graph import timeline as patterns
from workstation.graph.filters import GraphFilter
from workstation.graph.key_players import KeyPlayerRanking, rank_key_players
from workstation.graph.link_graph import summarize_graph
from workstation.graph.timeline_chart import render_timeline_chart
from workstation.reports.report_content import (
    AuditLine,
    CandidateEntry,
    EvidenceEntry,
    GraphFacts,
    ImportEntry,
    ReportContent,
    ReviewLine,
    ReviewStep,
    SearchEntry,
    SuspectEntry,
    TimelineEntry,
    chosen_sections,
    only_sections,
)
from workstation.reports.report_labels import report_labels
from workstation.resources import cjk_font_path
from workstation.services import browse
from workstation.services import graph as graph_service
from workstation.services.audit import entry_head, may_read_audit
from workstation.services.face_search import recorded_rate_pairs
from workstation.services.integrity import verify_items
from workstation.services.models import score_calibration
from workstation.services.report_crops import FaceCrops
from workstation.services.reviews import list_reviews, review_history
from workstation.services.workspace import Workspace
from workstation.store import derivation_rows, evidence_rows, report_rows
from workstation.vision.score_calibration import ScoreCalibration

log = logging.getLogger(__name__)

#: The steps :func:`gather_report` reports progress on, in order.
STEPS = (
    "suspects",
    "face searches",
    "link graph",
    "link chart",
    "timeline",
    "evidence",
    "enhancements",
    "audit",
)


@dataclass(frozen=True)
class ReportLimits:
    """How much of each section a kind of report prints; None: everything.

    ``latest_per_probe`` shows a probe searched again by its latest search only.
    """

    searches: int | None
    candidates: int | None
    latest_per_probe: bool
    suspect_faces: int
    key_players: int | None
    evidence: int | None
    audit: int | None


#: The brief stays a few pages; the full report prints everything there is
#: (the key-player table stops at 1,000 rows, the rest of a large graph being
#: of no help on paper).
LIMITS = {
    "brief": ReportLimits(
        searches=10,
        candidates=10,
        latest_per_probe=True,
        suspect_faces=1,
        key_players=15,
        evidence=25,
        audit=20,
    ),
    "full": ReportLimits(
        searches=None,
        candidates=None,
        latest_per_probe=False,
        suspect_faces=4,
        key_players=1000,
        evidence=None,
        audit=None,
    ),
}


def gather_report(
    ws: Workspace,
    case: Case,
    *,
    kind: str,
    lang: str,
    classification: str,
    step: Callable[[int, str], None],
    sections: Sequence[str] | None = None,
) -> ReportContent:
    """Read everything a report of ``case`` prints.

    Args:
        ws: The open workspace.
        case: The case.
        kind: "brief" or "full" (see :data:`LIMITS`).
        lang: "zh" or "en", for the charts' labels.
        classification: The marking printed on every page.
        step: Called as ``step(index, name)`` before each of :data:`STEPS`; it
            may raise to stop.
        sections: The report's sections
            (:data:`~workstation.reports.report_content.SECTIONS`); all when None.

    Returns:
        The report's content, holding the rows of ``sections`` only.

    Raises:
        IntegrityError: An evidence file in the vault no longer matches its hash.
        WorkstationError: An unknown section, or none.
    """
    sections = chosen_sections(sections)
    limits = LIMITS[kind]
    crops = FaceCrops(ws)

    step(0, STEPS[0])
    suspect_rows = report_rows.suspect_rows(ws.store, case.id)
    faces_scanned = report_rows.scanned_evidence_count(ws.store, case.id)

    step(1, STEPS[1])
    search_rows, searches_total = report_rows.case_searches(
        ws.store,
        case.id,
        latest_per_probe=limits.latest_per_probe,
        limit=limits.searches,
        candidates=limits.candidates,
    )
    if limits.latest_per_probe:
        # the brief's note counts every search, repeats included
        searches_total = report_rows.count_searches(ws.store, case.id)
    crops.prepare(
        [
            *(f for row in suspect_rows for f in row.face_ids[: limits.suspect_faces]),
            *(row.probe_face_id for row in search_rows),
            *(m.candidate.face_id for row in search_rows for m in row.matches),
        ]
    )
    suspects = _suspects(suspect_rows, crops, limits.suspect_faces)
    searches = _searches(ws, search_rows, crops)

    step(2, STEPS[2])
    # calls between phones are shown between the people using them
    roll_up = graph_service.has_phone_users(ws, case.number)
    graph = graph_service.case_graph(
        ws, case.number, graph_filter=GraphFilter(roll_up=roll_up)
    )
    ranking = rank_key_players(graph)
    facts = _graph_facts(graph, ranking)

    step(3, STEPS[3])
    chart_png = None
    if facts.nodes and "chart" in sections:
        # drawn at about the size it prints, so its labels stay legible
        chart_png = graph_service.render_case_chart(
            graph, case, lang=lang, ranking=ranking, size_inches=(8.0, 6.6), dpi=220
        )

    step(4, STEPS[4])
    timeline = _timeline(ws, case, lang) if "chart" in sections else None

    step(5, STEPS[5])
    evidence = evidence_rows.list_evidence(ws.store, case.id)
    verify_items(ws, evidence)  # a changed vault file stops the export
    imports = tuple(
        _import_entry(row) for row in report_rows.import_rows(ws.store, case.id)
    )

    step(6, STEPS[6])
    processing = _processing(ws, case)
    cited = {e.candidate.evidence_id for s in searches for e in s.candidates}
    cited |= {entry.evidence_id for entry in processing}
    listed = _evidence_entries(ws, case, evidence, cited, limits.evidence)

    step(7, STEPS[7])
    audit_rows, audit_total = report_rows.case_audit(
        ws.store, case.number, latest=limits.audit
    )
    latest = audit_rows[-1] if audit_rows else None
    readable = may_read_audit(ws)
    head = entry_head(ws, latest.seq) if latest else None

    content = ReportContent(
        case=case,
        kind=kind,
        classification=classification,
        author=ws.user,
        software_version=workstation.__version__,
        as_of=latest.logged_at if latest else None,
        as_of_seq=latest.seq if latest else None,
        as_of_reference=head.reference if head else None,
        faces_scanned=faces_scanned,
        suspects=suspects,
        searches=searches,
        searches_total=searches_total,
        chart_png=chart_png,
        graph=facts,
        key_players=tuple(ranking.players[: limits.key_players]),
        players_total=len(ranking.players),
        timeline=timeline,
        evidence=listed,
        evidence_total=len(evidence),
        imports=imports,
        processing=processing,
        audit=tuple(_audit_line(row) for row in audit_rows) if readable else None,
        audit_total=audit_total if readable else None,
        reviews=_reviews(ws, case),
    )
    return only_sections(content, sections)


def _reviews(ws: Workspace, case: Case) -> tuple[ReviewLine, ...]:
    lines = []
    for review in list_reviews(ws, case.number):
        _, events = review_history(ws, review.id)
        lines.append(
            ReviewLine(
                id=review.id,
                kind=review.kind,
                object_ref=review.object_ref,
                state=review.state,
                note=review.note,
                submitted_by=review.submitted_by,
                submitted_at=review.submitted_at,
                decided_by=review.decided_by,
                decided_at=review.decided_at,
                history=tuple(
                    ReviewStep(e.action, e.user_name, e.role, e.comment, e.acted_at)
                    for e in events
                ),
            )
        )
    return tuple(lines)


def _suspects(
    rows: list[report_rows.SuspectRow], crops: FaceCrops, faces: int
) -> tuple[SuspectEntry, ...]:
    return tuple(
        SuspectEntry(
            label=row.entity.label,
            key=row.entity.key,
            attributes=row.entity.attributes,
            crops=crops.several(row.face_ids[:faces]),
        )
        for row in rows
    )


def _searches(
    ws: Workspace, rows: list[report_rows.SearchRow], crops: FaceCrops
) -> tuple[SearchEntry, ...]:
    return tuple(
        SearchEntry(
            search_id=row.id,
            probe_name=row.probe_name,
            probe_crop_png=crops.get(row.probe_face_id),
            threshold=row.threshold,
            candidates=tuple(
                CandidateEntry(
                    candidate=match.candidate,
                    crop_png=crops.get(match.candidate.face_id),
                    decision=match.decision,
                    decided_by=match.decided_by,
                    decided_at=match.decided_at,
                    fmr=match.fmr,
                    fmr_pairs=pairs,
                )
                for match in row.matches
            ),
            searched_by=row.searched_by,
            searched_at=row.searched_at,
            model_pack=row.model_pack,
            candidates_total=row.candidates_total,
            probe_quality=row.probe_quality,
            probe_band=row.probe_band,
            probe_steps=row.probe_steps,
            set_threshold=row.set_threshold,
        )
        for row, pairs in zip(rows, _rate_pairs(ws, rows), strict=True)
    )


def _rate_pairs(ws: Workspace, rows: list[report_rows.SearchRow]) -> list[int | None]:
    """Impostor pairs behind each search's stored false-match rates (or None).

    A rate of zero is printed as below one in that many; a pack whose
    calibration cannot be read leaves the number unknown, not the report
    unwritten.
    """
    calibrations: dict[str, ScoreCalibration | None] = {}
    for pack in {row.model_pack for row in rows}:
        try:
            calibrations[pack] = score_calibration(ws.settings, pack)
        except ModelPackError as exc:
            log.warning("no false-match calibration of pack %r: %s", pack, exc)
            calibrations[pack] = None
    return [
        recorded_rate_pairs(
            calibrations[row.model_pack],
            row.probe_band,
            row.threshold,
            row.set_threshold,
            [(m.candidate.score, m.fmr) for m in row.matches],
        )
        for row in rows
    ]


def _graph_facts(graph, ranking: KeyPlayerRanking) -> GraphFacts:
    summary = summarize_graph(graph)
    return GraphFacts(
        nodes=summary.nodes,
        edges=summary.edges,
        components=summary.components,
        largest_component=summary.largest_component,
        links=summary.links,
        link_types=tuple(
            sorted({t for _, _, data in graph.edges(data=True) for t in data["types"]})
        ),
        sample_size=ranking.sample_size,
        seed=ranking.seed,
    )


def _timeline(ws: Workspace, case: Case, lang: str) -> TimelineEntry | None:
    """Every timed link of the case per day and by weekday and hour, drawn."""
    counts = browse.timeline_counts(ws, case.number, link_type=None)
    if not counts.total:
        return None
    days = patterns.fill_days(counts.days)
    night = patterns.matrix_night_share(counts.weekday_hour)
    title = report_labels(lang)["timeline_title"].format(number=case.number)
    png = render_timeline_chart(
        days,
        counts.weekday_hour,
        title=title,
        font_path=cjk_font_path(),
        night=night,
        lang=lang,
        # bars and cells, no small labels: less resolution than the link chart
        size_inches=(8.0, 6.2),
        dpi=160,
    )
    return TimelineEntry(
        days=tuple((day, int(n)) for day, n in days),
        weekday_hour=tuple(tuple(int(n) for n in row) for row in counts.weekday_hour),
        night_share=night,
        link_types=tuple(report_rows.timed_link_types(ws.store, case.id)),
        chart_png=png,
    )


def _import_entry(row: report_rows.ImportRow) -> ImportEntry:
    return ImportEntry(
        file_name=row.file_name,
        rows_loaded=row.rows_loaded,
        rows_rejected=row.rows_rejected,
        imported_by=row.imported_by,
        imported_at=row.imported_at,
        rows_read=row.rows_read,
        spec_name=row.spec_name,
        encoding=row.encoding,
        file_sha256=row.file_sha256,
        reject_reasons=row.reject_reasons,
    )


def _evidence_entries(
    ws: Workspace, case: Case, evidence: list, cited: set[int], limit: int | None
) -> tuple[EvidenceEntry, ...]:
    """The items listed: all, or the first ``limit`` plus those cited elsewhere."""
    origins = report_rows.evidence_origins(ws.store, case.id)
    cited = cited | {out for out, source in origins.items() if source in cited}
    return tuple(
        EvidenceEntry(item, origins.get(item.id))
        for number, item in enumerate(evidence)
        if limit is None or number < limit or item.id in cited
    )


def _audit_line(row: report_rows.AuditRow) -> AuditLine:
    return AuditLine(
        seq=row.seq,
        logged_at=row.logged_at,
        user=row.user_name,
        action=row.action,
        object=row.object,
        details=row.details,
    )


def _processing(ws: Workspace, case: Case) -> tuple:
    """The case's image enhancement records, for the processing report section."""
    if not derivation_rows.count_derivations(ws.store, case.id):
        return ()
    # imported here: only cases with enhancements need the imaging libraries
    from workstation.services.enhance_report import processing_entries

    return processing_entries(ws, case)
