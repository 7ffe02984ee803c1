"""What a similarity score means: false-match rates measured on known faces.

A 1:N search always returns someone; what matters is how often two
*different* people score as high as a candidate did. That rate is measured on
a reference set: every pair of faces known to belong to different people (an
"impostor" pair) is scored, and the false-match rate (FMR) at a score is the
share of impostor pairs scoring at least that much. Pairs of the same person
("genuine" pairs) show how many true matches a threshold keeps.

Pairs are formed from :class:`LabelledFace` records:

* faces of named people (one face per photo): the same name gives a genuine
  pair (different photos only), different names an impostor pair;
* faces of group photos, which belong to a named *set* (e.g. one team): two
  faces of one photo are different people; faces of different sets are
  different people, and so are a group face and a named person's face. Two
  faces of the same set in different photos are not used (they may be the
  same person).

The rate is a step function of the score: it never rises as the score does.
With ``n`` impostor pairs it can only be resolved down to ``1/n`` (one pair);
where no impostor pair reached a score it is written "below ``1/n``" (see
:func:`~workstation.domain.false_match.fmr_text`), which no rate of a lower
score undercuts. The one-sided 95 % upper bound (about ``3/n`` there) is kept
as ``upper`` for a statement of confidence; it is not written beside the rates,
being another statistic that would make a higher score look worse than a lower
one.

A poor probe (a small, dark, compressed face) scores lower against everyone,
its own person included, so the clean photos' rates do not describe its
scores. A calibration therefore also keeps, per probe quality band (see
:class:`~workstation.domain.types.QualityBand`), the scores of degraded
reference photos against the clean ones, measured with the probe path named
in ``probe_path``; the good band is the clean photos' own pairs.

>>> cal = ScoreCalibration.from_scores("p", "sha", [0.1, 0.2, 0.3, 0.4], [0.8])
>>> cal.false_match_rate(0.25).rate, cal.false_match_rate(0.5).rate
(0.5, 0.0)
>>> round(cal.false_match_rate(0.5).upper, 3)
0.527
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from workstation.domain.errors import ModelPackError
from workstation.domain.false_match import fmr_text
from workstation.domain.types import QualityBand

log = logging.getLogger(__name__)

CALIBRATION_FORMAT = 2
#: Formats this version reads (format 1 has no quality bands).
READABLE_FORMATS = (1, 2)
CONFIDENCE = 0.95


@dataclass(frozen=True)
class LabelledFace:
    """A reference face: its embedding, who or which set it is, and its photo."""

    embedding: np.ndarray
    photo: str
    identity: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class FalseMatchRate:
    """The estimated false-match rate at one score.

    ``rate`` is the observed share of impostor pairs scoring at least the
    score (``observed`` of ``pairs``); ``upper`` is its one-sided 95 %
    Clopper-Pearson upper bound.
    """

    rate: float
    upper: float
    observed: int
    pairs: int

    def __str__(self) -> str:
        """The rate as every view writes it (one text for the CLI, tab and PDF).

        ``"<4.6e-04"`` (below ``1/pairs``) when no impostor pair reached the
        score, else the rate.

        >>> str(FalseMatchRate(0.0, 0.0014, 0, 2164))
        '<4.6e-04'
        """
        return fmr_text(self.rate, self.pairs)


def _upper_bound(observed: int, pairs: int) -> float:
    if pairs == 0:
        return 1.0
    if observed >= pairs:
        return 1.0
    if observed == 0:
        return 1.0 - (1.0 - CONFIDENCE) ** (1.0 / pairs)
    from scipy.stats import beta

    return float(beta.ppf(CONFIDENCE, observed + 1, pairs - observed))


@dataclass(frozen=True)
class ScoreSample:
    """Sorted impostor and genuine scores of one kind of probe.

    ``probes`` counts the probe faces the pairs were formed from (0 where
    not recorded).
    """

    impostor_scores: np.ndarray
    genuine_scores: np.ndarray
    probes: int = 0

    @classmethod
    def of(
        cls, impostor: Sequence[float], genuine: Sequence[float], probes: int = 0
    ) -> ScoreSample:
        """A sample from raw score lists (sorted on the way in)."""
        return cls(
            np.sort(np.asarray(impostor, dtype=np.float64)),
            np.sort(np.asarray(genuine, dtype=np.float64)),
            int(probes),
        )

    @property
    def impostor_pairs(self) -> int:
        """Number of impostor pairs measured."""
        return int(self.impostor_scores.size)

    def false_match_rate(self, score: float) -> FalseMatchRate:
        """How often different people score ``score`` or more."""
        n = self.impostor_pairs
        at_least = n - int(np.searchsorted(self.impostor_scores, score, side="left"))
        rate = at_least / n if n else 1.0
        return FalseMatchRate(rate, _upper_bound(at_least, n), at_least, n)

    def true_match_rate(self, score: float) -> float:
        """Share of genuine pairs scoring ``score`` or more (1.0 when none)."""
        n = self.genuine_scores.size
        if n == 0:
            return 1.0
        return (n - int(np.searchsorted(self.genuine_scores, score))) / n

    def threshold_for(self, fmr: float) -> float:
        """The lowest score whose observed false-match rate is at most ``fmr``."""
        n = self.impostor_pairs
        allowed = math.floor(fmr * n)
        if allowed >= n:
            return -1.0
        # Scores above the (n - allowed)-th smallest impostor score qualify.
        return float(np.nextafter(self.impostor_scores[n - allowed - 1], 2.0))


@dataclass(frozen=True)
class ScoreCalibration:
    """Score samples of one recogniser, per probe quality band, and their origin.

    The good band's sample is the calibration itself (clean reference photos
    against each other); ``bands`` holds the fair and poor bands' samples
    (degraded reference photos against the clean ones), measured with the
    probe path ``probe_path``.

    >>> good = ScoreCalibration.from_scores("p", "sha", [0.1, 0.3], [0.9])
    >>> cal = good.with_bands({QualityBand.POOR: ScoreSample.of([0.05, 0.2], [])}, "x")
    >>> cal.false_match_rate(0.25).rate, cal.false_match_rate(0.25, "poor").rate
    (0.5, 0.0)
    """

    pack: str
    recognition_sha256: str
    impostor_scores: np.ndarray
    genuine_scores: np.ndarray
    description: str = ""
    measured_at: str = ""
    measured_by: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    bands: Mapping[QualityBand, ScoreSample] = field(default_factory=dict)
    probe_path: str = ""

    @classmethod
    def from_scores(
        cls,
        pack: str,
        recognition_sha256: str,
        impostor: Sequence[float],
        genuine: Sequence[float],
        **about,
    ) -> ScoreCalibration:
        """A calibration from raw score lists (sorted on the way in)."""
        good = ScoreSample.of(impostor, genuine)
        return cls(
            pack=pack,
            recognition_sha256=recognition_sha256,
            impostor_scores=good.impostor_scores,
            genuine_scores=good.genuine_scores,
            **about,
        )

    def with_bands(
        self, bands: Mapping[QualityBand, ScoreSample], probe_path: str
    ) -> ScoreCalibration:
        """This calibration with the fair and poor bands' samples added."""
        return replace(
            self,
            bands={QualityBand(k): v for k, v in bands.items()},
            probe_path=probe_path,
        )

    @property
    def good(self) -> ScoreSample:
        """The clean photos' sample (the good band)."""
        return ScoreSample(self.impostor_scores, self.genuine_scores)

    def sample(self, band: QualityBand | str = QualityBand.GOOD) -> ScoreSample:
        """The sample of a band; the good band's where the band was not measured."""
        band = QualityBand(band)
        if band is QualityBand.GOOD:
            return self.good
        return self.bands.get(band, self.good)

    def has_band(self, band: QualityBand | str) -> bool:
        """Whether the band has a sample of its own (the good band always has)."""
        band = QualityBand(band)
        return band is QualityBand.GOOD or band in self.bands

    @property
    def impostor_pairs(self) -> int:
        """Number of impostor pairs of the good band."""
        return int(self.impostor_scores.size)

    def false_match_rate(
        self, score: float, band: QualityBand | str = QualityBand.GOOD
    ) -> FalseMatchRate:
        """How often different people score ``score`` or more, probes of ``band``."""
        return self.sample(band).false_match_rate(score)

    def true_match_rate(
        self, score: float, band: QualityBand | str = QualityBand.GOOD
    ) -> float:
        """Share of genuine pairs of ``band`` scoring ``score`` or more."""
        return self.sample(band).true_match_rate(score)

    def threshold_for(
        self, fmr: float, band: QualityBand | str = QualityBand.GOOD
    ) -> float:
        """The lowest score of ``band`` whose false-match rate is at most ``fmr``."""
        return self.sample(band).threshold_for(fmr)


def pair_scores(faces: Sequence[LabelledFace]) -> tuple[np.ndarray, np.ndarray]:
    """Impostor and genuine scores of every usable pair (see the module notes).

    Returns:
        ``(impostor, genuine)`` cosine similarities.
    """
    if len(faces) < 2:
        return np.empty(0), np.empty(0)
    embeddings = np.stack([np.asarray(f.embedding, np.float64) for f in faces])
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    scores = embeddings @ embeddings.T
    identity = np.array([f.identity or "" for f in faces], dtype=object)
    group = np.array([f.group or "" for f in faces], dtype=object)
    photo = np.array([f.photo for f in faces], dtype=object)
    named = identity != ""
    upper = np.triu(np.ones(scores.shape, dtype=bool), k=1)
    same_photo = photo[:, None] == photo[None, :]
    both_named = named[:, None] & named[None, :]
    both_group = ~named[:, None] & ~named[None, :]
    same_name = identity[:, None] == identity[None, :]
    same_set = group[:, None] == group[None, :]
    genuine = upper & both_named & same_name & ~same_photo
    impostor = upper & (
        (both_named & ~same_name)
        | (both_group & same_photo)
        | (both_group & ~same_set)
        | (named[:, None] != named[None, :])
    )
    return scores[impostor], scores[genuine]


def probe_pair_scores(
    probes: Sequence[LabelledFace], gallery: Sequence[LabelledFace]
) -> tuple[np.ndarray, np.ndarray]:
    """Scores of degraded probes of named people against clean reference faces.

    A probe and a gallery face of the same name from different photos form a
    genuine pair; a gallery face of another name, or of a group photo, an
    impostor pair. A probe's own source photo is left out.

    Returns:
        ``(impostor, genuine)`` cosine similarities.
    """
    if not probes or not gallery:
        return np.empty(0), np.empty(0)
    p = np.stack([np.asarray(f.embedding, np.float64) for f in probes])
    g = np.stack([np.asarray(f.embedding, np.float64) for f in gallery])
    p /= np.linalg.norm(p, axis=1, keepdims=True)
    g /= np.linalg.norm(g, axis=1, keepdims=True)
    scores = p @ g.T
    p_name = np.array([f.identity or "" for f in probes], dtype=object)
    g_name = np.array([f.identity or "" for f in gallery], dtype=object)
    p_photo = np.array([f.photo for f in probes], dtype=object)
    g_photo = np.array([f.photo for f in gallery], dtype=object)
    other_photo = p_photo[:, None] != g_photo[None, :]
    same_name = p_name[:, None] == g_name[None, :]
    genuine = other_photo & same_name & (p_name[:, None] != "")
    impostor = other_photo & ~same_name
    return scores[impostor], scores[genuine]


# -- files ----------------------------------------------------------------------------


def _number_list(values: np.ndarray) -> str:
    items = [f"{v:.4f}" for v in values]
    lines = [", ".join(items[i : i + 10]) for i in range(0, len(items), 10)]
    return "[\n  " + ",\n  ".join(lines) + ",\n]" if items else "[]"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def calibration_text(cal: ScoreCalibration) -> str:
    """The TOML text of a calibration (scores rounded to four decimals)."""
    lines = [
        "# Similarity scores of face pairs measured with one recogniser; the",
        "# workstation estimates the false-match rate of a search candidate's score",
        "# from the impostor (different people) scores below.",
        "",
        f"format = {CALIBRATION_FORMAT}",
        f"pack = {_quoted(cal.pack)}",
        f"recognition_sha256 = {_quoted(cal.recognition_sha256)}",
        f"measured_at = {_quoted(cal.measured_at)}",
        f"measured_by = {_quoted(cal.measured_by)}",
        f"description = {_quoted(cal.description)}",
        "sources = [" + ", ".join(_quoted(s) for s in cal.sources) + "]",
        f"probe_path = {_quoted(cal.probe_path)}",
        f"impostor_pairs = {cal.impostor_pairs}",
        f"genuine_pairs = {cal.genuine_scores.size}",
        "",
        "[thresholds]",
        "# lowest score whose observed false-match rate is at most the rate named",
    ]
    for rate in (1e-2, 1e-3):
        if rate * cal.impostor_pairs >= 1:
            lines.append(f'"{rate:.0e}" = {cal.threshold_for(rate):.4f}')
    lines += [
        "",
        "[scores]",
        "# the good band: clean reference photos against each other",
        f"impostor = {_number_list(cal.impostor_scores)}",
        f"genuine = {_number_list(cal.genuine_scores)}",
    ]
    if cal.bands:
        lines += [
            "",
            "# Fair and poor probes: degraded reference photos against the clean",
            "# ones, embedded with the probe path named at the top.",
        ]
    for band, sample in sorted(cal.bands.items()):
        lines += [
            "",
            f"[bands.{band}]",
            f"probes = {sample.probes}",
            f"impostor_pairs = {sample.impostor_pairs}",
            f"genuine_pairs = {sample.genuine_scores.size}",
        ]
        if 1e-3 * sample.impostor_pairs >= 1:
            lines.append(f"threshold_1e-03 = {sample.threshold_for(1e-3):.4f}")
        lines += [
            f"impostor = {_number_list(sample.impostor_scores)}",
            f"genuine = {_number_list(sample.genuine_scores)}",
        ]
    return "\n".join(lines) + "\n"


def write_calibration(cal: ScoreCalibration, path: Path) -> Path:
    """Write a calibration file atomically; return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".toml", delete=False
    ) as tmp:
        tmp.write(calibration_text(cal))
    os.replace(tmp.name, path)
    log.info("wrote %s (%d impostor pairs)", path, cal.impostor_pairs)
    return path


def read_calibration(path: Path) -> ScoreCalibration:
    """Read a calibration file.

    Raises:
        ModelPackError: The file is missing, not TOML or lacks a field.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("format") not in READABLE_FORMATS:
            raise KeyError(f"format {data.get('format')!r}")
        calibration = ScoreCalibration.from_scores(
            data["pack"],
            data["recognition_sha256"],
            data["scores"]["impostor"],
            data["scores"].get("genuine", []),
            description=data.get("description", ""),
            measured_at=data.get("measured_at", ""),
            measured_by=data.get("measured_by", ""),
            sources=tuple(data.get("sources", ())),
        )
        bands = {
            QualityBand(name): ScoreSample.of(
                band["impostor"], band.get("genuine", []), band.get("probes", 0)
            )
            for name, band in data.get("bands", {}).items()
        }
        if bands:
            calibration = calibration.with_bands(bands, data.get("probe_path", ""))
        return calibration
    except OSError as exc:
        raise ModelPackError(
            f"{path}: cannot be read ({exc.strerror}); run `workstation models "
            "calibrate` to measure the score calibration again."
        ) from exc
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ModelPackError(
            f"{path}: not a valid score calibration ({exc}); run `workstation "
            "models calibrate` to measure it again."
        ) from exc
