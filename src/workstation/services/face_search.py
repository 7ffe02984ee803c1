"""1:N candidate searches: a probe face (or video track) against stored faces.

A search returns *candidates*: investigative leads ranked by similarity, each
pending a human decision. Nothing here identifies anyone. Each candidate's
score comes with the false-match rate estimated for it (how often different
people score that high, measured on a reference set, see
:mod:`workstation.vision.score_calibration`). Below the threshold the answer
is "no candidate": the list is still recorded for review, but no lead is
flagged.

Faces of one video track are one sighting of one person, so a track gives at
most one candidate (its best-scoring face).

A probe photo's face falls in a quality band (good, fair, poor). A fair or
poor face, such as a small dark face from night CCTV, is embedded through the
low-quality path (:mod:`workstation.vision.probe_embedding`), and its scores
are read against its own band's calibration: its threshold is the score at
which different people's faces of that band reach the false-match rate the
set threshold has for good faces, and its candidates' false-match rates come
from the same band. The result names the band and the steps applied.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import ProgressCallback
from workstation.domain.records import Candidate
from workstation.domain.types import QualityBand
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.face_engines import face_engine
from workstation.services.face_gallery import CachedGallery, gallery
from workstation.services.models import score_calibration
from workstation.services.workspace import Workspace
from workstation.store import face_rows, face_search_rows, track_rows
from workstation.vision.image_loading import load_bgr
from workstation.vision.probe_embedding import (
    PROBE_PATH,
    ProbeEmbedding,
    embed_probe,
    find_probe_face,
)
from workstation.vision.score_calibration import FalseMatchRate, ScoreCalibration
from workstation.vision.tiling import iou_matrix

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScoredCandidate(Candidate):
    """A candidate with where it was found and what its score means.

    ``fmr`` is the estimated false-match rate of ``score`` (None without a
    calibration for the pack); ``frame``/``time_s``/``track_id`` locate a
    video face.
    """

    case_number: str = ""
    fmr: FalseMatchRate | None = None
    quality: float | None = None
    frame: int = 0
    time_s: float | None = None
    track_id: int | None = None


@dataclass(frozen=True)
class FaceSearchResult:
    """A recorded 1:N search: the probe face and its ranked candidates.

    Candidates are leads for an analyst to review, never identifications;
    ``above_threshold`` only says the score passed the threshold.
    ``probe_face_id`` is the stored face of the probe when the probe photo is
    itself evidence of the case (that face is never a candidate), else None;
    ``probe_track_id`` is the track used as probe. ``gallery_size`` counts the
    faces compared; ``providers`` names the providers the models ran on.
    ``threshold`` is the one applied to this probe: ``set_threshold`` (the
    setting) moved to the probe's quality band ``probe_band``, whose false-match
    rate at it is ``threshold_fmr``; ``probe_steps`` are the steps of the
    low-quality path applied to the probe (none for a good face or a track).
    """

    search_id: int
    case_number: str
    probe_name: str
    probe_sha256: str
    probe_box: tuple[float, float, float, float]
    probe_det_score: float
    probe_face_id: int | None
    faces_in_probe: int
    model_pack: str
    threshold: float
    top_k: int
    gallery_size: int
    candidates: tuple[ScoredCandidate, ...]
    probe_track_id: int | None = None
    scope: str = "case"
    providers: str = ""
    threshold_fmr: FalseMatchRate | None = None
    set_threshold: float | None = None
    probe_quality: float | None = None
    probe_band: QualityBand | None = None
    probe_steps: tuple[str, ...] = ()

    @property
    def leads_above_threshold(self) -> tuple[ScoredCandidate, ...]:
        """The candidates whose score reached the threshold, best first."""
        return tuple(c for c in self.candidates if c.above_threshold)

    @property
    def no_candidate(self) -> bool:
        """True when no candidate reached the threshold (the open-set answer)."""
        return not self.leads_above_threshold


@dataclass(frozen=True)
class _Probe:
    name: str
    sha256: str
    box: tuple[float, float, float, float]
    det_score: float
    embedding: np.ndarray
    faces: int
    face_id: int | None = None
    track_id: int | None = None
    quality: float | None = None
    band: QualityBand | None = None
    steps: tuple[str, ...] = ()


def _photo_probe(
    ws, engine, case_id: int, path: Path, low_quality_path: bool
) -> _Probe:
    image = load_bgr(path)
    probe, found = find_probe_face(engine, image)
    if probe is None:
        raise NotFoundError(
            f"{path}: no face found. Use a photo where the face is upright "
            "and at least about 20 pixels wide, or crop/enhance it first."
        )
    sha256 = sha256_file(path)
    stored = face_rows.faces_of_file(ws.store, case_id, sha256, engine.pack_name)
    face_id = None
    if stored:
        overlaps = iou_matrix([probe.box], [f.box for f in stored])[0]
        if overlaps.max() >= 0.5:
            face_id = stored[int(np.argmax(overlaps))].id
    embedded: ProbeEmbedding = embed_probe(
        engine, image, probe, low_quality_path=low_quality_path
    )
    return _Probe(
        path.name,
        sha256,
        probe.box,
        probe.det_score,
        embedded.embedding,
        found,
        face_id,
        quality=embedded.quality,
        band=embedded.band,
        steps=embedded.steps,
    )


def _track_probe(ws, case, track_id: int, pack: str) -> _Probe:
    track = track_rows.get_track(ws.store, track_id)
    if track.case_id != case.id:
        raise NotFoundError(
            f"Track {track_id} belongs to case {track.case_number}, not {case.number}."
        )
    if track.model_pack != pack:
        raise WorkstationError(
            f"Track {track_id} was made with pack {track.model_pack!r}, the "
            f"workstation now uses {pack!r}; rescan the video with this pack."
        )
    best = face_rows.face_rows_by_id(ws.store, track.best_face_ids[:1])
    face = best.get(track.best_face_ids[0]) if track.best_face_ids else None
    return _Probe(
        name=(
            f"track {track.id} ({track.evidence_name}, "
            f"{track.first_time_s:.1f}-{track.last_time_s:.1f} s)"
        ),
        sha256="",
        box=face.box if face else (0.0, 0.0, 0.0, 0.0),
        det_score=face.det_score if face else 0.0,
        embedding=track.template,
        faces=track.n_faces,
        face_id=None,
        track_id=track.id,
    )


def calibrated_band(
    calibration: ScoreCalibration | None, band: QualityBand | None
) -> QualityBand:
    """The band whose scores describe a probe of ``band``.

    Its own where the calibration measured it with this version's probe
    path; the good band otherwise (and for no band at all).
    """
    if (
        calibration is None
        or band is None
        or not calibration.has_band(band)
        or calibration.probe_path != PROBE_PATH
    ):
        return QualityBand.GOOD
    return band


def band_threshold(
    calibration: ScoreCalibration | None, threshold: float, band: QualityBand | None
) -> float:
    """The threshold for a probe of ``band``: as rare for impostors as ``threshold``.

    ``threshold`` applies to good probes as it is. For a fair or poor probe
    it becomes the lowest score that impostor pairs of that band reach no
    more often than good ones reach ``threshold``. Without a calibration of
    the band (see :func:`calibrated_band`) it stays as it is.

    >>> from workstation.vision.score_calibration import ScoreSample
    >>> good = ScoreCalibration.from_scores("p", "s", [0.1, 0.2, 0.35, 0.5], [])
    >>> cal = good.with_bands({"poor": ScoreSample.of([0.0, 0.1, 0.2, 0.3], [])},
    ...     PROBE_PATH)
    >>> round(band_threshold(cal, 0.30, QualityBand.POOR), 3)
    0.1
    >>> band_threshold(cal, 0.30, QualityBand.GOOD)
    0.3
    """
    applied = calibrated_band(calibration, band)
    if applied is QualityBand.GOOD:
        return threshold
    rate = calibration.false_match_rate(threshold).rate
    return calibration.threshold_for(rate, applied)


def _ranked_rows(cached: CachedGallery, probe: _Probe, k: int):
    """Best rows, one per video track, leaving out the probe's own faces."""
    exclude = None
    if probe.face_id is not None:
        exclude = np.zeros(len(cached), dtype=bool)
        exclude[cached.rows_of([probe.face_id])] = True
    if probe.track_id is not None:
        own = cached.track_ids == probe.track_id
        exclude = own if exclude is None else exclude | own
    wanted = k * 3 + 8
    while True:
        hits = cached.index.search(probe.embedding, wanted, exclude=exclude)
        rows, seen = [], set()
        for row, score in zip(hits.rows, hits.scores, strict=True):
            track = int(cached.track_ids[row])
            if track and track in seen:
                continue
            seen.add(track)
            rows.append((int(row), float(score)))
            if len(rows) == k:
                return rows
        if len(hits.rows) < wanted:
            return rows
        wanted *= 4


def search_faces(
    ws: Workspace,
    case_number: str,
    probe_path: str | Path | None = None,
    *,
    track_id: int | None = None,
    all_cases: bool = False,
    top_k: int | None = None,
    threshold: float | None = None,
    low_quality_path: bool = True,
    progress: ProgressCallback | None = None,
) -> FaceSearchResult:
    """Rank stored faces against a probe photo's largest face or a video track.

    The search and its candidates (all pending review) are recorded in the
    case and audited. Scores are cosine similarities of the embeddings. When
    the probe photo is itself scanned evidence of the case its own face is
    left out; a track probe leaves out the track's own faces.

    Args:
        ws: The open workspace.
        case_number: The case the search belongs to (its faces are the gallery
            unless ``all_cases``).
        probe_path: Photo of the face to search for (None with ``track_id``).
        track_id: Use this video track's template as the probe.
        all_cases: Compare with the faces of every case of the workspace.
        top_k: How many candidates to keep (``Settings.top_k`` when None).
        threshold: Score below which there is no candidate for a good probe
            (``Settings.face_threshold`` when None); fair and poor probes get
            their band's threshold of the same false-match rate.
        low_quality_path: Embed fair and poor probe photos through the
            low-quality path and judge them by their band; False treats every
            probe as a good one (for comparisons).
        progress: Called as ``progress(done, 3, step)``.

    Returns:
        The recorded search with its ranked candidates.

    Raises:
        InputFileError: The probe cannot be read.
        NotFoundError: No face in the probe, no such track, or no scanned
            faces to compare with.
        WorkstationError: Bad top-k or threshold, or both or neither of a
            probe photo and a track.
    """
    settings = ws.settings
    top_k = settings.top_k if top_k is None else int(top_k)
    threshold = settings.face_threshold if threshold is None else float(threshold)
    if top_k < 1:
        raise WorkstationError(f"top-k must be at least 1 (got {top_k}).")
    if not -1.0 <= threshold <= 1.0:
        raise WorkstationError(
            f"The threshold is a cosine similarity between -1 and 1 (got {threshold})."
        )
    if (probe_path is None) == (track_id is None):
        raise WorkstationError(
            "Give either a probe photo or a track id (--track) to search with."
        )
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    engine = face_engine(ws)
    pack = engine.pack_name

    if progress:
        progress(0, 3, "finding the probe face")
    if track_id is not None:
        probe = _track_probe(ws, case, int(track_id), pack)
    else:
        probe = _photo_probe(ws, engine, case.id, Path(probe_path), low_quality_path)
    calibration = score_calibration(settings, pack)
    set_threshold = threshold
    rate_band = calibrated_band(calibration, probe.band if low_quality_path else None)
    threshold = band_threshold(calibration, set_threshold, rate_band)
    cached = gallery(ws, None if all_cases else case.id, pack)
    excluded = (probe.face_id is not None) + (
        int(np.count_nonzero(cached.track_ids == probe.track_id))
        if probe.track_id is not None
        else 0
    )
    compared = len(cached) - excluded
    if compared <= 0:
        where = "the workspace" if all_cases else f"case {case.number}"
        raise NotFoundError(
            f"{where.capitalize()} has no faces scanned with pack {pack!r} to "
            f"compare {probe.name} with; add photos or videos and run a face scan "
            "first."
        )

    if progress:
        progress(1, 3, f"comparing with {compared} faces")
    ranked = _ranked_rows(cached, probe, top_k)
    details = face_rows.face_rows_by_id(
        ws.store, [int(cached.index.ids[r]) for r, _ in ranked]
    )
    candidates = []
    for rank, (row, score) in enumerate(ranked, start=1):
        face = details[int(cached.index.ids[row])]
        candidates.append(
            ScoredCandidate(
                rank=rank,
                face_id=face.id,
                evidence_id=face.evidence_id,
                evidence_name=face.evidence_name,
                score=score,
                above_threshold=score >= threshold,
                person_label=face.person,
                case_number=face.case_number,
                fmr=_rate(calibration, score, rate_band),
                quality=face.quality,
                frame=face.frame,
                time_s=face.time_s,
                track_id=face.track_id,
            )
        )

    if progress:
        progress(2, 3, "recording the candidate list")
    scope = "all cases" if all_cases else "case"
    with ws.store.transaction():
        search_id = face_search_rows.insert_search(
            ws.store,
            case.id,
            probe_name=probe.name,
            probe_sha256=probe.sha256,
            model_pack=pack,
            threshold=threshold,
            searched_by=ws.user,
            probe_face_id=probe.face_id,
            probe_track_id=probe.track_id,
            scope=scope,
            providers=engine.describe(),
            probe_quality=probe.quality,
            probe_band=str(probe.band) if probe.band else None,
            probe_steps=probe.steps,
            set_threshold=set_threshold,
        )
        face_search_rows.insert_candidates(
            ws.store,
            search_id,
            case.id,
            candidates,
            [c.fmr.rate if c.fmr else None for c in candidates],
        )
        ws.audit(
            "face.search",
            case.number,
            {
                "search_id": search_id,
                "probe": probe.name,
                "probe_sha256": probe.sha256,
                "probe_face_id": probe.face_id,
                "probe_track_id": probe.track_id,
                "scope": scope,
                "model_pack": pack,
                "threshold": threshold,
                "set_threshold": set_threshold,
                "probe_quality": probe.quality,
                "probe_band": str(probe.band) if probe.band else None,
                "probe_steps": list(probe.steps),
                "top_k": top_k,
                "gallery": compared,
                "candidates": len(candidates),
                "above_threshold": sum(c.above_threshold for c in candidates),
                "cases": sorted({c.case_number for c in candidates}),
                "providers": {k: list(v) for k, v in engine.providers.items()},
            },
        )
    if progress:
        progress(3, 3, "done")
    log.info(
        "face search %d in %s (%s, %s probe): %d candidates, %d above %.3f",
        search_id,
        case.number,
        scope,
        probe.band or "track",
        len(candidates),
        sum(c.above_threshold for c in candidates),
        threshold,
    )
    return FaceSearchResult(
        search_id=search_id,
        case_number=case.number,
        probe_name=probe.name,
        probe_sha256=probe.sha256,
        probe_box=probe.box,
        probe_det_score=probe.det_score,
        probe_face_id=probe.face_id,
        faces_in_probe=probe.faces,
        model_pack=pack,
        threshold=threshold,
        top_k=top_k,
        gallery_size=compared,
        candidates=tuple(candidates),
        probe_track_id=probe.track_id,
        scope=scope,
        providers=engine.describe(),
        threshold_fmr=_rate(calibration, threshold, rate_band),
        set_threshold=set_threshold,
        probe_quality=probe.quality,
        probe_band=probe.band,
        probe_steps=probe.steps,
    )


def _rate(
    calibration: ScoreCalibration | None, score: float, band: QualityBand
) -> FalseMatchRate | None:
    return calibration.false_match_rate(score, band) if calibration else None


def recorded_rate_pairs(
    calibration: ScoreCalibration | None,
    probe_band: str | None,
    threshold: float,
    set_threshold: float | None,
    rates: Sequence[tuple[float, float | None]],
) -> int | None:
    """How many impostor pairs a recorded search's false-match rates count.

    A search stores each candidate's rate but not the number of impostor pairs
    it was measured on, which is what a rate of zero is written against ("below
    1/N", see :func:`~workstation.domain.false_match.fmr_text`). The number is
    that of the band the search read its rates from: the probe band's own, or
    the good band's (a good probe, a track, a search without the low-quality
    path). The band is the one whose threshold and rates the calibration
    reproduces exactly; None when neither does (the pack was calibrated again
    since, or has no calibration now).

    Args:
        calibration: The model pack's calibration as it is now.
        probe_band: The probe's recorded quality band (None for a track).
        threshold: The threshold the search applied.
        set_threshold: The threshold set for good probes (None in old searches).
        rates: ``(score, fmr)`` of each recorded candidate.

    >>> cal = ScoreCalibration.from_scores("p", "s", [0.1, 0.2, 0.3, 0.4], [])
    >>> recorded_rate_pairs(cal, None, 0.3, 0.3, [(0.9, 0.0), (0.35, 0.25)])
    4
    >>> recorded_rate_pairs(cal, None, 0.3, 0.3, [(0.35, 0.5)]) is None
    True
    """
    if calibration is None:
        return None
    band = QualityBand(probe_band) if probe_band else None
    for rate_band in dict.fromkeys(
        (calibrated_band(calibration, band), QualityBand.GOOD)
    ):
        if set_threshold is not None and not math.isclose(
            band_threshold(calibration, set_threshold, rate_band),
            threshold,
            rel_tol=0.0,
            abs_tol=1e-9,
        ):
            continue
        if all(
            fmr is None
            or math.isclose(
                calibration.false_match_rate(score, rate_band).rate,
                fmr,
                rel_tol=1e-9,
                abs_tol=1e-15,
            )
            for score, fmr in rates
        ):
            return calibration.sample(rate_band).impostor_pairs
    return None
