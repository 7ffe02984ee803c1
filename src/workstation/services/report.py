"""Exporting a case brief: gather the case from the store and write the PDF."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import workstation
from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import Case
from workstation.graph.filters import GraphFilter
from workstation.graph.key_players import rank_key_players
from workstation.graph.link_graph import summarize_graph
from workstation.reports.brief import write_brief_pdf
from workstation.reports.brief_content import (
    BriefContent,
    CandidateEntry,
    GraphFacts,
    ImportEntry,
    SearchEntry,
    SuspectEntry,
)
from workstation.reports.brief_labels import brief_labels
from workstation.resources import cjk_font_path
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services import graph as graph_service
from workstation.services.integrity import verify_items
from workstation.services.workspace import Workspace
from workstation.store import derivation_rows, evidence_rows, report_rows

log = logging.getLogger(__name__)

#: Rows of the key-player table in a brief.
BRIEF_KEY_PLAYERS = 15
#: Face searches and candidates per search printed in a brief.
BRIEF_SEARCHES = 10
BRIEF_CANDIDATES = 10

_STEPS = 6


def write_brief(
    ws: Workspace,
    case_number: str,
    out_pdf: str | Path,
    *,
    lang: str = "zh",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the PDF case brief of a case and audit the export.

    The brief prints the case summary and where its data came from, the suspects
    with their reference faces, the latest face searches with their candidates,
    the link chart, the key players and the evidence list with SHA-256 hashes.

    Args:
        ws: The open workspace.
        case_number: The case, e.g. "T-001".
        out_pdf: Where to write the PDF; its folder must exist.
        lang: "zh" (default) or "en" for headings and labels; data is printed
            as stored.
        progress: Called as ``progress(done, total, message)`` after each step.
        cancel: Checked between steps; a cancelled export writes nothing.

    Returns:
        The path of the PDF.

    Raises:
        NotFoundError: No such case, or the output folder does not exist.
        WorkstationError: Unknown language, or the report font cannot be loaded.
        IntegrityError: An evidence file in the vault no longer matches its hash.
        AccessDeniedError: The acting user may not export.
    """
    ws.require(Permission.EXPORT)
    brief_labels(lang)  # an unknown language fails before any work is done
    case = ws.case(case_number)
    out_pdf = Path(out_pdf)
    if not out_pdf.parent.is_dir():
        raise NotFoundError(
            f"Folder {out_pdf.parent} does not exist; create it or choose another "
            "place for the brief."
        )

    def step(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress:
            progress(done, _STEPS, message)

    step(0, "suspects")
    suspects = _suspects(ws, case)
    faces_scanned = report_rows.scanned_evidence_count(ws.store, case.id)

    step(1, "face searches")
    searches = _searches(ws, case)

    step(2, "link graph")
    # calls between phones are shown between the people using them
    roll_up = graph_service.has_phone_users(ws, case.number)
    graph = graph_service.case_graph(
        ws, case.number, graph_filter=GraphFilter(roll_up=roll_up)
    )
    ranking = rank_key_players(graph)
    summary = summarize_graph(graph)
    facts = GraphFacts(
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

    step(3, "link chart")
    chart_png = None
    if summary.nodes:
        # drawn at about the size it prints, so its labels stay legible
        chart_png = graph_service.render_case_chart(
            graph, case, lang=lang, ranking=ranking, size_inches=(8.0, 6.6), dpi=220
        )

    step(4, "evidence")
    evidence = tuple(evidence_rows.list_evidence(ws.store, case.id))
    verify_items(ws, evidence)  # a changed vault file stops the export
    imports = tuple(
        ImportEntry(
            file_name=row.file_name,
            rows_loaded=row.rows_loaded,
            rows_rejected=row.rows_rejected,
            imported_by=row.imported_by,
            imported_at=row.imported_at,
        )
        for row in report_rows.import_rows(ws.store, case.id)
    )

    processing = _processing(ws, case)

    step(5, "writing PDF")
    content = BriefContent(
        case=case,
        generated_at=datetime.now().astimezone(),
        generated_by=ws.user,
        software_version=workstation.__version__,
        faces_scanned=faces_scanned,
        suspects=suspects,
        searches=searches,
        chart_png=chart_png,
        graph=facts,
        key_players=ranking.players[:BRIEF_KEY_PLAYERS],
        evidence=evidence,
        imports=imports,
        processing=processing,
    )
    pages = write_brief_pdf(content, out_pdf, font_path=cjk_font_path(), lang=lang)

    ws.audit(
        "report.export",
        case.number,
        {
            "file": out_pdf.name,
            "sha256": sha256_file(out_pdf),
            "pages": pages,
            "lang": lang,
            "suspects": len(suspects),
            "searches": len(searches),
            "evidence": len(evidence),
        },
    )
    if progress:
        progress(_STEPS, _STEPS, "done")
    log.info("exported the brief of %s (%d pages) to %s", case.number, pages, out_pdf)
    return out_pdf


def _suspects(ws: Workspace, case: Case) -> tuple[SuspectEntry, ...]:
    entries = []
    for row in report_rows.suspect_rows(ws.store, case.id):
        crop = _face_crop(ws, row.face_ids[0]) if row.face_ids else None
        entries.append(
            SuspectEntry(
                label=row.entity.label,
                key=row.entity.key,
                attributes=row.entity.attributes,
                crop_png=crop,
            )
        )
    return tuple(entries)


def _searches(ws: Workspace, case: Case) -> tuple[SearchEntry, ...]:
    entries = []
    rows = report_rows.latest_searches(
        ws.store, case.id, limit=BRIEF_SEARCHES, candidates=BRIEF_CANDIDATES
    )
    for row in rows:
        probe_crop = _face_crop(ws, row.probe_face_id) if row.probe_face_id else None
        candidates = tuple(
            CandidateEntry(
                candidate=match.candidate,
                crop_png=_face_crop(ws, match.candidate.face_id),
                decision=match.decision,
                decided_by=match.decided_by,
                decided_at=match.decided_at,
            )
            for match in row.matches
        )
        entries.append(
            SearchEntry(
                probe_name=row.probe_name,
                probe_crop_png=probe_crop,
                threshold=row.threshold,
                candidates=candidates,
                searched_by=row.searched_by,
                searched_at=row.searched_at,
                model_pack=row.model_pack,
            )
        )
    return tuple(entries)


def _processing(ws: Workspace, case: Case) -> tuple:
    """The case's image enhancement records, for the processing report section."""
    if not derivation_rows.count_derivations(ws.store, case.id):
        return ()
    # imported here: only cases with enhancements need the imaging libraries
    from workstation.services.enhance_report import processing_entries

    return processing_entries(ws, case)


def _face_crop(ws: Workspace, face_id: int) -> bytes | None:
    """The PNG crop of a stored face, or None (logged) when it cannot be made."""
    # imported here: face crops need the vision stack, which briefs without
    # faces never load
    from workstation.services.faces import face_crop_png

    try:
        return face_crop_png(ws, face_id)
    except WorkstationError as exc:
        log.warning("no crop for face %d in the brief: %s", face_id, exc)
        return None
