"""Everything a case report prints, as plain frozen data.

The service layer fills a :class:`ReportContent` from the store, the graph and
the face crops; the modules of :mod:`workstation.reports` only lay it out. Text
is printed as stored; only the report's own headings and labels are translated.
A brief and a full report are the same content, the brief holding fewer rows;
the ``*_total`` counts say how many the case has, so the brief can say what it
leaves out. A report may also leave whole sections out (:data:`SECTIONS`,
:func:`only_sections`); their rows are then not in the content at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from workstation.domain.errors import WorkstationError
from workstation.domain.records import Candidate, Case, Evidence, KeyPlayer
from workstation.reports.processing_report import ProcessingEntry

#: The kinds of report: a few pages to hand over, or everything in the case.
KINDS = ("brief", "full")
#: The sections a report may include or leave out, in the order they print
#: (numbered 2 to 9: the cover and the case summary always print).
SECTIONS = (
    "suspects",
    "searches",
    "chart",
    "key_players",
    "evidence",
    "processing",
    "audit",
    "reviews",
)


@dataclass(frozen=True)
class SuspectEntry:
    """A person with role 'suspect' and crops of their reference faces, best first."""

    label: str
    key: str = ""
    attributes: Mapping[str, object] = field(default_factory=dict)
    crops: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class CandidateEntry:
    """One ranked candidate of a face search, with its crop and human decision.

    ``fmr`` is the estimated false-match rate of the score, as stored with the
    search (None when the model pack had no calibration); ``fmr_pairs`` is the
    number of impostor pairs it was measured on (None when not known), which
    a rate of zero is printed against (see
    :func:`~workstation.domain.false_match.fmr_text`).
    """

    candidate: Candidate
    crop_png: bytes | None = None
    decision: str = "pending"
    decided_by: str | None = None
    decided_at: datetime | None = None
    fmr: float | None = None
    fmr_pairs: int | None = None


@dataclass(frozen=True)
class SearchEntry:
    """A face search: the probe, its threshold and the ranked candidates.

    ``search_id`` is the search's number in the database, the one the CLI
    prints and takes (``faces decide``, ``review submit``); reports print it
    whatever order they list searches in. ``threshold`` is the one the probe
    was judged by; for a fair or poor probe (``probe_band``) it differs from
    ``set_threshold``, and ``probe_steps`` name the low-quality steps applied
    to the probe.
    """

    search_id: int = field(kw_only=True)
    probe_name: str
    probe_crop_png: bytes | None
    threshold: float
    candidates: tuple[CandidateEntry, ...] = ()
    searched_by: str = ""
    searched_at: datetime | None = None
    model_pack: str = ""
    candidates_total: int | None = None
    probe_quality: float | None = None
    probe_band: str | None = None
    probe_steps: tuple[str, ...] = ()
    set_threshold: float | None = None


@dataclass(frozen=True)
class ImportEntry:
    """One file imported into the case (where the case's records came from).

    ``reject_reasons`` (full report only) counts the rejected rows by reason.
    """

    file_name: str
    rows_loaded: int
    rows_rejected: int
    imported_by: str
    imported_at: datetime | None
    rows_read: int | None = None
    spec_name: str = ""
    encoding: str = ""
    file_sha256: str = ""
    reject_reasons: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class GraphFacts:
    """Size of the link graph behind the chart and the key-player table.

    ``sample_size`` and ``seed`` are None when betweenness was exact.
    """

    nodes: int
    edges: int
    components: int
    largest_component: int
    links: int
    link_types: tuple[str, ...] = ()
    sample_size: int | None = None
    seed: int | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """The case's timed links per day and by weekday and hour, and their chart.

    ``days`` covers every day from the first link to the last (days without
    one count 0); ``weekday_hour`` is 7 rows (Monday first) of 24 hours.
    """

    days: tuple[tuple[date, int], ...]
    weekday_hour: tuple[tuple[int, ...], ...]
    night_share: float
    link_types: tuple[str, ...] = ()
    chart_png: bytes | None = None

    @property
    def total(self) -> int:
        """Number of timed links counted."""
        return sum(count for _, count in self.days)


@dataclass(frozen=True)
class EvidenceEntry:
    """An evidence item; ``derived_from`` is the item an enhancement made it from."""

    evidence: Evidence
    derived_from: int | None = None


@dataclass(frozen=True)
class AuditLine:
    """One entry of the audit trail: number in the chain, time (UTC), who, what."""

    seq: int
    logged_at: datetime
    user: str
    action: str
    object: str
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewStep:
    """One step of a review's history: submitted, returned, approved, ..."""

    action: str
    user: str
    role: str
    comment: str
    acted_at: datetime


@dataclass(frozen=True)
class ReviewLine:
    """Work submitted for a supervisor's review, where it stands and its history."""

    id: int
    kind: str
    object_ref: str
    state: str
    note: str
    submitted_by: str
    submitted_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    history: tuple[ReviewStep, ...] = ()


@dataclass(frozen=True)
class ReportContent:
    """The whole report: case, suspects, face searches, graph, evidence and audit.

    ``kind``, ``classification``, ``author`` and ``software_version`` say how
    the report was made; every other field is data from the case database
    (see :func:`~workstation.reports.report_digest.content_digest`).
    ``as_of`` and ``as_of_seq`` name the case's latest audit entry: the state
    of the database the report shows; ``as_of_reference`` is that entry as
    ``SEQ:HASH``, which ``workstation audit verify --expect`` checks later.
    ``audit`` is None when the author may not read the audit trail.
    ``reviews`` are the case's supervisor reviews with their history.
    ``sections`` are the :data:`SECTIONS` the report prints, in order; the
    fields of the others are empty.
    """

    case: Case
    kind: str = "brief"
    classification: str = ""
    author: str = ""
    software_version: str = ""
    as_of: datetime | None = None
    as_of_seq: int | None = None
    as_of_reference: str | None = None
    faces_scanned: int = 0
    suspects: tuple[SuspectEntry, ...] = ()
    searches: tuple[SearchEntry, ...] = ()
    searches_total: int | None = None
    chart_png: bytes | None = None
    graph: GraphFacts | None = None
    key_players: tuple[KeyPlayer, ...] = ()
    players_total: int | None = None
    timeline: TimelineEntry | None = None
    evidence: tuple[EvidenceEntry, ...] = ()
    evidence_total: int | None = None
    imports: tuple[ImportEntry, ...] = ()
    processing: tuple[ProcessingEntry, ...] = ()
    audit: tuple[AuditLine, ...] | None = ()
    audit_total: int | None = None
    reviews: tuple[ReviewLine, ...] = ()
    sections: tuple[str, ...] = SECTIONS


def chosen_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    """The sections asked for, checked and in print order (all when None).

    Example:
        >>> chosen_sections(["audit", "suspects"])
        ('suspects', 'audit')

    Raises:
        WorkstationError: A section is unknown, or none is chosen.
    """
    if sections is None:
        return SECTIONS
    wanted = set(sections)
    unknown = sorted(wanted - set(SECTIONS))
    if unknown:
        raise WorkstationError(
            f"A report has no section {', '.join(unknown)}; choose from "
            f"{', '.join(SECTIONS)}."
        )
    if not wanted:
        raise WorkstationError(
            f"Choose at least one section for the report from {', '.join(SECTIONS)}."
        )
    return tuple(s for s in SECTIONS if s in wanted)


def only_sections(
    content: ReportContent, sections: Iterable[str] | None
) -> ReportContent:
    """``content`` holding only the rows of ``sections``, the others emptied.

    The graph's figures stay while the chart or the key players print; both
    use them. What is emptied is neither printed nor covered by the report's
    digest.

    Raises:
        WorkstationError: See :func:`chosen_sections`.
    """
    chosen = chosen_sections(sections)
    empty: dict[str, dict[str, object]] = {
        "suspects": {"suspects": (), "faces_scanned": 0},
        "searches": {"searches": (), "searches_total": None},
        "chart": {"chart_png": None, "timeline": None},
        "key_players": {"key_players": (), "players_total": None},
        "evidence": {"evidence": (), "evidence_total": None},
        "processing": {"processing": ()},
        "audit": {"audit": (), "audit_total": None},
        "reviews": {"reviews": ()},
    }
    changes: dict[str, object] = {}
    for section in SECTIONS:
        if section not in chosen:
            changes.update(empty[section])
    if "chart" not in chosen and "key_players" not in chosen:
        changes["graph"] = None
    return dataclasses.replace(content, sections=chosen, **changes)


def full_count(shown: tuple | None, total: int | None) -> int:
    """How many rows the case has: ``total`` when given, else as many as shown."""
    return len(shown or ()) if total is None else total
