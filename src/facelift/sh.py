"""Real spherical harmonics of degrees 1-3 in the 3DGS convention: evaluation and rotation.

A Gaussian's view-dependent colour is ``C0 * dc + sum_k sh_rest[k] * Y_k(d) + 0.5``, ``d`` the
unit direction from the camera centre to the Gaussian; :func:`sh_basis` gives the ``Y_k`` in the
order and with the signs of the original 3DGS code (and of every PLY that carries ``f_rest``).
Our rasterizer draws the degree-0 term only, so :func:`view_colors` is how the rest is checked.

Rotation (:func:`rotate_sh`): each band ``l`` spans a space that rotations map to itself, so
``Y_l(Rᵀ d) = D_l Y_l(d)`` for a (2l+1)² matrix ``D_l`` (a real Wigner matrix). It is found here
by least squares on basis values at fixed directions, which is exact (the system is consistent)
and needs no per-band formulas; a set rotated by R then shows, towards ``R d``, the colour it
showed towards ``d``.
"""

from __future__ import annotations

import math

import torch
from torch import Tensor

from facelift.errors import FaceliftError

C1 = 0.4886025119029199
C2 = (1.0925484305920792, -1.0925484305920792, 0.31539156525252005, -1.0925484305920792, 0.5462742152960396)
C3 = (-0.5900435899266435, 2.890611442640554, -0.4570457994644658, 0.3731763325901154,
      -0.4570457994644658, 1.445305721320277, -0.5900435899266435)
#: Coefficients beyond the DC term, per colour channel, for degrees 0-3.
SH_REST = {0: 0, 1: 3, 2: 8, 3: 15}


def sh_degree(k: int) -> int:
    """The degree whose ``sh_rest`` has ``k`` coefficients a channel (0, 3, 8 or 15)."""
    for degree, count in SH_REST.items():
        if count == k:
            return degree
    raise FaceliftError(f"{k} SH coefficients a channel is not a whole SH degree 0-3")


def sh_basis(dirs: Tensor, degree: int) -> Tensor:
    """(..., K) basis functions of degrees 1..``degree`` (K = 3, 8, 15) at (..., 3) unit directions."""
    x, y, z = dirs.unbind(-1)
    out = []
    if degree >= 1:
        out += [-C1 * y, C1 * z, -C1 * x]
    if degree >= 2:
        xx, yy, zz = x * x, y * y, z * z
        out += [C2[0] * x * y, C2[1] * y * z, C2[2] * (2 * zz - xx - yy), C2[3] * x * z, C2[4] * (xx - yy)]
    if degree >= 3:
        out += [C3[0] * y * (3 * xx - yy), C3[1] * x * y * z, C3[2] * y * (4 * zz - xx - yy),
                C3[3] * z * (2 * zz - 3 * xx - 3 * yy), C3[4] * x * (4 * zz - xx - yy),
                C3[5] * z * (xx - yy), C3[6] * x * (xx - 3 * yy)]
    if not out:
        return dirs.new_zeros(*dirs.shape[:-1], 0)
    return torch.stack(out, dim=-1)


def view_colors(colors: Tensor, sh_rest: Tensor | None, dirs: Tensor) -> Tensor:
    """(N, 3) RGB (unclamped) of N Gaussians seen along (N, 3) unit directions (camera to Gaussian).

    ``colors`` is the decoded degree-0 colour (``Gaussians.colors``), so the DC term is already in it.
    """
    if sh_rest is None or sh_rest.shape[1] == 0:
        return colors
    basis = sh_basis(dirs.to(sh_rest), sh_degree(sh_rest.shape[1]))
    return colors + torch.einsum("nk,nkc->nc", basis, sh_rest)


def _directions(n: int = 64) -> Tensor:
    """n unit directions spread over the sphere (a Fibonacci lattice), float64."""
    i = torch.arange(n, dtype=torch.float64) + 0.5
    z = 1.0 - 2.0 * i / n
    phi = math.pi * (1.0 + 5 ** 0.5) * i
    r = torch.sqrt(1.0 - z * z)
    return torch.stack([r * torch.cos(phi), r * torch.sin(phi), z], dim=-1)


def sh_rotation(rotation: Tensor, degree: int) -> Tensor:
    """(K, K) block-diagonal matrix M, float64, with ``rotated = M @ coefficients`` (per channel) for
    a set turned by the 3x3 ``rotation`` (any orthogonal matrix works: the bands are closed under
    mirrors too)."""
    R = rotation.double().cpu()
    dirs = _directions()
    k = SH_REST[degree]
    M = torch.zeros(k, k, dtype=torch.float64)
    A = sh_basis(dirs, degree)        # Y(d) at each direction
    B = sh_basis(dirs @ R, degree)    # Y(Rᵀ d): row d R is (Rᵀ d)ᵀ
    for band in range(1, degree + 1):
        s = slice(band * band - 1, (band + 1) ** 2 - 1)
        # B = A Dᵀ band by band; the coefficients c' with c'·Y(d) = c·Y(Rᵀ d) are Dᵀ c.
        M[s, s] = torch.linalg.lstsq(A[:, s], B[:, s]).solution
    return M


def rotate_sh(sh_rest: Tensor, rotation: Tensor) -> Tensor:
    """(N, K, 3) coefficients of a set turned by the 3x3 ``rotation`` (see the module docstring)."""
    M = sh_rotation(rotation, sh_degree(sh_rest.shape[1])).to(sh_rest)
    return torch.einsum("ij,njc->nic", M, sh_rest)


__all__ = ["SH_REST", "rotate_sh", "sh_basis", "sh_degree", "sh_rotation", "view_colors"]
