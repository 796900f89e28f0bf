"""Face detection and 478-point face-mesh landmarks, offline, with the models bundled in mediapipe.

mediapipe 0.10.21 ships its TFLite models inside the wheel (``mediapipe/modules/...``); the
legacy ``mediapipe.solutions`` graphs load them from there, so nothing is downloaded at run
time. :func:`check_bundled_models` verifies the files are present and names the fix if not.

Detection runs BlazeFace full-range (faces from ~20 px up, up to ~5 m away) and falls back to
the short-range model (close-ups that fill the frame), then to a padded copy of the image
(a face cropped by the image border has no context for either). The face mesh runs on a
square crop around each detected face rather than on the whole photo, because its own built-in
detector is the short-range one and misses small faces in large photos.

All coordinates are in pixels of the image given, continuous convention: the image spans
[0, W] x [0, H] and pixel (i, j) has its centre at (i + 0.5, j + 0.5).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from facelift.errors import FaceliftError
from facelift.preprocess.io import DETECT_MAX_SIDE, downscale_for_detection

logger = logging.getLogger(__name__)

#: The models this module needs, relative to the installed ``mediapipe`` package.
BUNDLED_MODELS = (
    "modules/face_detection/face_detection_full_range_sparse.tflite",
    "modules/face_detection/face_detection_short_range.tflite",
    "modules/face_landmark/face_landmark_with_attention.tflite",
    "modules/selfie_segmentation/selfie_segmentation.tflite",
)
#: Side of the square crop the face mesh sees (the model itself runs at 192 px).
MESH_CROP_SIZE = 384
#: Crop side relative to the detected box's longer side: enough context for the mesh's own
#: detector to find the face again, small enough that the face is not tiny in the crop.
MESH_CROP_CONTEXT = 2.2
#: Faces the second mesh fits in one crop, when the first one's face is a neighbour's.
MESH_MAX_FACES = 4

_LOCK = threading.Lock()
_MODELS: dict[str, object] = {}
_WARM: set[str] = set()  # graphs that have run once (their start-up chatter is over)


@dataclass(frozen=True)
class FaceBox:
    """An axis-aligned face box in pixels: x0 < x1, y0 < y1 (continuous coordinates)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center(self) -> tuple[float, float]:
        return (0.5 * (self.x0 + self.x1), 0.5 * (self.y0 + self.y1))

    @property
    def size(self) -> float:
        """Mean of width and height: the public release's measure of face size."""
        return 0.5 * (self.width + self.height)

    @property
    def area(self) -> float:
        return max(self.width, 0.0) * max(self.height, 0.0)

    def as_cxcywh(self) -> np.ndarray:
        """(4,) float64: centre x, centre y, width, height (the layout video smoothing uses)."""
        cx, cy = self.center
        return np.array([cx, cy, self.width, self.height], dtype=np.float64)

    @classmethod
    def from_cxcywh(cls, values) -> "FaceBox":
        cx, cy, w, h = (float(v) for v in values)
        return cls(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)

    def scaled(self, factor: float) -> "FaceBox":
        """The same box in an image resized by ``factor`` (coordinates multiplied)."""
        return FaceBox(self.x0 * factor, self.y0 * factor, self.x1 * factor, self.y1 * factor)


@dataclass
class FaceDetection:
    """One face found in an image.

    Attributes:
        box: the detector's (BlazeFace) box, pixels of the image searched.
        score: detector confidence in [0, 1].
        landmarks: (478, 3) float64 face-mesh landmarks, x and y in pixels, z a relative depth
            in pixels (negative toward the camera); None when the mesh did not converge.
    """

    box: FaceBox
    score: float
    landmarks: np.ndarray | None = None


def check_bundled_models() -> Path:
    """The installed mediapipe package folder, after checking its bundled models are there.

    Raises:
        FaceliftError: mediapipe is missing or is a release without bundled models.
    """
    try:
        import mediapipe
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise FaceliftError(f"mediapipe is not importable ({exc}); install mediapipe==0.10.21") from None
    root = Path(mediapipe.__file__).parent
    missing = [name for name in BUNDLED_MODELS if not (root / name).is_file()]
    if missing:
        raise FaceliftError(
            f"mediapipe at {root} lacks its bundled face models ({', '.join(missing)}); "
            "install mediapipe==0.10.21, the last release whose wheel ships them"
        )
    return root


@contextlib.contextmanager
def _quiet_native_stderr():
    """Silence file descriptor 2 while mediapipe builds and first runs a graph.

    Its C++ side (absl/TFLite) prints start-up warnings straight to fd 2 ("Feedback manager
    requires a model with a single signature", "Created TensorFlow Lite XNNPACK delegate") that
    no environment variable turns off and that users would take for errors. Left alone with
    debug logging on, so they stay visible when diagnosing.
    """
    if logger.isEnabledFor(logging.DEBUG):
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real fd 2 (embedded interpreters): nothing to silence
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _model(name: str):
    """A cached mediapipe solution graph (created on first use; they are not re-entrant)."""
    if name in _MODELS:
        return _MODELS[name]
    check_bundled_models()
    import mediapipe as mp

    solutions = mp.solutions
    if name == "detect_full":
        model = solutions.face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.5)
    elif name == "detect_short":
        model = solutions.face_detection.FaceDetection(model_selection=0, min_detection_confidence=0.5)
    elif name in ("mesh", "mesh_multi"):
        model = solutions.face_mesh.FaceMesh(
            static_image_mode=True, max_num_faces=1 if name == "mesh" else MESH_MAX_FACES, refine_landmarks=True,
            min_detection_confidence=0.3
        )
    elif name == "segment":
        model = solutions.selfie_segmentation.SelfieSegmentation(model_selection=0)
    else:  # pragma: no cover - programming error
        raise KeyError(name)
    _MODELS[name] = model
    return model


def run_model(name: str, rgb: np.ndarray):
    """Run the cached mediapipe graph ``name`` on an (H, W, 3) uint8 image, serialised by a lock."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    with _LOCK:
        if name in _WARM:
            return _MODELS[name].process(rgb)
        with _quiet_native_stderr():
            result = _model(name).process(rgb)
        _WARM.add(name)
        return result


def close_models() -> None:
    """Release the cached graphs (they are rebuilt lazily on the next call)."""
    with _LOCK:
        for model in _MODELS.values():
            try:
                model.close()
            except Exception:  # pragma: no cover - already closed
                pass
        _MODELS.clear()
        _WARM.clear()


def _blazeface(rgb: np.ndarray, min_score: float) -> list[FaceDetection]:
    h, w = rgb.shape[:2]
    for name in ("detect_full", "detect_short"):
        result = run_model(name, rgb)
        found = []
        for det in result.detections or []:
            rel = det.location_data.relative_bounding_box
            score = float(det.score[0]) if det.score else 0.0
            if score < min_score or rel.width <= 0 or rel.height <= 0:
                continue
            box = FaceBox(rel.xmin * w, rel.ymin * h, (rel.xmin + rel.width) * w, (rel.ymin + rel.height) * h)
            found.append(FaceDetection(box=box, score=score))
        if found:
            return found
    return []


def _remove_duplicates(dets: list[FaceDetection], iou_threshold: float = 0.5) -> list[FaceDetection]:
    kept: list[FaceDetection] = []
    for det in sorted(dets, key=lambda d: -d.score):
        if all(_iou(det.box, k.box) < iou_threshold for k in kept):
            kept.append(det)
    return kept


def _iou(a: FaceBox, b: FaceBox) -> float:
    ix = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))
    iy = max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
    inter = ix * iy
    union = a.area + b.area - inter
    return inter / union if union > 0 else 0.0


def detect_faces(
    rgb: np.ndarray,
    *,
    min_score: float = 0.5,
    landmarks: bool = True,
    max_side: int = DETECT_MAX_SIDE,
) -> list[FaceDetection]:
    """All faces in ``rgb`` (H, W, 3) uint8, largest box first.

    Args:
        min_score: detector confidence below which a face is ignored.
        landmarks: also run the 478-point face mesh on the largest face (the only one the
            framing needs; call :func:`face_landmarks` for others).
        max_side: the search runs on a copy at most this large; results are mapped back.

    Returns:
        Detections in pixels of ``rgb``, sorted by box area, largest first (possibly empty).
    """
    small, factor = downscale_for_detection(rgb, max_side)
    dets = _blazeface(small, min_score)
    if not dets:
        # A face cut by the border (tight crops, already-prepared inputs) lacks the context
        # BlazeFace was trained with: retry with a white margin around the image.
        pad = int(0.25 * max(small.shape[:2]))
        padded = np.pad(small, ((pad, pad), (pad, pad), (0, 0)), constant_values=255)
        dets = [
            FaceDetection(FaceBox(d.box.x0 - pad, d.box.y0 - pad, d.box.x1 - pad, d.box.y1 - pad), d.score)
            for d in _blazeface(padded, min_score)
        ]
    dets = _remove_duplicates(dets)
    dets = [FaceDetection(d.box.scaled(1.0 / factor), d.score) for d in dets]
    dets.sort(key=lambda d: -d.box.area)
    if landmarks and dets:
        dets[0].landmarks = face_landmarks(rgb, dets[0].box)
    return dets


def face_landmarks(rgb: np.ndarray, box: FaceBox | None = None) -> np.ndarray | None:
    """The 478 face-mesh landmarks of the face in ``box`` (or of the largest face), or None.

    Args:
        rgb: (H, W, 3) uint8 image.
        box: where the face is (e.g. from :func:`detect_faces`); None searches the whole image.

    Returns:
        (478, 3) float64: x, y in pixels of ``rgb`` and z (relative depth, same scale as x), or
        None when no face mesh could be fitted.
    """
    if box is None:
        dets = detect_faces(rgb, landmarks=False)
        if not dets:
            return None
        box = dets[0].box
    cx, cy = box.center
    side = MESH_CROP_CONTEXT * max(box.width, box.height)
    x0, y0 = cx - side / 2, cy - side / 2
    crop = _square_crop(rgb, x0, y0, side, MESH_CROP_SIZE)
    # The crop's context often holds a neighbour's face too (group photos), and the mesh may
    # fit that one: the one-face mesh is tried first (its landmarks are what photo-fit was
    # tuned on), and when its face is not the box's, several are fitted and the one centred
    # nearest the box is kept; none if no mesh lies on the box at all.
    for model in ("mesh", "mesh_multi"):
        result = run_model(model, crop)
        meshes = [_mesh_pixels(face, x0, y0, side) for face in result.multi_face_landmarks or []]
        if not meshes:
            continue
        centres = [m[:, :2].mean(axis=0) for m in meshes]
        best = int(np.argmin([np.hypot(c[0] - cx, c[1] - cy) for c in centres]))
        bx, by = centres[best]
        if box.x0 <= bx <= box.x1 and box.y0 <= by <= box.y1:
            return meshes[best]
    logger.debug("face mesh: no mesh centred on the box %s", box)
    return None


def _mesh_pixels(face, x0: float, y0: float, side: float) -> np.ndarray:
    """(478, 3) landmarks of one mesh result in image pixels (z normalised like x, by the crop width)."""
    points = np.array([(p.x, p.y, p.z) for p in face.landmark], dtype=np.float64)
    out = np.empty_like(points)
    out[:, 0] = x0 + points[:, 0] * side
    out[:, 1] = y0 + points[:, 1] * side
    out[:, 2] = points[:, 2] * side
    return out


def _square_crop(rgb: np.ndarray, x0: float, y0: float, side: float, size: int) -> np.ndarray:
    """The square [x0, x0+side] x [y0, y0+side] of ``rgb`` resampled to ``size``², white outside."""
    from PIL import Image

    h, w = rgb.shape[:2]
    # Cut the integer rect around the square (padding only that part with white, never the
    # whole photo), then let PIL resample the exact float box from it.
    ix0, iy0 = int(np.floor(x0)), int(np.floor(y0))
    ix1, iy1 = int(np.ceil(x0 + side)) + 1, int(np.ceil(y0 + side)) + 1
    region = np.full((iy1 - iy0, ix1 - ix0, 3), 255, np.uint8)
    sx0, sy0, sx1, sy1 = max(ix0, 0), max(iy0, 0), min(ix1, w), min(iy1, h)
    if sx1 > sx0 and sy1 > sy0:
        region[sy0 - iy0:sy1 - iy0, sx0 - ix0:sx1 - ix0] = rgb[sy0:sy1, sx0:sx1]
    box = (x0 - ix0, y0 - iy0, x0 - ix0 + side, y0 - iy0 + side)
    return np.asarray(Image.fromarray(region).resize((size, size), Image.Resampling.BILINEAR, box=box,
                                                      reducing_gap=2.0))
