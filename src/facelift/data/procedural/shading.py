"""Shading baked into the colours: ambient occlusion, a soft-shadowed sun, SH environment lobes or a
real map's SH irradiance."""

from __future__ import annotations

import numpy as np

from facelift.data import sdf
from facelift.data.procedural.envmap import sh_irradiance
from facelift.data.procedural.params import Lighting


def _sh_lobe(cos_t: np.ndarray) -> np.ndarray:
    """Order-2 SH irradiance of a unit distant light (clamped cosine, Legendre-truncated)."""
    return 0.25 + 0.5 * cos_t + 0.3125 * 0.5 * (3 * cos_t ** 2 - 1)


def _occlusion(field, p: np.ndarray, n: np.ndarray, samples: int = 5, step: float = 0.025) -> np.ndarray:
    """Ambient occlusion from the SDF: how much closer than expected the surface is
    along the normal (the standard SDF-AO estimate); 1 = open, lower = in a crease."""
    occ = np.zeros(len(p), np.float32)
    for k in range(1, samples + 1):
        h = step * k
        occ += (h - field(p + n * h)) / h * 0.5 ** k
    return np.clip(1 - 1.2 * occ, 0.45, 1.0)


def _soft_shadow(field, p: np.ndarray, light: np.ndarray, steps: int = 14) -> np.ndarray:
    """Soft shadow toward a distant light by sphere-tracing the SDF (penumbra from the
    closest miss)."""
    res = np.ones(len(p), np.float32)
    t = np.full(len(p), 0.03, np.float32)
    for _ in range(steps):
        d = field(p + light[None] * t[:, None])
        res = np.minimum(res, np.clip(8.0 * d / t, 0, 1))
        t = t + np.clip(d, 0.02, 0.25)
    return res * res * (3 - 2 * res)


def shade(albedo: np.ndarray, points: np.ndarray, normals: np.ndarray, lighting: Lighting,
          field, fast: bool = False) -> np.ndarray:
    """Bake ``lighting`` into colours (N, 3) for surface points with unit normals.

    ``fast`` takes fewer occlusion and shadow samples (enough for 64² renders).
    """
    ao = _occlusion(field, points, normals, samples=3 if fast else 5, step=0.04 if fast else 0.025)
    if lighting.kind == "ambient":
        return np.clip(albedo * (lighting.ambient * ao)[:, None], 0, 1)
    e = np.zeros_like(albedo)
    if lighting.sh:
        e += sh_irradiance(np.asarray(lighting.sh, np.float64), normals).astype(albedo.dtype)
    for d, c in lighting.lobes:
        e += _sh_lobe(sdf.dot(normals, np.asarray(d, np.float32)))[:, None] * np.asarray(c, np.float32)[None]
    e += lighting.ambient
    e *= ao[:, None]
    sun = np.asarray(lighting.sun_direction, np.float32)
    lam = np.clip(sdf.dot(normals, sun), 0, None)
    lit = lam > 0
    shadow = np.zeros(len(points), np.float32)
    if lit.any():
        shadow[lit] = _soft_shadow(field, points[lit] + normals[lit] * 0.01, sun, steps=8 if fast else 14)
    e += (lam * shadow)[:, None] * np.asarray(lighting.sun_rgb, np.float32)[None]
    # A gentle shoulder instead of a hard clip, so strong light does not flatten to white.
    rgb = albedo * e
    return np.clip(1.25 * rgb / (1 + 0.25 * rgb), 0, 1)
