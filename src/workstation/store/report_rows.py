"""Rows a case report prints: suspects and faces, face searches, imports, audit."""

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
    fmr: float | None = None


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
    probe_quality: float | None
    probe_band: str | None
    probe_steps: tuple[str, ...]
    set_threshold: float | None
    matches: tuple[MatchRow, ...]
    candidates_total: int = 0


@dataclass(frozen=True)
class ImportRow:
    """A file imported into the case and its rejected rows counted by reason."""

    id: int
    file_name: str
    file_sha256: str
    spec_name: str
    encoding: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    imported_by: str
    imported_at: datetime
    reject_reasons: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class AuditRow:
    """One audit entry about a case."""

    seq: int
    logged_at: datetime
    user_name: str
    action: str
    object: str
    details: dict


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


def case_searches(
    store: CaseStore,
    case_id: int,
    *,
    latest_per_probe: bool = True,
    limit: int | None = 10,
    candidates: int | None = 10,
) -> tuple[list[SearchRow], int]:
    """Return the case's face searches, newest first, and how many it has.

    Args:
        store: The open workspace database.
        case_id: The case.
        latest_per_probe: Show a probe searched again (a new threshold, a new
            gallery) by its latest search only; every search when False.
        limit: At most this many searches; all when None.
        candidates: At most this many candidates per search, by rank; all when
            None (``SearchRow.candidates_total`` counts them all).

    Returns:
        The searches with their candidates, and the number of searches there
        are with ``latest_per_probe`` applied but without ``limit``.
    """
    latest = (
        "QUALIFY row_number() OVER (PARTITION BY probe_sha256, probe_face_id "
        "ORDER BY searched_at DESC, id DESC) = 1 "
        if latest_per_probe
        else ""
    )
    columns = (
        "id, probe_name, probe_sha256, probe_face_id, model_pack, threshold, "
        "searched_by, searched_at, probe_quality, probe_band, "
        "coalesce(probe_steps, []) AS probe_steps, set_threshold"
    )
    # counted after QUALIFY, before LIMIT
    searches = store.execute(
        f"SELECT {columns}, count(*) OVER () FROM ("
        f"SELECT {columns} FROM face_searches WHERE case_id = ? {latest}) "
        "ORDER BY searched_at DESC, id DESC LIMIT ?",
        [case_id, limit],
    ).fetchall()
    total = searches[0][-1] if searches else 0
    result = []
    for row in searches:
        matches = store.execute(
            "SELECT m.rank, m.candidate_face_id, f.evidence_id, e.original_name, "
            "m.score, m.above_threshold, p.label, m.decision, m.decided_by, "
            "m.decided_at, m.fmr, count(*) OVER () FROM matches m "
            "JOIN faces f ON f.id = m.candidate_face_id "
            "JOIN evidence e ON e.id = f.evidence_id "
            "LEFT JOIN entities p ON p.id = f.person_id "
            "WHERE m.search_id = ? ORDER BY m.rank LIMIT ?",
            [row[0], candidates],
        ).fetchall()
        *fields, steps, set_threshold, _ = row
        result.append(
            SearchRow(
                *fields,
                probe_steps=tuple(steps),
                set_threshold=set_threshold,
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
                        fmr=m[10],
                    )
                    for m in matches
                ),
                candidates_total=matches[0][-1] if matches else 0,
            )
        )
    return result, total


def count_searches(store: CaseStore, case_id: int) -> int:
    """Return how many face searches the case has, repeats included."""
    return store.execute(
        "SELECT count(*) FROM face_searches WHERE case_id = ?", [case_id]
    ).fetchone()[0]


def import_rows(store: CaseStore, case_id: int) -> list[ImportRow]:
    """Return the files imported into the case, oldest first, with reject counts."""
    rows = store.execute(
        "SELECT i.id, i.file_name, i.file_sha256, i.spec_name, i.encoding, "
        "i.rows_read, i.rows_loaded, i.rows_rejected, i.imported_by, i.imported_at, "
        "(SELECT list([r.reason, CAST(r.n AS VARCHAR)] ORDER BY r.n DESC, r.reason) "
        " FROM (SELECT reason, count(*) AS n FROM import_rejects "
        "       WHERE import_id = i.id GROUP BY reason) r) "
        "FROM imports i WHERE i.case_id = ? ORDER BY i.imported_at, i.id",
        [case_id],
    ).fetchall()
    return [
        ImportRow(
            *row[:-1],
            reject_reasons=tuple((reason, int(n)) for reason, n in row[-1] or ()),
        )
        for row in rows
    ]


def evidence_origins(store: CaseStore, case_id: int) -> dict[int, int]:
    """Map each evidence item made by an enhancement to the item it was made from."""
    rows = store.execute(
        "SELECT output_evidence_id, evidence_id FROM derivations "
        "WHERE case_id = ? AND output_evidence_id IS NOT NULL "
        "AND evidence_id IS NOT NULL ORDER BY id",
        [case_id],
    ).fetchall()
    return dict(rows)


def timed_link_types(store: CaseStore, case_id: int) -> list[str]:
    """The link types of the case that have links with a start time, by name."""
    rows = store.execute(
        "SELECT DISTINCT type FROM links WHERE case_id = ? "
        "AND start_time IS NOT NULL ORDER BY type",
        [case_id],
    ).fetchall()
    return [row[0] for row in rows]


def case_audit(
    store: CaseStore, case_number: str, *, latest: int | None = None
) -> tuple[list[AuditRow], int]:
    """Return the audit entries about a case, oldest first, and how many there are.

    An entry is about the case when its object is the case number.

    Args:
        store: The open workspace database.
        case_number: The case.
        latest: Only the latest this many entries; all when None.
    """
    rows = store.execute(
        "SELECT seq, logged_at, user_name, action, object, details, count(*) OVER () "
        "FROM audit_log WHERE object = ? ORDER BY seq DESC LIMIT ?",
        [case_number, latest],
    ).fetchall()
    total = rows[0][-1] if rows else 0
    entries = [
        AuditRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else {})
        for r in reversed(rows)
    ]
    return entries, total
