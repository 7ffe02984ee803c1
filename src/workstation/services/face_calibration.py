"""Measuring a pack's score calibration from a folder of labelled photos.

The folder is laid out as::

    FOLDER/<person>/<photo>          photos of one named person each; the
                                     largest face of each photo is used
    FOLDER/groups/<set>/<photo>      group photos: every face in a photo is a
                                     different person, and the people of one
                                     set are none of the people of another set
                                     or of the named folders

Identical files (same SHA-256) are used once. Pairs are formed as described
in :mod:`workstation.vision.score_calibration`; the result is written to
``calibration.toml`` in the pack folder, where searches find it.

For the fair and poor quality bands, each named person's photo is also
degraded :data:`DEGRADED_PER_PHOTO` times with random CCTV-like recipes
(``degradation.calibration_recipes``, seeded by the photo's hash so a re-run
gives the same recipes); each copy is searched for a face and embedded as a
search probe would be, and scored against the clean faces of the set.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.types import QualityBand
from workstation.security.hashing import sha256_file
from workstation.services.face_engines import face_engine
from workstation.services.models import calibration_path
from workstation.services.workspace import Workspace
from workstation.vision.degradation import calibration_recipes
from workstation.vision.face_engine import largest_face
from workstation.vision.image_loading import load_bgr
from workstation.vision.probe_embedding import PROBE_PATH, degraded_probes
from workstation.vision.score_calibration import (
    LabelledFace,
    ScoreCalibration,
    ScoreSample,
    pair_scores,
    probe_pair_scores,
    write_calibration,
)

log = logging.getLogger(__name__)

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"})
GROUPS = "groups"
#: Group faces narrower than this are left out: the crowd behind a team photo
#: holds faces of 10 px whose identity nobody could check.
MIN_GROUP_FACE = 20.0
#: Degraded copies of each named person's photo for the fair and poor bands.
DEGRADED_PER_PHOTO = 20


@dataclass(frozen=True)
class CalibrationRun:
    """A measured calibration, where it was written and what it was made of."""

    calibration: ScoreCalibration
    path: Path
    named_faces: int
    group_faces: int
    photos_without_face: tuple[str, ...]


def _photos(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES
    )


def labelled_photos(folder: Path) -> list[tuple[Path, str | None, str | None]]:
    """``(photo, person, group set)`` for every photo of a calibration folder.

    Raises:
        InputFileError: The folder does not exist or holds no photos.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputFileError(f"{folder}: no such folder of labelled photos.")
    entries: list[tuple[Path, str | None, str | None]] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name == GROUPS:
            for group in sorted(p for p in sub.iterdir() if p.is_dir()):
                entries += [(photo, None, group.name) for photo in _photos(group)]
        else:
            entries += [(photo, sub.name, None) for photo in _photos(sub)]
    if not entries:
        raise InputFileError(
            f"{folder}: holds no photos in sub-folders. Put each person's photos "
            f"in a folder named after them, and group photos in {GROUPS}/<set>/."
        )
    return entries


def calibrate(
    ws: Workspace,
    folder: str | Path,
    *,
    description: str = "",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CalibrationRun:
    """Measure impostor and genuine scores on a labelled folder; save them.

    Args:
        ws: The open workspace (supplies the pack and the acting user).
        folder: The labelled photos (layout in the module description).
        description: How the set was chosen, recorded in the file.
        progress: Called as ``progress(done, total, photo name)``.
        cancel: Checked before each photo.

    Returns:
        The calibration and the path it was written to.

    Raises:
        InputFileError: No photos, or a photo cannot be read.
        WorkstationError: Fewer than 10 impostor pairs could be formed.
    """
    engine = face_engine(ws)
    entries = labelled_photos(Path(folder))
    faces: list[LabelledFace] = []
    probes: dict[QualityBand, list[LabelledFace]] = {}
    seen: set[str] = set()
    empty: list[str] = []
    for done, (photo, person, group) in enumerate(entries, start=1):
        check_cancel(cancel)
        digest = sha256_file(photo)
        if digest not in seen:
            seen.add(digest)
            image = load_bgr(photo)
            found = engine.detect(image)
            if person is not None:
                found = [largest_face(found)] if found else []
            else:
                found = [f for f in found if f.box[2] - f.box[0] >= MIN_GROUP_FACE]
            if not found:
                empty.append(f"{photo.parent.name}/{photo.name}")
            faces += [
                LabelledFace(f.embedding, digest, identity=person, group=group)
                for f in found
            ]
            if person is not None and found:
                recipes = calibration_recipes(
                    DEGRADED_PER_PHOTO, seed=int(digest[:12], 16)
                )
                width = found[0].box[2] - found[0].box[0]
                for probe in degraded_probes(engine, image, width, recipes):
                    probes.setdefault(probe.band, []).append(
                        LabelledFace(probe.embedding, digest, identity=person)
                    )
        if progress:
            progress(done, len(entries), photo.name)
    impostor, genuine = pair_scores(faces)
    if impostor.size < 10:
        raise WorkstationError(
            f"{folder}: only {impostor.size} pairs of different people could be "
            "formed; add photos of more people (at least a few per folder)."
        )
    recogniser = engine.pack.file_for("recognition")
    named = sum(f.identity is not None for f in faces)
    people = sorted({f.identity for f in faces if f.identity})
    groups = sorted({f.group for f in faces if f.group})
    calibration = ScoreCalibration.from_scores(
        engine.pack_name,
        recogniser.sha256,
        impostor,
        genuine,
        description=description
        or (
            f"{len(seen)} distinct photos: {named} faces of {len(people)} named "
            f"people and {len(faces) - named} faces of {len(groups)} group sets "
            f"(group faces at least {MIN_GROUP_FACE:.0f} px wide)"
        ),
        measured_at=datetime.now(UTC).isoformat(timespec="seconds"),
        measured_by=f"workstation models calibrate ({ws.user})",
        sources=tuple(people) + tuple(f"{GROUPS}/{g}" for g in groups),
    )
    bands = {}
    for band in (QualityBand.FAIR, QualityBand.POOR):
        band_impostor, band_genuine = probe_pair_scores(probes.get(band, []), faces)
        if band_impostor.size:
            bands[band] = ScoreSample.of(
                band_impostor, band_genuine, len(probes.get(band, []))
            )
    calibration = calibration.with_bands(bands, PROBE_PATH)
    if not description:
        counts = ", ".join(
            f"{band} {sample.probes} probes" for band, sample in sorted(bands.items())
        )
        calibration = replace(
            calibration,
            description=f"{calibration.description}; fair and poor bands: "
            f"{DEGRADED_PER_PHOTO} random CCTV-like degradations of each named "
            f"photo ({counts}) against the clean faces",
        )
    path = write_calibration(calibration, calibration_path(ws.settings))
    ws.audit(
        "face.calibrate",
        engine.pack_name,
        {
            "photos": len(seen),
            "impostor_pairs": calibration.impostor_pairs,
            "genuine_pairs": int(calibration.genuine_scores.size),
            "bands": {
                str(band): sample.impostor_pairs
                for band, sample in calibration.bands.items()
            },
            "path": str(path),
        },
    )
    return CalibrationRun(calibration, path, named, len(faces) - named, tuple(empty))
