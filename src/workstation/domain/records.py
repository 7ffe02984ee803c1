"""Frozen records that cross layers (and threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np


@dataclass(frozen=True)
class Case:
    id: int
    number: str
    title: str
    kind: str
    status: str
    lead_officer: str
    created_at: datetime
    description: str = ""


@dataclass(frozen=True)
class Entity:
    id: int
    case_id: int
    type: str
    key: str
    label: str
    attributes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    id: int
    case_id: int
    type: str
    source_id: int
    target_id: int
    start_time: datetime | None
    duration_s: int | None
    weight: float
    cell: str | None = None


@dataclass(frozen=True)
class Evidence:
    id: int
    case_id: int
    sha256: str
    original_name: str
    original_path: str
    size_bytes: int
    media_type: str
    added_by: str
    added_at: datetime
    vault_path: str


@dataclass(frozen=True)
class DetectedFace:
    """One face found by the detector, with its recogniser embedding.

    ``box`` is x1, y1, x2, y2 in pixels of the orientation-corrected image;
    ``landmarks`` are five (x, y) points; ``embedding`` is L2-normalised.
    """

    box: tuple[float, float, float, float]
    landmarks: tuple[tuple[float, float], ...]
    det_score: float
    embedding: np.ndarray


@dataclass(frozen=True)
class StoredFace:
    id: int
    case_id: int
    evidence_id: int
    frame: int
    box: tuple[float, float, float, float]
    det_score: float
    person_id: int | None


@dataclass(frozen=True)
class Candidate:
    """A gallery face ranked against a probe: an investigative lead, never an ID."""

    rank: int
    face_id: int
    evidence_id: int
    evidence_name: str
    score: float
    above_threshold: bool
    person_label: str | None = None


@dataclass(frozen=True)
class RejectedRow:
    line: int | None
    column: str | None
    value: str | None
    reason: str


@dataclass(frozen=True)
class ImportSummary:
    import_id: int
    file_name: str
    encoding: str
    rows_read: int
    rows_loaded: int
    entities_added: int
    links_added: int
    rejected: tuple[RejectedRow, ...]


@dataclass(frozen=True)
class KeyPlayer:
    entity_id: int
    label: str
    type: str
    degree: int
    weighted_degree: float
    betweenness: float


@dataclass(frozen=True)
class VerifyProblem:
    sha256: str
    path: str
    problem: str
    cases: tuple[str, ...] = ()
