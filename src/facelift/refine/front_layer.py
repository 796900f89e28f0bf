"""A layer of Gaussians seeded from the photo's own pixels, and the room made for it.

Each foreground pixel (every pixel on the face, every 2×2 block elsewhere) becomes one flat
Gaussian: centred on its pixel ray at the depth :mod:`facelift.refine.face_prior` gives it,
lying in the surface (its thin axis along the depth map's normal, its two wide axes along
the surface's steps to the neighbouring pixels), so that seen from the side the layer stays
closed instead of showing gaps between round splats, and coloured with the pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from facelift.cameras import Camera
from facelift.gaussians import Gaussians, matrices_to_quats

#: Wide-axis standard deviation as a share of the step to the neighbouring Gaussian
#: (neighbours overlap at about one sigma, which closes the layer without blurring it).
SPREAD = 0.65
#: Thin-axis standard deviation as a share of the pixel footprint.
THICKNESS = 0.2
#: A step longer than this many footprints is a depth jump, not a surface: cap the splat there.
MAX_STRETCH = 3.0
#: Pixels with less photo alpha than this get no Gaussian.
MIN_ALPHA = 0.05
#: Initial opacity of a fully opaque photo pixel (not 1: leaves the optimiser a gradient).
OPACITY = 0.95


@dataclass
class FrontLayer:
    """The seeded layer and what the optimiser needs to move its Gaussians along their rays.

    Attributes:
        gaussians: N Gaussians.
        origin: (3,) the front camera's centre.
        rays: (N, 3) unit ray of each Gaussian's pixel (world).
        distance: (N,) distance along the ray of each centre.
        footprint: (N,) world size of one input pixel at the Gaussian's depth.
    """

    gaussians: Gaussians
    origin: Tensor
    rays: Tensor
    distance: Tensor
    footprint: Tensor


def _pixel_points(depth: np.ndarray, camera: Camera, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """World points (h, w, 3) and unit rays (h, w, 3) of a depth map already pooled over
    ``stride``×``stride`` blocks: sample (i, j) is the centre of the block at (i·s, j·s)."""
    hs, ws = depth.shape
    K = camera.K.double().numpy()
    c2w = camera.c2w.double().numpy()
    v, u = np.mgrid[0:hs, 0:ws].astype(np.float64)
    u = (u + 0.5) * stride
    v = (v + 0.5) * stride
    cam = np.stack([(u - K[0, 2]) / K[0, 0], (v - K[1, 2]) / K[1, 1], np.ones_like(u)], -1)
    points = (cam * depth[..., None]) @ c2w[:3, :3].T + c2w[:3, 3]
    rays = cam @ c2w[:3, :3].T
    rays /= np.linalg.norm(rays, axis=-1, keepdims=True)
    return points, rays


def _frames(points: np.ndarray, footprint: np.ndarray, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sample, rotation (h, w, 3, 3) with columns (step along u, in-surface normal to it,
    surface normal) and standard deviations (h, w, 3)."""
    du = np.gradient(points, axis=1)
    dv = np.gradient(points, axis=0)
    limit = (MAX_STRETCH * footprint * stride)[..., None]
    du_len = np.linalg.norm(du, axis=-1, keepdims=True)
    dv_len = np.linalg.norm(dv, axis=-1, keepdims=True)
    du = du * np.minimum(1.0, limit / np.maximum(du_len, 1e-12))
    dv = dv * np.minimum(1.0, limit / np.maximum(dv_len, 1e-12))
    normal = np.cross(du, dv)
    normal /= np.maximum(np.linalg.norm(normal, axis=-1, keepdims=True), 1e-12)
    t1 = du / np.maximum(np.linalg.norm(du, axis=-1, keepdims=True), 1e-12)
    t2 = np.cross(normal, t1)
    rot = np.stack([t1, t2, normal], axis=-1)
    s1 = SPREAD * np.linalg.norm(du, axis=-1)
    s2 = SPREAD * np.abs((dv * t2).sum(-1))
    floor = 0.5 * footprint * stride
    scales = np.stack([np.maximum(s1, floor), np.maximum(s2, floor), THICKNESS * footprint * stride], -1)
    return rot, scales


def _seed(rgb: np.ndarray, alpha: np.ndarray, depth: np.ndarray, select: np.ndarray, camera: Camera,
          stride: int) -> dict[str, np.ndarray]:
    """Gaussians for the ``stride``-blocks of the image whose centre sample is in ``select``."""
    h, w = alpha.shape
    hc, wc = h - h % stride, w - w % stride

    def pool(a: np.ndarray) -> np.ndarray:
        a = a[:hc, :wc]
        return a.reshape(hc // stride, stride, wc // stride, stride, *a.shape[2:]).mean(axis=(1, 3))

    d = pool(depth) if stride > 1 else depth
    points, rays = _pixel_points(d, camera, stride)
    footprint = d / float(camera.K[0, 0])
    rot, scales = _frames(points, footprint, stride)
    a = pool(alpha) if stride > 1 else alpha
    c = pool(rgb) if stride > 1 else rgb
    sel = (pool(select.astype(np.float32)) > 0.5 if stride > 1 else select) & (a > MIN_ALPHA)
    # Rotations must be proper: flip the normal where the frame came out left-handed.
    R = rot[sel]
    det = np.linalg.det(R)
    R[det < 0, :, 2] *= -1
    origin = camera.c2w[:3, 3].double().numpy()
    return {
        "means": points[sel], "scales": scales[sel], "rotations": matrices_to_quats(torch.from_numpy(R)).numpy(),
        "opacities": OPACITY * np.clip(a[sel], 0.0, 1.0), "colors": c[sel], "rays": rays[sel],
        "distance": np.linalg.norm(points[sel] - origin, axis=-1), "footprint": footprint[sel] * stride,
    }


def seed_front_layer(rgb: np.ndarray, alpha: np.ndarray, depth: np.ndarray, face_weight: np.ndarray,
                     camera: Camera) -> FrontLayer:
    """Seed the layer: one Gaussian per face pixel, one per 2×2 block elsewhere.

    Args:
        rgb: (H, W, 3) float in [0, 1], the preprocessed photo.
        alpha: (H, W) float in [0, 1], its foreground alpha.
        depth: (H, W) camera depth per pixel (:func:`facelift.refine.face_prior.front_depth`).
        face_weight: (H, W) how far inside the face mesh (:class:`facelift.refine.face_prior.FrontDepth`); > 0.5 is seeded
            per pixel.
        camera: the front camera at H × W (even H and W).
    """
    face = face_weight > 0.5
    parts = [_seed(rgb, alpha, depth, face, camera, 1), _seed(rgb, alpha, depth, ~face, camera, 2)]
    cat = {k: torch.from_numpy(np.concatenate([p[k] for p in parts])).float() for k in parts[0]}
    g = Gaussians(means=cat["means"], scales=cat["scales"], rotations=cat["rotations"],
                  opacities=cat["opacities"], colors=cat["colors"])
    return FrontLayer(g, camera.c2w[:3, 3].float().clone(), cat["rays"], cat["distance"], cat["footprint"])


def front_pixels(means: Tensor, camera: Camera, h: int, w: int) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Where centres (N, 3) land in an h × w image of ``camera``: column and row (clamped into
    the image), camera depth z, and whether the pixel is really in the image (z > 0)."""
    w2c = camera.w2c.float()
    cam = means.float() @ w2c[:3, :3].T + w2c[:3, 3]
    z = cam[:, 2]
    K = camera.K.float()
    u = (K[0, 0] * cam[:, 0] / z.clamp_min(1e-6) + K[0, 2]).floor().long()
    v = (K[1, 1] * cam[:, 1] / z.clamp_min(1e-6) + K[1, 2]).floor().long()
    inside = (u >= 0) & (u < w) & (v >= 0) & (v < h) & (z > 0)
    return u.clamp(0, w - 1), v.clamp(0, h - 1), z, inside


def carve_head(head: Gaussians, camera: Camera, depth: np.ndarray, mask: np.ndarray, margin: float,
               dilate_px: int = 6) -> Gaussians:
    """The Stage II Gaussians that do not contradict the photo from the front camera.

    A Gaussian whose centre projects outside the photo's (slightly dilated) silhouette would
    be seen where the photo shows background; one inside it and nearer than the photo's
    surface plus ``margin`` (world units) would hide the face. Both are dropped; what lies
    behind the surface (the head's volume, its sides and back) is kept.
    """
    from scipy import ndimage

    if len(head) == 0:
        return head
    h, w = mask.shape
    sil = ndimage.binary_dilation(mask > 0.5, iterations=dilate_px)
    uc, vc, z, inside = front_pixels(head.means, camera, h, w)
    on_sil = torch.from_numpy(sil)[vc, uc] & inside
    surface = torch.from_numpy(depth)[vc, uc]
    in_front = on_sil & (z < surface + margin) & torch.from_numpy(mask > 0.5)[vc, uc]
    keep = (on_sil | ~inside) & ~in_front
    return head[keep]


__all__ = ["FrontLayer", "seed_front_layer", "carve_head", "front_pixels"]
