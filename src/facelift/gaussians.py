"""A set of 3D Gaussians, and two of its files: the standard 3DGS PLY layout and the ``.splat``
format. The compressed ``.spz`` is :mod:`facelift.formats.spz`; :mod:`facelift.formats.splats`
picks one of the three by suffix.

PLY layout (SPEC §7, what the original 3DGS code and every common viewer read):
binary little-endian, one ``vertex`` element of float32 properties in this order::

    x y z nx ny nz f_dc_0 f_dc_1 f_dc_2 [f_rest_0 ... f_rest_{3(K)-1}] opacity
    scale_0 scale_1 scale_2 rot_0 rot_1 rot_2 rot_3

with ``f_dc = (rgb - 0.5) / C0`` (SH degree 0), ``opacity`` a logit, ``scale_*``
natural logs and ``rot_*`` a (w, x, y, z) quaternion. ``f_rest`` is stored
channel-major (all R coefficients, then G, then B), as the 3DGS code writes it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np
import torch
from torch import Tensor

from facelift.atomic import atomic_write_bytes
from facelift.errors import FaceliftError

SH_C0 = 0.28209479177387814


def read_head_bytes(path: Path, kind: str) -> bytes:
    """The bytes of a Gaussian file; one-line FaceliftError when it is missing or a folder
    (``kind``, e.g. "a PLY file", names what was expected)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FaceliftError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise FaceliftError(f"{path}: is a folder, not {kind}") from None
_MAX_HEADER_BYTES = 64 * 1024
_PLY_TYPES = {
    "char": "i1", "int8": "i1", "uchar": "u1", "uint8": "u1",
    "short": "i2", "int16": "i2", "ushort": "u2", "uint16": "u2",
    "int": "i4", "int32": "i4", "uint": "u4", "uint32": "u4",
    "float": "f4", "float32": "f4", "double": "f8", "float64": "f8",
}


def rgb_to_sh0(rgb: Tensor) -> Tensor:
    return (rgb - 0.5) / SH_C0


def sh0_to_rgb(sh: Tensor) -> Tensor:
    return sh * SH_C0 + 0.5


@dataclass
class Gaussians:
    """N 3D Gaussians.

    Attributes:
        means: (N, 3) centres, world units.
        scales: (N, 3) standard deviations along the local axes (linear, > 0).
        rotations: (N, 4) unit quaternions (w, x, y, z), local-to-world.
        opacities: (N,) in [0, 1].
        colors: (N, 3) RGB in [0, 1] (the SH degree-0 term, decoded).
        sh_rest: optional (N, K, 3) higher-order SH coefficients, K in {3, 8, 15}.
    """

    means: Tensor
    scales: Tensor
    rotations: Tensor
    opacities: Tensor
    colors: Tensor
    sh_rest: Tensor | None = None

    def __post_init__(self) -> None:
        n = self.means.shape[0]
        expected = {"means": (n, 3), "scales": (n, 3), "rotations": (n, 4), "opacities": (n,), "colors": (n, 3)}
        for name, shape in expected.items():
            if tuple(getattr(self, name).shape) != shape:
                raise FaceliftError(f"Gaussians.{name} must have shape {shape}, got {tuple(getattr(self, name).shape)}")
        if self.sh_rest is not None and (self.sh_rest.ndim != 3 or self.sh_rest.shape[0] != n
                                         or self.sh_rest.shape[2] != 3):
            raise FaceliftError(f"Gaussians.sh_rest must have shape (N, K, 3), got {tuple(self.sh_rest.shape)}")

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return self.means.shape[0]

    @property
    def device(self) -> torch.device:
        return self.means.device

    @property
    def sh_degree(self) -> int:
        if self.sh_rest is None:
            return 0
        return int(round(math.sqrt(self.sh_rest.shape[1] + 1))) - 1

    def _map(self, fn) -> "Gaussians":
        return Gaussians(**{f.name: (None if getattr(self, f.name) is None else fn(getattr(self, f.name)))
                            for f in fields(self)})

    def to(self, device: torch.device | str | None = None, dtype: torch.dtype | None = None) -> "Gaussians":
        return self._map(lambda t: t.to(device=device, dtype=dtype))

    def detach(self) -> "Gaussians":
        return self._map(lambda t: t.detach())

    def __getitem__(self, index) -> "Gaussians":
        """Select by boolean mask, index tensor or slice."""
        return self._map(lambda t: t[index])

    @staticmethod
    def empty(device: torch.device | str = "cpu") -> "Gaussians":
        z = lambda *s: torch.zeros(*s, device=device)  # noqa: E731
        return Gaussians(z(0, 3), z(0, 3), z(0, 4), z(0), z(0, 3))

    @staticmethod
    def cat(sets: list["Gaussians"]) -> "Gaussians":
        """Concatenate sets; higher-order SH is kept only if every set has the same degree."""
        if not sets:
            raise FaceliftError("cannot concatenate an empty list of Gaussian sets")
        degrees = {g.sh_degree for g in sets}
        keep_sh = len(degrees) == 1 and degrees.pop() > 0
        return Gaussians(
            means=torch.cat([g.means for g in sets]),
            scales=torch.cat([g.scales for g in sets]),
            rotations=torch.cat([g.rotations for g in sets]),
            opacities=torch.cat([g.opacities for g in sets]),
            colors=torch.cat([g.colors for g in sets]),
            sh_rest=torch.cat([g.sh_rest for g in sets]) if keep_sh else None,
        )

    def prune(self, min_opacity: float = 0.0, max_scale: float | None = None,
              box: float | None = None) -> "Gaussians":
        """Keep Gaussians with opacity > ``min_opacity``, largest scale <= ``max_scale``,
        and centre inside the cube [-box, box]^3."""
        keep = self.opacities > min_opacity
        if max_scale is not None:
            keep &= self.scales.amax(dim=1) <= max_scale
        if box is not None:
            keep &= (self.means.abs() <= box).all(dim=1)
        return self[keep]

    # -------------------------------------------------------------- transforms
    def transformed(self, rotation: Tensor | None = None, translation: Tensor | None = None,
                    scale: float = 1.0) -> "Gaussians":
        """Apply x -> scale * R x + t to the whole set (R a 3x3 rotation matrix).

        Means, orientations and the view-dependent colour follow: ``sh_rest`` (degrees 1-3) is
        rotated too (:func:`facelift.sh.rotate_sh`), so the turned set looks the same from the
        turned cameras, view dependence included.
        """
        means, rots = self.means, self.rotations
        if rotation is not None:
            R = rotation.to(means)
            means = means @ R.T
            rots = quat_multiply(matrix_to_quat(R).expand_as(rots), rots)
        means = means * scale
        if translation is not None:
            means = means + translation.to(means)
        sh_rest = self.sh_rest
        if rotation is not None and sh_rest is not None:
            from facelift.sh import rotate_sh

            sh_rest = rotate_sh(sh_rest, rotation)
        return replace(self, means=means, rotations=rots, scales=self.scales * scale, sh_rest=sh_rest)

    def covariances(self) -> Tensor:
        """(N, 3, 3) world covariances R S S^T R^T."""
        R = quat_to_matrix(self.rotations)
        M = R * self.scales[:, None, :]
        return M @ M.transpose(1, 2)

    # -------------------------------------------------------------------- files
    def save_ply(self, path: str | Path) -> None:
        """Write the standard 3DGS PLY (atomic: temporary file, then rename)."""
        atomic_write_bytes(Path(path), self.to_ply_bytes())

    def to_ply_bytes(self) -> bytes:
        g = self.detach().to("cpu", torch.float32)
        n = len(g)
        rest = 0 if g.sh_rest is None else g.sh_rest.shape[1] * 3
        names = ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"]
        names += [f"f_rest_{i}" for i in range(rest)]
        names += ["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
        columns = [g.means, torch.zeros(n, 3), rgb_to_sh0(g.colors)]
        if rest:
            columns.append(g.sh_rest.transpose(1, 2).reshape(n, rest))  # channel-major
        opac = g.opacities.clamp(1e-7, 1 - 1e-7)
        columns += [torch.log(opac / (1 - opac))[:, None], torch.log(g.scales.clamp_min(1e-12)), g.rotations]
        data = torch.cat(columns, dim=1).numpy().astype("<f4")
        header = "ply\nformat binary_little_endian 1.0\nelement vertex %d\n" % n
        header += "".join(f"property float {name}\n" for name in names) + "end_header\n"
        return header.encode("ascii") + data.tobytes()

    @staticmethod
    def load_ply(path: str | Path) -> "Gaussians":
        """Read a 3DGS PLY (binary little/big endian or ASCII).

        Accepts files with or without normals, with ``f_rest_*`` (SH degree 1-3) and
        with extra properties (e.g. ``red green blue`` bytes), which are ignored.
        Raises :class:`FaceliftError` naming the file for anything malformed.
        """
        path = Path(path)
        return _parse_ply(read_head_bytes(path, "a PLY file"), str(path))

    def save_splat(self, path: str | Path) -> None:
        """Write the 32-bytes-per-splat ``.splat`` format (antimatter15 viewer and others):
        position f32x3, scale f32x3 (linear), RGBA u8x4, rotation u8x4 (w,x,y,z mapped
        from [-1,1] to [0,255]). Sorted by size x opacity, largest first, as viewers expect."""
        g = self.detach().to("cpu", torch.float32)
        q = g.rotations / g.rotations.norm(dim=1, keepdim=True).clamp_min(1e-12)
        order = torch.argsort(-(g.scales.prod(dim=1) * g.opacities))
        rec = np.zeros(len(g), dtype=[("pos", "<f4", 3), ("scale", "<f4", 3), ("rgba", "u1", 4), ("rot", "u1", 4)])
        rec["pos"] = g.means[order].numpy()
        rec["scale"] = g.scales[order].numpy()
        rgba = torch.cat([g.colors, g.opacities[:, None]], dim=1)[order]
        rec["rgba"] = (rgba.clamp(0, 1) * 255).round().numpy().astype(np.uint8)
        rec["rot"] = (q[order] * 128 + 128).round().clamp(0, 255).numpy().astype(np.uint8)
        atomic_write_bytes(Path(path), rec.tobytes())

    @staticmethod
    def load_splat(path: str | Path) -> "Gaussians":
        path = Path(path)
        raw = read_head_bytes(path, "a .splat file")
        if len(raw) % 32:
            raise FaceliftError(f"{path}: size {len(raw)} is not a multiple of 32 bytes, not a .splat file")
        rec = np.frombuffer(raw, dtype=[("pos", "<f4", 3), ("scale", "<f4", 3), ("rgba", "u1", 4), ("rot", "u1", 4)])
        rgba = torch.from_numpy(rec["rgba"].astype(np.float32) / 255.0)
        q = torch.from_numpy(rec["rot"].astype(np.float32) - 128.0) / 128.0
        return Gaussians(
            means=torch.from_numpy(rec["pos"].copy()),
            scales=torch.from_numpy(rec["scale"].copy()),
            rotations=q / q.norm(dim=1, keepdim=True).clamp_min(1e-12),
            opacities=rgba[:, 3].contiguous(),
            colors=rgba[:, :3].contiguous(),
        )


# ------------------------------------------------------------------ quaternions


def quat_to_matrix(q: Tensor) -> Tensor:
    """(..., 4) quaternions (w, x, y, z), normalised here -> (..., 3, 3) rotation matrices."""
    q = q / q.norm(dim=-1, keepdim=True).clamp_min(1e-12)
    w, x, y, z = q.unbind(-1)
    return torch.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ], dim=-1).reshape(*q.shape[:-1], 3, 3)


def matrix_to_quat(R: Tensor) -> Tensor:
    """(3, 3) rotation matrix -> (4,) unit quaternion (w, x, y, z), w >= 0."""
    R = R.double()
    m = R
    t = m.trace()
    if t > 0:
        s = torch.sqrt(t + 1.0) * 2
        q = torch.stack([0.25 * s, (m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s])
    elif m[0, 0] > m[1, 1] and m[0, 0] > m[2, 2]:
        s = torch.sqrt(1.0 + m[0, 0] - m[1, 1] - m[2, 2]) * 2
        q = torch.stack([(m[2, 1] - m[1, 2]) / s, 0.25 * s, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s])
    elif m[1, 1] > m[2, 2]:
        s = torch.sqrt(1.0 + m[1, 1] - m[0, 0] - m[2, 2]) * 2
        q = torch.stack([(m[0, 2] - m[2, 0]) / s, (m[0, 1] + m[1, 0]) / s, 0.25 * s, (m[1, 2] + m[2, 1]) / s])
    else:
        s = torch.sqrt(1.0 + m[2, 2] - m[0, 0] - m[1, 1]) * 2
        q = torch.stack([(m[1, 0] - m[0, 1]) / s, (m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, 0.25 * s])
    q = q / q.norm()
    return (q if q[0] >= 0 else -q).float()


def matrices_to_quats(R: Tensor) -> Tensor:
    """(N, 3, 3) rotation matrices -> (N, 4) unit quaternions (w, x, y, z), w >= 0; batched
    :func:`matrix_to_quat` (per matrix, the largest of |w|, |x|, |y|, |z| is divided by)."""
    R = R.double()
    m00, m11, m22 = R[:, 0, 0], R[:, 1, 1], R[:, 2, 2]
    # Four candidates, each stable where its own component is the largest.
    s = torch.stack([1 + m00 + m11 + m22, 1 + m00 - m11 - m22, 1 - m00 + m11 - m22, 1 - m00 - m11 + m22], -1)
    k = s.argmax(-1)
    r = torch.sqrt(s.gather(-1, k[:, None]).clamp_min(1e-12))[:, 0] * 2  # 4 * the chosen component
    d21, d02, d10 = R[:, 2, 1] - R[:, 1, 2], R[:, 0, 2] - R[:, 2, 0], R[:, 1, 0] - R[:, 0, 1]
    s01, s02, s12 = R[:, 0, 1] + R[:, 1, 0], R[:, 0, 2] + R[:, 2, 0], R[:, 1, 2] + R[:, 2, 1]
    cands = torch.stack([
        torch.stack([0.25 * r, d21 / r, d02 / r, d10 / r], -1),
        torch.stack([d21 / r, 0.25 * r, s01 / r, s02 / r], -1),
        torch.stack([d02 / r, s01 / r, 0.25 * r, s12 / r], -1),
        torch.stack([d10 / r, s02 / r, s12 / r, 0.25 * r], -1),
    ], 1)  # (N, 4 cases, 4)
    q = cands[torch.arange(len(R)), k]
    q = q / q.norm(dim=-1, keepdim=True)
    return torch.where(q[:, :1] < 0, -q, q).float()


def quat_multiply(a: Tensor, b: Tensor) -> Tensor:
    """Hamilton product a*b of (..., 4) quaternions (w, x, y, z)."""
    aw, ax, ay, az = a.unbind(-1)
    bw, bx, by, bz = b.unbind(-1)
    return torch.stack([
        aw * bw - ax * bx - ay * by - az * bz,
        aw * bx + ax * bw + ay * bz - az * by,
        aw * by - ax * bz + ay * bw + az * bx,
        aw * bz + ax * by - ay * bx + az * bw,
    ], dim=-1)


# ------------------------------------------------------------------- PLY parsing


def _parse_ply(raw: bytes, name: str) -> Gaussians:
    end = raw.find(b"end_header", 0, _MAX_HEADER_BYTES)
    if not raw.startswith(b"ply") or end < 0:
        raise FaceliftError(f"{name}: not a PLY file (no 'ply' magic or no 'end_header')")
    nl = raw.find(b"\n", end)
    if nl < 0:
        raise FaceliftError(f"{name}: PLY header is not terminated by a newline")
    header = raw[:end].decode("ascii", errors="replace").splitlines()
    body = raw[nl + 1:]

    fmt, elements, current = None, [], None
    for line in header[1:]:
        parts = line.split()
        if not parts or parts[0] in ("comment", "obj_info"):
            continue
        if parts[0] == "format" and len(parts) >= 2:
            fmt = parts[1]
        elif parts[0] == "element" and len(parts) == 3:
            current = {"name": parts[1], "count": int(parts[2]), "props": []}
            elements.append(current)
        elif parts[0] == "property" and current is not None:
            if parts[1] == "list":
                current["props"].append(("list", parts[-1], parts[2], parts[3]))
            elif len(parts) == 3 and parts[1] in _PLY_TYPES:
                current["props"].append(("scalar", parts[2], _PLY_TYPES[parts[1]]))
            else:
                raise FaceliftError(f"{name}: unsupported PLY property line {line!r}")
    if fmt not in ("binary_little_endian", "binary_big_endian", "ascii"):
        raise FaceliftError(f"{name}: unsupported PLY format {fmt!r}")
    if not elements or elements[0]["name"] != "vertex":
        raise FaceliftError(f"{name}: PLY has no leading 'vertex' element")
    vertex = elements[0]
    if any(p[0] == "list" for p in vertex["props"]):
        raise FaceliftError(f"{name}: vertex element has list properties; not a Gaussian splat PLY")

    n = vertex["count"]
    props = [p[1] for p in vertex["props"]]
    if fmt == "ascii":
        try:
            table = np.loadtxt(body.decode("ascii").splitlines()[:n], dtype=np.float64, ndmin=2)
        except ValueError as e:
            raise FaceliftError(f"{name}: malformed ASCII PLY body ({e})") from None
        if table.shape != (n, len(props)) and n > 0:
            raise FaceliftError(f"{name}: PLY is truncated: expected {n} vertices of {len(props)} values")
        columns = {p: table[:, i] for i, p in enumerate(props)} if n else {p: np.zeros(0) for p in props}
    else:
        endian = "<" if fmt == "binary_little_endian" else ">"
        dtype = np.dtype([(p[1], endian + p[2]) for p in vertex["props"]])
        need = n * dtype.itemsize
        if len(body) < need:
            raise FaceliftError(
                f"{name}: PLY is truncated: header declares {n} vertices ({need} bytes) "
                f"but only {len(body)} bytes follow"
            )
        arr = np.frombuffer(body, dtype=dtype, count=n)
        columns = {p: arr[p] for p in props}

    required = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity",
                "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    missing = [p for p in required if p not in columns]
    if missing:
        raise FaceliftError(f"{name}: PLY is missing the 3DGS propert{'y' if len(missing) == 1 else 'ies'} "
                            f"{', '.join(missing)}")

    def col(*keys: str) -> Tensor:
        return torch.from_numpy(np.stack([np.asarray(columns[k], dtype=np.float32) for k in keys], axis=1))

    rest_keys = sorted((k for k in columns if re.fullmatch(r"f_rest_\d+", k)), key=lambda k: int(k[7:]))
    sh_rest = None
    if rest_keys:
        if len(rest_keys) % 3 or int(round(math.sqrt(len(rest_keys) // 3 + 1))) ** 2 != len(rest_keys) // 3 + 1:
            raise FaceliftError(f"{name}: {len(rest_keys)} f_rest properties is not a whole SH degree")
        k = len(rest_keys) // 3
        sh_rest = col(*rest_keys).reshape(n, 3, k).transpose(1, 2).contiguous()
    rot = col("rot_0", "rot_1", "rot_2", "rot_3")
    g = Gaussians(
        means=col("x", "y", "z"),
        scales=torch.exp(col("scale_0", "scale_1", "scale_2")),
        rotations=rot / rot.norm(dim=1, keepdim=True).clamp_min(1e-12),
        opacities=torch.sigmoid(col("opacity")[:, 0]),
        colors=sh0_to_rgb(col("f_dc_0", "f_dc_1", "f_dc_2")),
        sh_rest=sh_rest,
    )
    if not all(torch.isfinite(t).all() for t in (g.means, g.scales, g.rotations, g.colors)):
        raise FaceliftError(f"{name}: PLY contains NaN or infinite values")
    return g


__all__ = ["Gaussians", "SH_C0", "rgb_to_sh0", "sh0_to_rgb", "quat_to_matrix",
           "matrix_to_quat", "quat_multiply"]
