"""Rows a case brief prints: suspects and their faces, face searches, imports."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.records import Candidate, Entity
from workstation.store.case_store import CaseStore


@dataclass(frozen=True)
class SuspectRow:
    """A person entity with role 'suspect' and its reference faces, best first."""

    entity: Entity
    face_ids: tuple[int, ...]


@dataclass(frozen=True)
class MatchRow:
    """One candidate of a face search with the human decision on it."""

    candidate: Candidate
    decision: str
    decided_by: str | None
    decided_at: datetime | None


@dataclass(frozen=True)
class SearchRow:
    """A face search of the case and its ranked candidates."""

    id: int
    probe_name: str
    probe_sha256: str
    probe_face_id: int | None
    model_pack: str
    threshold: float
    searched_by: str
    searched_at: datetime
    matches: tuple[MatchRow, ...]


@dataclass(frozen=True)
class ImportRow:
    """A file imported into the case."""

    file_name: str
    rows_loaded: int
    rows_rejected: int
    imported_by: str
    imported_at: datetime


def suspect_rows(store: CaseStore, case_id: int) -> list[SuspectRow]:
    """Return the case's suspects with their reference faces.

    A suspect is a person entity whose role is 'suspect' (in any case). Faces
    linked through ``person_faces`` come best first: highest quality, then
    highest detection score.

    Args:
        store: The open workspace database.
        case_id: The case.

    Returns:
        Suspects ordered by label.
    """
    rows = store.execute(
        "SELECT e.id, e.case_id, e.type, e.key, e.label, e.attributes, "
        "list(pf.face_id ORDER BY f.quality DESC NULLS LAST, f.det_score DESC, "
        "pf.face_id) FILTER (WHERE pf.face_id IS NOT NULL) "
        "FROM entities e "
        "LEFT JOIN person_faces pf ON pf.person_id = e.id AND pf.case_id = e.case_id "
        "LEFT JOIN faces f ON f.id = pf.face_id "
        "WHERE e.case_id = ? AND e.type = 'person' AND lower(e.role) = 'suspect' "
        "GROUP BY ALL ORDER BY e.label, e.id",
        [case_id],
    ).fetchall()
    return [
        SuspectRow(
            entity=Entity(
                id=row[0],
                case_id=row[1],
                type=row[2],
                key=row[3],
                label=row[4],
                attributes=json.loads(row[5]) if row[5] else {},
            ),
            face_ids=tuple(row[6] or ()),
        )
        for row in rows
    ]


def scanned_evidence_count(store: CaseStore, case_id: int) -> int:
    """Return how many evidence items of the case were scanned for faces."""
    return store.execute(
        "SELECT count(*) FROM (SELECT evidence_id FROM face_scans WHERE case_id = ? "
        "UNION SELECT evidence_id FROM faces WHERE case_id = ?)",
        [case_id, case_id],
    ).fetchone()[0]


def latest_searches(
    store: CaseStore, case_id: int, *, limit: int = 10, candidates: int = 10
) -> list[SearchRow]:
    """Return the case's most recent face searches, one per probe.

    A probe searched again (a new threshold, a new gallery) is shown by its
    latest search only.

    Args:
        store: The open workspace database.
        case_id: The case.
        limit: At most this many searches, newest first.
        candidates: At most this many candidates per search, by rank.

    Returns:
        The searches with their candidates.
    """
    searches = store.execute(
        "SELECT id, probe_name, probe_sha256, probe_face_id, model_pack, threshold, "
        "searched_by, searched_at FROM face_searches WHERE case_id = ? "
        "QUALIFY row_number() OVER (PARTITION BY probe_sha256, probe_face_id "
        "ORDER BY searched_at DESC, id DESC) = 1 "
        "ORDER BY searched_at DESC, id DESC LIMIT ?",
        [case_id, limit],
    ).fetchall()
    result = []
    for row in searches:
        matches = store.execute(
            "SELECT m.rank, m.candidate_face_id, f.evidence_id, e.original_name, "
            "m.score, m.above_threshold, p.label, m.decision, m.decided_by, "
            "m.decided_at FROM matches m "
            "JOIN faces f ON f.id = m.candidate_face_id "
            "JOIN evidence e ON e.id = f.evidence_id "
            "LEFT JOIN entities p ON p.id = f.person_id "
            "WHERE m.search_id = ? ORDER BY m.rank LIMIT ?",
            [row[0], candidates],
        ).fetchall()
        result.append(
            SearchRow(
                *row,
                matches=tuple(
                    MatchRow(
                        candidate=Candidate(
                            rank=m[0],
                            face_id=m[1],
                            evidence_id=m[2],
                            evidence_name=m[3],
                            score=m[4],
                            above_threshold=m[5],
                            person_label=m[6],
                        ),
                        decision=m[7],
                        decided_by=m[8],
                        decided_at=m[9],
                    )
                    for m in matches
                ),
            )
        )
    return result


def import_rows(store: CaseStore, case_id: int) -> list[ImportRow]:
    """Return the files imported into the case, oldest first."""
    rows = store.execute(
        "SELECT file_name, rows_loaded, rows_rejected, imported_by, imported_at "
        "FROM imports WHERE case_id = ? ORDER BY imported_at, id",
        [case_id],
    ).fetchall()
    return [ImportRow(*row) for row in rows]
