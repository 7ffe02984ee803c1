"""Real faces degraded in known ways, and the carphone clip, for enhancement tests.

Faces come from ``shared_data/faces``; each is cut square around its detected
face and scaled so the face is 100 px wide (the "clean" face). Degradations
are the ones the presets are made for; noise is seeded, so every run sees the
same pixels.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

FACE_FILES = (
    "face_recognition/examples/obama.jpg",
    "face_recognition/examples/biden.jpg",
    "face_recognition/examples/obama2.jpg",
    "face_recognition/examples/knn_examples/train/kit_harington/john1.jpeg",
    "face_recognition/examples/knn_examples/train/rose_leslie/img1.jpg",
    "face_recognition/examples/knn_examples/train/alex_lacamoire/img1.jpg",
    "face_recognition/examples/knn_examples/train/biden/biden2.jpg",
    "facenet_pytorch/data/test_images/kate_siegel/1.jpg",
    "facenet_pytorch/data/test_images/shea_whigham/1.jpg",
    "facenet_pytorch/data/test_images/paul_rudd/1.jpg",
    "facenet_pytorch/data/test_images/angelina_jolie/1.jpg",
)
FACE_WIDTH = 100
CARPHONE = Path("video", "carphone")


def face_square(image: np.ndarray, box, width: int = FACE_WIDTH) -> np.ndarray:
    """A square around the face box (0.6 margin), scaled to a ``width`` px face."""
    x1, y1, x2, y2 = box
    side = max(x2 - x1, y2 - y1) * 2.2
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    scale = width / (x2 - x1)
    matrix = np.array(
        [
            [scale, 0, -(cx - side / 2) * scale],
            [0, scale, -(cy - side / 2) * scale],
        ]
    )
    size = round(side * scale)
    return cv2.warpAffine(
        image, matrix, (size, size), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REFLECT
    )


def gaussian_blur(image: np.ndarray, sigma: float = 2.0) -> np.ndarray:
    """Out of focus: Gaussian blur of ``sigma`` px."""
    return cv2.GaussianBlur(image, (0, 0), sigma)


def motion_blur(image: np.ndarray, length: int = 9) -> np.ndarray:
    """Camera or subject moving horizontally: a ``length`` px box along x."""
    kernel = np.zeros((length, length))
    kernel[length // 2, :] = 1.0 / length
    return cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_REFLECT)


def low_light(image: np.ndarray, gain: float = 0.12, noise: float = 3.0, seed=0):
    """A dark scene: brightness times ``gain`` plus Gaussian sensor noise."""
    rng = np.random.default_rng(seed)
    dark = image.astype(np.float64) * gain + rng.normal(0.0, noise, image.shape)
    return np.clip(np.rint(dark), 0, 255).astype(np.uint8)


def jpeg(image: np.ndarray, quality: int = 10) -> np.ndarray:
    """Heavy compression: JPEG at ``quality``."""
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def downscale(image: np.ndarray, face_width: int = 24) -> np.ndarray:
    """A distant face: the image shrunk until the face is ``face_width`` px wide."""
    factor = face_width / FACE_WIDTH
    height, width = image.shape[:2]
    size = (round(width * factor), round(height * factor))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def read_clip(path: Path) -> list[np.ndarray]:
    """Every frame of a video, BGR."""
    capture = cv2.VideoCapture(str(path))
    frames = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames.append(frame)
    capture.release()
    return frames
