"""Face detection and recognition with an insightface model pack.

One :class:`FaceEngine` holds the pack's detector and recogniser sessions.
Creating it takes about a second and a half, so callers create one per
session and reuse it; :meth:`FaceEngine.detect` is safe to call from a worker
thread (calls are serialised).

Faces are aligned on their five keypoints to the recogniser's input and
embedded in batches; every embedding is L2-normalised, so the cosine
similarity of two faces is the dot product of their embeddings.

Example (needs a provisioned pack)::

    engine = FaceEngine(verify_pack_dir(models_dir / "default"))
    faces = engine.detect(load_bgr("photo.jpg"))
    score = float(faces[0].embedding @ faces[1].embedding)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from workstation.domain.errors import ModelPackError
from workstation.domain.records import DetectedFace
from workstation.vision.image_loading import load_bgr
from workstation.vision.model_pack import ModelPack
from workstation.vision.providers import (
    CPU,
    choose_providers,
    context_id,
    is_gpu_provider,
)

log = logging.getLogger(__name__)

#: Detector input size; set explicitly because insightface otherwise runs
#: several sizes per image.
DET_SIZE = (640, 640)
DET_THRESHOLD = 0.5
EMBEDDING_SIZE = 512
_RECOGNITION_BATCH = 32

# insightface's reference positions of the five keypoints in a 112 x 112 crop.
_ARCFACE_KEYPOINTS_112 = np.array(
    [
        [38.2946, 51.6963],
        [73.5318, 51.5014],
        [56.0252, 71.7366],
        [41.5493, 92.3655],
        [70.7299, 92.2041],
    ],
    dtype=np.float32,
)


def alignment_matrix(keypoints: np.ndarray, size: int) -> np.ndarray:
    """The 2 x 3 similarity transform taking five keypoints to the ArcFace layout.

    Args:
        keypoints: Five (x, y) points: eyes, nose tip, mouth corners.
        size: Side of the square recogniser input (112 or a multiple of 112/128).

    Returns:
        The affine matrix for ``cv2.warpAffine``.

    >>> m = alignment_matrix(_ARCFACE_KEYPOINTS_112 * 2, 112)
    >>> np.allclose(m, [[0.5, 0, 0], [0, 0.5, 0]], atol=1e-5)
    True
    """
    from skimage.transform import SimilarityTransform

    if size % 112 == 0:
        target = _ARCFACE_KEYPOINTS_112 * (size / 112.0)
    else:
        ratio = size / 128.0
        target = _ARCFACE_KEYPOINTS_112 * ratio
        target[:, 0] += 8.0 * ratio
    source = np.asarray(keypoints, dtype=np.float64).reshape(5, 2)
    if hasattr(SimilarityTransform, "from_estimate"):
        transform = SimilarityTransform.from_estimate(source, target)
        if not transform:
            raise ValueError("keypoints are degenerate; no alignment exists")
    else:  # scikit-image before 0.26
        transform = SimilarityTransform()
        if not transform.estimate(source, target):
            raise ValueError("keypoints are degenerate; no alignment exists")
    return transform.params[0:2, :]


class FaceEngine:
    """A loaded model pack: finds faces and computes their embeddings.

    Args:
        pack: A verified pack (see ``model_pack.verify_pack_dir``).
        force_cpu: Use the CPU even when a GPU provider is offered.
        available: Provider names on offer; read from onnxruntime when None.
        det_size: Detector input size.
        det_threshold: Minimum detection score.

    Raises:
        ModelPackError: The pack's files do not load as a detector with
            keypoints and a 512-d recogniser.
    """

    def __init__(
        self,
        pack: ModelPack,
        *,
        force_cpu: bool = False,
        available: Sequence[str] | None = None,
        det_size: tuple[int, int] = DET_SIZE,
        det_threshold: float = DET_THRESHOLD,
    ) -> None:
        self.pack = pack
        self.requested_providers = tuple(
            choose_providers(available, force_cpu=force_cpu)
        )
        self._lock = threading.Lock()
        self._app = self._load(pack, list(self.requested_providers))
        self._app.prepare(
            ctx_id=context_id(self.requested_providers),
            det_size=det_size,
            det_thresh=det_threshold,
        )
        self._detector = self._app.models["detection"]
        self._recogniser = self._app.models["recognition"]
        self.input_size = int(self._recogniser.input_size[0])
        width = self._recogniser.output_shape[-1]
        if width != EMBEDDING_SIZE:
            raise ModelPackError(
                f"{pack.path}: the recogniser gives {width}-d embeddings; the "
                f"workstation stores {EMBEDDING_SIZE}-d ones. Choose another pack."
            )
        self.providers = {
            role: tuple(model.session.get_providers())
            for role, model in (
                ("detection", self._detector),
                ("recognition", self._recogniser),
            )
        }
        self.gpu_fallback = self._fell_back_to_cpu()
        log.info("face models: %s", self.describe())
        if self.gpu_fallback:
            log.warning(
                "a GPU provider (%s) was requested but the face models run on %s; "
                "check the GPU driver and the onnxruntime-gpu installation",
                self.requested_providers[0],
                ", ".join(sorted({p[0] for p in self.providers.values()})),
            )

    @staticmethod
    def _load(pack: ModelPack, providers: list[str]):
        from insightface.app import FaceAnalysis

        try:
            app = FaceAnalysis(
                name=str(Path(pack.path).resolve()),
                allowed_modules=["detection", "recognition"],
                providers=providers,
            )
        except AssertionError as exc:
            raise ModelPackError(
                f"{pack.path}: insightface found no face detector among the pack's "
                "files. Check the pack, or choose another with --pack."
            ) from exc
        except Exception as exc:  # onnxruntime reports load failures many ways
            raise ModelPackError(
                f"{pack.path}: the models do not load ({exc}). Re-provision or "
                "re-adopt the pack."
            ) from exc
        if "recognition" not in app.models:
            raise ModelPackError(
                f"{pack.path}: insightface found no recognition model among the "
                "pack's files. Check the pack, or choose another with --pack."
            )
        return app

    def _fell_back_to_cpu(self) -> bool:
        wanted_gpu = is_gpu_provider(self.requested_providers[0])
        running_gpu = all(is_gpu_provider(p[0]) for p in self.providers.values())
        return wanted_gpu and not running_gpu

    # -- reporting ----------------------------------------------------------------

    @property
    def pack_name(self) -> str:
        """The pack's name, recorded with every stored face."""
        return self.pack.name

    @property
    def on_gpu(self) -> bool:
        """Whether both models really run on an accelerator."""
        return all(p[0] != CPU for p in self.providers.values())

    def describe(self) -> str:
        """One line naming the pack and the provider each model really uses."""
        parts = [f"{role} on {p[0]}" for role, p in self.providers.items()]
        text = f"pack {self.pack.name}: {', '.join(parts)}"
        if self.gpu_fallback:
            text += f" ({self.requested_providers[0]} requested but unavailable)"
        return text

    # -- work ---------------------------------------------------------------------

    def detect(self, image_bgr: np.ndarray) -> list[DetectedFace]:
        """Find the faces in an 8-bit BGR image and embed them.

        Args:
            image_bgr: ``uint8`` array, H x W x 3, BGR order (see ``load_bgr``).

        Returns:
            Faces in descending detection score; boxes and keypoints in pixels
            of ``image_bgr``.
        """
        with self._lock:
            boxes, keypoints = self._detector.detect(image_bgr, max_num=0)
            if boxes.shape[0] == 0:
                return []
            if keypoints is None:
                raise ModelPackError(
                    f"{self.pack.path}: the detector gives no keypoints, so faces "
                    "cannot be aligned. Use a detector with keypoints (bnkps)."
                )
            kept, matrices = [], []
            for i, points in enumerate(keypoints):
                try:
                    matrices.append(alignment_matrix(points, self.input_size))
                except ValueError:
                    log.debug("dropping a face with degenerate keypoints %s", points)
                    continue
                kept.append(i)
            if not kept:
                return []
            embeddings = self._embed(image_bgr, matrices)
        return [
            DetectedFace(
                box=tuple(float(v) for v in boxes[i, :4]),
                landmarks=tuple((float(x), float(y)) for x, y in keypoints[i]),
                det_score=float(boxes[i, 4]),
                embedding=embedding,
            )
            for i, embedding in zip(kept, embeddings, strict=True)
        ]

    def detect_file(self, path: str | Path, *, name: str | None = None):
        """Load an image file upright (EXIF applied) and detect its faces.

        Raises:
            InputFileError: The file cannot be read as an image.
        """
        return self.detect(load_bgr(path, name=name))

    def _embed(self, image_bgr: np.ndarray, matrices: list[np.ndarray]) -> np.ndarray:
        import cv2

        size = self.input_size
        crops = [
            cv2.warpAffine(image_bgr, m, (size, size), borderValue=0.0)
            for m in matrices
        ]
        chunks = [
            self._recogniser.get_feat(crops[i : i + _RECOGNITION_BATCH])
            for i in range(0, len(crops), _RECOGNITION_BATCH)
        ]
        raw = np.vstack(chunks).astype(np.float32)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return raw / np.maximum(norms, 1e-12)


def largest_face(faces: Sequence[DetectedFace]) -> DetectedFace | None:
    """The face with the biggest box, or None for no faces."""
    if not faces:
        return None
    return max(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
