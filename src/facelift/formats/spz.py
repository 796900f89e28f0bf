"""The ``.spz`` compressed Gaussian format (Niantic Labs, https://github.com/nianticlabs/spz).

We write **version 3** and read versions 1, 2 and 3: the gzip-compressed single-stream
layout that current web viewers read (Spark reads 1-3 and writes 3, PlayCanvas
splat-transform reads 2-3). Version 4 (a plain header followed by separate zstd streams,
the reference library's newest default) is recognised and refused with a clear message.

Layout, written here from the format's README and reference loader (all little-endian).
The file is one gzip stream of::

    header, 16 bytes: magic u32 0x5053474e ("NGSP"), version u32, number of points N u32,
                      SH degree u8, fractional bits F u8, flags u8 (0x1 antialiased), reserved u8
    positions  N x 3 x 24-bit signed fixed point, value = integer / 2**F   (version 1: float16)
    alphas     N u8        round(255 * opacity)            (opacity in sigmoid space, [0, 1])
    colours    N x 3 u8    round(255 * (0.5 + 0.15 * f_dc)), f_dc the SH degree-0 coefficient
    scales     N x 3 u8    round(16 * (ln(scale) + 10))
    rotations  version 1-2: N x 3 u8, (x, y, z) of the unit quaternion with w >= 0,
                            round(127.5 * (q + 1)); w = sqrt(1 - x² - y² - z²)
               version 3:   N u32 "smallest three": bits 30-31 the index (in x, y, z, w
                            order) of the largest-magnitude component, made positive and
                            dropped; the other three, in index order from bit 29 down,
                            10 bits each: a sign bit, then round(511 * |q_i| / sqrt(1/2))
    SH rest    N x D x 3 u8, D = 3, 8, 15 for degree 1, 2, 3; coefficient-major, colour
               inner (the order of our ``sh_rest``), round(128 * c) + 128, snapped to
               5 significant bits for degree 1 and 4 for degrees 2-3 (what the reference
               writer does; it makes the stream compress better)

Flags 0x2 (extension records) and 0x80 (Spark's level-of-detail tree) add data after the
SH block; it is skipped. The antialiased flag is read and ignored: our rasterizer always
renders the 3DGS way (a fixed 0.3 px² low-pass), and we write the flag as 0.

Axes: the format's README says spz stores right-up-back (RUB, three.js) and PLY is
right-down-front (RDF), but the reference library converts only when its caller names a
coordinate system, and its own ``ply_to_spz`` / ``spz_to_ply`` tools name none, so the
numbers go through unchanged; Spark and PlayCanvas' splat-transform read them unchanged
too. By default (``axes="ply"``) we do the same: an ``.spz`` holds the axes of our PLY, so
``ply_to_spz`` of our PLY and our ``.spz`` of the same head hold the same numbers.
``axes="rub"`` writes (and reads) the README's RUB frame instead, our PLY being taken as
RDF: a 180° turn about x (y and z negated), for loaders that convert from RUB. This module's
:func:`flip_axes` is the one place that conversion is done.
"""

from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path
from typing import Literal

import numpy as np
import torch

from facelift.atomic import atomic_write_bytes
from facelift.errors import FaceliftError
from facelift.gaussians import SH_C0, Gaussians, read_head_bytes

MAGIC = 0x5053474E  # b"NGSP" in file order
HEADER = struct.Struct("<IIIBBBB")  # magic, version, points, SH degree, fractional bits, flags, reserved
WRITE_VERSIONS = (2, 3)
READ_VERSIONS = (1, 2, 3)
FLAG_ANTIALIASED = 0x1
#: Flags whose data follows the SH block (extension records; Spark's LOD child lists).
FLAGS_WITH_TRAILER = 0x2 | 0x80
COLOR_SCALE = 0.15  # the format's DC scale: below SH_C0, so colours a little outside [0, 1] survive
FRACTIONAL_BITS = 12  # what the reference writer uses; fewer only when positions need the range
SH_DIM = {0: 0, 1: 3, 2: 8, 3: 15}  # SH coefficients per colour channel beyond the DC term
SH1_BITS, SH_REST_BITS = 5, 4
_SQRT1_2 = math.sqrt(0.5)
_MAX_24 = (1 << 23) - 1

Axes = Literal["ply", "rub"]
#: Diagonal of the mirror from our PLY axes (taken as RDF) to RUB: a 180° turn about x.
_PLY_TO_RUB = (1.0, -1.0, -1.0)
#: Parity of (x, y, z) in each real SH basis function of degrees 1-3 (3DGS order): the
#: sign a coefficient takes when an axis is mirrored. Band 1 is (y, z, x); band 2 (xy, yz,
#: 3z²-1, xz, x²-y²); band 3 (y(3x²-y²), xyz, y(5z²-1), z(5z²-3), x(5z²-1), z(x²-y²), x(x²-3y²)).
_SH_PARITY = np.array([
    (0, 1, 0), (0, 0, 1), (1, 0, 0),
    (1, 1, 0), (0, 1, 1), (0, 0, 0), (1, 0, 1), (0, 0, 0),
    (0, 1, 0), (1, 1, 1), (0, 1, 0), (0, 0, 1), (1, 0, 0), (0, 0, 1), (1, 0, 0),
])


# ------------------------------------------------------------------------ axes


def flip_axes(g: Gaussians, flip: tuple[float, float, float]) -> Gaussians:
    """Mirror a set by ``diag(flip)`` (entries ±1): means, orientations and SH follow.

    A covariance R S² Rᵀ becomes M R S² Rᵀ M, so the rotation becomes M R M, whose
    quaternion keeps w and multiplies (x, y, z) by the products of the *other* two flips.
    Each SH coefficient changes sign with the parity of its basis function in the mirrored
    axes. The map is its own inverse.
    """
    sx, sy, sz = flip
    m = torch.tensor(flip, dtype=g.means.dtype)
    q = torch.tensor([1.0, sy * sz, sx * sz, sx * sy], dtype=g.rotations.dtype)
    sh_rest = None
    if g.sh_rest is not None:
        k = g.sh_rest.shape[1]
        if k > len(_SH_PARITY):
            raise FaceliftError(f"flip_axes: SH degree {g.sh_degree} is not supported (0-3)")
        signs = np.prod(np.where(_SH_PARITY[:k] == 1, np.array(flip), 1.0), axis=1)
        sh_rest = g.sh_rest * torch.from_numpy(signs).to(g.sh_rest)[None, :, None]
    return Gaussians(g.means * m.to(g.means.device), g.scales, g.rotations * q.to(g.rotations.device),
                     g.opacities, g.colors, sh_rest)


def _check_axes(axes: str) -> None:
    if axes not in ("ply", "rub"):
        raise FaceliftError(f"spz axes must be 'ply' or 'rub', got {axes!r}")


# ---------------------------------------------------------------------- writing


def to_spz_bytes(g: Gaussians, version: int = 3, axes: Axes = "ply", name: str = "spz") -> bytes:
    """Encode a set as a gzip-compressed ``.spz`` stream (see the module docstring);
    ``name`` (the file to be) starts error messages."""
    if version not in WRITE_VERSIONS:
        raise FaceliftError(f"{name}: can write .spz version 2 or 3, not {version!r}")
    _check_axes(axes)
    if len(g) == 0:
        # The reference loader rejects a point count of 0; write nothing others cannot read.
        raise FaceliftError(f"{name}: cannot write an .spz of a head with no Gaussians")
    if g.sh_degree > 3:
        raise FaceliftError(f"{name}: SH degree {g.sh_degree} is not supported in .spz (0-3)")
    g = g.detach().to("cpu", torch.float32)
    if axes == "rub":
        g = flip_axes(g, _PLY_TO_RUB)
    n = len(g)
    means = g.means.double().numpy()
    if not np.isfinite(means).all():
        raise FaceliftError(f"{name}: positions contain NaN or infinite values")
    bits = _fractional_bits(float(np.abs(means).max()), name)
    fixed = _round(means * (1 << bits)).astype(np.int64).reshape(-1)
    # 24-bit two's complement: the low three bytes of each little-endian int32.
    positions = (fixed & 0xFFFFFF).astype("<u4").view(np.uint8).reshape(-1, 4)[:, :3]

    alphas = _to_u8(g.opacities.numpy() * 255.0)
    f_dc = (g.colors.numpy() - 0.5) / SH_C0
    colors = _to_u8(f_dc * (COLOR_SCALE * 255.0) + 127.5)
    with np.errstate(divide="ignore"):
        scales = _to_u8((np.log(g.scales.numpy()) + 10.0) * 16.0)
    xyzw = g.rotations.numpy()[:, [1, 2, 3, 0]].astype(np.float64)
    xyzw /= np.maximum(np.linalg.norm(xyzw, axis=1, keepdims=True), 1e-12)
    rotations = _smallest_three(xyzw) if version >= 3 else _first_three(xyzw)
    sh = _quantise_sh(g.sh_rest.numpy().reshape(n, -1)) if g.sh_rest is not None else np.zeros((n, 0), np.uint8)

    flags = 0  # not FLAG_ANTIALIASED: our Gaussians are fitted and rendered the plain 3DGS way
    header = HEADER.pack(MAGIC, version, n, g.sh_degree, bits, flags, 0)
    payload = b"".join([header] + [np.ascontiguousarray(a).tobytes()
                                   for a in (positions, alphas, colors, scales, rotations, sh)])
    return gzip.compress(payload, compresslevel=9, mtime=0)  # mtime 0: same head, same bytes


def save_spz(g: Gaussians, path: str | Path, version: int = 3, axes: Axes = "ply") -> None:
    """Write ``g`` as ``.spz`` (atomic: temporary file, then rename)."""
    atomic_write_bytes(Path(path), to_spz_bytes(g, version=version, axes=axes, name=str(path)))


def _fractional_bits(extent: float, name: str) -> int:
    """12 fractional bits, or fewer when a coordinate would not fit in 24 signed bits."""
    bits = FRACTIONAL_BITS
    while bits > 0 and round(extent * (1 << bits)) > _MAX_24:
        bits -= 1
    if round(extent * (1 << bits)) > _MAX_24:
        raise FaceliftError(f"{name}: a position of magnitude {extent:g} does not fit .spz's 24-bit fixed point")
    return bits


def _round(x: np.ndarray) -> np.ndarray:
    """Halves away from zero (C's round, the reference writer's), not numpy's halves to even."""
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def _to_u8(x: np.ndarray) -> np.ndarray:
    return np.clip(_round(np.nan_to_num(x, nan=0.0)), 0, 255).astype(np.uint8)


def _first_three(xyzw: np.ndarray) -> np.ndarray:
    """(N, 4) unit quaternions, x y z w -> (N, 3) u8: x, y, z of the one with w >= 0."""
    q = np.where(xyzw[:, 3:] < 0, -xyzw, xyzw)
    return _to_u8(q[:, :3] * 127.5 + 127.5)


def _smallest_three(xyzw: np.ndarray) -> np.ndarray:
    """(N, 4) unit quaternions, x y z w -> (N, 4) u8, the little-endian u32 of version 3."""
    largest = np.argmax(np.abs(xyzw), axis=1)  # first of equals, as the reference picks
    # q and -q are the same rotation: flip signs so the dropped component is positive. The
    # sign bit is taken before the flip (a 0 component of a flipped q gets it set), which
    # decodes to the same value and keeps the bytes those of the reference writer.
    negate = xyzw[np.arange(len(xyzw)), largest] < 0
    negative = (xyzw < 0) ^ negate[:, None]
    mag = np.minimum(np.floor(511.0 * np.abs(xyzw) / _SQRT1_2 + 0.5), 511).astype(np.uint32)
    field = mag | negative.astype(np.uint32) << 9
    comp = largest.astype(np.uint32)
    for i in range(4):
        keep = largest != i
        comp = np.where(keep, comp << 10 | field[:, i], comp)
    return comp.astype("<u4").view(np.uint8).reshape(-1, 4)


def _quantise_sh(sh: np.ndarray) -> np.ndarray:
    """(N, 3D) SH rest coefficients (coefficient-major, colour inner) -> u8 codes."""
    q = _round(sh * 128.0).astype(np.int64) + 128
    bucket = np.full(sh.shape[1], 1 << (8 - SH_REST_BITS), dtype=np.int64)
    bucket[:9] = 1 << (8 - SH1_BITS)  # the 3 degree-1 coefficients x 3 colours
    q = (q + bucket // 2) // bucket * bucket
    return np.clip(q, 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------- reading


def load_spz(path: str | Path, axes: Axes = "ply") -> Gaussians:
    """Read an ``.spz`` file (versions 1-3). Raises :class:`FaceliftError` naming the file
    for a missing, truncated or corrupt file, a wrong magic, an unsupported version or SH
    degree, and a point count that does not match the data."""
    path = Path(path)
    raw = read_head_bytes(path, "an .spz file")
    return from_spz_bytes(raw, str(path), axes=axes)


def from_spz_bytes(raw: bytes, name: str = "<spz>", axes: Axes = "ply") -> Gaussians:
    """Decode an ``.spz`` byte string; ``name`` is what error messages call it."""
    _check_axes(axes)
    stream = _Stream(raw, name)
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise FaceliftError(f"{name}: truncated .spz: the data ends inside the 16-byte header")
    magic, version, n, degree, bits, flags, _ = HEADER.unpack(header)
    if magic != MAGIC:
        raise FaceliftError(f"{name}: not an .spz file (magic 0x{magic:08x}, expected 0x{MAGIC:08x} 'NGSP')")
    if version not in READ_VERSIONS:
        raise FaceliftError(f"{name}: .spz version {version} is not supported (facelift reads versions 1-3)")
    if degree not in SH_DIM:
        raise FaceliftError(f"{name}: .spz SH degree {degree} is not supported (facelift reads 0-3)")

    rot_bytes = 4 if version >= 3 else 3
    sizes = {"positions": n * 3 * (2 if version == 1 else 3), "alphas": n, "colors": n * 3,
             "scales": n * 3, "rotations": n * rot_bytes, "sh": n * SH_DIM[degree] * 3}
    need = sum(sizes.values())
    body = stream.read(need)
    if len(body) < need:
        raise FaceliftError(f"{name}: truncated .spz: the header declares {n} points ({need} bytes of "
                            f"attributes) but only {len(body)} bytes follow")
    stream.finish(allow_trailer=bool(flags & FLAGS_WITH_TRAILER), points=n)

    parts, offset = {}, 0
    for key, size in sizes.items():
        parts[key] = np.frombuffer(body, dtype=np.uint8, count=size, offset=offset)
        offset += size

    if version == 1:
        means = parts["positions"].view("<f2").astype(np.float32).reshape(n, 3)
    else:
        b = parts["positions"].reshape(n * 3, 3).astype(np.int32)
        fixed = b[:, 0] | b[:, 1] << 8 | b[:, 2] << 16
        fixed = (fixed ^ 0x800000) - 0x800000  # sign-extend 24 bits
        means = (fixed.astype(np.float64) / (1 << bits)).astype(np.float32).reshape(n, 3)
    rot = parts["rotations"].reshape(n, rot_bytes)
    xyzw = _unpack_smallest_three(rot) if version >= 3 else _unpack_first_three(rot)
    f_dc = (parts["colors"].astype(np.float32).reshape(n, 3) / 255.0 - 0.5) / COLOR_SCALE
    sh_rest = None
    if degree:
        codes = parts["sh"].astype(np.float32).reshape(n, SH_DIM[degree], 3)
        sh_rest = torch.from_numpy((codes - 128.0) / 128.0)

    g = Gaussians(
        means=torch.from_numpy(means),
        scales=torch.from_numpy(np.exp(parts["scales"].astype(np.float32).reshape(n, 3) / 16.0 - 10.0)),
        rotations=torch.from_numpy(xyzw[:, [3, 0, 1, 2]].astype(np.float32)),
        opacities=torch.from_numpy(parts["alphas"].astype(np.float32) / 255.0),
        colors=torch.from_numpy(f_dc * np.float32(SH_C0) + np.float32(0.5)),
        sh_rest=sh_rest,
    )
    if not torch.isfinite(g.means).all():
        raise FaceliftError(f"{name}: .spz positions contain NaN or infinite values")
    return flip_axes(g, _PLY_TO_RUB) if axes == "rub" else g


def _unpack_first_three(r: np.ndarray) -> np.ndarray:
    xyz = r.astype(np.float64) / 127.5 - 1.0
    w = np.sqrt(np.maximum(0.0, 1.0 - (xyz ** 2).sum(axis=1)))
    q = np.concatenate([xyz, w[:, None]], axis=1)
    return q / np.linalg.norm(q, axis=1, keepdims=True)  # 8-bit xyz may overshoot unit length


def _unpack_smallest_three(r: np.ndarray) -> np.ndarray:
    comp = r.astype(np.uint32)
    comp = comp[:, 0] | comp[:, 1] << 8 | comp[:, 2] << 16 | comp[:, 3] << 24
    largest = comp >> 30
    q = np.zeros((len(r), 4))
    for i in (3, 2, 1, 0):  # the last component written sits in the lowest bits
        stored = largest != i
        value = _SQRT1_2 * (comp & 511) / 511.0
        q[:, i] = np.where(stored, np.where(comp >> 9 & 1, -value, value), 0.0)
        comp = np.where(stored, comp >> 10, comp)
    q[np.arange(len(r)), largest] = np.sqrt(np.maximum(0.0, 1.0 - (q ** 2).sum(axis=1)))
    return q


class _Stream:
    """The decompressed bytes of a ``.spz``: gzip-inflated on demand, or the bytes themselves
    for a stream stored uncompressed (which some readers accept).

    Reads are bounded by what the header promises, so a corrupt point count costs no more
    memory than the data really holds.
    """

    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        self._inflate = None
        self._plain = b""
        if raw[:2] == b"\x1f\x8b":
            self._inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            self._tail = raw
        elif raw[:4] == struct.pack("<I", MAGIC):
            if len(raw) >= 8 and struct.unpack_from("<I", raw, 4)[0] >= 4:
                raise FaceliftError(f"{name}: .spz version {struct.unpack_from('<I', raw, 4)[0]} (zstd streams) "
                                    "is not supported yet; facelift reads versions 1-3 (gzip)")
            self._plain, self._pos = raw, 0
        else:
            raise FaceliftError(f"{name}: not an .spz file (not gzip-compressed and no 'NGSP' magic)")

    def read(self, size: int) -> bytes:
        if self._inflate is None:
            out = self._plain[self._pos:self._pos + size]
            self._pos += len(out)
            return out
        try:
            out = self._inflate.decompress(self._tail, size)
        except zlib.error as e:
            raise FaceliftError(f"{self.name}: corrupt .spz (gzip: {e})") from None
        self._tail = self._inflate.unconsumed_tail
        return out

    def finish(self, allow_trailer: bool, points: int) -> None:
        """Check the stream ends here (or, with ``allow_trailer``, ends at all, cleanly)."""
        extra = len(self.read(1))
        if extra and not allow_trailer:
            raise FaceliftError(f"{self.name}: corrupt .spz: more data than the header's {points} points hold")
        if self._inflate is None:
            return
        while self._tail or not self._inflate.eof:
            before = len(self._tail)
            self.read(1 << 20)
            if self._inflate.eof:
                break
            if not self._tail and before == 0:
                raise FaceliftError(f"{self.name}: truncated .spz: the gzip stream ends early")
