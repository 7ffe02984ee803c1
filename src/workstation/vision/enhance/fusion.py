"""Multi-frame fusion: average registered video frames, or one face across frames.

Averaging ``n`` aligned frames divides independent noise by about ``sqrt(n)``
and lets detail that compression dropped in one frame come from another.

* Frame fusion registers each neighbouring frame on the chosen one with the
  enhanced correlation coefficient (ECC) on a region (e.g. a plate or a face)
  and averages the frames that register well.
* Face fusion follows one face through neighbouring frames, takes the best
  shots (highest detector score), aligns each to the chosen frame's face by a
  least-squares similarity transform of the five landmarks and averages them
  in a square around the face.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.domain.records import DetectedFace
from workstation.vision.enhance.errors import ParameterError
from workstation.vision.enhance.params import choice, number, region
from workstation.vision.enhance.pixels import to_uint8

log = logging.getLogger(__name__)

FRAME_FUSION_SUMMARY = (
    "Registers neighbouring frames on the chosen one by maximising the enhanced "
    "correlation coefficient (ECC) over the region, then averages those that "
    "register well."
)
FRAME_FUSION_REFERENCE = (
    "Evangelidis & Psarakis, Parametric image alignment using enhanced "
    "correlation coefficient maximization, IEEE TPAMI 30(10), 2008."
)
FACE_FUSION_SUMMARY = (
    "Follows one face through neighbouring frames, aligns the best shots to the "
    "chosen frame's face by a least-squares similarity transform of the five "
    "landmarks refined by ECC on the face, and averages them."
)
FACE_FUSION_REFERENCE = (
    "Umeyama, Least-squares estimation of transformation parameters between two "
    "point patterns, IEEE TPAMI 13(4), 1991; Evangelidis & Psarakis, IEEE TPAMI "
    "30(10), 2008."
)

_MOTIONS = {
    "translation": cv2.MOTION_TRANSLATION,
    "euclidean": cv2.MOTION_EUCLIDEAN,
    "affine": cv2.MOTION_AFFINE,
}


@dataclass(frozen=True)
class FrameFusionParams:
    """Which frames to register, on what, and how strictly."""

    radius: int = number(
        2, 1, 15, integer=True, unit="frames", doc="frames each side of the chosen one"
    )
    motion: str = choice(
        "euclidean", tuple(_MOTIONS), doc="motion model between frames"
    )
    region: tuple | None = region(doc="area to register on; whole frame if absent")
    min_correlation: float = number(
        0.8, 0.0, 1.0, doc="frames whose registration scores lower are left out"
    )
    iterations: int = number(100, 10, 1000, integer=True, doc="ECC iterations")


@dataclass(frozen=True)
class FaceFusionParams:
    """How far to look for the face, how many shots to average, output margin."""

    radius: int = number(
        2, 1, 60, integer=True, unit="frames", doc="frames each side searched"
    )
    shots: int = number(5, 2, 31, integer=True, doc="best shots averaged")
    min_correlation: float = number(
        0.8, 0.0, 1.0, doc="shots whose fine alignment scores lower are left out"
    )
    margin: float = number(
        0.6, 0.1, 2.0, doc="space around the face, as a fraction of its size"
    )
    region: tuple | None = region(
        doc="the face to follow overlaps this area; the largest face if absent"
    )


#: Fusion kind -> its parameter dataclass.
FUSIONS = {"frames": FrameFusionParams, "face": FaceFusionParams}


# -- frame fusion -------------------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    """How one frame registered on the chosen one.

    ``matrix`` is the 2 x 3 affine map from chosen-frame to this frame's pixel
    coordinates (flattened); ``used`` says whether the frame was averaged.
    """

    frame: int
    correlation: float
    matrix: tuple[float, ...]
    used: bool
    note: str = ""


@dataclass(frozen=True)
class FusionResult:
    """The fused image and what went into it."""

    image: np.ndarray
    registrations: tuple[Registration, ...]

    @property
    def frames_used(self) -> tuple[int, ...]:
        """Frame numbers averaged, the chosen frame included."""
        return tuple(r.frame for r in self.registrations if r.used)


def _clip_region(area: tuple | None, width: int, height: int) -> tuple[int, ...]:
    if area is None:
        return 0, 0, width, height
    x, y, w, h = area
    if x >= width or y >= height or x + w > width or y + h > height:
        raise ParameterError(
            "region",
            f"[{x}, {y}, {w}, {h}] does not lie inside the {width} x {height} frame",
        )
    if w < 16 or h < 16:
        raise ParameterError("region", "make the region at least 16 x 16 pixels")
    return x, y, w, h


def _accumulate(total, weight, image, matrix, size, flags) -> None:
    warped = cv2.warpAffine(
        image.astype(np.float32), matrix, size, flags=flags, borderValue=0
    )
    mask = cv2.warpAffine(
        np.ones(image.shape[:2], np.float32), matrix, size, flags=flags, borderValue=0
    )
    total += warped * mask[:, :, None]
    weight += mask


def fuse_frames(
    frames: Sequence[tuple[int, np.ndarray]], chosen: int, p: FrameFusionParams
) -> FusionResult:
    """Register frames on the chosen one and average those that fit.

    Args:
        frames: (frame number, uint8 BGR image) pairs, all the same size.
        chosen: The frame number the result is aligned to (one of ``frames``).
        p: Registration settings.

    Returns:
        The average of the chosen frame and the frames that registered with a
        correlation of at least ``p.min_correlation``.

    Raises:
        ParameterError: The region is outside the frame or too small.
    """
    images = dict(frames)
    reference = images[chosen]
    height, width = reference.shape[:2]
    x, y, w, h = _clip_region(p.region, width, height)
    offset = np.array([x, y], dtype=np.float64)
    template = cv2.cvtColor(reference[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, p.iterations, 1e-6)
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    total = np.zeros(reference.shape, np.float64)
    weight = np.zeros((height, width), np.float64)
    registrations = []
    for number_, image in frames:
        if number_ == chosen:
            identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
            total += reference
            weight += 1.0
            registrations.append(Registration(number_, 1.0, identity, True))
            continue
        moving = cv2.cvtColor(image[y : y + h, x : x + w], cv2.COLOR_BGR2GRAY)
        matrix = np.eye(2, 3, dtype=np.float32)
        try:
            score, matrix = cv2.findTransformECC(
                template, moving, matrix, _MOTIONS[p.motion], criteria, None, 5
            )
        except cv2.error as exc:
            log.debug("frame %d did not register: %s", number_, exc)
            registrations.append(
                Registration(number_, 0.0, (), False, "registration did not converge")
            )
            continue
        # the map was found on the region; make it act on whole frames
        full = matrix.astype(np.float64)
        full[:, 2] += offset - full[:, :2] @ offset
        used = score >= p.min_correlation
        if used:
            _accumulate(total, weight, image, full, (width, height), flags)
        registrations.append(
            Registration(
                number_,
                float(score),
                tuple(float(v) for v in full.ravel()),
                bool(used),
                "" if used else f"correlation {score:.3f} below {p.min_correlation}",
            )
        )
    fused = to_uint8(total / np.maximum(weight, 1e-9)[:, :, None], scale=1.0)
    log.debug("fused %d of %d frames", sum(r.used for r in registrations), len(frames))
    return FusionResult(fused, tuple(registrations))


# -- face fusion --------------------------------------------------------------------


@dataclass(frozen=True)
class FaceShot:
    """One sighting of the followed face: frame, box, landmarks, detector score."""

    frame: int
    box: tuple[float, float, float, float]
    landmarks: tuple[tuple[float, float], ...]
    det_score: float

    @classmethod
    def of(cls, frame: int, face: DetectedFace) -> FaceShot:
        """The shot of a detected face in a frame."""
        return cls(frame, face.box, face.landmarks, face.det_score)


def box_overlap(a, b) -> float:
    """Intersection over union of two x1, y1, x2, y2 boxes."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def pick_face(faces: Sequence[DetectedFace], area: tuple | None) -> DetectedFace | None:
    """The face to follow: the one overlapping ``area`` most, else the largest."""
    if not faces:
        return None
    if area is None:
        return max(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
    x, y, w, h = area
    box = (x, y, x + w, y + h)
    best = max(faces, key=lambda f: box_overlap(f.box, box))
    return best if box_overlap(best.box, box) > 0 else None


def follow_face(
    detections: Mapping[int, Sequence[DetectedFace]],
    start: FaceShot,
    *,
    min_overlap: float = 0.3,
    max_gap: int = 3,
) -> list[FaceShot]:
    """Follow a face from ``start`` forwards and backwards through the frames.

    In each frame the face overlapping the last sighting most (at least
    ``min_overlap``) continues the track; after ``max_gap`` frames in a row
    without it, the track ends on that side.

    Returns:
        The sightings in frame order, ``start`` included.
    """
    track = [start]
    frames = sorted(detections)
    for direction in (1, -1):
        last, misses = start, 0
        ordered = [f for f in frames if (f - start.frame) * direction > 0]
        for frame in sorted(ordered, key=lambda f: abs(f - start.frame)):
            faces = detections[frame]
            best = max(faces, key=lambda f: box_overlap(f.box, last.box), default=None)
            if best is not None and box_overlap(best.box, last.box) >= min_overlap:
                last, misses = FaceShot.of(frame, best), 0
                track.append(last)
            else:
                misses += 1
                if misses > max_gap:
                    break
    return sorted(track, key=lambda s: s.frame)


def best_shots(track: Sequence[FaceShot], chosen: int, count: int) -> list[FaceShot]:
    """The chosen frame's shot and the best others by detector score, frame order."""
    own = [s for s in track if s.frame == chosen]
    others = sorted(
        (s for s in track if s.frame != chosen),
        key=lambda s: (-s.det_score, abs(s.frame - chosen), s.frame),
    )
    return sorted(own + others[: count - len(own)], key=lambda s: s.frame)


def _similarity(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    from skimage.transform import SimilarityTransform

    if hasattr(SimilarityTransform, "from_estimate"):
        transform = SimilarityTransform.from_estimate(source, target)
        ok = bool(transform)
    else:  # scikit-image before 0.26
        transform = SimilarityTransform()
        ok = transform.estimate(source, target)
    if not ok:
        raise ParameterError("landmarks", "the face landmarks are degenerate")
    return transform.params


def face_square(shot: FaceShot, margin: float) -> tuple[int, int, int]:
    """Left, top and side of the square around a face box with ``margin``."""
    x1, y1, x2, y2 = shot.box
    side = max(x2 - x1, y2 - y1) * (1.0 + 2.0 * margin)
    cx, cy = (x1 + x2) / 2.0, (y1 + y2) / 2.0
    side_px = max(8, round(side))
    return round(cx - side_px / 2.0), round(cy - side_px / 2.0), side_px


@dataclass(frozen=True)
class FaceFusionResult:
    """The fused face square and the frames of the shots averaged into it."""

    image: np.ndarray
    frames_used: tuple[int, ...]
    left_out: tuple[str, ...]


def _refine(template: np.ndarray, coarse: np.ndarray, iterations: int):
    """ECC refinement of a coarse alignment; (correlation, 3 x 3 map) or None."""
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, iterations, 1e-6)
    warp = np.eye(2, 3, dtype=np.float32)
    try:
        score, warp = cv2.findTransformECC(
            template, coarse, warp, cv2.MOTION_EUCLIDEAN, criteria, None, 5
        )
    except cv2.error:
        return None
    return float(score), np.vstack([warp, [0.0, 0.0, 1.0]]).astype(np.float64)


def fuse_faces(
    frames: Mapping[int, np.ndarray],
    shots: Sequence[FaceShot],
    chosen: int,
    p: FaceFusionParams,
) -> FaceFusionResult:
    """Average the shots of one face, aligned to the chosen frame's shot.

    Each shot is first mapped onto the chosen face by the similarity transform
    of its five landmarks, then the residual misalignment is removed by ECC
    (rigid motion) on the face square; shots whose ECC fails or scores below
    ``p.min_correlation`` are left out.

    Args:
        frames: Frame number -> uint8 BGR frame, for every shot.
        shots: The shots to average; one of them is in frame ``chosen``.
        chosen: The frame whose face geometry the result keeps.
        p: Output margin and the correlation needed.

    Returns:
        A square uint8 BGR image around the face (the face box plus margins
        in the chosen frame's pixels) and the frames averaged into it.
    """
    anchor = next(s for s in shots if s.frame == chosen)
    left, top, side = face_square(anchor, p.margin)
    to_square = np.array([[1, 0, -left], [0, 1, -top], [0, 0, 1]], np.float64)
    size = (side, side)
    target = np.asarray(anchor.landmarks, np.float64)
    template = cv2.cvtColor(
        cv2.warpAffine(frames[chosen], to_square[:2], size), cv2.COLOR_BGR2GRAY
    )
    total = np.zeros((side, side, 3), np.float64)
    weight = np.zeros((side, side), np.float64)
    used, left_out = [], []
    for shot in shots:
        frame = frames[shot.frame]
        coarse = to_square @ _similarity(np.asarray(shot.landmarks, np.float64), target)
        if shot.frame == chosen:
            _accumulate(total, weight, frame, coarse[:2], size, cv2.INTER_LINEAR)
            used.append(shot.frame)
            continue
        moved = cv2.warpAffine(frame, coarse[:2], size)
        refined = _refine(template, cv2.cvtColor(moved, cv2.COLOR_BGR2GRAY), 100)
        if refined is None or refined[0] < p.min_correlation:
            why = (
                "alignment did not converge"
                if refined is None
                else (
                    f"alignment correlation {refined[0]:.3f} below {p.min_correlation}"
                )
            )
            left_out.append(f"frame {shot.frame} left out: {why}")
            continue
        # square -> shot frame: undo the coarse map after the ECC correction
        inverse = np.linalg.inv(coarse) @ refined[1]
        _accumulate(
            total,
            weight,
            frame,
            inverse[:2],
            size,
            cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        )
        used.append(shot.frame)
    image = to_uint8(total / np.maximum(weight, 1e-9)[:, :, None], scale=1.0)
    return FaceFusionResult(image, tuple(sorted(used)), tuple(left_out))
