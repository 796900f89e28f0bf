"""Real HDR environment maps as procedural lighting: order-2 SH irradiance plus the sun.

An equirectangular map (``.hdr`` / ``.exr``, linear radiance, 2:1, row 0 toward +Z, column
``u`` at azimuth ``2π (u + ½) / W`` from +X toward +Y) is split in two, as a renderer with
shadows would see it:

* **the sun**: the connected bright region around the map's brightest pixel, when it is far
  brighter than the map's median and compact (an outdoor sun, a studio lamp; not a bright
  sky); it becomes the directional
  light with soft shadows that :func:`facelift.data.procedural.shading.shade` already casts,
  with the irradiance the region delivers;
* **the rest**: projected onto the nine real spherical harmonics of order ≤ 2 and convolved with
  the clamped cosine (Ramamoorthi & Hanrahan 2001: ``Â₀ = π, Â₁ = 2π/3, Â₂ = π/4``), which
  holds a diffuse surface's irradiance to a few percent; a sharp sun would ring in it.

Both are stored in "radiance units" (irradiance / π), the units of
:class:`~facelift.data.procedural.params.Lighting`: a constant map of radiance 1 lights a
surface with 1, as ``Lighting("ambient", ambient=1)`` does. Each subject turns its map by a
random angle about Z and scales it to a random exposure around the procedural environments'.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from facelift.data.inputs import find_files
from facelift.errors import FaceliftError

HDRI_EXTENSIONS = (".hdr", ".exr")
#: Maps are area-resampled to at most this width first: order-2 SH and the sun's direction
#: and power need no more, and 8k maps would only cost memory.
WORK_WIDTH = 256
#: A region is a sun when its brightest pixel is this many times the map's median luminance;
#: the region is what is brighter than SUN_FLOOR of that pixel, connected to it.
SUN_CONTRAST = 20.0
SUN_FLOOR = 0.1
#: ... and when it is compact: a region wider than this (steradians, a disc of ~10° radius) is a
#: bright sky or wall, which the SH holds well and a single shadow-casting direction would not.
SUN_MAX_SOLID_ANGLE = 0.1
#: The clamped-cosine convolution over π, per SH band (Â_l / π).
_BAND_GAIN = np.array([1.0, 2 / 3, 2 / 3, 2 / 3, 0.25, 0.25, 0.25, 0.25, 0.25], np.float64)
_LUMA = np.array([0.2126, 0.7152, 0.0722])


@dataclass(frozen=True)
class EnvLight:
    """One map, ready to light with: irradiance SH of the map without its sun (9, 3) in radiance
    units, the sun (unit direction toward it, radiance-unit RGB; zero RGB when the map has
    none), and the map's mean radiance luminance (sun included), for the exposure."""

    name: str
    sh: np.ndarray
    sun_direction: np.ndarray
    sun_rgb: np.ndarray
    mean_luminance: float


def sh9(dirs: np.ndarray) -> np.ndarray:
    """The nine real SH basis functions of order ≤ 2 at unit directions (N, 3) → (N, 9)."""
    x, y, z = dirs[:, 0], dirs[:, 1], dirs[:, 2]
    return np.stack([
        np.full_like(x, 0.282095),
        0.488603 * y, 0.488603 * z, 0.488603 * x,
        1.092548 * x * y, 1.092548 * y * z, 0.315392 * (3 * z * z - 1), 1.092548 * x * z,
        0.546274 * (x * x - y * y),
    ], axis=1)


def equirect_directions(height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre unit directions (H, W, 3) of an equirectangular map and their solid angles (H, W)."""
    theta = (np.arange(height) + 0.5) * math.pi / height
    phi = (np.arange(width) + 0.5) * 2 * math.pi / width
    st, ct = np.sin(theta)[:, None], np.cos(theta)[:, None]
    dirs = np.stack([st * np.cos(phi)[None], st * np.sin(phi)[None], np.broadcast_to(ct, (height, width))], -1)
    # The exact solid angle of each pixel's band (sums to 4π).
    edges = np.arange(height + 1) * math.pi / height
    band = (np.cos(edges[:-1]) - np.cos(edges[1:])) * 2 * math.pi / width
    return dirs, np.broadcast_to(band[:, None], (height, width))


def read_envmap(path: str | Path) -> np.ndarray:
    """An equirectangular HDR map as linear RGB radiance (H, W, 3) float64."""
    path = Path(path)
    if path.suffix.lower() not in HDRI_EXTENSIONS:
        raise FaceliftError(f"{path}: not an environment map ({', '.join(HDRI_EXTENSIONS)})")
    # OpenCV reads OpenEXR only when this is set before its first EXR read.
    os.environ.setdefault("OPENCV_IO_ENABLE_OPENEXR", "1")
    bgr = cv2.imread(str(path), cv2.IMREAD_UNCHANGED | cv2.IMREAD_ANYDEPTH | cv2.IMREAD_ANYCOLOR)
    if bgr is None:
        raise FaceliftError(f"{path}: cannot be read as an HDR image (OpenCV reads Radiance .hdr and common "
                            "OpenEXR files; converting it to .hdr usually helps)")
    if bgr.ndim == 2:
        bgr = np.repeat(bgr[..., None], 3, axis=2)
    if bgr.ndim != 3 or bgr.shape[2] < 3:
        raise FaceliftError(f"{path}: expected an RGB map, got shape {bgr.shape}")
    h, w = bgr.shape[:2]
    if abs(w - 2 * h) > 0.02 * w:
        raise FaceliftError(f"{path}: {w}x{h} is not an equirectangular (2:1) map")
    rgb = bgr[..., 2::-1].astype(np.float64)
    if not np.isfinite(rgb).all():
        raise FaceliftError(f"{path}: holds NaN or infinite values")
    if not (rgb > 0).any():
        raise FaceliftError(f"{path}: the map is black everywhere (no light to light a head with)")
    if w > WORK_WIDTH:
        # Area resampling keeps each region's mean radiance, so the sun keeps its power.
        rgb = cv2.resize(rgb, (WORK_WIDTH, WORK_WIDTH // 2), interpolation=cv2.INTER_AREA)
    return np.clip(rgb, 0.0, None)


def _sun_region(luma: np.ndarray, omega: np.ndarray) -> np.ndarray | None:
    """(H, W) bool: the bright region around the brightest pixel, or None if the map has no sun."""
    peak = float(luma.max())
    median = float(np.median(luma))
    if peak <= 0 or peak < SUN_CONTRAST * max(median, 1e-12):
        return None
    i, j = np.unravel_index(int(np.argmax(luma)), luma.shape)
    # Turned so that the peak sits mid-map: a sun on the seam (azimuth 0) stays in one piece.
    shift = luma.shape[1] // 2 - j
    bright = (np.roll(luma, shift, axis=1) >= SUN_FLOOR * peak).astype(np.uint8)
    _, labels = cv2.connectedComponents(bright, connectivity=8)
    region = np.roll(labels == labels[i, j + shift], -shift, axis=1)
    return region if omega[region].sum() <= SUN_MAX_SOLID_ANGLE else None


def split_envmap(radiance: np.ndarray, name: str = "") -> EnvLight:
    """Split a map (H, W, 3) into its sun and the SH irradiance of the rest (module docstring)."""
    h, w, _ = radiance.shape
    dirs, omega = equirect_directions(h, w)
    luma = radiance @ _LUMA
    mean_luminance = float((luma * omega).sum() / (4 * math.pi))
    rest = radiance.copy()
    sun_dir, sun_rgb = None, np.zeros(3)
    region = _sun_region(luma, omega)
    if region is not None:
        weights = radiance[region] * omega[region][:, None]             # (n, 3) radiance · sr
        power = weights @ _LUMA
        centre = (dirs[region] * power[:, None]).sum(0)
        sun_dir = centre / max(np.linalg.norm(centre), 1e-12)
        sun_rgb = weights.sum(0) / math.pi
        # What lies behind the sun: the sky just around it.
        ring = cv2.dilate(region.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool) & ~region
        rest[region] = rest[ring].mean(0) if ring.any() else 0.0
    basis = sh9(dirs.reshape(-1, 3))                                     # (HW, 9)
    coeffs = basis.T @ (rest.reshape(-1, 3) * omega.reshape(-1, 1))     # (9, 3) radiance SH
    sh = coeffs * _BAND_GAIN[:, None]
    if sun_dir is None:
        # No sun: the catchlight and the like follow the SH's dominant direction.
        lin = coeffs[1:4] @ _LUMA                                        # (y, z, x) components
        v = np.array([lin[2], lin[0], lin[1]])
        sun_dir = v / np.linalg.norm(v) if np.linalg.norm(v) > 1e-12 else np.array([0.0, 0.0, 1.0])
    return EnvLight(name, sh, sun_dir, sun_rgb, mean_luminance)


def sh_irradiance(sh: np.ndarray, normals: np.ndarray) -> np.ndarray:
    """Irradiance (radiance units) at unit normals (N, 3) from SH coefficients (9, 3) → (N, 3), ≥ 0."""
    return np.clip(sh9(normals.astype(np.float64)) @ sh, 0.0, None)


def rotation_z(angle: float) -> np.ndarray:
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def rotate_sh(sh: np.ndarray, rotation: np.ndarray) -> np.ndarray:
    """SH coefficients (9, K) of a function turned by ``rotation`` (3×3): f'(ω) = f(Rᵀω).

    Each band is closed under rotations, so the 9×9 matrix follows exactly from fitting the
    rotated basis on enough directions (no per-band Wigner formulas to get wrong)."""
    rng = np.random.default_rng(0)
    d = rng.normal(size=(64, 3))
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    # f'(ω) = Σ c_i Y_i(Rᵀω) = Σ c'_j Y_j(ω); with Y(Rᵀd) = Y(d) M: c' = M c.
    m, *_ = np.linalg.lstsq(sh9(d), sh9(d @ rotation), rcond=None)     # (9, 9)
    return m @ sh


def find_hdris(folder: Path | None) -> list[Path]:
    """The environment maps under ``folder`` (recursively, sorted); [] for None."""
    return [] if folder is None else find_files(folder, HDRI_EXTENSIONS, "--hdri", "environment maps")


@functools.lru_cache(maxsize=4)
def load_envlights(folder: str) -> tuple[EnvLight, ...]:
    """Every map under ``folder``, split and ready (cached per process: workers read them once)."""
    root = Path(folder)
    return tuple(split_envmap(read_envmap(p), p.relative_to(root).as_posix()) for p in find_hdris(root))


__all__ = ["EnvLight", "HDRI_EXTENSIONS", "find_hdris", "load_envlights", "read_envmap", "rotate_sh",
           "rotation_z", "sh9", "sh_irradiance", "split_envmap", "equirect_directions"]
