"""Searching degraded copies of the shared photos against the clean ones.

The probe set is every single-person photo of ``face_recognition`` without
duplicates or partial faces (``32bit.png`` is ``obama2.jpg`` saved again as
PNG, so it counts as a duplicate), plus the four ``facenet_pytorch`` people:
19 photos of people who have another photo in the set (*mated* probes) and 5
of people who have none (Lin-Manuel Miranda and the four actors). All 24
clean photos are scanned into one case; each probe photo is degraded with a
recipe and searched against the case, its own clean photo left out.

For a mated probe the search *succeeds* when the right person ranks first, is
above the threshold and no wrong person is; a *false accept* is a wrong
person above the threshold, counted separately for mated and unmated probes.
Used by ``test_unclear_faces.py`` and ``tests/benchmarks/bench_unclear_faces.py``.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CASE = "U-001"
FACENET_PEOPLE = ("angelina_jolie", "kate_siegel", "paul_rudd", "shea_whigham")
#: ``32bit.png`` is ``obama2.jpg`` re-encoded (mean pixel difference 1.4/255).
RE_ENCODED = ("tests/test_images/32bit.png",)


@dataclass(frozen=True)
class ProbePhoto:
    """One clean photo of the set and who is in it."""

    identity: str
    path: Path
    evidence_id: int = 0
    face_width: float = 0.0


@dataclass(frozen=True)
class ProbeOutcome:
    """How one degraded probe fared."""

    photo: ProbePhoto
    mated: bool
    found: bool
    rank1: bool = False
    right_above: bool = False
    wrong_above: bool = False
    right_score: float | None = None
    best_wrong: float | None = None
    threshold: float | None = None
    band: str | None = None
    steps: tuple[str, ...] = ()

    @property
    def succeeded(self) -> bool:
        """Right person first and above the threshold, nobody wrong above it."""
        return self.mated and self.rank1 and self.right_above and not self.wrong_above


@dataclass(frozen=True)
class RecipeFigures:
    """The counts of one recipe, one seed and one search path."""

    recipe: str
    seed: int
    low_quality_path: bool
    mated: int
    rank1: int
    succeeded: int
    mated_false_accepts: int
    unmated_false_accepts: int
    outcomes: tuple[ProbeOutcome, ...]

    @property
    def success_rate(self) -> float:
        return self.succeeded / self.mated if self.mated else 0.0


def probe_photos(shared_data: Path) -> list[ProbePhoto]:
    """The 24 photos of the probe set (see the module description)."""
    base = shared_data / "faces" / "face_recognition"
    photos = []
    with open(base / "identities.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            identity, notes = row["identity"], row["notes"]
            if identity.startswith(("GROUP", "VIDEO")) or row["file"] in RE_ENCODED:
                continue
            if "duplicate" in notes or "partly cut off" in notes:
                continue
            photos.append(ProbePhoto(identity, base / row["file"]))
    facenet = shared_data / "faces" / "facenet_pytorch" / "data" / "test_images"
    photos += [ProbePhoto(p, facenet / p / "1.jpg") for p in FACENET_PEOPLE]
    return photos


def build_case(ws, photos: Sequence[ProbePhoto]) -> list[ProbePhoto]:
    """Add and scan the clean photos; return them with evidence id and face width."""
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.faces import scan_faces

    create_case(ws, CASE, "模糊人脸检索", kind="criminal")
    added = add_evidence(ws, CASE, [p.path for p in photos])
    scan_faces(ws, CASE)
    placed = []
    for photo, (evidence, _) in zip(photos, added, strict=True):
        width = ws.store.execute(
            "SELECT max(box[3] - box[1]) FROM faces WHERE evidence_id = ?",
            [evidence.id],
        ).fetchone()[0]
        placed.append(
            dataclasses.replace(photo, evidence_id=evidence.id, face_width=width)
        )
    return placed


def _largest_faces(ws) -> dict[int, int]:
    """face id -> evidence id, for the largest face of each photo."""
    rows = ws.store.execute(
        "SELECT id, evidence_id FROM (SELECT id, evidence_id, row_number() OVER "
        "(PARTITION BY evidence_id ORDER BY box[3] - box[1] DESC) AS n FROM faces) "
        "WHERE n = 1"
    ).fetchall()
    return {face: evidence for face, evidence in rows}


def search_degraded(
    ws,
    photos: Sequence[ProbePhoto],
    recipe,
    *,
    seed: int,
    low_quality_path: bool,
    folder: Path,
) -> RecipeFigures:
    """Degrade every photo with ``recipe`` (None: the clean photo) and search it."""
    from workstation.domain.errors import NotFoundError
    from workstation.services.faces import search_faces
    from workstation.vision.degradation import degraded_jpeg
    from workstation.vision.image_loading import load_bgr

    owner = {p.evidence_id: p.identity for p in photos}
    largest = _largest_faces(ws)
    folder.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for number, photo in enumerate(photos):
        mated = any(p.identity == photo.identity and p is not photo for p in photos)
        if recipe is None:
            probe = photo.path
        else:
            probe = folder / f"{number:02d}-{photo.path.stem}.jpg"
            probe.write_bytes(
                degraded_jpeg(
                    load_bgr(photo.path),
                    face_width=photo.face_width,
                    recipe=dataclasses.replace(recipe, seed=seed),
                )
            )
        try:
            result = search_faces(
                ws,
                CASE,
                probe,
                top_k=len(photos) * 4,
                low_quality_path=low_quality_path,
            )
        except NotFoundError:  # no face found in the probe: a miss
            outcomes.append(ProbeOutcome(photo, mated, found=False))
            continue
        people = []
        for c in result.candidates:
            if c.evidence_id == photo.evidence_id:
                continue  # the probe's own clean photo
            who = owner[c.evidence_id] if c.face_id in largest else None
            people.append((who, c.score, c.above_threshold))
        right = [s for who, s, _ in people if who == photo.identity]
        wrong = [(s, above) for who, s, above in people if who != photo.identity]
        outcomes.append(
            ProbeOutcome(
                photo,
                mated,
                found=True,
                rank1=bool(people) and people[0][0] == photo.identity,
                right_above=any(
                    above for who, _, above in people if who == photo.identity
                ),
                wrong_above=any(above for _, above in wrong),
                right_score=max(right) if right else None,
                best_wrong=max(s for s, _ in wrong) if wrong else None,
                threshold=result.threshold,
                band=str(result.probe_band) if result.probe_band else None,
                steps=result.probe_steps,
            )
        )
    mated = [o for o in outcomes if o.mated]
    return RecipeFigures(
        recipe="clean" if recipe is None else recipe.name,
        seed=seed,
        low_quality_path=low_quality_path,
        mated=len(mated),
        rank1=sum(o.rank1 for o in mated),
        succeeded=sum(o.succeeded for o in mated),
        mated_false_accepts=sum(o.wrong_above for o in mated),
        unmated_false_accepts=sum(o.wrong_above for o in outcomes if not o.mated),
        outcomes=tuple(outcomes),
    )


def held_out_impostors(engine, shared_data: Path, per_photo: int, seed_base: int):
    """Impostor scores of fair and poor probes that no calibration measured.

    Each distinct named reference photo is degraded ``per_photo`` times with
    the calibration's recipe family, but seeded from ``seed_base`` instead of
    the photo's hash, and every probe is scored against the clean faces of
    the reference set (named photos and group faces of at least 20 px), as
    ``workstation models calibrate`` scores its own.

    Returns:
        ``{band: impostor scores}`` for the bands that got probes.
    """
    from faces_reference_set import group_photos, named_photos

    from workstation.security.hashing import sha256_file
    from workstation.vision.degradation import calibration_recipes
    from workstation.vision.face_engine import largest_face
    from workstation.vision.image_loading import load_bgr
    from workstation.vision.probe_embedding import degraded_probes
    from workstation.vision.score_calibration import LabelledFace, probe_pair_scores

    clean, probes, seen = [], {}, set()
    for number, (person, photo) in enumerate(named_photos(shared_data)):
        digest = sha256_file(photo)
        if digest in seen:
            continue  # identical files are used once, as by the calibration
        seen.add(digest)
        image = load_bgr(photo)
        face = largest_face(engine.detect(image))
        clean.append(LabelledFace(face.embedding, str(photo), identity=person))
        recipes = calibration_recipes(per_photo, seed=seed_base + number)
        width = face.box[2] - face.box[0]
        for probe in degraded_probes(engine, image, width, recipes):
            probes.setdefault(probe.band, []).append(
                LabelledFace(probe.embedding, str(photo), identity=person)
            )
    for group, photo in group_photos(shared_data):
        clean += [
            LabelledFace(f.embedding, str(photo), group=group)
            for f in engine.detect(load_bgr(photo))
            if f.box[2] - f.box[0] >= 20
        ]
    return {band: probe_pair_scores(faces, clean)[0] for band, faces in probes.items()}
