"""Signed-distance primitives and surface sampling for the procedural heads.

Every function takes points ``p`` as an (N, 3) float32 array and returns (N,) distances
(negative inside). The ellipsoid and tapered-capsule distances are the usual cheap
approximations (exact on the surface, a bound near it), which is all the surface
sampler and the soft-shadow / occlusion estimates need.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

Field = Callable[[np.ndarray], np.ndarray]


# Reproducibility: numpy's SIMD reductions (``sum(axis=1)``, ``einsum``, small matmuls)
# may round differently depending on the memory alignment of each row, which changes
# from run to run; the heads must be bit-identical for the same seeds. So row-wise dot
# products and 3-vector transforms are written as explicit per-column arithmetic.


def dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise dot products of (N, 3) arrays (b may be a single (3,) vector)."""
    b = np.broadcast_to(b, a.shape) if b.ndim == 1 else b
    return a[:, 0] * b[:, 0] + a[:, 1] * b[:, 1] + a[:, 2] * b[:, 2]


def matmul3(p: np.ndarray, m: np.ndarray) -> np.ndarray:
    """``p @ m`` for (N, 3) points and a (3, K) matrix, in deterministic arithmetic."""
    m = np.asarray(m, dtype=p.dtype)
    return p[:, 0:1] * m[0] + p[:, 1:2] * m[1] + p[:, 2:3] * m[2]


def atan2(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``arctan2`` from ``arctan``: numpy's vectorised ``arctan2`` kernel rounds
    differently depending on the memory alignment of its operands (seen with numpy
    1.26 on AVX-512), which would make the heads differ between runs."""
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        a = np.arctan(y / np.where(x == 0, np.asarray(1e-30, dtype=x.dtype), x))
    a = np.where(x < 0, np.where(y >= 0, a + np.pi, a - np.pi), a)
    return a.astype(np.result_type(y, x), copy=False)


def _norm(v: np.ndarray) -> np.ndarray:
    """Row norms of (N, 3)."""
    return np.sqrt(dot(v, v))


def bounded(p: np.ndarray, centre, radius: float, fn: Field) -> np.ndarray:
    """Evaluate a small part's field ``fn`` only near it.

    ``radius`` must enclose the part. Outside that sphere the distance to the sphere is
    returned instead: a lower bound of the true distance, so surface sampling and
    smooth unions stay correct while far points skip the part's arithmetic.
    """
    c = np.asarray(centre, dtype=np.float32)
    dist = _norm(p - c)
    near = dist < radius + 0.1
    out = dist - radius
    if near.any():
        out[near] = fn(p[near])
    return out


def ellipsoid(p: np.ndarray, centre, radii, rotation: np.ndarray | None = None) -> np.ndarray:
    """Approximate distance to an ellipsoid; ``rotation`` (3, 3) maps local axes to world."""
    q = p - np.asarray(centre, dtype=np.float32)
    if rotation is not None:
        q = matmul3(q, rotation.astype(np.float32))  # row-vector form of R^T q: world -> local
    r = np.asarray(radii, dtype=np.float32)
    k0 = _norm(q / r)
    k1 = _norm(q / (r * r))
    return k0 * (k0 - 1.0) / np.maximum(k1, 1e-8)


def sphere(p: np.ndarray, centre, radius: float) -> np.ndarray:
    return _norm(p - np.asarray(centre, dtype=np.float32)) - radius


def capsule(p: np.ndarray, a, b, radius_a: float, radius_b: float | None = None) -> np.ndarray:
    """Distance to a segment a-b swept by a radius that varies linearly from a to b."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    radius_b = radius_a if radius_b is None else radius_b
    ab = b - a
    t = np.clip(dot(p - a, ab) / float(ab @ ab), 0.0, 1.0)
    closest = a + t[:, None] * ab
    return _norm(p - closest) - (radius_a + (radius_b - radius_a) * t)


def smin(a: np.ndarray, b: np.ndarray, k: float) -> np.ndarray:
    """Smooth union (polynomial smooth minimum) with blend width ``k``."""
    if k <= 0:
        return np.minimum(a, b)
    h = np.clip(0.5 + 0.5 * (b - a) / k, 0.0, 1.0)
    return b + (a - b) * h - k * h * (1.0 - h)


def smax(a: np.ndarray, b: np.ndarray, k: float) -> np.ndarray:
    """Smooth intersection; ``smax(a, -b, k)`` carves b out of a."""
    return -smin(-a, -b, k)


def gradient(field: Field, p: np.ndarray, eps: float = 1e-3, d: np.ndarray | None = None) -> np.ndarray:
    """(N, 3) gradient of ``field`` at ``p``: forward differences from ``d = field(p)``
    when given (3 evaluations), else central differences (6)."""
    offsets = np.eye(3, dtype=np.float32) * eps
    if d is not None:
        fd = field(np.concatenate([p + o for o in offsets])).reshape(3, len(p))
        return (fd - d[None]).T / eps
    stacked = np.concatenate([p + o for o in offsets] + [p - o for o in offsets])
    d6 = field(stacked).reshape(6, len(p))
    return np.stack([d6[i] - d6[i + 3] for i in range(3)], axis=1) / (2 * eps)


def surface_points(field: Field, lo, hi, spacing: float, coarse: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Points on the zero level set of ``field`` about ``spacing`` apart, with unit normals.

    A narrow-band octree: a coarse grid over the box [lo, hi] is evaluated, cells near
    the surface are split in 8 until the cell size reaches ``spacing``, and each
    surviving cell's centre is projected onto the surface by Newton steps along the
    gradient. The cost grows with the surface area, not the volume, which keeps a
    512² head at a fraction of a second.

    Returns:
        points: (M, 3) float32, normals: (M, 3) float32 (outward, unit).
    """
    lo = np.asarray(lo, dtype=np.float32)
    hi = np.asarray(hi, dtype=np.float32)
    levels = max(0, int(np.ceil(np.log2(max(coarse / spacing, 1.0)))))
    h = spacing * 2.0 ** levels
    counts = np.maximum(np.ceil((hi - lo) / h).astype(int), 1)
    axes = [lo[i] + (np.arange(counts[i], dtype=np.float32) + 0.5) * h for i in range(3)]
    centres = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, 3)
    # The approximate distances can under-report by up to ~2x away from the surface,
    # so the coarse levels keep a generous band; the last level keeps half a cell.
    d = field(centres)
    centres = centres[np.abs(d) < 1.8 * h]
    children = np.array([[dx, dy, dz] for dx in (-1, 1) for dy in (-1, 1) for dz in (-1, 1)],
                        dtype=np.float32) * 0.25
    for level in range(levels):
        centres = (centres[:, None, :] + children[None] * h).reshape(-1, 3)
        h *= 0.5
        d = field(centres)
        band = 0.55 if level == levels - 1 else 1.5
        centres = centres[np.abs(d) < band * h]
    if levels == 0:
        d = field(centres)
        centres = centres[np.abs(d) < 0.55 * h]
    pts = centres
    d = field(pts)
    for _ in range(2):
        g = gradient(field, pts, d=d)
        pts = pts - (d / np.maximum(dot(g, g), 1e-8))[:, None] * g
        d = field(pts)
    g = gradient(field, pts, d=d)
    keep = (np.abs(d) < 0.1 * spacing) & (_norm(g) > 1e-4)
    pts, g = pts[keep], g[keep]
    normals = g / _norm(g)[:, None]
    return pts.astype(np.float32), normals.astype(np.float32)


def fibonacci_sphere(n: int) -> np.ndarray:
    """(n, 3) nearly uniform unit vectors (golden-angle spiral)."""
    i = np.arange(n, dtype=np.float64) + 0.5
    z = 1.0 - 2.0 * i / n
    r = np.sqrt(np.maximum(0.0, 1.0 - z * z))
    phi = np.pi * (1.0 + 5 ** 0.5) * i
    return np.stack([r * np.cos(phi), r * np.sin(phi), z], axis=1).astype(np.float32)


def normal_to_quaternion(n: np.ndarray) -> np.ndarray:
    """(N, 4) unit quaternions (w, x, y, z) rotating local +Z onto the unit normals ``n``."""
    w = 1.0 + n[:, 2]
    q = np.stack([w, -n[:, 1], n[:, 0], np.zeros_like(w)], axis=1)
    # Normals pointing straight down: the half-way construction degenerates; use a
    # half turn about X instead.
    flip = w < 1e-6
    q[flip] = np.array([0.0, 1.0, 0.0, 0.0], dtype=q.dtype)
    return q / np.sqrt(q[:, 0] ** 2 + q[:, 1] ** 2 + q[:, 2] ** 2 + q[:, 3] ** 2)[:, None]


def rotation_matrix(yaw_deg: float, pitch_deg: float, roll_deg: float) -> np.ndarray:
    """(3, 3) head rotation: yaw about +Z, pitch about +X (nodding down for positive),
    roll about +Y, applied roll, then pitch, then yaw."""
    y, p, r = np.radians([yaw_deg, pitch_deg, roll_deg])
    rz = np.array([[np.cos(y), -np.sin(y), 0], [np.sin(y), np.cos(y), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    ry = np.array([[np.cos(r), 0, np.sin(r)], [0, 1, 0], [-np.sin(r), 0, np.cos(r)]])
    return (rz @ rx @ ry).astype(np.float32)
