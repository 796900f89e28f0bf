"""The built-in reanimator: MediaPipe face-mesh motion of a driving video, moved onto a photo.

Each driving frame's 478 landmarks are compared with the driving video's first frame:

* **head pose**: the similarity (scale, 3D rotation, translation) that best takes the first
  frame's *rigid* landmarks (forehead, nose bridge, cheekbones, eye corners: points an
  expression barely moves) onto this frame's (Umeyama's least squares);
* **expression**: what is left once that pose is undone, per landmark, in the first frame's
  own frame (lips parting, lids closing, brows rising).

Both are relative to the first frame, so a driving actor whose resting face differs from the
photo's does not impose their own resting face: the photo keeps its own. The expression is
turned and scaled into the photo's face (the similarity from the first driving frame's rigid
points to the photo's), added to the photo's landmarks, and the head pose is applied about
the photo's face centre; the photo is then warped onto those target landmarks
(:func:`facelift.reanimate.warp.warp_face`). MediaPipe's ``z`` is a relative depth in the
same units as ``x``, so the rotation is a true 3D one under a weak-perspective view.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import numpy as np

from facelift.errors import FaceliftError
from facelift.reanimate.warp import lip_gap, warp_face

log = logging.getLogger(__name__)

#: Face-mesh landmarks that expressions barely move: the pose is fitted on them.
RIGID = (1, 4, 5, 6, 168, 197, 195, 10, 151, 9, 8, 109, 338, 67, 297, 234, 454, 127, 356, 93, 323,
         116, 345, 33, 133, 263, 362)

Landmarker = Callable[[np.ndarray], "np.ndarray | None"]


@dataclass(frozen=True)
class Similarity:
    """``b ≈ scale · a @ rotation.T + translation`` for (N, 3) point sets."""

    scale: float
    rotation: np.ndarray
    translation: np.ndarray

    def apply(self, points: np.ndarray) -> np.ndarray:
        return self.scale * points @ self.rotation.T + self.translation

    def euler_degrees(self) -> tuple[float, float, float]:
        """(pitch, yaw, roll) of the rotation, degrees (x: image right, y: image down, z: depth;
        pitch > 0 tips the chin toward the chest)."""
        r = self.rotation
        pitch = np.degrees(np.arctan2(r[2, 1], r[2, 2]))
        yaw = np.degrees(np.arcsin(np.clip(-r[2, 0], -1.0, 1.0)))
        roll = np.degrees(np.arctan2(r[1, 0], r[0, 0]))
        return float(pitch), float(yaw), float(roll)


def fit_similarity(a: np.ndarray, b: np.ndarray) -> Similarity:
    """The least-squares similarity taking points ``a`` (N, D) onto ``b`` (N, D) (Umeyama 1991)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    ma, mb = a.mean(0), b.mean(0)
    ca, cb = a - ma, b - mb
    u, s, vt = np.linalg.svd(cb.T @ ca)
    d = np.ones(len(s))
    d[-1] = np.sign(np.linalg.det(u @ vt)) or 1.0
    rotation = u @ np.diag(d) @ vt
    scale = float((s * d).sum() / max((ca ** 2).sum(), 1e-12))
    return Similarity(scale, rotation, mb - scale * ma @ rotation.T)


def transfer_motion(source: np.ndarray, first: np.ndarray, driving: np.ndarray,
                    rigid: tuple[int, ...] = RIGID, expression_scale: float = 1.0) -> np.ndarray:
    """The source face's landmarks moved as the driving face moved since its first frame.

    Args:
        source: (L, 3) the photo's landmarks (pixels, relative z); first, driving: (L, 3) the
            first and the current driving frame's, in the driving video's pixels.
        rigid: the landmarks the pose is fitted on.
        expression_scale: how much of the driving expression to apply (1: all of it).

    Returns:
        (L, 3) target landmarks in the photo's pixels; equal to ``source`` when
        ``driving`` equals ``first``.
    """
    source, first, driving = (np.asarray(x, np.float64) for x in (source, first, driving))
    if not (source.shape == first.shape == driving.shape) or source.ndim != 2 or source.shape[1] != 3:
        raise FaceliftError(f"landmarks must be three (L, 3) arrays alike, got {source.shape}, {first.shape}, "
                            f"{driving.shape}")
    rigid = list(rigid)
    pose = fit_similarity(first[rigid], driving[rigid])              # first -> driving
    expression = (driving - pose.translation) @ pose.rotation / pose.scale - first  # in first's frame
    to_source = fit_similarity(first[rigid], source[rigid])          # first's face -> photo's face
    expression = expression_scale * to_source.scale * expression @ to_source.rotation.T
    centre_first, centre_source = first[rigid].mean(0), source[rigid].mean(0)
    moved = driving[rigid].mean(0) - centre_first
    moved[2] = 0.0  # the face's centre moves in the image, not in depth
    turned = pose.scale * (source + expression - centre_source) @ pose.rotation.T
    return centre_source + to_source.scale * moved + turned


def head_pose(reference: np.ndarray, landmarks: np.ndarray) -> tuple[float, float, float]:
    """(pitch, yaw, roll) degrees of ``landmarks``' head relative to ``reference``'s (both (478, 3))."""
    return fit_similarity(reference[list(RIGID)], landmarks[list(RIGID)]).euler_degrees()


def mouth_opening(landmarks: np.ndarray) -> float:
    """Inner-lip gap over the face outline's height (a scale-free mouth-opening signal)."""
    return lip_gap(landmarks)


def _key(image: np.ndarray) -> tuple:
    return image.shape, hashlib.blake2b(np.ascontiguousarray(image).tobytes(), digest_size=16).digest()


class LandmarkReanimator:
    """Reanimate a photo with the face-mesh motion of a driving video (module docstring).

    Offline, CPU only, no weights beyond MediaPipe's bundled face mesh. It moves what the
    mesh sees (head pose, lids, brows, lips, jaw) and draws the mouth's inside; it cannot
    invent what the photo never showed (the far side of a turned head, gaze changes).

    Args:
        landmarker: image -> (478, 3) landmarks or None; default
            :func:`facelift.preprocess.face_landmarks`.
        expression_scale: share of the driving expression applied (1: all of it).
    """

    name = "landmarks"

    def __init__(self, landmarker: Landmarker | None = None, expression_scale: float = 1.0) -> None:
        if landmarker is None:
            from facelift.preprocess import face_landmarks as landmarker
        self.landmarker = landmarker
        self.expression_scale = expression_scale
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()

    def landmarks(self, image: np.ndarray, what: str) -> np.ndarray:
        """The face mesh of ``image`` (cached for the source and the first driving frame)."""
        key = _key(image)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        found = self.landmarker(np.ascontiguousarray(image[..., :3]))
        if found is None:
            raise FaceliftError(f"no face found in the {what}")
        found = np.asarray(found, np.float64)
        self._cache[key] = found
        while len(self._cache) > 3:
            self._cache.popitem(last=False)
        return found

    def __call__(self, source: np.ndarray, driving: np.ndarray, first: np.ndarray) -> np.ndarray:
        src = self.landmarks(source, "photo")
        ref = self.landmarks(first, "first driving frame")
        drv = self.landmarks(driving, "driving frame")
        count = min(len(src), len(ref), len(drv))
        target = transfer_motion(src[:count], ref[:count], drv[:count], expression_scale=self.expression_scale)
        return warp_face(source, src[:count], target, rigid=RIGID)


__all__ = ["LandmarkReanimator", "RIGID", "Similarity", "fit_similarity", "head_pose", "mouth_opening",
           "transfer_motion"]
