"""Following faces from one analysed video frame to the next.

Each new face is matched to an open track by two cues at once: how much its
box overlaps the track's predicted box (intersection over union, with the
track's last movement carried forward) and how similar its embedding is to
the track's recent faces. The best one-to-one assignment is found with the
Hungarian method; a pairing is allowed when the faces are similar enough on
their own, or overlap and are at least somewhat similar. A face that matches
no track starts a new one; a track not seen for ``max_gap_s`` seconds ends.

Per track the clearest faces (by quality) are kept as its best shots, and its
template is the mean of its faces' normalised embeddings, normalised again.

>>> tracker = FaceTracker()
>>> e = np.eye(512, dtype=np.float32)
>>> tracker.update(0, 0.0, [((10, 10, 50, 50), e[0], 0.8)])
[0]
>>> tracker.update(5, 0.2, [((300, 300, 340, 340), e[1], 0.7),
...                         ((12, 11, 52, 51), e[0], 0.9)])
[1, 0]
>>> [(t.n_faces, t.first_frame, t.last_frame) for t in tracker.finish()]
[(2, 0, 5), (1, 5, 5)]
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from workstation.vision.tiling import iou_matrix

log = logging.getLogger(__name__)

#: Similarity that links two faces on its own, whatever their boxes.
LINK_SIMILARITY = 0.5
#: Similarity needed together with overlapping boxes.
OVERLAP_SIMILARITY = 0.2
MIN_IOU = 0.1
MAX_GAP_S = 1.0
BEST_SHOTS = 3
RECENT = 5
_INFEASIBLE = 1e6


@dataclass
class TrackFace:
    """One face of a track: its frame, time, box, embedding and quality.

    ``key`` is whatever the caller uses to find the face again (its index
    in a list of detections, later its stored id).
    """

    frame: int
    time_s: float
    box: tuple[float, float, float, float]
    embedding: np.ndarray
    quality: float
    key: object = None


@dataclass
class Track:
    """The faces of one person followed through a video."""

    faces: list[TrackFace] = field(default_factory=list)
    number: int = 0

    @property
    def n_faces(self) -> int:
        """Number of faces (one per analysed frame at most)."""
        return len(self.faces)

    @property
    def first_frame(self) -> int:
        """Number of the first frame the face appears in."""
        return self.faces[0].frame

    @property
    def last_frame(self) -> int:
        """Number of the last frame the face appears in."""
        return self.faces[-1].frame

    @property
    def first_time_s(self) -> float:
        """Time of the first frame in seconds."""
        return self.faces[0].time_s

    @property
    def last_time_s(self) -> float:
        """Time of the last frame in seconds."""
        return self.faces[-1].time_s

    @property
    def quality(self) -> float:
        """The quality of the track's clearest face."""
        return max(f.quality for f in self.faces)

    def best_faces(self, count: int = BEST_SHOTS) -> list[TrackFace]:
        """The ``count`` clearest faces, clearest first (earlier first on ties)."""
        order = sorted(range(self.n_faces), key=lambda i: (-self.faces[i].quality, i))
        return [self.faces[i] for i in order[:count]]

    def template(self) -> np.ndarray:
        """Mean of the normalised embeddings, normalised again (float32)."""
        return mean_template([f.embedding for f in self.faces])

    def _recent(self) -> np.ndarray:
        return mean_template([f.embedding for f in self.faces[-RECENT:]])

    def _predicted_box(self, time_s: float) -> np.ndarray:
        last = np.asarray(self.faces[-1].box, dtype=np.float64)
        if self.n_faces < 2:
            return last
        before = self.faces[-2]
        elapsed = self.faces[-1].time_s - before.time_s
        if elapsed <= 0:
            return last
        velocity = (last - np.asarray(before.box, dtype=np.float64)) / elapsed
        return last + velocity * (time_s - self.faces[-1].time_s)


def mean_template(embeddings: Sequence[np.ndarray]) -> np.ndarray:
    """The renormalised mean of L2-normalised embeddings.

    >>> t = mean_template([np.array([1.0, 0.0]), np.array([0.0, 2.0])])
    >>> [round(float(v), 4) for v in t]
    [0.7071, 0.7071]
    """
    stacked = np.asarray(embeddings, dtype=np.float64)
    stacked /= np.maximum(np.linalg.norm(stacked, axis=1, keepdims=True), 1e-12)
    mean = stacked.mean(axis=0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)


class FaceTracker:
    """Builds tracks from the faces of successive analysed frames.

    Args:
        max_gap_s: A track ends when unseen for longer than this.
        link_similarity: Cosine similarity that links faces on its own.
        overlap_similarity: Similarity needed when the boxes overlap.
        min_iou: Overlap with the predicted box that counts.
    """

    def __init__(
        self,
        *,
        max_gap_s: float = MAX_GAP_S,
        link_similarity: float = LINK_SIMILARITY,
        overlap_similarity: float = OVERLAP_SIMILARITY,
        min_iou: float = MIN_IOU,
    ) -> None:
        self.max_gap_s = max_gap_s
        self.link_similarity = link_similarity
        self.overlap_similarity = overlap_similarity
        self.min_iou = min_iou
        self._open: list[Track] = []
        self._tracks: list[Track] = []

    def update(self, frame: int, time_s: float, faces: Sequence) -> list[int]:
        """Add one frame's faces; return the track number of each.

        Args:
            frame: The frame number.
            time_s: The frame's time in seconds.
            faces: ``(box, embedding, quality)`` or ``(box, embedding, quality,
                key)`` per face.

        Returns:
            For each face, the index of its track in :meth:`finish`'s list
            (tracks are numbered in the order they start).
        """
        self._open = [
            t for t in self._open if time_s - t.last_time_s <= self.max_gap_s + 1e-9
        ]
        entries = [
            TrackFace(
                frame,
                time_s,
                tuple(float(v) for v in f[0]),
                np.asarray(f[1], np.float32),
                float(f[2]),
                f[3] if len(f) > 3 else i,
            )
            for i, f in enumerate(faces)
        ]
        assigned: dict[int, Track] = {}
        if entries and self._open:
            assigned = self._assign(entries, time_s)
        numbers = []
        for i, entry in enumerate(entries):
            track = assigned.get(i)
            if track is None:
                track = Track(number=len(self._tracks))
                self._open.append(track)
                self._tracks.append(track)
            track.faces.append(entry)
            numbers.append(track.number)
        return numbers

    def _assign(self, entries: list[TrackFace], time_s: float) -> dict[int, Track]:
        from scipy.optimize import linear_sum_assignment

        boxes = np.array([e.box for e in entries])
        embeddings = np.stack([e.embedding for e in entries])
        predicted = np.stack([t._predicted_box(time_s) for t in self._open])
        recent = np.stack([t._recent() for t in self._open])
        iou = iou_matrix(boxes, predicted)
        similarity = embeddings @ recent.T
        allowed = (similarity >= self.link_similarity) | (
            (iou >= self.min_iou) & (similarity >= self.overlap_similarity)
        )
        cost = np.where(allowed, (1.0 - similarity) + (1.0 - iou), _INFEASIBLE)
        rows, cols = linear_sum_assignment(cost)
        return {
            int(r): self._open[int(c)]
            for r, c in zip(rows, cols, strict=True)
            if allowed[r, c]
        }

    def finish(self) -> list[Track]:
        """All tracks, in the order they started."""
        self._open = []
        return list(self._tracks)
