"""Face scans of a case's photos and videos.

Each evidence item is stored in its own transaction and marked as scanned
with the current pack, so a cancelled or interrupted scan resumes where it
stopped. Consecutive photos go through ``FaceEngine.detect_each``: one photo
per core is decoded and analysed at a time (decoding and onnxruntime release
the interpreter lock), and the results are stored in the case's order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import groupby

import numpy as np

from workstation.domain.errors import InputFileError, NotFoundError
from workstation.domain.progress import Cancelled, CancelToken, ProgressCallback
from workstation.domain.records import Evidence
from workstation.security.roles import Permission
from workstation.services.evidence import evidence_file
from workstation.services.face_engines import face_engine
from workstation.services.face_video import analyse_video, store_video
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows, face_rows
from workstation.vision.face_engine import MIN_FACE
from workstation.vision.image_loading import load_bgr
from workstation.vision.video_frames import DEFAULT_SAMPLE_FPS, is_video_name

log = logging.getLogger(__name__)

#: Smallest face searched for in video frames by default (pixels).
VIDEO_MIN_FACE = 40.0


@dataclass(frozen=True)
class ScanFailure:
    """An evidence item a scan could not read, and why."""

    evidence_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class ScanSummary:
    """What one face scan of a case did.

    ``images_*`` count photos and ``videos_*`` videos; ``faces_found`` counts
    the faces of both. ``partial_videos`` names videos that decoded only in
    part (truncated or damaged), whose decodable frames were used.
    ``providers`` names the pack and the provider each model really ran on.
    """

    case_number: str
    model_pack: str
    images_scanned: int
    images_skipped: int
    faces_found: int
    failed: tuple[ScanFailure, ...]
    providers: str
    videos_scanned: int = 0
    videos_skipped: int = 0
    frames_analysed: int = 0
    tracks_found: int = 0
    partial_videos: tuple[str, ...] = ()

    @property
    def images_failed(self) -> int:
        """How many items could not be read."""
        return len(self.failed)


def is_photo(evidence: Evidence) -> bool:
    """Whether an evidence item is scanned as a photo."""
    return evidence.media_type.startswith("image/")


def is_video(evidence: Evidence) -> bool:
    """Whether an evidence item is scanned as a video."""
    return evidence.media_type.startswith("video/") or is_video_name(
        evidence.original_name
    )


def _select_evidence(
    ws: Workspace, case_id: int, case_number: str, evidence_ids
) -> tuple[list[Evidence], list[ScanFailure]]:
    items = evidence_rows.list_evidence(ws.store, case_id)
    if evidence_ids is None:
        return [e for e in items if is_photo(e) or is_video(e)], []
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
        if is_photo(evidence) or is_video(evidence):
            chosen.append(evidence)
        else:
            refused.append(
                ScanFailure(
                    evidence.id,
                    evidence.original_name,
                    f"not a photo or video (media type {evidence.media_type}); "
                    "only images and videos are scanned for faces",
                )
            )
    return chosen, refused


def _loader(ws: Workspace):
    def load(evidence: Evidence) -> np.ndarray:
        return load_bgr(evidence_file(ws, evidence), name=evidence.original_name)

    return load


class _Scanner:
    """One scan's settings and running counts; scans one item at a time."""

    def __init__(self, ws, case_id, engine, options, progress, cancel) -> None:
        self.ws, self.case_id, self.engine = ws, case_id, engine
        self.min_face, self.video_min_face, self.sample_fps = options
        self.progress, self.cancel = progress, cancel
        self.images = self.videos = self.faces = self.frames = self.tracks = 0
        self.partial: list[str] = []
        self.failed: list[ScanFailure] = []

    def photo(self, evidence: Evidence, faces: list | InputFileError) -> None:
        if isinstance(faces, InputFileError):
            log.warning("face scan skipped evidence %s: %s", evidence.id, faces)
            self.failed.append(
                ScanFailure(evidence.id, evidence.original_name, str(faces))
            )
            return
        pack = self.engine.pack_name
        with self.ws.store.transaction():
            face_rows.insert_faces(
                self.ws.store, self.case_id, evidence.id, faces, pack
            )
            face_rows.mark_scanned(
                self.ws.store, self.case_id, evidence.id, pack, len(faces)
            )
        self.images += 1
        self.faces += len(faces)
        log.debug("%s: %d faces", evidence.original_name, len(faces))

    def video(self, evidence: Evidence, done: int, total: int) -> None:
        def frames_done(analysed: int, expected: int, name: str) -> None:
            if self.progress:
                self.progress(done, total, f"{name} frame {analysed}/{expected}")

        try:
            analysis = analyse_video(
                self.engine,
                evidence_file(self.ws, evidence),
                name=evidence.original_name,
                sample_fps=self.sample_fps,
                min_face=self.video_min_face,
                progress=frames_done,
                cancel=self.cancel,
            )
        except InputFileError as exc:
            log.warning("face scan skipped video %s: %s", evidence.id, exc)
            self.failed.append(
                ScanFailure(evidence.id, evidence.original_name, str(exc))
            )
            return
        stored = store_video(
            self.ws, self.case_id, evidence.id, self.engine.pack_name, analysis
        )
        self.videos += 1
        self.faces += stored.faces
        self.frames += stored.frames_analysed
        self.tracks += len(stored.track_ids)
        if not stored.complete:
            self.partial.append(evidence.original_name)


def scan_faces(
    ws: Workspace,
    case_number: str,
    *,
    evidence_ids: list[int] | None = None,
    min_face: float | None = MIN_FACE,
    video_min_face: float | None = VIDEO_MIN_FACE,
    sample_fps: float = DEFAULT_SAMPLE_FPS,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ScanSummary:
    """Detect and store the faces in a case's photos and videos not yet scanned.

    Photos give one face row per face; videos are sampled, their faces
    tracked, and each face stored with its frame number, time and track.
    An item that cannot be read is reported in ``failed`` and the scan goes on.

    Args:
        ws: The open workspace.
        case_number: The case whose image and video evidence is scanned.
        evidence_ids: Only these evidence items (all the case's media if None).
        min_face: Smallest face width, in pixels, searched for in photos
            (None: one detector pass per photo, as insightface does).
        video_min_face: The same for video frames; 40 px by default, which
            keeps a 1080p video faster than real time on two CPU cores.
        sample_fps: Video frames analysed per second of video.
        progress: Called as ``progress(done, total, name)`` after each item
            (and after each analysed video frame, with ``done`` unchanged).
        cancel: Checked before each photo and each video frame.

    Returns:
        Counts of items scanned, skipped (already scanned) and failed, faces
        and tracks found, and the providers the models ran on.

    Raises:
        Cancelled: The user cancelled; items finished before are kept.
        ModelPackError: The model pack cannot be loaded.
    """
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    engine = face_engine(ws)
    pack = engine.pack_name
    media, refused = _select_evidence(ws, case.id, case.number, evidence_ids)
    done_ids = face_rows.scanned_evidence_ids(ws.store, case.id, pack)
    todo = [e for e in media if e.id not in done_ids]
    skipped = [e for e in media if e.id in done_ids]
    scanner = _Scanner(
        ws, case.id, engine, (min_face, video_min_face, sample_fps), progress, cancel
    )
    scanner.failed += refused

    def check_cancel(done: int) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled(
                f"Face scan of case {case.number} cancelled after {done} of "
                f"{len(todo)} items; their faces are kept and the next scan "
                "continues with the rest."
            )

    done = 0
    for photos, group in groupby(todo, key=is_photo):
        check_cancel(done)
        if photos:
            items = engine.detect_each(group, image_of=_loader(ws), min_face=min_face)
        else:
            items = ((evidence, None) for evidence in group)
        try:
            for evidence, found in items:
                check_cancel(done)
                if photos:
                    scanner.photo(evidence, found)
                else:
                    scanner.video(evidence, done, len(todo))
                done += 1
                if progress:
                    progress(done, len(todo), evidence.original_name)
        finally:
            items.close()

    summary = ScanSummary(
        case_number=case.number,
        model_pack=pack,
        images_scanned=scanner.images,
        images_skipped=sum(is_photo(e) for e in skipped),
        faces_found=scanner.faces,
        failed=tuple(scanner.failed),
        providers=engine.describe(),
        videos_scanned=scanner.videos,
        videos_skipped=sum(not is_photo(e) for e in skipped),
        frames_analysed=scanner.frames,
        tracks_found=scanner.tracks,
        partial_videos=tuple(scanner.partial),
    )
    ws.audit(
        "face.scan",
        case.number,
        {
            "model_pack": pack,
            "images_scanned": summary.images_scanned,
            "images_skipped": summary.images_skipped,
            "videos_scanned": summary.videos_scanned,
            "frames_analysed": summary.frames_analysed,
            "tracks_found": summary.tracks_found,
            "faces_found": summary.faces_found,
            "min_face": min_face,
            "video_min_face": video_min_face,
            "sample_fps": sample_fps,
            "failed": [f.evidence_id for f in summary.failed],
            "partial_videos": list(summary.partial_videos),
            "providers": {k: list(v) for k, v in engine.providers.items()},
        },
    )
    log.info(
        "face scan of %s: %d photos, %d videos, %d faces, %d tracks, %d failed",
        case.number,
        summary.images_scanned,
        summary.videos_scanned,
        summary.faces_found,
        summary.tracks_found,
        len(summary.failed),
    )
    return summary
