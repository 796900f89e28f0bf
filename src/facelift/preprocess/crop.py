"""The public release's framing (SPEC §2.1): the largest face scaled and translated onto 512² white.

Stage I was trained on renders whose face box, measured by the release's detector, averages
:data:`FACE_SIZE` px and sits at :data:`FACE_CENTER` on a 512² canvas. The release detects with
facenet-pytorch's MTCNN and measures a face by its box's *centre* and the *mean of its width and
height*; it scales the photo uniformly and translates it (no rotation) so the box lands there.

Calibrating our detector to that convention
-------------------------------------------
We detect with mediapipe (offline), whose boxes follow a different convention: BlazeFace boxes
are square-ish and sit higher on the face than MTCNN's; MTCNN's box spans roughly eyebrows-to-
chin and ear-to-ear at the cheeks. Rather than guess, we map the extent of the face-mesh *oval*
(36 silhouette landmarks from the forehead top, landmark 10, to the chin, 152, and cheek to
cheek, 234/454) to an MTCNN-convention box::

    centre = oval centre + (dx · oval width, dy · oval height)
    width  = sw · oval width,   height = sh · oval height

The four constants were *measured*, not guessed: ``tools/calibrate_face_box.py`` runs the
release's MTCNN (weights from the facenet-pytorch wheel, with the release's thresholds and
selection rule) beside our face mesh on the public-domain portraits we can redistribute (the
example photo and the Grace Hopper portrait shipped with matplotlib), each at five scales and
mirrored, and averages the ratios. The oval box is used (not BlazeFace's) because landmarks
are stable to a pixel or two across scales, while both detectors' boxes quantise with their
anchor/pyramid grids. Over the 20 samples the mapped box matches MTCNN's centre to 1.3% (x) and
1.8% (y) of the face size (rms) and its size to 4% (rms) — MTCNN's own box varies by as much
between a photo and its mirror image, so the fit is at the reference's noise floor. Face size
errors of this order change the head's scale by a few pixels in 512², well inside the spread
of the renders Stage I was trained on. When the mesh cannot be fitted, the BlazeFace box is
mapped with constants measured the same way (centre 1.6% / 1.9%, size 5% rms). Re-checking on
the output: detecting the framed example photos again puts their box within 1 px of
(251.8, 280.0) and within 0.5% of 194.3 px.

Pixel convention: continuous coordinates, the image spans [0, W] x [0, H], pixel centres at +0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from facelift.preprocess.detect import FaceBox

#: The release's training-set face size and centre in a 512² image (its crop constants).
FACE_SIZE = 194.2749650813705
FACE_CENTER = (251.83270369057132, 280.0133630862363)
RELEASE_SIZE = 512

#: Face-mesh oval box -> release (MTCNN) box; measured by ``tools/calibrate_face_box.py``.
OVAL_TO_RELEASE = {"dx": -0.0023, "dy": -0.0464, "sw": 0.9636, "sh": 1.0642}
#: BlazeFace box -> release box (fallback when the face mesh fails), measured the same way.
BLAZEFACE_TO_RELEASE = {"dx": -0.0119, "dy": -0.0215, "sw": 0.8649, "sh": 1.0817}

#: mediapipe face-mesh indices of the face oval (silhouette ring from forehead to chin).
FACE_OVAL = (
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
    152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
)


@dataclass(frozen=True)
class CropTransform:
    """Uniform scale + translation from source pixels to output pixels: ``out = scale · src + (tx, ty)``."""

    scale: float
    tx: float
    ty: float

    def apply(self, points: np.ndarray) -> np.ndarray:
        """Map (..., 2) source points to output pixels."""
        points = np.asarray(points, dtype=np.float64)
        return points * self.scale + np.array([self.tx, self.ty])

    def inverse(self) -> "CropTransform":
        return CropTransform(1.0 / self.scale, -self.tx / self.scale, -self.ty / self.scale)

    def apply_box(self, box: FaceBox) -> FaceBox:
        (x0, y0), (x1, y1) = self.apply(np.array([[box.x0, box.y0], [box.x1, box.y1]]))
        return FaceBox(float(x0), float(y0), float(x1), float(y1))

    def matrix(self) -> np.ndarray:
        """(2, 3) affine matrix of the map."""
        return np.array([[self.scale, 0.0, self.tx], [0.0, self.scale, self.ty]])


def _mapped_box(cx: float, cy: float, w: float, h: float, constants: dict[str, float]) -> FaceBox:
    return FaceBox.from_cxcywh(
        (cx + constants["dx"] * w, cy + constants["dy"] * h, constants["sw"] * w, constants["sh"] * h)
    )


def oval_box(landmarks: np.ndarray) -> FaceBox:
    """Extent of the face-oval landmarks of a (478, 2+) face mesh, pixels."""
    pts = np.asarray(landmarks)[list(FACE_OVAL), :2]
    lo, hi = pts.min(0), pts.max(0)
    return FaceBox(float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def release_box_from_landmarks(landmarks: np.ndarray) -> FaceBox:
    """The release-convention (MTCNN) face box predicted from a (478, 2+) face mesh."""
    cx, cy, w, h = oval_box(landmarks).as_cxcywh()
    return _mapped_box(cx, cy, w, h, OVAL_TO_RELEASE)


def release_box_from_blazeface(box: FaceBox) -> FaceBox:
    """The release-convention face box predicted from a BlazeFace box (fallback)."""
    cx, cy, w, h = box.as_cxcywh()
    return _mapped_box(cx, cy, w, h, BLAZEFACE_TO_RELEASE)


def framing_transform(box: FaceBox, size: int = RELEASE_SIZE) -> CropTransform:
    """The scale + translation putting a release-convention ``box`` at the release's place on ``size``²."""
    if box.size <= 0:
        raise ValueError(f"degenerate face box {box}")
    unit = size / RELEASE_SIZE
    scale = FACE_SIZE * unit / box.size
    cx, cy = box.center
    return CropTransform(scale, FACE_CENTER[0] * unit - scale * cx, FACE_CENTER[1] * unit - scale * cy)


def fit_transform(width: int, height: int, size: int = RELEASE_SIZE) -> CropTransform:
    """Resize a ``width`` x ``height`` image to fit ``size``² (longer side), centred: the no-crop path."""
    scale = size / max(width, height)
    return CropTransform(scale, (size - scale * width) / 2, (size - scale * height) / 2)


def warp(
    image: np.ndarray, transform: CropTransform, size: int | tuple[int, int], fill: float | tuple = 255
) -> np.ndarray:
    """Resample ``image`` (H, W) or (H, W, C), uint8 or float32, under ``transform`` onto a new canvas.

    Args:
        size: output side (square) or (width, height).
        fill: value of output pixels the source does not cover.

    Resampling is antialiased (Lanczos for uint8, bilinear/bicubic for float, over the exact
    source box), so a large photo shrunk for the crop does not alias; only the part of the
    source that lands in the output is resampled.

    Returns:
        (height, width[, C]) array of ``image``'s dtype.
    """
    out_w, out_h = (size, size) if isinstance(size, (int, np.integer)) else (int(size[0]), int(size[1]))
    h, w = image.shape[:2]
    s, tx, ty = transform.scale, transform.tx, transform.ty
    out = np.empty((out_h, out_w) + image.shape[2:], dtype=image.dtype)
    out[...] = fill
    # Output pixel rect covered by the source, rounded inward; then the exact source box for it.
    ox0, oy0 = int(np.ceil(max(0.0, tx))), int(np.ceil(max(0.0, ty)))
    ox1, oy1 = int(np.floor(min(out_w, tx + s * w))), int(np.floor(min(out_h, ty + s * h)))
    if ox1 <= ox0 or oy1 <= oy0:
        return out
    box = (
        max(0.0, (ox0 - tx) / s), max(0.0, (oy0 - ty) / s),
        min(float(w), (ox1 - tx) / s), min(float(h), (oy1 - ty) / s),
    )
    part_size = (ox1 - ox0, oy1 - oy0)
    if image.dtype == np.uint8:
        part = np.asarray(Image.fromarray(image).resize(part_size, Image.Resampling.LANCZOS, box=box))
    else:
        channels = image[..., None] if image.ndim == 2 else image
        resample = Image.Resampling.BILINEAR if s < 1 else Image.Resampling.BICUBIC
        part = np.stack([
            np.asarray(Image.fromarray(np.ascontiguousarray(channels[..., c], dtype=np.float32), mode="F")
                       .resize(part_size, resample, box=box))
            for c in range(channels.shape[-1])
        ], axis=-1).astype(image.dtype)
        part = part[..., 0] if image.ndim == 2 else part
    out[oy0:oy1, ox0:ox1] = part
    return out
