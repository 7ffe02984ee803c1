"""Face scans of case photos and 1:N candidate searches against them.

A search returns *candidates*: investigative leads ranked by similarity, each
pending a human decision. Nothing here identifies anyone; a person is named
only by a reviewer's recorded decision or an explicit link to a person entity.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation.domain.errors import InputFileError, NotFoundError, WorkstationError
from workstation.domain.progress import Cancelled, CancelToken, ProgressCallback
from workstation.domain.records import Candidate, Evidence
from workstation.domain.types import Decision
from workstation.security.hashing import sha256_file
from workstation.services.evidence import evidence_file
from workstation.services.models import ready_pack
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows, face_rows
from workstation.vision.face_crops import crop_face_png
from workstation.vision.face_engine import FaceEngine, largest_face

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanFailure:
    """An evidence item a scan could not read, and why."""

    evidence_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class ScanSummary:
    """What one face scan of a case did."""

    case_number: str
    model_pack: str
    images_scanned: int
    images_skipped: int
    faces_found: int
    failed: tuple[ScanFailure, ...]
    providers: str

    @property
    def images_failed(self) -> int:
        """How many photos could not be read."""
        return len(self.failed)


@dataclass(frozen=True)
class FaceSearchResult:
    """A recorded 1:N search: the probe face and its ranked candidates.

    Candidates are leads for an analyst to review, never identifications;
    ``above_threshold`` only says the score passed the configured threshold.
    ``probe_face_id`` is the stored face of the probe when the probe photo is
    itself evidence of the case (that face is never a candidate), else None.
    ``gallery_size`` counts the faces compared.
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
    candidates: tuple[Candidate, ...]

    @property
    def leads_above_threshold(self) -> tuple[Candidate, ...]:
        """The candidates whose score reached the threshold, best first."""
        return tuple(c for c in self.candidates if c.above_threshold)


# -- the engine, loaded once and reused ---------------------------------------------

_engines: dict[tuple[str, bool, str], FaceEngine] = {}
_engines_lock = threading.Lock()


def face_engine(ws: Workspace) -> FaceEngine:
    """The face engine for the workspace's settings, loaded on first use.

    Loading takes over a second, so engines are kept for the life of the
    process, one per (pack folder, manifest, CPU-only) combination: every call
    in a session, and every later workspace using the same pack, reuses it.

    Raises:
        ModelPackError: The pack is missing, damaged or does not load.
    """
    settings = ws.settings
    pack = ready_pack(settings)
    manifest_hash = sha256_file(pack.path / "pack.toml")
    key = (str(Path(pack.path).resolve()), bool(settings.force_cpu), manifest_hash)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = FaceEngine(pack, force_cpu=settings.force_cpu)
            _engines[key] = engine
    return engine


def release_engines() -> None:
    """Forget every loaded engine (their sessions are freed with them)."""
    with _engines_lock:
        _engines.clear()


# -- scanning -----------------------------------------------------------------------


def _is_image(evidence: Evidence) -> bool:
    return evidence.media_type.startswith("image/")


def _select_evidence(
    ws: Workspace, case_id: int, case_number: str, evidence_ids
) -> tuple[list[Evidence], list[ScanFailure]]:
    items = evidence_rows.list_evidence(ws.store, case_id)
    if evidence_ids is None:
        return [e for e in items if _is_image(e)], []
    by_id = {e.id: e for e in items}
    unknown = [i for i in evidence_ids if i not in by_id]
    if unknown:
        raise NotFoundError(
            f"Evidence {', '.join(map(str, unknown))} is not in case {case_number}; "
            "list the case's evidence and pick ids from it."
        )
    chosen, refused = [], []
    for evidence_id in dict.fromkeys(evidence_ids):
        evidence = by_id[evidence_id]
        if _is_image(evidence):
            chosen.append(evidence)
        else:
            refused.append(
                ScanFailure(
                    evidence.id,
                    evidence.original_name,
                    f"not a photo (media type {evidence.media_type}); "
                    "video is scanned by the video tools",
                )
            )
    return chosen, refused


def scan_faces(
    ws: Workspace,
    case_number: str,
    *,
    evidence_ids: list[int] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ScanSummary:
    """Detect and store the faces in a case's photos not yet scanned.

    Each photo is stored in its own transaction and marked as scanned with the
    current pack, so a cancelled or interrupted scan resumes where it stopped.
    A photo that cannot be read is reported in ``failed`` and the scan goes on.

    Args:
        ws: The open workspace.
        case_number: The case whose image evidence is scanned.
        evidence_ids: Only these evidence items (all the case's images if None).
        progress: Called as ``progress(done, total, name)`` after each photo.
        cancel: Checked before each photo.

    Returns:
        Counts of photos scanned, skipped (already scanned) and failed, and
        faces found.

    Raises:
        Cancelled: The user cancelled; photos finished before are kept.
        ModelPackError: The model pack cannot be loaded.
    """
    case = ws.case(case_number)
    engine = face_engine(ws)
    pack = engine.pack_name
    images, failed = _select_evidence(ws, case.id, case.number, evidence_ids)
    done_ids = face_rows.scanned_evidence_ids(ws.store, case.id, pack)
    todo = [e for e in images if e.id not in done_ids]
    skipped = len(images) - len(todo)
    scanned = faces_found = 0

    for number, evidence in enumerate(todo, start=1):
        if cancel is not None and cancel.is_set():
            raise Cancelled(
                f"Face scan of case {case.number} cancelled after {scanned} of "
                f"{len(todo)} photos; their faces are kept and the next scan "
                "continues with the rest."
            )
        try:
            faces = engine.detect_file(
                evidence_file(ws, evidence), name=evidence.original_name
            )
        except InputFileError as exc:
            log.warning("face scan skipped evidence %s: %s", evidence.id, exc)
            failed.append(ScanFailure(evidence.id, evidence.original_name, str(exc)))
        else:
            with ws.store.transaction():
                face_rows.insert_faces(ws.store, case.id, evidence.id, faces, pack)
                face_rows.mark_scanned(ws.store, case.id, evidence.id, pack, len(faces))
            scanned += 1
            faces_found += len(faces)
            log.debug("%s: %d faces", evidence.original_name, len(faces))
        if progress:
            progress(number, len(todo), evidence.original_name)

    summary = ScanSummary(
        case_number=case.number,
        model_pack=pack,
        images_scanned=scanned,
        images_skipped=skipped,
        faces_found=faces_found,
        failed=tuple(failed),
        providers=engine.describe(),
    )
    ws.audit(
        "face.scan",
        case.number,
        {
            "model_pack": pack,
            "images_scanned": scanned,
            "images_skipped": skipped,
            "faces_found": faces_found,
            "failed": [f.evidence_id for f in failed],
            "providers": {k: list(v) for k, v in engine.providers.items()},
        },
    )
    log.info(
        "face scan of %s: %d photos, %d faces, %d skipped, %d failed",
        case.number,
        scanned,
        faces_found,
        skipped,
        len(failed),
    )
    return summary


# -- searching ----------------------------------------------------------------------


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest scores, best first (ties by position)."""
    if k >= scores.size:
        chosen = np.arange(scores.size)
    else:
        chosen = np.argpartition(-scores, k - 1)[:k]
    order = np.lexsort((chosen, -scores[chosen]))
    return chosen[order]


def _overlap(a, b) -> float:
    """Intersection over union of two x1, y1, x2, y2 boxes."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def _stored_probe_face(
    ws: Workspace, case_id: int, sha256: str, pack: str, box
) -> int | None:
    """The stored face of the probe when the probe file is scanned case evidence."""
    stored = face_rows.faces_of_file(ws.store, case_id, sha256, pack)
    best = max(stored, key=lambda f: _overlap(f.box, box), default=None)
    if best is None or _overlap(best.box, box) < 0.5:
        return None
    return best.id


def search_faces(
    ws: Workspace,
    case_number: str,
    probe_path: str | Path,
    *,
    top_k: int | None = None,
    threshold: float | None = None,
    progress: ProgressCallback | None = None,
) -> FaceSearchResult:
    """Rank the case's stored faces against the largest face in a probe photo.

    The search and its candidates (all pending review) are recorded and
    audited. Scores are cosine similarities of the embeddings. When the probe
    photo is itself scanned evidence of the case, its own face is recorded as
    the search's probe face and left out of the candidates.

    Args:
        ws: The open workspace.
        case_number: The case whose scanned faces form the gallery.
        probe_path: Photo of the face to search for.
        top_k: How many candidates to keep (``Settings.top_k`` when None).
        threshold: Score at which a candidate is flagged for attention
            (``Settings.face_threshold`` when None).
        progress: Called as ``progress(done, 3, step)``.

    Returns:
        The recorded search with its ranked candidates.

    Raises:
        InputFileError: The probe cannot be read.
        NotFoundError: No face in the probe, or no scanned faces in the case.
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
    probe_path = Path(probe_path)
    case = ws.case(case_number)
    engine = face_engine(ws)
    pack = engine.pack_name

    if progress:
        progress(0, 3, f"finding the face in {probe_path.name}")
    probe_faces = engine.detect_file(probe_path)
    probe = largest_face(probe_faces)
    if probe is None:
        raise NotFoundError(
            f"{probe_path}: no face found. Use a photo where the face is upright "
            "and at least about 20 pixels wide, or crop/enhance it first."
        )
    probe_sha256 = sha256_file(probe_path)
    gallery = face_rows.load_gallery(ws.store, case.id, pack)
    probe_face_id = _stored_probe_face(ws, case.id, probe_sha256, pack, probe.box)
    compared = len(gallery) - (probe_face_id is not None)
    if compared == 0:
        raise NotFoundError(
            f"Case {case.number} has no faces scanned with pack {pack!r} to compare "
            f"{probe_path.name} with; add photos and run a face scan first."
        )

    if progress:
        progress(1, 3, f"comparing with {compared} faces")
    scores = gallery.embeddings @ probe.embedding.astype(np.float32)
    if probe_face_id is not None:
        # The probe photo is itself case evidence: never offer its own face.
        scores[gallery.face_ids == probe_face_id] = -np.inf
    best = _top_k(scores, min(top_k, compared))
    details = face_rows.candidate_details(ws.store, gallery.face_ids[best].tolist())
    candidates = []
    for rank, index in enumerate(best, start=1):
        face_id = int(gallery.face_ids[index])
        name, person = details[face_id]
        score = float(scores[index])
        candidates.append(
            Candidate(
                rank=rank,
                face_id=face_id,
                evidence_id=int(gallery.evidence_ids[index]),
                evidence_name=name,
                score=score,
                above_threshold=score >= threshold,
                person_label=person,
            )
        )

    if progress:
        progress(2, 3, "recording the candidate list")
    with ws.store.transaction():
        search_id = face_rows.insert_search(
            ws.store,
            case.id,
            probe_name=probe_path.name,
            probe_sha256=probe_sha256,
            model_pack=pack,
            threshold=threshold,
            searched_by=ws.user,
            probe_face_id=probe_face_id,
        )
        face_rows.insert_candidates(ws.store, search_id, case.id, candidates)
        ws.audit(
            "face.search",
            case.number,
            {
                "search_id": search_id,
                "probe": probe_path.name,
                "probe_sha256": probe_sha256,
                "probe_face_id": probe_face_id,
                "model_pack": pack,
                "threshold": threshold,
                "top_k": top_k,
                "gallery": compared,
                "candidates": len(candidates),
                "above_threshold": sum(c.above_threshold for c in candidates),
            },
        )
    if progress:
        progress(3, 3, "done")
    log.info(
        "face search %d in %s: %d candidates, %d above %.2f",
        search_id,
        case.number,
        len(candidates),
        sum(c.above_threshold for c in candidates),
        threshold,
    )
    return FaceSearchResult(
        search_id=search_id,
        case_number=case.number,
        probe_name=probe_path.name,
        probe_sha256=probe_sha256,
        probe_box=probe.box,
        probe_det_score=probe.det_score,
        probe_face_id=probe_face_id,
        faces_in_probe=len(probe_faces),
        model_pack=pack,
        threshold=threshold,
        top_k=top_k,
        gallery_size=compared,
        candidates=tuple(candidates),
    )


# -- crops, people and decisions ----------------------------------------------------


def face_crop_png(
    ws: Workspace, face_id: int, *, margin: float = 0.25, size: int = 160
):
    """PNG bytes of a stored face, cut from the vault copy of its evidence.

    Args:
        ws: The open workspace.
        face_id: The stored face.
        margin: Space around the face box, as a fraction of its longer side.
        size: Side of the square PNG in pixels.

    Returns:
        The PNG file's bytes.

    Raises:
        NotFoundError: No such face.
        InputFileError: The vault copy cannot be read.
    """
    source = face_rows.face_source(ws.store, face_id)
    frame = source.face.frame if source.media_type.startswith("video/") else None
    return crop_face_png(
        ws.root / source.vault_path,
        source.face.box,
        margin=margin,
        size=size,
        video_frame=frame,
        name=source.evidence_name,
    )


def link_face_to_person(
    ws: Workspace, case_number: str, face_id: int, person_entity_id: int, source: str
) -> bool:
    """Attach a stored face to a person entity of the case (a reference photo).

    Args:
        ws: The open workspace.
        case_number: The case both belong to.
        face_id: The stored face.
        person_entity_id: The person entity.
        source: Where the link comes from (e.g. "reference photo", "review").

    Returns:
        True when the link is new, False when it existed already.

    Raises:
        NotFoundError: The face or person is not in the case.
        WorkstationError: The entity is not a person.
    """
    case = ws.case(case_number)
    face = face_rows.face_source(ws.store, face_id)
    if face.face.case_id != case.id:
        raise NotFoundError(
            f"Face {face_id} belongs to case {face.case_number}, not {case.number}."
        )
    label = face_rows.person_label(ws.store, case.id, person_entity_id)
    with ws.store.transaction():
        new = face_rows.link_person_face(
            ws.store, case.id, person_entity_id, face_id, source
        )
        if new:
            ws.audit(
                "face.link_person",
                case.number,
                {
                    "face_id": face_id,
                    "person_id": person_entity_id,
                    "person": label,
                    "evidence": face.evidence_name,
                    "source": source,
                },
            )
    return new


def record_decision(
    ws: Workspace, search_id: int, face_id: int, decision: str, comment: str = ""
) -> None:
    """Record a reviewer's decision on one candidate of a search.

    Args:
        ws: The open workspace; ``ws.user`` is recorded as the reviewer.
        search_id: The search.
        face_id: The candidate face.
        decision: ``confirmed`` or ``rejected``.
        comment: The reviewer's reasoning.

    Raises:
        WorkstationError: ``decision`` is not confirmed/rejected.
        NotFoundError: No such search, or the face is not one of its candidates.
    """
    allowed = (Decision.CONFIRMED.value, Decision.REJECTED.value)
    if decision not in allowed:
        raise WorkstationError(
            f"Decision {decision!r} is not one of {', '.join(allowed)}."
        )
    _, case_number = face_rows.search_case(ws.store, search_id)
    with ws.store.transaction():
        face_rows.set_decision(
            ws.store,
            search_id,
            face_id,
            decision=str(decision),
            decided_by=ws.user,
            comment=comment,
        )
        ws.audit(
            "face.decision",
            case_number,
            {
                "search_id": search_id,
                "face_id": face_id,
                "decision": decision,
                "comment": comment,
            },
        )
