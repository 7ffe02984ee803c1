"""Galleries of stored faces kept in memory between searches.

DuckDB holds the truth; a search works on a :class:`FaceIndex` copy of the
embeddings. Before each search the cached copy is compared with the database
(number of faces and largest face id, one cheap query): new faces are
appended, anything else (faces removed) reloads the gallery. A gallery large
enough for the index's 8-bit scan gets the codes of appended faces at its next
search; a reloaded one is encoded again (about a second per million faces).
A few galleries are kept, the least recently used is dropped first.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from workstation.services.workspace import Workspace
from workstation.store import face_rows
from workstation.vision.face_index import FaceIndex

log = logging.getLogger(__name__)

MAX_GALLERIES = 4


@dataclass
class CachedGallery:
    """A gallery in memory: the index plus per-row evidence, case and track ids."""

    index: FaceIndex
    evidence_ids: np.ndarray
    case_ids: np.ndarray
    track_ids: np.ndarray
    count: int
    largest_id: int

    def __len__(self) -> int:
        """Number of faces held."""
        return len(self.index)

    def rows_of(self, face_ids) -> np.ndarray:
        """Row positions of these face ids (ids not held are left out)."""
        ids = self.index.ids
        wanted = np.asarray(list(face_ids), dtype=np.int64)
        positions = np.searchsorted(ids, wanted)
        positions = np.clip(positions, 0, max(len(ids) - 1, 0))
        found = ids[positions] == wanted if len(ids) else np.zeros(0, bool)
        return positions[found]


_cache: OrderedDict[tuple, CachedGallery] = OrderedDict()
_lock = threading.Lock()


def _grow(array: np.ndarray, more: np.ndarray) -> np.ndarray:
    return np.concatenate([array, more]) if more.size else array


def _load(ws: Workspace, case_id: int | None, pack: str) -> CachedGallery:
    rows = face_rows.load_gallery(ws.store, case_id, pack)
    count, largest = face_rows.gallery_state(ws.store, case_id, pack)
    return CachedGallery(
        index=FaceIndex.build(rows.face_ids, rows.embeddings),
        evidence_ids=rows.evidence_ids,
        case_ids=rows.case_ids,
        track_ids=rows.track_ids,
        count=count,
        largest_id=largest,
    )


def gallery(ws: Workspace, case_id: int | None, pack: str) -> CachedGallery:
    """The up-to-date in-memory gallery of a case (all cases when None).

    Args:
        ws: The open workspace.
        case_id: The case, or None for every case of the workspace.
        pack: The model pack whose faces are compared.
    """
    key = (str(ws.root.resolve()), case_id, pack)
    count, largest = face_rows.gallery_state(ws.store, case_id, pack)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and (cached.count, cached.largest_id) == (count, largest):
            _cache.move_to_end(key)
            return cached
        if cached is not None and largest > cached.largest_id:
            more = face_rows.load_gallery(
                ws.store, case_id, pack, after_id=cached.largest_id
            )
            if cached.count + len(more) == count:
                cached.index.append(more.face_ids, more.embeddings)
                cached.evidence_ids = _grow(cached.evidence_ids, more.evidence_ids)
                cached.case_ids = _grow(cached.case_ids, more.case_ids)
                cached.track_ids = _grow(cached.track_ids, more.track_ids)
                cached.count, cached.largest_id = count, largest
                _cache.move_to_end(key)
                log.debug("gallery %s: %d faces added", key[1:], len(more))
                return cached
        fresh = _load(ws, case_id, pack)
        _cache[key] = fresh
        _cache.move_to_end(key)
        while len(_cache) > MAX_GALLERIES:
            _cache.popitem(last=False)
        log.debug("gallery %s loaded: %d faces", key[1:], len(fresh))
        return fresh


def forget_galleries() -> None:
    """Drop every cached gallery."""
    with _lock:
        _cache.clear()
