"""The review workflow: an analyst submits work, a supervisor approves or returns it.

Three kinds of work are reviewed:

* ``chart``: a link chart, named by its link types (``all`` or e.g.
  ``call,meeting``), or a saved chart view, named ``view:NAME@VERSION``; an
  analyst may submit it without exporting anything.
* ``faces``: the decisions taken on one face search, named by its id.
* ``brief``: the PDF brief, named by its path (exporting it needs an
  investigator, so an investigator usually submits it).

Submitting records a snapshot of the work (a digest of the chart's graph or
of the decisions, or the file's SHA-256); approving checks the work is still
exactly that, so an approval never covers something that changed after it was
submitted. Nobody approves or returns their own submission. Every step is kept
in the review's history and audited.
"""

from __future__ import annotations

import hashlib
import json
import logging
from enum import StrEnum
from pathlib import Path

from workstation.domain.errors import (
    InputFileError,
    IntegrityError,
    NotFoundError,
    WorkstationError,
)
from workstation.domain.records import Case
from workstation.domain.types import Decision
from workstation.security.errors import AccessDeniedError
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.graph import case_graph
from workstation.services.graph_views import chart_view_graph
from workstation.services.workspace import Workspace
from workstation.store import chart_view_rows, review_rows
from workstation.store.review_rows import Review, ReviewEvent

log = logging.getLogger(__name__)


class ReviewKind(StrEnum):
    """What is submitted for review."""

    CHART = "chart"
    FACES = "faces"
    BRIEF = "brief"


class ReviewState(StrEnum):
    """Where a review stands."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


#: A brief must be a PDF file.
_PDF_MAGIC = b"%PDF"
#: A chart review of a saved view names it ``view:NAME@VERSION``.
_VIEW_PREFIX = "view:"


def _parse_kind(kind: str) -> ReviewKind:
    try:
        return ReviewKind(str(kind).lower())
    except ValueError:
        kinds = ", ".join(k.value for k in ReviewKind)
        raise WorkstationError(
            f"There is no review kind {kind!r}; choose one of {kinds}."
        ) from None


def _digest(rows) -> str:
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _graph_digest(graph, *extra) -> tuple[int, int, str]:
    """Nodes, edges and a digest of a chart's graph (and what else it shows)."""
    edges = sorted(
        (min(u, v), max(u, v), round(float(data["weight"]), 6), data["links"])
        for u, v, data in graph.edges(data=True)
    )
    digest = _digest([sorted(graph.nodes), edges, *extra])
    return graph.number_of_nodes(), graph.number_of_edges(), digest


def _chart_snapshot(ws: Workspace, case_number: str, ref: str) -> tuple[str, dict]:
    if str(ref).startswith(_VIEW_PREFIX):
        return _view_snapshot(ws, case_number, str(ref))
    names = [t.strip() for t in str(ref).split(",") if t.strip()]
    types = None if not names or names == ["all"] else sorted(set(names))
    graph = case_graph(ws, case_number, link_types=types)
    if graph.number_of_edges() == 0:
        raise WorkstationError(
            f"Case {case_number} has no links to chart yet; import call records "
            "or other links before submitting a chart for review."
        )
    nodes, edges, digest = _graph_digest(graph)
    return ",".join(types) if types else "all", {
        "link_types": types or "all",
        "nodes": nodes,
        "edges": edges,
        "digest": digest,
    }


def _view_snapshot(ws: Workspace, case_number: str, ref: str) -> tuple[str, dict]:
    """A saved chart view, ``view:NAME@VERSION``: its graph, places and notes."""
    name, _, version = ref.removeprefix(_VIEW_PREFIX).rpartition("@")
    if not name or not version.isdigit():
        raise WorkstationError(
            f"A saved chart view is submitted as view:NAME@VERSION (e.g. "
            f"view:团伙结构@2); got {ref!r}."
        )
    case = ws.case(case_number)
    view = chart_view_rows.get_chart_view(ws.store, case.id, name, int(version))
    if view is None:
        raise NotFoundError(
            f"Case {case.number} has no chart view {name!r} version {version}; "
            "save the chart as a view first."
        )
    graph = chart_view_graph(ws, case_number, view)
    places = sorted((int(n), list(p)) for n, p in view.positions.items())
    nodes, edges, digest = _graph_digest(
        graph, places, list(view.annotations), view.filters
    )
    return f"{_VIEW_PREFIX}{view.name}@{view.version}", {
        "view": view.name,
        "version": view.version,
        "author": view.author,
        "nodes": nodes,
        "edges": edges,
        "digest": digest,
    }


def _brief_snapshot(ref: str) -> tuple[str, dict]:
    path = Path(ref).expanduser()
    if not path.is_file():
        raise InputFileError(
            f"{path}: no such file to submit as a brief; export the brief first "
            "and give the path of its PDF."
        )
    with open(path, "rb") as handle:
        if handle.read(len(_PDF_MAGIC)) != _PDF_MAGIC:
            raise InputFileError(
                f"{path}: is not a PDF; a brief is submitted as the PDF exported "
                "from the case."
            )
    path = path.resolve()
    return str(path), {
        "file": path.name,
        "sha256": sha256_file(path),
        "bytes": path.stat().st_size,
    }


def _faces_snapshot(ws: Workspace, case_id: int, ref: str) -> tuple[str, dict]:
    try:
        search_id = int(str(ref).removeprefix("search:"))
    except ValueError:
        raise WorkstationError(
            f"Face decisions are submitted by face search id (a number); got {ref!r}."
        ) from None
    search_case, rows = review_rows.face_decisions(ws.store, search_id)
    if search_case != case_id:
        raise NotFoundError(
            f"No face search {search_id} in this case; the face search results "
            "show its id."
        )
    if all(r[1] == Decision.PENDING for r in rows):
        raise WorkstationError(
            f"Face search {search_id} has no decisions yet; confirm or reject its "
            "candidates before submitting them for review."
        )
    counts = {d.value: sum(1 for r in rows if r[1] == d) for d in Decision}
    return f"search:{search_id}", {
        "search_id": search_id,
        "digest": _digest(rows),
        **counts,
    }


def _snapshot(ws: Workspace, case: Case, kind: ReviewKind, ref: str):
    if kind is ReviewKind.FACES:
        return _faces_snapshot(ws, case.id, ref)
    if kind is ReviewKind.CHART:
        return _chart_snapshot(ws, case.number, ref)
    return _brief_snapshot(ref)


def _role(ws: Workspace) -> str:
    return ws.role.value if ws.role is not None else "single-user"


def submit_review(
    ws: Workspace, case_number: str, kind: str, ref: str, *, note: str = ""
) -> Review:
    """Submit a chart, a brief or a search's face decisions for review.

    Args:
        ws: The open workspace.
        case_number: The case the work belongs to.
        kind: ``chart``, ``brief`` or ``faces``.
        ref: The chart's link types (``all``, ``call,meeting``) or a saved
            chart view (``view:NAME@VERSION``), the face search id, or the
            brief's PDF file.
        note: What the reviewer should look at.

    Returns:
        The new review, in state ``submitted``.

    Raises:
        InputFileError: The file is missing or of the wrong type.
        NotFoundError: No such case, face search or chart view in it.
        WorkstationError: Unknown kind, or a search without decisions.
    """
    ws.require(Permission.SUBMIT_REVIEW)
    case = ws.case(case_number)
    kind = _parse_kind(kind)
    object_ref, snapshot = _snapshot(ws, case, kind, ref)
    with ws.store.transaction():
        review_id = review_rows.insert_review(
            ws.store,
            case.id,
            kind=kind.value,
            object_ref=object_ref,
            snapshot=snapshot,
            note=note,
            submitted_by=ws.user,
        )
        review_rows.add_event(
            ws.store,
            review_id,
            action="submitted",
            user_name=ws.user,
            role=_role(ws),
            comment=note,
        )
        ws.audit(
            "review.submit",
            case.number,
            {"review_id": review_id, "kind": kind.value, "ref": object_ref, **snapshot},
        )
    log.info("review %d of %s submitted by %s", review_id, case.number, ws.user)
    return review_rows.get_review(ws.store, review_id)


def _open_review(ws: Workspace, review_id: int) -> Review:
    review = review_rows.get_review(ws.store, review_id)
    ws.case(review.case_number)  # the reviewer must be able to see the case
    return review


def _decide(ws: Workspace, review_id: int, state: ReviewState, comment: str) -> Review:
    ws.require(Permission.DECIDE_REVIEW)
    review = _open_review(ws, review_id)
    if review.state != ReviewState.SUBMITTED:
        raise WorkstationError(
            f"Review {review_id} is {review.state}, not awaiting a decision."
        )
    if review.submitted_by == ws.user:
        ws.audit(
            "access.denied",
            f"review:{review_id}",
            {"reason": "own submission", "wanted": state.value},
        )
        raise AccessDeniedError(
            f"{ws.user} submitted review {review_id} and cannot also decide it; "
            "another supervisor must."
        )
    if state is ReviewState.APPROVED:
        _check_unchanged(ws, review)
    with ws.store.transaction():
        review_rows.set_state(ws.store, review_id, state.value, decided_by=ws.user)
        review_rows.add_event(
            ws.store,
            review_id,
            action=state.value,
            user_name=ws.user,
            role=_role(ws),
            comment=comment,
        )
        ws.audit(
            "review.approve" if state is ReviewState.APPROVED else "review.return",
            review.case_number,
            {
                "review_id": review_id,
                "kind": review.kind,
                "ref": review.object_ref,
                "submitted_by": review.submitted_by,
                "comment": comment,
            },
        )
    log.info("review %d %s by %s", review_id, state.value, ws.user)
    return review_rows.get_review(ws.store, review_id)


def _check_unchanged(ws: Workspace, review: Review) -> None:
    kind = ReviewKind(review.kind)
    case = ws.case(review.case_number)
    try:
        _, now = _snapshot(ws, case, kind, review.object_ref)
    except (InputFileError, NotFoundError) as exc:
        raise IntegrityError(
            f"Review {review.id}: the submitted {kind.value} can no longer be "
            f"checked ({exc}); return it so the analyst can resubmit."
        ) from exc
    key = "sha256" if kind is ReviewKind.BRIEF else "digest"
    if now[key] != review.snapshot[key]:
        raise IntegrityError(
            f"Review {review.id}: the {kind.value} {review.object_ref} changed "
            "after it was submitted; return it so the analyst resubmits the "
            "current version."
        )


def approve_review(ws: Workspace, review_id: int, comment: str = "") -> Review:
    """Approve submitted work (supervisors and administrators; not one's own).

    Raises:
        AccessDeniedError: Not a supervisor, or approving one's own work.
        IntegrityError: The work changed since it was submitted.
        WorkstationError: The review is not awaiting a decision.
    """
    return _decide(ws, review_id, ReviewState.APPROVED, comment)


def return_review(ws: Workspace, review_id: int, comment: str) -> Review:
    """Return submitted work with the reviewer's comments.

    Raises:
        WorkstationError: No comment, or the review is not awaiting a decision.
        AccessDeniedError: Not a supervisor, or returning one's own work.
    """
    if not comment.strip():
        raise WorkstationError(
            f"Say why review {review_id} is returned: give a comment."
        )
    return _decide(ws, review_id, ReviewState.RETURNED, comment)


def resubmit_review(ws: Workspace, review_id: int, comment: str = "") -> Review:
    """Submit returned work again, snapshotting its current version.

    Raises:
        AccessDeniedError: Someone other than the submitter resubmits.
        WorkstationError: The review was not returned.
    """
    ws.require(Permission.SUBMIT_REVIEW)
    review = _open_review(ws, review_id)
    if review.state != ReviewState.RETURNED:
        raise WorkstationError(
            f"Review {review_id} is {review.state}; only returned work is resubmitted."
        )
    if review.submitted_by != ws.user:
        raise AccessDeniedError(
            f"Review {review_id} was submitted by {review.submitted_by}; only they "
            "resubmit it (or submit a new review)."
        )
    case = ws.case(review.case_number)
    _, snapshot = _snapshot(ws, case, ReviewKind(review.kind), review.object_ref)
    with ws.store.transaction():
        review_rows.set_state(
            ws.store,
            review_id,
            ReviewState.SUBMITTED.value,
            decided_by=None,
            snapshot=snapshot,
        )
        review_rows.add_event(
            ws.store,
            review_id,
            action="resubmitted",
            user_name=ws.user,
            role=_role(ws),
            comment=comment,
        )
        ws.audit(
            "review.resubmit",
            review.case_number,
            {"review_id": review_id, "ref": review.object_ref, **snapshot},
        )
    return review_rows.get_review(ws.store, review_id)


def list_reviews(
    ws: Workspace, case_number: str | None = None, state: str | None = None
) -> list[Review]:
    """Reviews of one case (or all), optionally in one state, oldest first."""
    if state is not None and state not in {s.value for s in ReviewState}:
        states = ", ".join(s.value for s in ReviewState)
        raise WorkstationError(f"There is no review state {state!r}; use {states}.")
    ws.require(Permission.VIEW_CASE)
    case_id = ws.case(case_number).id if case_number else None
    return review_rows.list_reviews(ws.store, case_id, state)


def review_history(ws: Workspace, review_id: int) -> tuple[Review, list[ReviewEvent]]:
    """A review and every step of its history."""
    review = _open_review(ws, review_id)
    return review, review_rows.review_events(ws.store, review_id)
