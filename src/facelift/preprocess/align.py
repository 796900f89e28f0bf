"""Facial-landmark alignment of a render to a target view (paper suppl. C.1, Algorithm 1).

Camera transfer between a dataset's rig and ours leaves a residual scale and shift (different
camera distance and intrinsics), so before computing metrics the paper aligns each render to
its target by their MediaPipe landmarks:

1. detect the 478 face-mesh landmarks ``L_r`` on the render and ``L_t`` on the target;
2. centre both sets on their centroids ``μ_r``, ``μ_t``;
3. take the uniform scale minimising ``Σ |s (L_r − μ_r) − (L_t − μ_t)|²``, i.e.
   ``s = <L_r − μ_r, L_t − μ_t> / |L_r − μ_r|²``, and the translation ``t = μ_t − s μ_r``;
4. warp the render with ``x ↦ s x + t`` onto the target's canvas (no rotation).

Views where either image shows no detectable face are not aligned: :func:`align_to_target`
returns None and the caller reports and excludes them, as in the paper.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from facelift.preprocess.crop import CropTransform, warp
from facelift.preprocess.detect import face_landmarks

logger = logging.getLogger(__name__)


@dataclass
class AlignResult:
    """A render aligned to its target.

    Attributes:
        image: the warped render, (H_t, W_t, C) with the render's dtype, on the target's canvas.
        transform: render pixels -> target pixels (``scale``, ``tx``, ``ty``).
        residual: root-mean-square landmark distance after alignment, target pixels.
        render_landmarks: (478, 2) landmarks found on the render, render pixels.
        target_landmarks: (478, 2) landmarks found on the target, target pixels.
    """

    image: np.ndarray
    transform: CropTransform
    residual: float
    render_landmarks: np.ndarray
    target_landmarks: np.ndarray

    @property
    def scale(self) -> float:
        return self.transform.scale

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        # Lets callers that only want the pixels treat the result as the aligned image
        # (``np.asarray(align_to_target(r, t))``), e.g. the evaluation protocol's aligner hook.
        return np.asarray(self.image, dtype=dtype)

    @property
    def translation(self) -> tuple[float, float]:
        return (self.transform.tx, self.transform.ty)


def fit_scale_translation(source: np.ndarray, target: np.ndarray) -> tuple[CropTransform, float]:
    """Least-squares uniform scale + translation mapping ``source`` points onto ``target`` points.

    Args:
        source, target: (N, 2) corresponding points.

    Returns:
        (transform with ``target ≈ scale · source + t``, rms residual in target units).
    """
    source = np.asarray(source, dtype=np.float64)[:, :2]
    target = np.asarray(target, dtype=np.float64)[:, :2]
    if source.shape != target.shape or len(source) < 2:
        raise ValueError(f"need matching (N>=2, 2) point sets, got {source.shape} and {target.shape}")
    mu_s, mu_t = source.mean(0), target.mean(0)
    cs, ct = source - mu_s, target - mu_t
    denom = float((cs * cs).sum())
    if denom <= 0:
        raise ValueError("source points are all identical")
    scale = float((cs * ct).sum()) / denom
    t = mu_t - scale * mu_s
    residual = float(np.sqrt(np.mean(np.sum((scale * source + t - target) ** 2, axis=1))))
    return CropTransform(scale, float(t[0]), float(t[1])), residual


def _as_uint8(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image)
    if image.dtype == np.uint8:
        return image[..., :3]
    return np.clip(image[..., :3] * 255.0 + 0.5, 0, 255).astype(np.uint8)


def align_to_target(
    render: np.ndarray,
    target: np.ndarray,
    background: float | tuple = 1.0,
    render_landmarks: np.ndarray | None = None,
    target_landmarks: np.ndarray | None = None,
) -> AlignResult | None:
    """Align ``render`` to ``target`` by their face landmarks (Algorithm 1).

    Args:
        render, target: (H, W, 3) images, uint8 or float in [0, 1] (PIL images are accepted).
        background: fill for target pixels the warped render does not cover, in the render's
            scale (1.0 = white for float images; use 255 for uint8).
        render_landmarks, target_landmarks: precomputed (478, 2+) landmarks, pixels, to skip
            detection (e.g. a dataset's target landmarks computed once).

    Returns:
        The aligned render, or None when no face was found on either image (the view is to be
        excluded and reported by the caller).
    """
    render = np.asarray(render)
    target = np.asarray(target)
    if render_landmarks is None:
        render_landmarks = face_landmarks(_as_uint8(render))
    if target_landmarks is None:
        target_landmarks = face_landmarks(_as_uint8(target))
    if render_landmarks is None or target_landmarks is None:
        which = "render" if render_landmarks is None else "target"
        logger.info("landmark alignment skipped: no face found on the %s", which)
        return None
    transform, residual = fit_scale_translation(render_landmarks[:, :2], target_landmarks[:, :2])
    fill = background
    if render.dtype == np.uint8 and isinstance(background, float) and background <= 1.0:
        fill = round(background * 255)
    warped = warp(render, transform, (target.shape[1], target.shape[0]), fill=fill)
    return AlignResult(
        image=warped, transform=transform, residual=residual,
        render_landmarks=np.asarray(render_landmarks)[:, :2], target_landmarks=np.asarray(target_landmarks)[:, :2],
    )
