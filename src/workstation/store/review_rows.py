"""Review rows: submitted work, its state and the history of each review."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from workstation.domain.errors import NotFoundError
from workstation.store.case_store import CaseStore

_COLUMNS = (
    "r.id, c.number, r.kind, r.object_ref, r.snapshot, r.note, r.state, "
    "r.submitted_by, r.submitted_at, r.decided_by, r.decided_at"
)
_FROM = "FROM reviews r JOIN cases c ON c.id = r.case_id"


@dataclass(frozen=True)
class Review:
    """A piece of work submitted for a supervisor's review.

    ``snapshot`` records what was submitted (a file's SHA-256, a digest of
    face decisions), so an approval covers exactly that.
    """

    id: int
    case_number: str
    kind: str
    object_ref: str
    snapshot: dict = field(compare=False)
    note: str
    state: str
    submitted_by: str
    submitted_at: datetime
    decided_by: str | None
    decided_at: datetime | None


@dataclass(frozen=True)
class ReviewEvent:
    """One step in a review's history (submitted, approved, returned, ...)."""

    review_id: int
    seq: int
    action: str
    user_name: str
    role: str
    comment: str
    acted_at: datetime


def _review(row) -> Review:
    return Review(row[0], row[1], row[2], row[3], json.loads(row[4]), *row[5:])


def insert_review(
    store: CaseStore,
    case_id: int,
    *,
    kind: str,
    object_ref: str,
    snapshot: dict,
    note: str,
    submitted_by: str,
) -> int:
    row = store.execute(
        "INSERT INTO reviews (case_id, kind, object_ref, snapshot, note, "
        "submitted_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [
            case_id,
            kind,
            object_ref,
            json.dumps(snapshot, ensure_ascii=False),
            note,
            submitted_by,
        ],
    ).fetchone()
    return row[0]


def get_review(store: CaseStore, review_id: int) -> Review:
    """The review with this id.

    Raises:
        NotFoundError: No review has that id.
    """
    row = store.execute(f"SELECT {_COLUMNS} {_FROM} WHERE r.id = ?", [review_id])
    found = row.fetchone()
    if found is None:
        raise NotFoundError(
            f"No review with id {review_id}; `workstation review list` shows them."
        )
    return _review(found)


def list_reviews(
    store: CaseStore, case_id: int | None = None, state: str | None = None
) -> list[Review]:
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE true"
    params: list = []
    if case_id is not None:
        sql += " AND r.case_id = ?"
        params.append(case_id)
    if state is not None:
        sql += " AND r.state = ?"
        params.append(state)
    rows = store.execute(sql + " ORDER BY r.id", params).fetchall()
    return [_review(r) for r in rows]


def set_state(
    store: CaseStore,
    review_id: int,
    state: str,
    *,
    decided_by: str | None,
    snapshot: dict | None = None,
) -> None:
    """Move a review to ``state``; a decision records who and when."""
    store.execute(
        "UPDATE reviews SET state = ?, decided_by = ?, "
        "decided_at = CASE WHEN ? IS NULL THEN NULL ELSE current_timestamp END, "
        "snapshot = coalesce(?, snapshot) WHERE id = ?",
        [
            state,
            decided_by,
            decided_by,
            None if snapshot is None else json.dumps(snapshot, ensure_ascii=False),
            review_id,
        ],
    )


def add_event(
    store: CaseStore,
    review_id: int,
    *,
    action: str,
    user_name: str,
    role: str,
    comment: str,
) -> None:
    store.execute(
        "INSERT INTO review_events (review_id, seq, action, user_name, role, "
        "comment) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? "
        "FROM review_events WHERE review_id = ?",
        [review_id, action, user_name, role, comment, review_id],
    )


def review_events(store: CaseStore, review_id: int) -> list[ReviewEvent]:
    rows = store.execute(
        "SELECT review_id, seq, action, user_name, role, comment, acted_at "
        "FROM review_events WHERE review_id = ? ORDER BY seq",
        [review_id],
    ).fetchall()
    return [ReviewEvent(*r) for r in rows]


def face_decisions(store: CaseStore, search_id: int) -> tuple[int | None, list]:
    """(case id, rows) of a face search's candidates and their decisions.

    Rows are (face id, decision, decided by, comment), by rank; the case id
    is None when there is no such search.
    """
    found = store.execute(
        "SELECT case_id FROM face_searches WHERE id = ?", [search_id]
    ).fetchone()
    if found is None:
        return None, []
    rows = store.execute(
        "SELECT candidate_face_id, decision, coalesce(decided_by, ''), "
        "coalesce(comment, '') FROM matches WHERE search_id = ? ORDER BY rank",
        [search_id],
    ).fetchall()
    return found[0], [tuple(r) for r in rows]
