"""Face detection, recognition and quality with an insightface model pack.

One :class:`FaceEngine` holds the pack's detector and recogniser sessions and
nothing else: only the two files the pack lists for those roles are loaded.
Creating it takes about a second, so callers create one per session and reuse
it; :meth:`FaceEngine.detect` is safe to call from several threads at once.

Many images (a scan's photos, a video's sampled frames) go through
:meth:`FaceEngine.detect_each`, which analyses one image per core at the same
time and hands the results back in order. On the CPU each session therefore
runs on one intra-op thread: two single-threaded runs side by side keep both
cores of a small machine busy, where one run split over two threads spends
much of its time waiting at the threads' barriers (measured on two cores
shared with other work: 27 ms per face one thread, 33 ms two).

Per image the detector runs once on the whole frame (plus overlapping tiles
when small faces are asked for, see :mod:`face_detection`), every face is
aligned on its five keypoints, and all crops of the image go through the
recogniser together in batches. Every embedding is L2-normalised, so the
cosine similarity of two faces is the dot product of their embeddings.

Example (needs a provisioned pack)::

    engine = FaceEngine(verify_pack_dir(models_dir / "default"))
    faces = engine.detect(load_bgr("photo.jpg"))
    score = float(faces[0].embedding @ faces[1].embedding)
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

from workstation.domain.errors import InputFileError, ModelPackError
from workstation.domain.records import DetectedFace
from workstation.vision.face_detection import find_face_boxes
from workstation.vision.face_quality import (
    FRONTAL,
    FacePose,
    estimate_pose,
    quality_score,
    sharpness,
)
from workstation.vision.image_loading import load_bgr
from workstation.vision.model_pack import ModelPack
from workstation.vision.providers import (
    CPU,
    choose_providers,
    context_id,
    is_gpu_provider,
    usable_cores,
)

log = logging.getLogger(__name__)

DET_THRESHOLD = 0.5
EMBEDDING_SIZE = 512
#: Smallest face width (pixels) searched for by default.
MIN_FACE = 20.0
#: Crops per recogniser call; on CPU 8-16 is fastest per face (measured:
#: 11.4 ms/face at 4-8 against 13.4 ms/face at 32 on two cores).
RECOGNITION_BATCH = 16
#: Most images analysed at once by :meth:`FaceEngine.detect_each`.
MAX_WORKERS = 4

T = TypeVar("T")

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


@dataclass(frozen=True)
class AnalysedFace(DetectedFace):
    """A detected face with its quality (0..1), sharpness and estimated pose."""

    quality: float = 0.0
    sharpness: float = 0.0
    pose: FacePose = FRONTAL


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


def session_options(threads: int = 0, *, spinning: bool = False):
    """onnxruntime options: quiet logs, ``threads`` intra-op threads (0: cores).

    Idle worker threads sleep instead of spinning unless ``spinning``: on a
    desktop shared with other programs, spinning threads fight over the
    cores (measured on two busy cores: 94 ms per face with spinning, 64 ms
    without).
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # The recogniser declares a batch of one; batches work but log a warning.
    options.log_severity_level = 3
    options.intra_op_num_threads = int(threads)
    options.add_session_config_entry(
        "session.intra_op.allow_spinning", "1" if spinning else "0"
    )
    return options


def _load_model(path: Path, role: str, providers: list[str], threads: int):
    from insightface.model_zoo import get_model

    try:
        model = get_model(
            str(path), providers=providers, sess_options=session_options(threads)
        )
    except Exception as exc:  # onnxruntime reports load failures many ways
        raise ModelPackError(
            f"{path}: the {role} model does not load ({exc}). Re-provision or "
            "re-adopt the pack."
        ) from exc
    if model is None or getattr(model, "taskname", None) != role:
        raise ModelPackError(
            f"{path}: insightface does not recognise this file as a {role} model. "
            "Check the pack, or choose another with --pack."
        )
    return model


def _any_size_twin(detector):
    """The detector on its own session, taking every input size there.

    insightface builds and keeps one session per input size, which suits
    video (one size per file) but not photos of many sizes. The twin shares
    the model's session, so it costs no memory of its own.
    """
    from insightface.model_zoo.scrfd import SCRFD

    if not isinstance(detector, SCRFD) or detector.static_input_size is not None:
        return None
    twin = SCRFD(
        model_file=detector.model_file,
        session=detector.session,
        static_shape_sessions=False,
    )
    twin.det_thresh, twin.nms_thresh = detector.det_thresh, detector.nms_thresh
    return twin


class FaceEngine:
    """A loaded model pack: finds faces, embeds them and scores their quality.

    Args:
        pack: A verified pack (see ``model_pack.verify_pack_dir``).
        force_cpu: Use the CPU even when a GPU provider is offered.
        available: Provider names on offer; read from onnxruntime when None.
        det_threshold: Minimum detection score.
        threads: onnxruntime intra-op threads per model (0: the cores shared
            out among the workers, at least one).
        workers: Images :meth:`detect_each` analyses at once (0: one per
            core, at most :data:`MAX_WORKERS`).

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
        det_threshold: float = DET_THRESHOLD,
        threads: int = 0,
        workers: int = 0,
    ) -> None:
        self.pack = pack
        self.requested_providers = tuple(
            choose_providers(available, force_cpu=force_cpu)
        )
        providers = list(self.requested_providers)
        files = {role: pack.file_for(role) for role in ("detection", "recognition")}
        missing = [role for role, item in files.items() if item is None]
        if missing:
            raise ModelPackError(
                f"{pack.path}: the pack lists no {' or '.join(missing)} model. "
                "Check the pack, or choose another with --pack."
            )
        cores = usable_cores()
        self.workers = int(workers) or min(MAX_WORKERS, cores)
        threads = int(threads) or max(1, cores // self.workers)
        ctx = context_id(self.requested_providers)
        self._detector = _load_model(
            pack.path / files["detection"].name, "detection", providers, threads
        )
        self._detector.prepare(ctx, input_size=(640, 640), det_thresh=det_threshold)
        if not getattr(self._detector, "use_kps", False):
            raise ModelPackError(
                f"{pack.path}: the detector gives no keypoints, so faces cannot be "
                "aligned. Use a detector with keypoints (bnkps)."
            )
        self._any_size_detector = _any_size_twin(self._detector)
        self._recogniser = _load_model(
            pack.path / files["recognition"].name, "recognition", providers, threads
        )
        self._recogniser.prepare(ctx)
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

    def detect(
        self,
        image_bgr: np.ndarray,
        *,
        min_face: float | None = MIN_FACE,
        video: bool = False,
    ) -> list[AnalysedFace]:
        """Find the faces in an 8-bit BGR image, embed them and score them.

        Args:
            image_bgr: ``uint8`` array, H x W x 3, BGR order (see ``load_bgr``).
            min_face: Width in pixels of the smallest face to look for; None
                runs the detector once on the whole frame.
            video: The image is one of many frames of the same size (see
                ``face_detection.find_face_boxes``, ``fixed_size``).

        Returns:
            Faces in descending detection score; boxes and keypoints in pixels
            of ``image_bgr``.
        """
        boxes, keypoints, _ = find_face_boxes(
            self._detector,
            image_bgr,
            min_face=min_face,
            fixed_size=video,
            any_size=self._any_size_detector,
        )
        if boxes.shape[0] == 0:
            return []
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
        crops = self._align(image_bgr, matrices)
        embeddings = self._embed(crops)
        faces = []
        for i, crop, embedding in zip(kept, crops, embeddings, strict=True):
            box = tuple(float(v) for v in boxes[i, :4])
            det_score = float(boxes[i, 4])
            pose = estimate_pose(keypoints[i])
            sharp = sharpness(crop)
            faces.append(
                AnalysedFace(
                    box=box,
                    landmarks=tuple((float(x), float(y)) for x, y in keypoints[i]),
                    det_score=det_score,
                    embedding=embedding,
                    quality=quality_score(
                        sharpness=sharp,
                        width=box[2] - box[0],
                        det_score=det_score,
                        pose=pose,
                    ),
                    sharpness=sharp,
                    pose=pose,
                )
            )
        return faces

    def detect_each(
        self,
        items: Iterable[T],
        *,
        image_of: Callable[[T], np.ndarray] | None = None,
        min_face: float | None = MIN_FACE,
        video: bool = False,
    ) -> Iterator[tuple[T, list[AnalysedFace] | InputFileError]]:
        """Detect the faces of many images, :attr:`workers` at a time, in order.

        Each item is turned into its image by ``image_of`` on a worker thread
        (decoding a photo there overlaps with the other workers' detection),
        then analysed as by :meth:`detect`. At most twice :attr:`workers`
        items are taken from ``items`` ahead of the one handed back. Closing
        the iterator early cancels the items not yet started and waits for
        the running ones.

        Args:
            items: Images, or whatever ``image_of`` makes images of.
            image_of: Gives an item's BGR image; None when items are images.
            min_face: As for :meth:`detect`.
            video: As for :meth:`detect`.

        Yields:
            ``(item, faces)``, or ``(item, error)`` when ``image_of`` raised
            an :class:`InputFileError` for that item. Any other error is
            raised here, in order.

        >>> for photo, faces in engine.detect_each(paths, image_of=load_bgr):
        ...     print(photo, len(faces))  # doctest: +SKIP
        """

        def analyse(item: T) -> list[AnalysedFace] | InputFileError:
            try:
                image = item if image_of is None else image_of(item)
            except InputFileError as exc:
                return exc
            return self.detect(image, min_face=min_face, video=video)

        source = iter(items)
        pending: deque[tuple[T, Future]] = deque()
        with ThreadPoolExecutor(self.workers, thread_name_prefix="faces") as pool:

            def take(count: int) -> None:
                for item in source:
                    pending.append((item, pool.submit(analyse, item)))
                    count -= 1
                    if count == 0:
                        return

            try:
                take(2 * self.workers)
                while pending:
                    item, future = pending.popleft()
                    result = future.result()
                    take(1)
                    yield item, result
            finally:
                for _, future in pending:
                    future.cancel()

    def detect_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        min_face: float | None = MIN_FACE,
    ) -> list[AnalysedFace]:
        """Load an image file upright (EXIF applied) and detect its faces.

        Raises:
            InputFileError: The file cannot be read as an image.
        """
        return self.detect(load_bgr(path, name=name), min_face=min_face)

    def aligned_crop(self, image_bgr: np.ndarray, landmarks) -> np.ndarray:
        """The recogniser's input crop of one face, aligned on its keypoints.

        Raises:
            ValueError: The keypoints are degenerate.
        """
        matrix = alignment_matrix(np.asarray(landmarks), self.input_size)
        return self._align(image_bgr, [matrix])[0]

    def embed_crops(self, crops: Sequence[np.ndarray]) -> np.ndarray:
        """L2-normalised embeddings of aligned crops (see :meth:`aligned_crop`)."""
        return self._embed(list(crops))

    def _align(self, image_bgr: np.ndarray, matrices: list[np.ndarray]):
        import cv2

        size = self.input_size
        return [
            cv2.warpAffine(image_bgr, m, (size, size), borderValue=0.0)
            for m in matrices
        ]

    def _embed(self, crops: list[np.ndarray]) -> np.ndarray:
        chunks = [
            self._recogniser.get_feat(crops[i : i + RECOGNITION_BATCH])
            for i in range(0, len(crops), RECOGNITION_BATCH)
        ]
        raw = np.vstack(chunks).astype(np.float32)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return raw / np.maximum(norms, 1e-12)


def largest_face(faces: Sequence[DetectedFace]) -> DetectedFace | None:
    """The face with the biggest box, or None for no faces."""
    if not faces:
        return None
    return max(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
