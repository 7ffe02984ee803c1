"""The embedding of a search probe, with extra care for small, dark, noisy faces.

A clear probe is embedded as every stored face is. A probe of the fair or
poor quality band (see :func:`face_quality.quality_band`) is the face that
night CCTV gives: a few dozen pixels wide, dark, noisy and compressed. Its
aligned crop is first smoothed with non-local means (the lifted sensor noise
and the block artefacts are what the recogniser reacts to most), then the
smoothed crop and its mirror image are embedded and their embeddings
averaged (flip test-time augmentation).

Chosen by measurement, on 24 shared photos with 10 random CCTV-like
degradations each: of the genuine pairs of poor probes, 0.82 reached the
band's score of false-match rate 1.5e-3 when embedded plainly and 0.84
through this path. Bilateral smoothing did as well on that measure but let a
wrong person over the threshold on the night-CCTV recipe; Gaussian
smoothing, landmark jitter, brightening, CLAHE, cubic or Lanczos resampling
and the enhancement presets (``night_cctv``, ``small_face``,
``compressed_video``) did no better, and CLAHE and brightening lowered the
scores. One template per person (the mean of their photos' embeddings) added
nothing to the best single photo on this set. Comparing the probe with
gallery faces shrunk to its size raised genuine scores but let more impostors
through on faces 20 px wide, so it is not used.

The score calibration of a band is measured with exactly this path
(:data:`PROBE_PATH`), so the false-match rates shown for a poor probe hold
for the scores this path gives.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from workstation.domain.records import DetectedFace
from workstation.domain.types import QualityBand
from workstation.vision.degradation import Degradation, degrade
from workstation.vision.face_engine import FaceEngine, largest_face
from workstation.vision.face_quality import quality_band

log = logging.getLogger(__name__)

#: Strength of the non-local means smoothing (``h``, in grey levels).
DENOISE_STRENGTH = 6
#: Names this path in score calibrations: a calibration measured with another
#: path does not describe the scores this one gives.
PROBE_PATH = f"nl-means h={DENOISE_STRENGTH} + flip"
LOW_QUALITY_STEPS = (
    f"non-local means denoising of the aligned face (h={DENOISE_STRENGTH})",
    "flip test-time augmentation (mean of the face and its mirror image)",
)


@dataclass(frozen=True)
class ProbeEmbedding:
    """A probe's embedding, its quality band and the steps that made it."""

    embedding: np.ndarray
    quality: float
    band: QualityBand
    steps: tuple[str, ...] = ()


def find_probe_face(
    engine: FaceEngine, image_bgr: np.ndarray
) -> tuple[DetectedFace | None, int]:
    """The largest face of a probe image and how many faces it shows.

    One detector pass finds the face unless it is small in a large frame;
    then the tiles do.
    """
    faces = engine.detect(image_bgr, min_face=None) or engine.detect(image_bgr)
    return largest_face(faces), len(faces)


def embed_probe(
    engine: FaceEngine,
    image_bgr: np.ndarray,
    face,
    *,
    low_quality_path: bool = True,
) -> ProbeEmbedding:
    """The embedding to search with for a detected face of ``image_bgr``.

    Args:
        engine: The engine that detected ``face``.
        image_bgr: The image the face was found in.
        face: An :class:`~workstation.vision.face_engine.AnalysedFace`.
        low_quality_path: Take the low-quality path for fair and poor faces;
            False embeds every face as stored faces are.

    Returns:
        The embedding, the face's band and the steps applied (none for a
        good face or without the low-quality path).
    """
    band = quality_band(face.quality)
    if band is QualityBand.GOOD or not low_quality_path:
        return ProbeEmbedding(face.embedding, face.quality, band)
    import cv2

    try:
        crop = engine.aligned_crop(image_bgr, face.landmarks)
    except ValueError:
        log.debug("keypoints of the probe are degenerate; using its plain embedding")
        return ProbeEmbedding(face.embedding, face.quality, band)
    smooth = cv2.fastNlMeansDenoisingColored(
        crop, None, DENOISE_STRENGTH, DENOISE_STRENGTH, 5, 15
    )
    mirrored = np.ascontiguousarray(smooth[:, ::-1])
    fused = engine.embed_crops([smooth, mirrored]).sum(axis=0)
    fused /= max(float(np.linalg.norm(fused)), 1e-12)
    embedding = fused.astype(np.float32)
    return ProbeEmbedding(embedding, face.quality, band, LOW_QUALITY_STEPS)


def degraded_probes(
    engine: FaceEngine,
    image_bgr: np.ndarray,
    face_width: float,
    recipes: Iterable[Degradation],
) -> list[ProbeEmbedding]:
    """Probe embeddings of degraded copies of a photo, as a search would make them.

    Args:
        engine: The engine to detect and embed with.
        image_bgr: A clean photo of one person.
        face_width: Width in pixels of the person's face in ``image_bgr``.
        recipes: The degradations to apply, one probe each.

    Returns:
        One embedding per degraded copy in which a face was still found.
    """
    probes = []
    for recipe in recipes:
        spoiled = degrade(image_bgr, face_width=face_width, recipe=recipe)
        face, _ = find_probe_face(engine, spoiled)
        if face is not None:
            probes.append(embed_probe(engine, spoiled, face))
    return probes
