"""Everything a case brief prints, as plain frozen data.

The service layer fills a :class:`BriefContent` from the store, the graph and the
face crops; :mod:`workstation.reports.brief` only lays it out. Text is printed
as stored; only the brief's own headings and labels are translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from workstation.domain.records import Candidate, Case, Evidence, KeyPlayer
from workstation.reports.processing_report import ProcessingEntry


@dataclass(frozen=True)
class SuspectEntry:
    """A person with role 'suspect' and the crop of their reference face."""

    label: str
    key: str = ""
    attributes: Mapping[str, object] = field(default_factory=dict)
    crop_png: bytes | None = None


@dataclass(frozen=True)
class CandidateEntry:
    """One ranked candidate of a face search, with its crop and human decision."""

    candidate: Candidate
    crop_png: bytes | None = None
    decision: str = "pending"
    decided_by: str | None = None
    decided_at: datetime | None = None


@dataclass(frozen=True)
class SearchEntry:
    """A face search: the probe, its threshold and the ranked candidates."""

    probe_name: str
    probe_crop_png: bytes | None
    threshold: float
    candidates: tuple[CandidateEntry, ...] = ()
    searched_by: str = ""
    searched_at: datetime | None = None
    model_pack: str = ""


@dataclass(frozen=True)
class ImportEntry:
    """One file imported into the case (where the case's records came from)."""

    file_name: str
    rows_loaded: int
    rows_rejected: int
    imported_by: str
    imported_at: datetime | None


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
class BriefContent:
    """The whole brief: case, suspects, face searches, graph and evidence."""

    case: Case
    generated_at: datetime
    generated_by: str
    software_version: str
    faces_scanned: int = 0
    suspects: tuple[SuspectEntry, ...] = ()
    searches: tuple[SearchEntry, ...] = ()
    chart_png: bytes | None = None
    graph: GraphFacts | None = None
    key_players: tuple[KeyPlayer, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    imports: tuple[ImportEntry, ...] = ()
    processing: tuple[ProcessingEntry, ...] = ()
