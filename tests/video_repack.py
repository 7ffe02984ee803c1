"""Test helpers that rewrite shared videos into damaged or other-container copies."""

from __future__ import annotations

import struct
from pathlib import Path

import cv2

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"}


def _atoms(data: bytes, start: int, end: int):
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[position + 8 : position + 16])[0]
            header = 16
        elif size == 0:
            size = end - position
        yield kind, position, header, size
        position += size


def _shift_chunk_offsets(moov: bytearray, delta: int) -> None:
    def walk(start: int, end: int) -> None:
        for kind, position, header, size in _atoms(moov, start, end):
            body = position + header
            if kind in _CONTAINERS:
                walk(body, position + size)
            elif kind == b"stco":
                count = struct.unpack(">I", moov[body + 4 : body + 8])[0]
                for i in range(count):
                    at = body + 8 + 4 * i
                    value = struct.unpack(">I", moov[at : at + 4])[0]
                    moov[at : at + 4] = struct.pack(">I", value + delta)
            elif kind == b"co64":
                count = struct.unpack(">I", moov[body + 4 : body + 8])[0]
                for i in range(count):
                    at = body + 8 + 8 * i
                    value = struct.unpack(">Q", moov[at : at + 8])[0]
                    moov[at : at + 8] = struct.pack(">Q", value + delta)

    walk(0, len(moov))


def faststart_copy(source: Path, target: Path) -> Path:
    """Copy an MP4 with its index (``moov``) moved before the media data."""
    data = source.read_bytes()
    atoms = {kind: (pos, size) for kind, pos, _, size in _atoms(data, 0, len(data))}
    moov_pos, moov_size = atoms[b"moov"]
    moov = bytearray(data[moov_pos : moov_pos + moov_size])
    _shift_chunk_offsets(moov, moov_size)
    rest = data[:moov_pos] + data[moov_pos + moov_size :]
    first_media = min(pos for kind, (pos, _) in atoms.items() if kind == b"mdat")
    target.write_bytes(rest[:first_media] + bytes(moov) + rest[first_media:])
    return target


def truncated_copy(source: Path, target: Path, fraction: float = 0.5) -> Path:
    """The first ``fraction`` of a file's bytes."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * fraction)])
    return target


def avi_copy(source: Path, target: Path, frames: int | None = None) -> Path:
    """Re-encode a video as Motion-JPEG in an AVI container (OpenCV's encoder)."""
    capture = cv2.VideoCapture(str(source))
    fps = capture.get(cv2.CAP_PROP_FPS)
    size = (
        int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
        int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
    )
    writer = cv2.VideoWriter(str(target), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    written = 0
    while frames is None or written < frames:
        ok, image = capture.read()
        if not ok:
            break
        writer.write(image)
        written += 1
    writer.release()
    capture.release()
    return target
