"""Face crops for a report: every face cut once, every photo decoded once.

A report shows the same faces many times (a probe beside each of its
candidates, a face in several searches) and many faces of one photo; cutting
them one by one would decode a photo once per face.
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from collections.abc import Iterable

from workstation.domain.errors import WorkstationError
from workstation.services.workspace import Workspace
from workstation.store import face_rows

log = logging.getLogger(__name__)

#: Crop geometry, as the face views show them.
MARGIN = 0.25
SIZE = 160


class FaceCrops:
    """PNG crops of stored faces, cut in batches by :meth:`prepare`.

    Args:
        ws: The open workspace (its store and vault).
    """

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self._crops: dict[int, bytes | None] = {}

    def prepare(self, face_ids: Iterable[int | None]) -> None:
        """Cut every face not cut yet, decoding each photo once."""
        wanted = {f for f in face_ids if f is not None and f not in self._crops}
        if not wanted:
            return
        # imported here: crops need the imaging stack, which reports without
        # faces never load
        from workstation.vision.face_crops import crop_face
        from workstation.vision.image_loading import open_upright

        by_file: dict[str, list] = defaultdict(list)
        for face_id in sorted(wanted):
            try:
                source = face_rows.face_source(self._ws.store, face_id)
            except WorkstationError as exc:
                self._give_up(face_id, exc)
                continue
            if source.media_type.startswith("video/"):
                self._crops[face_id] = self._video_crop(face_id)
            else:
                by_file[source.vault_path].append(source)
        for vault_path, sources in by_file.items():
            try:
                image = open_upright(
                    self._ws.root / vault_path, name=sources[0].evidence_name
                )
            except WorkstationError as exc:
                for source in sources:
                    self._give_up(source.face.id, exc)
                continue
            for source in sources:
                buffer = io.BytesIO()
                crop = crop_face(image, source.face.box, margin=MARGIN, size=SIZE)
                # fast compression: the PDF compresses the pixels again
                crop.save(buffer, format="PNG", compress_level=1)
                self._crops[source.face.id] = buffer.getvalue()

    def get(self, face_id: int | None) -> bytes | None:
        """The crop of a face; None when there is none or it cannot be cut."""
        if face_id is None:
            return None
        self.prepare([face_id])
        return self._crops.get(face_id)

    def several(self, face_ids: Iterable[int]) -> tuple[bytes, ...]:
        """The crops of the faces that can be cut, in order."""
        face_ids = list(face_ids)
        self.prepare(face_ids)
        return tuple(png for f in face_ids if (png := self._crops.get(f)) is not None)

    def _video_crop(self, face_id: int) -> bytes | None:
        from workstation.services.faces import face_crop_png

        try:
            return face_crop_png(self._ws, face_id, margin=MARGIN, size=SIZE)
        except WorkstationError as exc:
            self._give_up(face_id, exc)
            return None

    def _give_up(self, face_id: int, exc: WorkstationError) -> None:
        log.warning("no crop for face %d in the report: %s", face_id, exc)
        self._crops[face_id] = None
