"""Reviewing faces: crops, clearest-first lists, video tracks and decisions.

Only a person's confirmed decision on a candidate, or an explicit link of a
reference photo, ties a face to a person entity; every decision and link is
audited. A stored face can itself be the probe of a search
(:func:`search_with_face`): its track, or the photo it was found in.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.types import Decision
from workstation.security.roles import Permission
from workstation.services.face_engines import face_engine
from workstation.services.face_search import FaceSearchResult, search_faces
from workstation.services.workspace import Workspace
from workstation.store import face_rows, face_search_rows, track_rows
from workstation.store.face_rows import FaceRow
from workstation.store.track_rows import TrackRow
from workstation.vision.face_crops import crop_face_png

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaceCrop:
    """A stored face with its crop as PNG bytes."""

    face: FaceRow
    png: bytes


@dataclass(frozen=True)
class BestShot(FaceCrop):
    """One of a track's clearest faces, with its crop."""

    path: Path | None = None


def face_crop_png(
    ws: Workspace, face_id: int, *, margin: float = 0.25, size: int = 160
):
    """PNG bytes of a stored face, cut from the vault copy of its evidence.

    Video faces are cut from their exact frame.

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


def clearest_faces(
    ws: Workspace, case_number: str, *, limit: int | None = None, **filters
) -> list[FaceRow]:
    """The case's stored faces, clearest first (``face_rows.list_faces`` filters)."""
    case = ws.case(case_number)
    rows = face_rows.list_faces(
        ws.store, case.id, face_engine(ws).pack_name, limit=limit, **filters
    )
    ws.audit("face.list", case.number, {"faces": len(rows), **filters})
    return rows


def face_crops(
    ws: Workspace,
    case_number: str,
    face_ids: Sequence[int],
    *,
    size: int = 160,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[FaceCrop]:
    """Stored faces of a case with their crops, in the order of ``face_ids``.

    Video faces are cut from their exact frame, so a long list of them takes a
    while (about 50 ms a face on a laptop): pass a progress callback.

    Args:
        ws: The open workspace.
        case_number: The case the faces must belong to.
        face_ids: The faces, in the order wanted.
        size: Side of each square crop in pixels.
        progress: Called as ``progress(done, total, message)`` after each crop.
        cancel: Checked before each crop.

    Returns:
        One :class:`FaceCrop` per id.

    Raises:
        NotFoundError: A face is not stored, or belongs to another case.
        InputFileError: A vault copy cannot be read.
        Cancelled: The user cancelled.
    """
    case = ws.case(case_number)
    rows = face_rows.face_rows_by_id(ws.store, face_ids)
    for face_id in face_ids:
        face = rows.get(face_id)
        if face is None:
            raise NotFoundError(f"No stored face with id {face_id}.")
        if face.case_number != case.number:
            raise NotFoundError(
                f"Face {face_id} belongs to case {face.case_number}, not {case.number}."
            )
    crops = []
    for done, face_id in enumerate(face_ids, start=1):
        check_cancel(cancel)
        crops.append(FaceCrop(rows[face_id], face_crop_png(ws, face_id, size=size)))
        if progress:
            progress(done, len(face_ids), "cutting face crops")
    return crops


def search_with_face(
    ws: Workspace,
    case_number: str,
    face_id: int,
    *,
    progress: ProgressCallback | None = None,
) -> FaceSearchResult:
    """Search the case with one of its stored faces as the probe.

    A face of a video track searches with its track (the template of all its
    faces, as ``search_faces(track_id=...)``). A photo's face searches with the
    photo itself, named as it was added: a photo probe is its largest face, so
    this works for the largest face of a photo only. Either way the probe's own
    faces are never candidates.

    Args:
        ws: The open workspace.
        case_number: The case of the face, searched as for :func:`search_faces`.
        face_id: The stored face to search with.
        progress: As for :func:`search_faces`.

    Returns:
        The recorded search (``probe_face_id`` or ``probe_track_id`` says what
        it searched with).

    Raises:
        NotFoundError: The face is not in the case.
        WorkstationError: The face is a smaller face of a group photo, or a
            video face outside any track.
    """
    case = ws.case(case_number)
    source = face_rows.face_source(ws.store, face_id)
    if source.face.case_id != case.id:
        raise NotFoundError(
            f"Face {face_id} belongs to case {source.case_number}, not {case.number}."
        )
    if source.media_type.startswith("video/"):
        face = face_rows.face_rows_by_id(ws.store, [face_id])[face_id]
        if face.track_id is None:
            raise WorkstationError(
                f"Face {face_id} of {source.evidence_name} (frame {face.frame}) is "
                "in no video track; scan the video again to track its faces."
            )
        return search_faces(ws, case.number, track_id=face.track_id, progress=progress)

    others = face_rows.list_faces(
        ws.store, case.id, source.model_pack, evidence_id=source.face.evidence_id
    )
    largest = max(others, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
    if largest.id != face_id:
        raise WorkstationError(
            f"Face {face_id} is not the largest of the {len(others)} faces in "
            f"{source.evidence_name}, and a photo search uses a photo's largest "
            "face; search with that one, or with a video track."
        )
    with tempfile.TemporaryDirectory(prefix="probe-") as folder:
        # The copy has the photo's name and hash, so the search records the
        # name an analyst knows and still leaves this face out of the candidates.
        probe = Path(folder) / Path(source.evidence_name).name
        shutil.copyfile(ws.root / source.vault_path, probe)
        return search_faces(ws, case.number, probe, progress=progress)


def face_tracks(ws: Workspace, case_number: str) -> list[TrackRow]:
    """The video face tracks of a case, by video and start time (audited)."""
    case = ws.case(case_number)
    tracks = track_rows.list_tracks(ws.store, case.id, face_engine(ws).pack_name)
    ws.audit("face.tracks", case.number, {"tracks": len(tracks)})
    return tracks


def best_shots(
    ws: Workspace,
    case_number: str,
    track_id: int,
    *,
    out_dir: str | Path | None = None,
    size: int = 160,
) -> list[BestShot]:
    """A track's clearest faces as PNG crops, written to ``out_dir`` if given.

    Raises:
        NotFoundError: No such track in the case.
    """
    case = ws.case(case_number)
    track = track_rows.get_track(ws.store, track_id)
    if track.case_id != case.id:
        raise NotFoundError(
            f"Track {track_id} belongs to case {track.case_number}, not {case.number}."
        )
    rows = face_rows.face_rows_by_id(ws.store, track.best_face_ids)
    shots = []
    for rank, face_id in enumerate(track.best_face_ids, start=1):
        png = face_crop_png(ws, face_id, size=size)
        path = None
        if out_dir is not None:
            folder = Path(out_dir)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"track{track.id}-best{rank}-frame{rows[face_id].frame}.png"
            path.write_bytes(png)
        shots.append(BestShot(rows[face_id], png, path))
    ws.audit(
        "face.best_shots",
        case.number,
        {
            "track_id": track.id,
            "faces": list(track.best_face_ids),
            "written_to": None if out_dir is None else str(out_dir),
        },
    )
    return shots


def link_face_to_person(
    ws: Workspace, case_number: str, face_id: int, person_entity_id: int, source: str
) -> bool:
    """Attach a stored face to a person entity of the case (a reference photo).

    Returns:
        True when the link is new, False when it existed already.

    Raises:
        NotFoundError: The face or person is not in the case.
        WorkstationError: The entity is not a person.
    """
    ws.require(Permission.DECIDE_FACES)
    case = ws.case(case_number)
    face = face_rows.face_source(ws.store, face_id)
    if face.face.case_id != case.id:
        raise NotFoundError(
            f"Face {face_id} belongs to case {face.case_number}, not {case.number}."
        )
    label = face_search_rows.person_label(ws.store, case.id, person_entity_id)
    with ws.store.transaction():
        new = face_search_rows.link_person_face(
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


_DECISIONS = {
    "confirm": Decision.CONFIRMED.value,
    "confirmed": Decision.CONFIRMED.value,
    "reject": Decision.REJECTED.value,
    "rejected": Decision.REJECTED.value,
}


def record_decision(
    ws: Workspace,
    search_id: int,
    face_id: int,
    decision: str,
    comment: str = "",
    *,
    person_key: str | None = None,
    case_number: str | None = None,
) -> bool:
    """Record a reviewer's decision on one candidate of a search.

    A confirmation must say why the reviewer takes the candidate for the
    person searched for, so it needs a comment; a rejection may go without.
    A confirmation with ``person_key`` also links the face to that person
    entity of the search's case (the only way a search result names someone).

    Args:
        ws: The open workspace; ``ws.user`` is recorded as the reviewer.
        search_id: The search.
        face_id: The candidate face.
        decision: ``confirmed``/``confirm`` or ``rejected``/``reject``.
        comment: The reviewer's reasoning; required (not blank) to confirm.
        person_key: Key of the person entity a confirmed face shows.
        case_number: When given, the search must belong to this case.

    Returns:
        True when a new face-person link was made.

    Raises:
        WorkstationError: Unknown decision, a confirmation without a comment,
            or a person given with a rejection.
        NotFoundError: No such search or person, the search is of another
            case, or the face is not one of its candidates.
    """
    value = _DECISIONS.get(str(decision).lower())
    if value is None:
        raise WorkstationError(
            f"Decision {decision!r} is not one of confirmed, rejected "
            "(or confirm, reject)."
        )
    if value == Decision.CONFIRMED.value and not comment.strip():
        raise WorkstationError(
            f"Confirming face {face_id} of search {search_id} needs a comment "
            "saying why the candidate shows the person searched for (the features "
            "that match, who checked); write one and confirm again."
        )
    if person_key is not None and value != Decision.CONFIRMED.value:
        raise WorkstationError(
            "Only a confirmed candidate is linked to a person; drop --person "
            "when rejecting."
        )
    ws.require(Permission.DECIDE_FACES)
    record = face_search_rows.search_record(ws.store, search_id)
    if case_number is not None and ws.case(case_number).id != record.case_id:
        raise NotFoundError(
            f"Face search {search_id} belongs to case {record.case_number}, not "
            f"{case_number}."
        )
    person = None
    if person_key is not None:
        face = face_rows.face_source(ws.store, face_id)
        if face.face.case_id != record.case_id:
            raise WorkstationError(
                f"Face {face_id} is evidence of case {face.case_number}; link it to "
                f"a person of that case, not of {record.case_number}."
            )
        person = face_search_rows.person_by_key(ws.store, record.case_id, person_key)
    linked = False
    with ws.store.transaction():
        face_search_rows.set_decision(
            ws.store,
            search_id,
            face_id,
            decision=value,
            decided_by=ws.user,
            comment=comment,
        )
        ws.audit(
            "face.decision",
            record.case_number,
            {
                "search_id": search_id,
                "face_id": face_id,
                "decision": value,
                "comment": comment,
                "person": person_key,
            },
        )
        if person is not None:
            linked = link_face_to_person(
                ws,
                record.case_number,
                face_id,
                person[0],
                f"confirmed in face search {search_id}",
            )
    return linked
