"""Face search rows: recorded searches, candidate lists, decisions and people."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.records import Candidate
from workstation.store.case_store import CaseStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchRecord:
    """A recorded search: its case, probe and how it was run."""

    id: int
    case_id: int
    case_number: str
    probe_name: str
    probe_face_id: int | None
    probe_track_id: int | None
    model_pack: str
    threshold: float
    scope: str
    searched_by: str


# -- searches, candidate lists and decisions -----------------------------------------


def insert_search(
    store: CaseStore,
    case_id: int,
    *,
    probe_name: str,
    probe_sha256: str,
    model_pack: str,
    threshold: float,
    searched_by: str,
    probe_face_id: int | None = None,
    probe_track_id: int | None = None,
    scope: str = "case",
    providers: str | None = None,
    probe_quality: float | None = None,
    probe_band: str | None = None,
    probe_steps: Sequence[str] = (),
    set_threshold: float | None = None,
) -> int:
    """Record one 1:N search; return its id.

    ``threshold`` is the threshold applied to the probe, ``set_threshold`` the
    one the user set (they differ for fair and poor probes).
    """
    return store.execute(
        "INSERT INTO face_searches (case_id, probe_name, probe_sha256, "
        "probe_face_id, model_pack, threshold, searched_by, probe_track_id, scope, "
        "providers, probe_quality, probe_band, probe_steps, set_threshold) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            case_id,
            probe_name,
            probe_sha256,
            probe_face_id,
            model_pack,
            threshold,
            searched_by,
            probe_track_id,
            scope,
            providers,
            probe_quality,
            probe_band,
            list(probe_steps),
            set_threshold,
        ],
    ).fetchone()[0]


def insert_candidates(
    store: CaseStore,
    search_id: int,
    case_id: int,
    candidates: Sequence[Candidate],
    fmrs: Sequence[float | None] | None = None,
) -> None:
    """Record a search's ranked candidates, every one pending a human decision.

    Args:
        store: The open workspace database.
        search_id: The search.
        case_id: The case the search was made in.
        candidates: The ranked candidates.
        fmrs: The estimated false-match rate of each candidate's score.
    """
    if not candidates:
        return
    rates = list(fmrs) if fmrs is not None else [None] * len(candidates)
    store.conn.executemany(
        "INSERT INTO matches (search_id, case_id, candidate_face_id, rank, score, "
        "above_threshold, decision, fmr) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
        [
            [search_id, case_id, c.face_id, c.rank, c.score, c.above_threshold, fmr]
            for c, fmr in zip(candidates, rates, strict=True)
        ],
    )


def search_record(store: CaseStore, search_id: int) -> SearchRecord:
    """The recorded search with this id.

    Raises:
        NotFoundError: No search has that id.
    """
    row = store.execute(
        "SELECT s.id, s.case_id, c.number, s.probe_name, s.probe_face_id, "
        "s.probe_track_id, s.model_pack, s.threshold, coalesce(s.scope, 'case'), "
        "s.searched_by FROM face_searches s JOIN cases c ON c.id = s.case_id "
        "WHERE s.id = ?",
        [search_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No face search with id {search_id}; the search ids are printed by "
            "`workstation faces search`."
        )
    return SearchRecord(*row)


def search_case(store: CaseStore, search_id: int) -> tuple[int, str]:
    """(case id, case number) of a search.

    Raises:
        NotFoundError: No search has that id.
    """
    record = search_record(store, search_id)
    return record.case_id, record.case_number


def set_decision(
    store: CaseStore,
    search_id: int,
    face_id: int,
    *,
    decision: str,
    decided_by: str,
    comment: str,
) -> None:
    """Set the human decision on one candidate of a search.

    Raises:
        NotFoundError: The face is not a candidate of that search.
    """
    row = store.execute(
        "UPDATE matches SET decision = ?, decided_by = ?, "
        "decided_at = current_timestamp, comment = ? "
        "WHERE search_id = ? AND candidate_face_id = ? RETURNING rank",
        [decision, decided_by, comment, search_id, face_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"Face {face_id} is not a candidate of face search {search_id}; "
            "decide only on faces listed by that search."
        )


def search_candidates(store: CaseStore, search_id: int) -> list[tuple]:
    """Rows (rank, face id, score, above threshold, decision, decided by, comment)."""
    return store.execute(
        "SELECT rank, candidate_face_id, score, above_threshold, decision, "
        "decided_by, comment FROM matches WHERE search_id = ? ORDER BY rank",
        [search_id],
    ).fetchall()


# -- people -----------------------------------------------------------------------


def person_label(store: CaseStore, case_id: int, entity_id: int) -> str:
    """The label of a person entity of the case.

    Raises:
        NotFoundError: No such entity in the case.
        WorkstationError: The entity is not a person.
    """
    row = store.execute(
        "SELECT type, label FROM entities WHERE id = ? AND case_id = ?",
        [entity_id, case_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No entity with id {entity_id} in this case; check the person's id."
        )
    if row[0] != "person":
        raise WorkstationError(
            f"Entity {entity_id} ({row[1]}) is a {row[0]}, not a person; only "
            "people can be given reference faces."
        )
    return row[1]


def person_by_key(store: CaseStore, case_id: int, key: str) -> tuple[int, str]:
    """(entity id, label) of the case's person with this key.

    Raises:
        NotFoundError: The case has no person with that key.
    """
    row = store.execute(
        "SELECT id, label FROM entities WHERE case_id = ? AND type = 'person' "
        "AND key = ?",
        [case_id, key],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            f"No person with key {key!r} in this case; check the key, or import "
            "the person first."
        )
    return row[0], row[1]


def link_person_face(
    store: CaseStore, case_id: int, person_id: int, face_id: int, source: str
) -> bool:
    """Attach a face to a person entity; return False when already attached.

    The face's assigned person (``faces.person_id``) is set when it has none.
    """
    row = store.execute(
        "INSERT INTO person_faces (case_id, person_id, face_id, source) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING face_id",
        [case_id, person_id, face_id, source],
    ).fetchone()
    # The first person a face is linked to becomes its assigned person.
    store.execute(
        "UPDATE faces SET person_id = ? WHERE id = ? AND person_id IS NULL",
        [person_id, face_id],
    )
    return row is not None
