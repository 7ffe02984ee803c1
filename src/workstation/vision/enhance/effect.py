"""Measured effect of a chain on a face: detector and match scores, step by step.

The face is found after every stage (the original, the fusion, each step) with
the same detector and recogniser the case's face searches use. Its match score
is the cosine similarity to a reference face: a reference photo of the person,
or the face in the unprocessed original. A stage that lowers a score is
flagged, because an "enhancement" that makes a face less like itself misleads.

Stages and warnings are kept as data (not sentences) so a report can word
them in its own language; :meth:`Stage.label` and :meth:`EffectWarning.text`
give the English wording.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from workstation.domain.records import DetectedFace
from workstation.vision.face_engine import largest_face

log = logging.getLogger(__name__)

Detector = Callable[[np.ndarray], Sequence[DetectedFace]]

#: A detector or match score must fall by more than this to be reported.
TOLERANCE = 0.01
#: Against the unprocessed original every change lowers the match a little; a
#: stage is reported when the similarity falls by more than this.
CHANGE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Stage:
    """Where in the chain a reading was taken.

    ``kind`` is "original", "fusion" (of ``count`` frames, ``op`` "frames",
    or shots of a face, ``op`` "face"), "step" (number ``count``, operation
    ``op``) or "chain" (the whole chain).
    """

    kind: str
    count: int = 0
    op: str = ""

    def label(self) -> str:
        """The stage in English, e.g. "step 2 (bilateral)"."""
        if self.kind == "step":
            return f"step {self.count} ({self.op})"
        if self.kind == "fusion" and self.op == "face":
            return f"face fusion of {self.count} shots"
        if self.kind == "fusion":
            return f"fusion of {self.count} frames"
        if self.kind == "chain":
            return "the chain as a whole"
        return "original"


@dataclass(frozen=True)
class FaceReading:
    """The face found at one stage: detector score and match to the reference."""

    det_score: float
    match: float | None
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class StageReading:
    """One stage and the face found there (None when none was)."""

    stage: Stage
    face: FaceReading | None


@dataclass(frozen=True)
class EffectWarning:
    """A stage that made the face harder to find or less like the reference.

    ``kind``: "detector" or "match" (a score fell from ``before`` to ``after``),
    "changed" (similarity to the unprocessed face fell), "lost" (no face after
    the stage) or "no_face" (none in the unprocessed input).
    """

    stage: Stage
    kind: str
    before: float = 0.0
    after: float = 0.0

    def text(self) -> str:
        """The warning in English."""
        where, scores = self.stage.label(), f"{self.before:.3f} to {self.after:.3f}"
        if self.kind == "detector":
            return f"{where} lowered the detector score from {scores}"
        if self.kind == "match":
            return f"{where} lowered the match score from {scores}"
        if self.kind == "changed":
            return (
                f"{where} changed the face: its similarity to the unprocessed face "
                f"fell from {scores}"
            )
        if self.kind == "lost":
            return f"{where}: the face is no longer found by the detector"
        return "no face was found in the unprocessed input"


@dataclass(frozen=True)
class MeasuredEffect:
    """Scores before, after and between the steps, and the warnings they raise.

    ``reference`` names the reference photo; ``against_original`` is True when
    the reference is the face of the unprocessed input instead.
    """

    reference: str
    stages: tuple[StageReading, ...]
    warnings: tuple[EffectWarning, ...]
    against_original: bool = True

    @property
    def before(self) -> FaceReading | None:
        """The face in the unprocessed input."""
        return self.stages[0].face if self.stages else None

    @property
    def after(self) -> FaceReading | None:
        """The face in the final result."""
        return self.stages[-1].face if self.stages else None

    def to_dict(self) -> dict:
        """Plain data for storage as JSON."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> MeasuredEffect:
        """Rebuild from :meth:`to_dict` output."""
        stages = tuple(
            StageReading(
                Stage(**s["stage"]),
                FaceReading(
                    s["face"]["det_score"], s["face"]["match"], tuple(s["face"]["box"])
                )
                if s["face"]
                else None,
            )
            for s in data.get("stages", ())
        )
        warnings = tuple(
            EffectWarning(Stage(**w["stage"]), w["kind"], w["before"], w["after"])
            for w in data.get("warnings", ())
        )
        return cls(
            data.get("reference", ""),
            stages,
            warnings,
            bool(data.get("against_original", True)),
        )


def _read(
    faces: Sequence[DetectedFace], reference: np.ndarray | None
) -> FaceReading | None:
    if not faces:
        return None
    if reference is None:
        face = largest_face(faces)
        return FaceReading(face.det_score, None, face.box)
    scores = [float(f.embedding @ reference) for f in faces]
    best = int(np.argmax(scores))
    return FaceReading(faces[best].det_score, scores[best], faces[best].box)


def _drops(
    previous: FaceReading | None,
    current: StageReading,
    against_original: bool,
) -> list[EffectWarning]:
    after, stage = current.face, current.stage
    if previous is None:
        return []
    if after is None:
        return [EffectWarning(stage, "lost")]
    warnings = []
    if after.det_score < previous.det_score - TOLERANCE:
        warnings.append(
            EffectWarning(stage, "detector", previous.det_score, after.det_score)
        )
    if previous.match is None or after.match is None:
        return warnings
    if against_original and after.match < previous.match - CHANGE_TOLERANCE:
        warnings.append(EffectWarning(stage, "changed", previous.match, after.match))
    elif not against_original and after.match < previous.match - TOLERANCE:
        warnings.append(EffectWarning(stage, "match", previous.match, after.match))
    return warnings


def measure_effect(
    stages: Sequence[tuple[Stage, np.ndarray]],
    detect: Detector,
    *,
    reference: np.ndarray | None = None,
    reference_label: str = "",
) -> MeasuredEffect:
    """Find the face at every stage and score it against a reference.

    Args:
        stages: (stage, uint8 BGR image) pairs; the first is the unprocessed
            input, the last the result.
        detect: Finds faces with L2-normalised embeddings in an image.
        reference: Embedding of the reference face; when None the face found
            in the first stage is the reference.
        reference_label: How to name the reference photo ("" for none).

    Returns:
        Readings per stage and warnings for every stage that lowered the
        detector score or the match to a reference photo (by more than
        :data:`TOLERANCE`), changed the face away from the unprocessed one
        (by more than :data:`CHANGE_TOLERANCE`) or lost the face; and, for
        more than one step, the same for the chain as a whole.
    """
    if not stages:
        return MeasuredEffect(reference_label, (), ())
    against_original = reference is None
    if against_original:
        first = largest_face(detect(stages[0][1]))
        reference = None if first is None else first.embedding
    readings = [
        StageReading(stage, _read(detect(image), reference)) for stage, image in stages
    ]
    warnings: list[EffectWarning] = []
    if readings[0].face is None:
        warnings.append(EffectWarning(readings[0].stage, "no_face"))
    for previous, current in itertools.pairwise(readings):
        warnings += _drops(previous.face, current, against_original)
    if len(readings) > 2 and readings[-1].face is not None:
        whole = StageReading(Stage("chain"), readings[-1].face)
        warnings += _drops(readings[0].face, whole, against_original)
    return MeasuredEffect(
        reference_label, tuple(readings), tuple(warnings), against_original
    )
