"""numba kernels of the CPU rasterizer (SPEC §2.4): projection, depth sort, tile binning,
compositing, and the hand-written backward of all of them.

Pipeline (all arrays C-contiguous; floats float32 in memory, float64 in registers):

1. :func:`project` (parallel over Gaussians): EWA projection to one packed 64-byte row
   per Gaussian: pixel mean, conic (inverse 2D covariance), opacity, colour, depth and an
   inclusive pixel box that holds every pixel where its alpha can reach 1/255; and the
   number of tiles that box touches (0: culled).
2. :func:`depth_order`: the visible Gaussians sorted front to back (stable LSD radix sort
   on the float32 bit patterns, which order like the values for positive depths).
3. :func:`gather_sorted` copies the visible Gaussians' packed rows into that order
   (memory locality), and :func:`bin_tiles` makes a stable (chunk-parallel) counting
   sort of (Gaussian, tile) pairs by tile, so each tile's slice
   ``tile_ids[offsets[t]:offsets[t + 1]]`` is already sorted front to back.
4. :func:`forward` (parallel over 16x16 tiles): inside a tile, Gaussian by Gaussian over
   the rows of its box inside the tile and, per row, only the span inside its
   alpha >= 1/255 ellipse, with per-pixel early termination (and a per-row bit mask that
   skips spans whose pixels have all terminated). Background and the depth
   normalisation are applied here too.
5. :func:`backward` walks each tile's list back to front from the saved final
   transmittance and last-composited position, writing one gradient row per pair;
   :func:`project_backward` (parallel over Gaussians) sums each Gaussian's rows and
   chains them to means, scales, quaternions, opacities and colours. No atomics: the
   result does not depend on thread scheduling.

Composited features are 4 channels: RGB and camera-space depth, alike.

Keep the signatures few and fixed (float32 / int32 / int64 arrays, Python ints): with
``cache=True`` each kernel compiles once per machine and later processes load the cache.
"""

from __future__ import annotations

import os

import numba
import numpy as np
from numba import njit, prange

# numba's default OpenMP pool spin-waits between parallel regions. On a small or shared
# machine that spinning steals the cores the next kernel (or torch) needs: on 2 busy
# cores a 10-Gaussian frame took 0.10 s with OpenMP and 0.012 s with the plain
# "workqueue" pool, and large frames were no slower. The workqueue pool must not be
# entered from two threads at once, so facelift.render.cpu serialises its calls.
# An explicit NUMBA_THREADING_LAYER is respected.
if "NUMBA_THREADING_LAYER" not in os.environ:
    numba.config.THREADING_LAYER = "workqueue"

TILE = 16
#: LLVM fast-math flags for the per-pixel kernels: ~10% faster, same images to float32
#: precision. "nnan"/"ninf" stay off so that NaN inputs still propagate as NaN.
_PIXEL_FASTMATH = {"nsz", "arcp", "contract", "afn", "reassoc"}
N_FEAT = 4
#: Gradient row per Gaussian image-space parameter: mean x, mean y, conic a, b, c,
#: opacity, feature 0..3 (R, G, B, depth).
N_GRAD = 10

#: Gaussians whose centre is nearer than this (camera-space z, world units) are culled.
NEAR_PLANE = 0.01
#: Added to the diagonal of every 2D covariance, in pixels² (the 3DGS low-pass filter).
LOW_PASS = 0.3
#: Per-pixel alpha is clamped to at most this...
ALPHA_MAX = 0.99
#: ...and a Gaussian whose alpha at a pixel is below this is skipped there.
ALPHA_MIN = 1.0 / 255.0
#: Compositing stops at a pixel before the Gaussian that would take its transmittance
#: below this.
T_MIN = 1e-4
#: The projection Jacobian is evaluated with x/z, y/z clamped to the field of view widened
#: by this fraction of its half-width (as 3DGS and gsplat do): a Gaussian far off to the
#: side would otherwise get a huge, unstable footprint.
FOV_CLAMP_MARGIN = 0.3


#: Columns of the packed per-Gaussian image-space record (one 64-byte row: a Gaussian
#: costs one cache miss wherever it is read, rather than one per array).
P_MX, P_MY, P_CA, P_CB, P_CC, P_OP, P_F0, P_X0, P_Y0, P_X1, P_Y1, P_R2 = 0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14
PACKED = 16
#: Records gathered per step into a tile-local buffer (16 KB).
CHUNK = 256
P_DEPTH = P_F0 + 3


@njit(inline="always", error_model="numpy")
def _quat_rotation(qw, qx, qy, qz):
    """Normalised quaternion (w, x, y, z), its norm, and its rotation matrix (row-major)."""
    qw = np.float64(qw)
    qx = np.float64(qx)
    qy = np.float64(qy)
    qz = np.float64(qz)
    norm = max(np.sqrt(qw * qw + qx * qx + qy * qy + qz * qz), 1e-12)
    w = qw / norm
    x = qx / norm
    y = qy / norm
    z = qz / norm
    return (w, x, y, z, norm,
            1.0 - 2.0 * (y * y + z * z), 2.0 * (x * y - w * z), 2.0 * (x * z + w * y),
            2.0 * (x * y + w * z), 1.0 - 2.0 * (x * x + z * z), 2.0 * (y * z - w * x),
            2.0 * (x * z - w * y), 2.0 * (y * z + w * x), 1.0 - 2.0 * (x * x + y * y))


@njit(inline="always", error_model="numpy")
def _camera_scalars(view, intr, width, height):
    """Intrinsics (fx, fy, cx, cy), the clamp limits of x/z and y/z for the projection
    Jacobian (right, left, down, up), and the world-to-camera rotation (row-major) and
    translation, as float64 scalars."""
    fx = np.float64(intr[0])
    fy = np.float64(intr[1])
    cx = np.float64(intr[2])
    cy = np.float64(intr[3])
    return (fx, fy, cx, cy,
            (width - cx) / fx + FOV_CLAMP_MARGIN * 0.5 * width / fx,
            cx / fx + FOV_CLAMP_MARGIN * 0.5 * width / fx,
            (height - cy) / fy + FOV_CLAMP_MARGIN * 0.5 * height / fy,
            cy / fy + FOV_CLAMP_MARGIN * 0.5 * height / fy,
            np.float64(view[0, 0]), np.float64(view[0, 1]), np.float64(view[0, 2]),
            np.float64(view[1, 0]), np.float64(view[1, 1]), np.float64(view[1, 2]),
            np.float64(view[2, 0]), np.float64(view[2, 1]), np.float64(view[2, 2]),
            np.float64(view[0, 3]), np.float64(view[1, 3]), np.float64(view[2, 3]))


@njit(inline="always", error_model="numpy")
def _gather_chunk(local, packed, tile_ids, c0, c1):
    """Copy the packed rows of ``tile_ids[c0:c1]`` into ``local``: these loads are
    independent, so their cache misses overlap, where the pixel loops would take them one
    by one."""
    for j in range(c1 - c0):
        g = tile_ids[c0 + j]
        for col in range(PACKED):
            local[j, col] = packed[g, col]


@njit(inline="always", error_model="numpy")
def _unpack(row, px0, py0, px1, py1):
    """One packed record as float64 registers, its pixel box clipped to the tile.

    Returns (bx0, by0, bx1, by1, mx, my, ca, cb, cc, op, r2, f0, f1, f2, f3); the box is
    inclusive.
    """
    return (max(np.int64(row[P_X0]), px0), max(np.int64(row[P_Y0]), py0),
            min(np.int64(row[P_X1]), px1 - 1), min(np.int64(row[P_Y1]), py1 - 1),
            np.float64(row[P_MX]), np.float64(row[P_MY]),
            np.float64(row[P_CA]), np.float64(row[P_CB]), np.float64(row[P_CC]),
            np.float64(row[P_OP]), np.float64(row[P_R2]),
            np.float64(row[P_F0]), np.float64(row[P_F0 + 1]), np.float64(row[P_F0 + 2]),
            np.float64(row[P_F0 + 3]))


@njit(inline="always", error_model="numpy")
def _row_span(dy, mx, ca, cb, cc, r2, bx0, bx1):
    """Pixel columns [sx0, sx1] of one row (offset dy from the mean) inside the
    alpha >= 1/255 ellipse a·dx² + 2b·dy·dx + c·dy² <= r2, clipped to [bx0, bx1];
    sx1 < sx0 when the row misses it."""
    half = cb * dy
    disc = half * half - ca * (cc * dy * dy - r2)
    if disc < 0.0:
        return np.int64(0), np.int64(-1)
    root = np.sqrt(disc)
    inv_ca = 1.0 / ca
    sx0 = np.int64(max(np.float64(bx0), np.ceil(mx + (-half - root) * inv_ca - 0.5 - 1e-3)))
    sx1 = np.int64(min(np.float64(bx1), np.floor(mx + (-half + root) * inv_ca - 0.5 + 1e-3)))
    return sx0, sx1


@njit(parallel=True, cache=True, nogil=True, error_model="numpy")
def project(means, scales, quats, opacities, colors, view, intr, width, height, packed, n_tiles):
    """EWA projection of N Gaussians into one camera.

    Args:
        means, scales: (N, 3); quats: (N, 4) wxyz, any norm; opacities: (N,); colors: (N, 3).
        view: (4, 4) world-to-camera (OpenCV); intr: (4,) fx, fy, cx, cy.
        width, height: image size.
    Writes:
        packed: (N, 16) float32 rows (columns ``P_*``): pixel mean x, y; inverse 2D
            covariance (a, b, c) with quadratic form a·dx² + 2b·dx·dy + c·dy²; opacity;
            features R, G, B, camera-space depth; inclusive pixel box x0, y0, x1, y1
            clipped to the image (exact as float32); r² of the alpha >= 1/255 ellipse in
            that quadratic form (with a small margin); padding. Culled rows are left as is.
        n_tiles: (N,) int64 number of 16x16 tiles the box touches, 0 if culled.
    """
    (fx, fy, cx, cy, lim_xp, lim_xn, lim_yp, lim_yn, v00, v01, v02, v10, v11, v12, v20, v21, v22,
     t0, t1, t2) = _camera_scalars(view, intr, width, height)
    n = means.shape[0]
    for g in prange(n):
        n_tiles[g] = 0
        op = np.float64(opacities[g])
        mx = np.float64(means[g, 0])
        my = np.float64(means[g, 1])
        mz = np.float64(means[g, 2])
        z = v20 * mx + v21 * my + v22 * mz + t2
        # "not (>=)" also rejects NaN.
        if not (z > NEAR_PLANE) or not (op >= ALPHA_MIN):
            continue
        x = v00 * mx + v01 * my + v02 * mz + t0
        y = v10 * mx + v11 * my + v12 * mz + t1
        iz = 1.0 / z
        u = fx * x * iz + cx
        v = fy * y * iz + cy
        rx = min(max(x * iz, -lim_xn), lim_xp)
        ry = min(max(y * iz, -lim_yn), lim_yp)
        j00 = fx * iz
        j02 = -fx * rx * iz
        j11 = fy * iz
        j12 = -fy * ry * iz
        # T = J W (2x3).
        a00 = j00 * v00 + j02 * v20
        a01 = j00 * v01 + j02 * v21
        a02 = j00 * v02 + j02 * v22
        a10 = j11 * v10 + j12 * v20
        a11 = j11 * v11 + j12 * v21
        a12 = j11 * v12 + j12 * v22
        q = _quat_rotation(quats[g, 0], quats[g, 1], quats[g, 2], quats[g, 3])
        s0 = np.float64(scales[g, 0])
        s1 = np.float64(scales[g, 1])
        s2 = np.float64(scales[g, 2])
        # B = T R S (2x3); the 2D covariance is B Bᵀ.
        b00 = (a00 * q[5] + a01 * q[8] + a02 * q[11]) * s0
        b01 = (a00 * q[6] + a01 * q[9] + a02 * q[12]) * s1
        b02 = (a00 * q[7] + a01 * q[10] + a02 * q[13]) * s2
        b10 = (a10 * q[5] + a11 * q[8] + a12 * q[11]) * s0
        b11 = (a10 * q[6] + a11 * q[9] + a12 * q[12]) * s1
        b12 = (a10 * q[7] + a11 * q[10] + a12 * q[13]) * s2
        ca = b00 * b00 + b01 * b01 + b02 * b02 + LOW_PASS
        cb = b00 * b10 + b01 * b11 + b02 * b12
        cc = b10 * b10 + b11 * b11 + b12 * b12 + LOW_PASS
        det = ca * cc - cb * cb
        if not (det > 0.0):
            continue
        # alpha = o·exp(-q/2) >= 1/255  <=>  q <= 2 ln(255 o); that ellipse spans
        # ±sqrt(q Σxx) by ±sqrt(q Σyy). The small margins make the box a strict superset,
        # so the per-pixel alpha test decides, exactly as in the dense reference.
        r2 = max(2.0 * np.log(op * 255.0), 0.0) * 1.0001 + 1e-4
        ex = np.sqrt(r2 * ca) + 1e-3
        ey = np.sqrt(r2 * cc) + 1e-3
        # Pixel px is inside when |px + 0.5 - u| <= ex.
        x0 = np.ceil(u - ex - 0.5)
        x1 = np.floor(u + ex - 0.5)
        y0 = np.ceil(v - ey - 0.5)
        y1 = np.floor(v + ey - 0.5)
        if not (x1 >= 0.0 and y1 >= 0.0 and x0 <= width - 1.0 and y0 <= height - 1.0):
            continue
        bx0 = max(x0, 0.0)
        by0 = max(y0, 0.0)
        bx1 = min(x1, width - 1.0)
        by1 = min(y1, height - 1.0)
        n_tiles[g] = ((np.int64(bx1) // TILE - np.int64(bx0) // TILE + 1)
                      * (np.int64(by1) // TILE - np.int64(by0) // TILE + 1))
        packed[g, P_MX] = u
        packed[g, P_MY] = v
        packed[g, P_CA] = cc / det
        packed[g, P_CB] = -cb / det
        packed[g, P_CC] = ca / det
        packed[g, P_OP] = op
        packed[g, P_F0] = colors[g, 0]
        packed[g, P_F0 + 1] = colors[g, 1]
        packed[g, P_F0 + 2] = colors[g, 2]
        packed[g, P_DEPTH] = z
        packed[g, P_X0] = bx0
        packed[g, P_Y0] = by0
        packed[g, P_X1] = bx1
        packed[g, P_Y1] = by1
        packed[g, P_R2] = r2
        packed[g, PACKED - 1] = 0.0


@njit(parallel=True, cache=True, nogil=True, error_model="numpy")
def project_backward(means, scales, quats, view, intr, width, height, gauss_offsets, pair_grads, grad_means, grad_scales, grad_quats, grad_opacities, grad_colors):
    """Sum each visible Gaussian's per-pair image-space gradients (from :func:`backward`)
    and chain them back through :func:`project` to means, scales, quaternions, opacities
    and colours.

    Everything here is read and written in input order (the pair rows are laid out by
    input Gaussian): random access in this long loop body stalled it fivefold. The
    outputs (N, ...) must arrive zeroed: culled Gaussians, which own no rows, are skipped.
    """
    (fx, fy, cx, cy, lim_xp, lim_xn, lim_yp, lim_yn, v00, v01, v02, v10, v11, v12, v20, v21, v22,
     t0, t1, t2) = _camera_scalars(view, intr, width, height)
    n = means.shape[0]
    for g in prange(n):
        if gauss_offsets[g] == gauss_offsets[g + 1]:
            continue
        # Ten scalar accumulators (a per-iteration array would be a heap allocation).
        g_u = 0.0
        g_v = 0.0
        g_qa = 0.0
        g_qb = 0.0
        g_qc = 0.0
        g_op = 0.0
        g_r = 0.0
        g_g = 0.0
        g_b = 0.0
        g_z = 0.0
        for row in range(gauss_offsets[g], gauss_offsets[g + 1]):
            g_u += pair_grads[row, 0]
            g_v += pair_grads[row, 1]
            g_qa += pair_grads[row, 2]
            g_qb += pair_grads[row, 3]
            g_qc += pair_grads[row, 4]
            g_op += pair_grads[row, 5]
            g_r += pair_grads[row, 6]
            g_g += pair_grads[row, 7]
            g_b += pair_grads[row, 8]
            g_z += pair_grads[row, 9]
        grad_opacities[g] = g_op
        grad_colors[g, 0] = g_r
        grad_colors[g, 1] = g_g
        grad_colors[g, 2] = g_b

        # ---- recompute the forward
        mx = np.float64(means[g, 0])
        my = np.float64(means[g, 1])
        mz = np.float64(means[g, 2])
        x = v00 * mx + v01 * my + v02 * mz + t0
        y = v10 * mx + v11 * my + v12 * mz + t1
        z = v20 * mx + v21 * my + v22 * mz + t2
        iz = 1.0 / z
        rx_raw = x * iz
        ry_raw = y * iz
        rx = min(max(rx_raw, -lim_xn), lim_xp)
        ry = min(max(ry_raw, -lim_yn), lim_yp)
        j00 = fx * iz
        j02 = -fx * rx * iz
        j11 = fy * iz
        j12 = -fy * ry * iz
        a00 = j00 * v00 + j02 * v20
        a01 = j00 * v01 + j02 * v21
        a02 = j00 * v02 + j02 * v22
        a10 = j11 * v10 + j12 * v20
        a11 = j11 * v11 + j12 * v21
        a12 = j11 * v12 + j12 * v22
        q = _quat_rotation(quats[g, 0], quats[g, 1], quats[g, 2], quats[g, 3])
        r00 = q[5]; r01 = q[6]; r02 = q[7]  # noqa: E702
        r10 = q[8]; r11 = q[9]; r12 = q[10]  # noqa: E702
        r20 = q[11]; r21 = q[12]; r22 = q[13]  # noqa: E702
        s0 = np.float64(scales[g, 0])
        s1 = np.float64(scales[g, 1])
        s2 = np.float64(scales[g, 2])
        # C = T R (2x3), B = C S.
        c00 = a00 * r00 + a01 * r10 + a02 * r20
        c01 = a00 * r01 + a01 * r11 + a02 * r21
        c02 = a00 * r02 + a01 * r12 + a02 * r22
        c10 = a10 * r00 + a11 * r10 + a12 * r20
        c11 = a10 * r01 + a11 * r11 + a12 * r21
        c12 = a10 * r02 + a11 * r12 + a12 * r22
        b00 = c00 * s0; b01 = c01 * s1; b02 = c02 * s2  # noqa: E702
        b10 = c10 * s0; b11 = c11 * s1; b12 = c12 * s2  # noqa: E702
        ca = b00 * b00 + b01 * b01 + b02 * b02 + LOW_PASS
        cb = b00 * b10 + b01 * b11 + b02 * b12
        cc = b10 * b10 + b11 * b11 + b12 * b12 + LOW_PASS
        det = ca * cc - cb * cb
        qa = cc / det
        qb = -cb / det
        qc = ca / det

        # ---- conic (inverse) -> covariance: dP = -Q dQ Q with dQ symmetric.
        h01 = 0.5 * g_qb
        m00 = g_qa * qa + h01 * qb
        m01 = g_qa * qb + h01 * qc
        m10 = h01 * qa + g_qc * qb
        m11 = h01 * qb + g_qc * qc
        g_ca = -(qa * m00 + qb * m10)
        g_cb2 = -(qa * m01 + qb * m11)  # the (0, 1) entry of the symmetric gradient
        g_cc = -(qb * m01 + qc * m11)
        # ---- cov = B Bᵀ: dB = 2 G B with G = [[g_ca, g_cb2], [g_cb2, g_cc]].
        gb00 = 2.0 * (g_ca * b00 + g_cb2 * b10)
        gb01 = 2.0 * (g_ca * b01 + g_cb2 * b11)
        gb02 = 2.0 * (g_ca * b02 + g_cb2 * b12)
        gb10 = 2.0 * (g_cb2 * b00 + g_cc * b10)
        gb11 = 2.0 * (g_cb2 * b01 + g_cc * b11)
        gb12 = 2.0 * (g_cb2 * b02 + g_cc * b12)
        # ---- B = C S
        grad_scales[g, 0] = gb00 * c00 + gb10 * c10
        grad_scales[g, 1] = gb01 * c01 + gb11 * c11
        grad_scales[g, 2] = gb02 * c02 + gb12 * c12
        gc00 = gb00 * s0; gc01 = gb01 * s1; gc02 = gb02 * s2  # noqa: E702
        gc10 = gb10 * s0; gc11 = gb11 * s1; gc12 = gb12 * s2  # noqa: E702
        # ---- C = T R: dR = Tᵀ dC, dT = dC Rᵀ
        gr00 = a00 * gc00 + a10 * gc10
        gr01 = a00 * gc01 + a10 * gc11
        gr02 = a00 * gc02 + a10 * gc12
        gr10 = a01 * gc00 + a11 * gc10
        gr11 = a01 * gc01 + a11 * gc11
        gr12 = a01 * gc02 + a11 * gc12
        gr20 = a02 * gc00 + a12 * gc10
        gr21 = a02 * gc01 + a12 * gc11
        gr22 = a02 * gc02 + a12 * gc12
        ga00 = gc00 * r00 + gc01 * r01 + gc02 * r02
        ga01 = gc00 * r10 + gc01 * r11 + gc02 * r12
        ga02 = gc00 * r20 + gc01 * r21 + gc02 * r22
        ga10 = gc10 * r00 + gc11 * r01 + gc12 * r02
        ga11 = gc10 * r10 + gc11 * r11 + gc12 * r12
        ga12 = gc10 * r20 + gc11 * r21 + gc12 * r22
        # ---- rotation matrix -> normalised quaternion -> raw quaternion
        w = q[0]; qx = q[1]; qy = q[2]; qz = q[3]; norm = q[4]  # noqa: E702
        gw = 2.0 * (-qz * gr01 + qy * gr02 + qz * gr10 - qx * gr12 - qy * gr20 + qx * gr21)
        gx = 2.0 * (qy * gr01 + qz * gr02 + qy * gr10 - 2.0 * qx * gr11 - w * gr12 + qz * gr20
                    + w * gr21 - 2.0 * qx * gr22)
        gy = 2.0 * (-2.0 * qy * gr00 + qx * gr01 + w * gr02 + qx * gr10 + qz * gr12 - w * gr20
                    + qz * gr21 - 2.0 * qy * gr22)
        gz = 2.0 * (-2.0 * qz * gr00 - w * gr01 + qx * gr02 + w * gr10 - 2.0 * qz * gr11 + qy * gr12
                    + qx * gr20 + qy * gr21)
        dot = w * gw + qx * gx + qy * gy + qz * gz
        grad_quats[g, 0] = (gw - w * dot) / norm
        grad_quats[g, 1] = (gx - qx * dot) / norm
        grad_quats[g, 2] = (gy - qy * dot) / norm
        grad_quats[g, 3] = (gz - qz * dot) / norm
        # ---- T = J W: dJ = dT Wᵀ (only the non-zero entries of J matter)
        gj00 = ga00 * v00 + ga01 * v01 + ga02 * v02
        gj02 = ga00 * v20 + ga01 * v21 + ga02 * v22
        gj11 = ga10 * v10 + ga11 * v11 + ga12 * v12
        gj12 = ga10 * v20 + ga11 * v21 + ga12 * v22
        # ---- J(x, y, z) and the projected centre (u, v) and depth -> camera-space point
        # j00 = fx/z, j02 = -fx·rx/z with rx = clamp(x/z) (constant when clamped).
        g_x = g_u * fx * iz
        g_y = g_v * fy * iz
        g_zc = g_z - g_u * fx * x * iz * iz - g_v * fy * y * iz * iz
        g_zc += -gj00 * fx * iz * iz - gj11 * fy * iz * iz
        g_zc += gj02 * fx * rx * iz * iz + gj12 * fy * ry * iz * iz
        g_rx = -gj02 * fx * iz
        g_ry = -gj12 * fy * iz
        if -lim_xn <= rx_raw <= lim_xp:
            g_x += g_rx * iz
            g_zc -= g_rx * x * iz * iz
        if -lim_yn <= ry_raw <= lim_yp:
            g_y += g_ry * iz
            g_zc -= g_ry * y * iz * iz
        # ---- camera point = W m + t
        grad_means[g, 0] = v00 * g_x + v10 * g_y + v20 * g_zc
        grad_means[g, 1] = v01 * g_x + v11 * g_y + v21 * g_zc
        grad_means[g, 2] = v02 * g_x + v12 * g_y + v22 * g_zc


@njit(cache=True, nogil=True, error_model="numpy")
def depth_order(n_tiles, packed):
    """Visible Gaussians (``n_tiles > 0``) sorted by depth (``packed[:, P_DEPTH]``), stable.

    LSD radix sort, 3 passes of 11 bits over the float32 bit pattern: positive floats
    order like their bits, and all visible depths are > the near plane.
    """
    n = n_tiles.shape[0]
    m = 0
    for g in range(n):
        if n_tiles[g] > 0:
            m += 1
    idx = np.empty(m, np.int32)
    keys = np.empty(m, np.uint32)
    depth_bits = np.ascontiguousarray(packed[:, P_DEPTH]).view(np.uint32)
    j = 0
    for g in range(n):
        if n_tiles[g] > 0:
            idx[j] = g
            keys[j] = depth_bits[g]
            j += 1
    tmp_idx = np.empty(m, np.int32)
    tmp_keys = np.empty(m, np.uint32)
    for shift in (0, 11, 22):
        counts = np.zeros(2049, np.int64)
        for i in range(m):
            counts[((keys[i] >> shift) & 2047) + 1] += 1
        for b in range(2048):
            counts[b + 1] += counts[b]
        for i in range(m):
            d = (keys[i] >> shift) & 2047
            tmp_idx[counts[d]] = idx[i]
            tmp_keys[counts[d]] = keys[i]
            counts[d] += 1
        idx, tmp_idx = tmp_idx, idx
        keys, tmp_keys = tmp_keys, keys
    return idx


@njit(parallel=True, cache=True, nogil=True, error_model="numpy")
def gather_sorted(order, packed, gauss_offsets):
    """The visible Gaussians' packed rows in depth order, and each one's first
    Gaussian-major gradient row (``gauss_offsets[order]``), so that the binning and the
    compositing read memory in order."""
    m = order.shape[0]
    out = np.empty((m, PACKED), np.float32)
    first = np.empty(m, np.int64)
    for i in prange(m):
        g = order[i]
        for col in range(PACKED):
            out[i, col] = packed[g, col]
        first[i] = gauss_offsets[g]
    return out, first


#: The binning splits the Gaussians into this many consecutive chunks, counted and
#: filled in parallel; chunk c's pairs for a tile follow chunk c-1's, so the result is the
#: same stable order as a serial counting sort.
BIN_CHUNKS = 16


@njit(parallel=True, cache=True, nogil=True, error_model="numpy")
def bin_tiles(packed, first_row, tiles_x, tiles_y):
    """Counting sort of (Gaussian, tile) pairs by tile, stable in Gaussian (depth) order.

    Args:
        packed: (M, 16) depth-sorted rows of the visible Gaussians (their boxes are used).
        first_row: (M,) each one's first Gaussian-major gradient row.
    Returns:
        offsets: (tiles_x * tiles_y + 1,) int64, start of each tile's slice.
        tile_ids: (P,) int32 depth-sorted Gaussian of every pair, grouped by tile.
        pair_slot: (P,) int64, the Gaussian-major gradient row of each entry of ``tile_ids``.
    """
    n_tiles = tiles_x * tiles_y
    m = packed.shape[0]
    n_chunks = BIN_CHUNKS
    hist = np.zeros((n_chunks, n_tiles), np.int64)
    for c in prange(n_chunks):
        for i in range(c * m // n_chunks, (c + 1) * m // n_chunks):
            tx0 = np.int64(packed[i, P_X0]) // TILE
            ty0 = np.int64(packed[i, P_Y0]) // TILE
            tx1 = np.int64(packed[i, P_X1]) // TILE
            ty1 = np.int64(packed[i, P_Y1]) // TILE
            for ty in range(ty0, ty1 + 1):
                row = ty * tiles_x
                for tx in range(tx0, tx1 + 1):
                    hist[c, row + tx] += 1
    offsets = np.zeros(n_tiles + 1, np.int64)
    cursor = np.empty((n_chunks, n_tiles), np.int64)
    total = 0
    for t in range(n_tiles):
        offsets[t] = total
        for c in range(n_chunks):
            cursor[c, t] = total
            total += hist[c, t]
    offsets[n_tiles] = total
    tile_ids = np.empty(total, np.int32)
    pair_slot = np.empty(total, np.int64)
    for c in prange(n_chunks):
        for i in range(c * m // n_chunks, (c + 1) * m // n_chunks):
            tx0 = np.int64(packed[i, P_X0]) // TILE
            ty0 = np.int64(packed[i, P_Y0]) // TILE
            tx1 = np.int64(packed[i, P_X1]) // TILE
            ty1 = np.int64(packed[i, P_Y1]) // TILE
            j = first_row[i]
            for ty in range(ty0, ty1 + 1):
                row = ty * tiles_x
                for tx in range(tx0, tx1 + 1):
                    t = row + tx
                    k = cursor[c, t]
                    tile_ids[k] = i
                    pair_slot[k] = j
                    j += 1
                    cursor[c, t] = k + 1
    return offsets, tile_ids, pair_slot


@njit(parallel=True, cache=True, nogil=True, error_model="numpy", fastmath=_PIXEL_FASTMATH)
def forward(packed, offsets, tile_ids, width, height, tiles_x, background,
            out_rgb, out_alpha, out_depth, out_T, out_last):
    """Front-to-back compositing of depth-sorted Gaussians, tile by tile.

    Args:
        background: (3,) float32 RGB.
    Writes (all (H, W, ...) float32 unless noted):
        out_rgb: (H, W, 3) Σ w_i·colour_i + T·background, with w_i = alpha_i·T_i.
        out_alpha: 1 - T, T the final transmittance.
        out_depth: Σ w_i·z_i / (1 - T) where 1 - T > 0, else 0.
        out_T: T, for the backward.
        out_last: (H, W) int32 position (within the pixel's tile list) of the last
            Gaussian composited at the pixel, -1 if none.
    """
    n_tiles = offsets.shape[0] - 1
    bg0 = np.float64(background[0])
    bg1 = np.float64(background[1])
    bg2 = np.float64(background[2])
    for t in prange(n_tiles):
        px0 = (t % tiles_x) * TILE
        py0 = (t // tiles_x) * TILE
        px1 = min(px0 + TILE, width)
        py1 = min(py0 + TILE, height)
        tw = px1 - px0
        th = py1 - py0
        trans = np.ones((th, tw), np.float64)
        acc = np.zeros((th, tw, N_FEAT), np.float64)
        last = np.full((th, tw), -1, np.int32)
        done = np.zeros((th, tw), np.bool_)
        # Bit lx of row_done[ly] mirrors done[ly, lx]: a Gaussian's row span over pixels
        # that have all terminated is skipped in O(1). Behind the first few opaque layers
        # this is most of the work (it was ~70% of the pixel visits on a head).
        row_done = np.zeros(th, np.int64)
        n_done = 0
        n_pix = tw * th
        start = offsets[t]
        end = offsets[t + 1]
        local = np.empty((CHUNK, PACKED), np.float32)
        for c0 in range(start, end, CHUNK):
            c1 = min(c0 + CHUNK, end)
            _gather_chunk(local, packed, tile_ids, c0, c1)
            for k in range(c0, c1):
                bx0, by0, bx1, by1, mx, my, ca, cb, cc, op, r2, f0, f1, f2, f3 = _unpack(
                    local[k - c0], px0, py0, px1, py1)
                pos = np.int32(k - start)
                for py in range(by0, by1 + 1):
                    dy = py + 0.5 - my
                    ly = py - py0
                    sx0, sx1 = _row_span(dy, mx, ca, cb, cc, r2, bx0, bx1)
                    if sx1 < sx0:
                        continue
                    span = ((np.int64(1) << (sx1 - sx0 + 1)) - 1) << (sx0 - px0)
                    if (row_done[ly] & span) == span:
                        continue
                    for px in range(sx0, sx1 + 1):
                        lx = px - px0
                        if done[ly, lx]:
                            continue
                        dx = px + 0.5 - mx
                        power = -0.5 * (ca * dx * dx + cc * dy * dy) - cb * dx * dy
                        if power > 0.0:
                            continue
                        alpha = min(ALPHA_MAX, op * np.exp(power))
                        if alpha < ALPHA_MIN:
                            continue
                        tr = trans[ly, lx]
                        next_t = tr * (1.0 - alpha)
                        if next_t < T_MIN:
                            done[ly, lx] = True
                            row_done[ly] |= np.int64(1) << lx
                            n_done += 1
                            continue
                        w = alpha * tr
                        acc[ly, lx, 0] += w * f0
                        acc[ly, lx, 1] += w * f1
                        acc[ly, lx, 2] += w * f2
                        acc[ly, lx, 3] += w * f3
                        trans[ly, lx] = next_t
                        last[ly, lx] = pos
                if n_done == n_pix:
                    break
            if n_done == n_pix:
                break
        for ly in range(th):
            for lx in range(tw):
                y = py0 + ly
                x = px0 + lx
                tr = trans[ly, lx]
                a = 1.0 - tr
                out_T[y, x] = tr
                out_last[y, x] = last[ly, lx]
                out_alpha[y, x] = a
                out_rgb[y, x, 0] = acc[ly, lx, 0] + tr * bg0
                out_rgb[y, x, 1] = acc[ly, lx, 1] + tr * bg1
                out_rgb[y, x, 2] = acc[ly, lx, 2] + tr * bg2
                out_depth[y, x] = acc[ly, lx, 3] / a if a > 0.0 else 0.0


@njit(parallel=True, cache=True, nogil=True, error_model="numpy", fastmath=_PIXEL_FASTMATH)
def backward(packed, offsets, tile_ids, width, height, tiles_x, background,
             final_T, last, out_depth, grad_rgb, grad_alpha, grad_depth, pair_slot, pair_grads):
    """Gradients of :func:`forward`'s rgb, alpha and depth, per (Gaussian, tile) pair.

    Args:
        final_T, last, out_depth: saved from :func:`forward`.
        grad_rgb: (H, W, 3); grad_alpha, grad_depth: (H, W) upstream gradients.
        pair_slot: from :func:`bin_tiles`.
        pair_grads: (P, 10) float32 output, one row per pair, in Gaussian-major order
            (row ``pair_slot[k]`` for entry k of ``tile_ids``), so the per-Gaussian sum
            reads contiguous rows. Rows of pairs that touch no pixel are zeroed.
    """
    n_tiles = offsets.shape[0] - 1
    bg0 = np.float64(background[0])
    bg1 = np.float64(background[1])
    bg2 = np.float64(background[2])
    for t in prange(n_tiles):
        start = offsets[t]
        end = offsets[t + 1]
        if end == start:
            continue
        px0 = (t % tiles_x) * TILE
        py0 = (t // tiles_x) * TILE
        px1 = min(px0 + TILE, width)
        py1 = min(py0 + TILE, height)
        tw = px1 - px0
        th = py1 - py0
        trans = np.empty((th, tw), np.float64)
        rec = np.zeros((th, tw, N_FEAT), np.float64)  # composited features behind, per pixel
        gfeat = np.empty((th, tw, N_FEAT), np.float64)
        # d alpha_out / d alpha_i = T_final / (1 - alpha_i); keep g_alpha·T_final per pixel.
        ga_t = np.empty((th, tw), np.float64)
        lastp = np.empty((th, tw), np.int32)
        row_last = np.full(th, -1, np.int64)  # per row, the furthest list position composited
        max_last = -1
        for ly in range(th):
            for lx in range(tw):
                y = py0 + ly
                x = px0 + lx
                ft = np.float64(final_T[y, x])
                a = 1.0 - ft
                trans[ly, lx] = ft
                g0 = np.float64(grad_rgb[y, x, 0])
                g1 = np.float64(grad_rgb[y, x, 1])
                g2 = np.float64(grad_rgb[y, x, 2])
                gfeat[ly, lx, 0] = g0
                gfeat[ly, lx, 1] = g1
                gfeat[ly, lx, 2] = g2
                # rgb = Σ w c + (1 - alpha)·bg; depth = Σ w z / alpha.
                g_alpha_px = grad_alpha[y, x] - (g0 * bg0 + g1 * bg1 + g2 * bg2)
                if a > 0.0:
                    gd = grad_depth[y, x] / a
                    gfeat[ly, lx, 3] = gd
                    g_alpha_px -= gd * out_depth[y, x]
                else:
                    gfeat[ly, lx, 3] = 0.0
                ga_t[ly, lx] = g_alpha_px * ft
                lp = last[y, x]
                lastp[ly, lx] = lp
                row_last[ly] = max(row_last[ly], lp)
                max_last = max(max_last, lp)
        # Pairs behind every pixel's last composited Gaussian get zero rows, unread.
        c1 = min(end, start + max_last + 1)
        for k in range(c1, end):
            for j in range(N_GRAD):
                pair_grads[pair_slot[k], j] = 0.0
        local = np.empty((CHUNK, PACKED), np.float32)
        while c1 > start:  # chunks back to front
            c0 = max(start, c1 - CHUNK)
            _gather_chunk(local, packed, tile_ids, c0, c1)
            for k in range(c1 - 1, c0 - 1, -1):
                pos = k - start
                slot = pair_slot[k]
                bx0, by0, bx1, by1, mx, my, ca, cb, cc, op, r2, f0, f1, f2, f3 = _unpack(
                    local[k - c0], px0, py0, px1, py1)
                g_mx = 0.0
                g_my = 0.0
                g_a = 0.0
                g_b = 0.0
                g_c = 0.0
                g_op = 0.0
                g_f0 = 0.0
                g_f1 = 0.0
                g_f2 = 0.0
                g_f3 = 0.0
                for py in range(by0, by1 + 1):
                    dy = py + 0.5 - my
                    ly = py - py0
                    if pos > row_last[ly]:
                        continue
                    sx0, sx1 = _row_span(dy, mx, ca, cb, cc, r2, bx0, bx1)
                    for px in range(sx0, sx1 + 1):
                        lx = px - px0
                        if pos > lastp[ly, lx]:
                            continue
                        dx = px + 0.5 - mx
                        power = -0.5 * (ca * dx * dx + cc * dy * dy) - cb * dx * dy
                        if power > 0.0:
                            continue
                        gauss = np.exp(power)
                        raw = op * gauss
                        alpha = min(ALPHA_MAX, raw)
                        if alpha < ALPHA_MIN:
                            continue
                        one_m = 1.0 - alpha
                        tr = trans[ly, lx] / one_m  # transmittance in front of this Gaussian
                        trans[ly, lx] = tr
                        w = alpha * tr
                        gp0 = gfeat[ly, lx, 0]
                        gp1 = gfeat[ly, lx, 1]
                        gp2 = gfeat[ly, lx, 2]
                        gp3 = gfeat[ly, lx, 3]
                        g_f0 += w * gp0
                        g_f1 += w * gp1
                        g_f2 += w * gp2
                        g_f3 += w * gp3
                        r0 = rec[ly, lx, 0]
                        r1 = rec[ly, lx, 1]
                        r2_ = rec[ly, lx, 2]
                        r3 = rec[ly, lx, 3]
                        d_alpha = ((f0 - r0) * gp0 + (f1 - r1) * gp1 + (f2 - r2_) * gp2 + (f3 - r3) * gp3) * tr
                        d_alpha += ga_t[ly, lx] / one_m
                        rec[ly, lx, 0] = alpha * f0 + one_m * r0
                        rec[ly, lx, 1] = alpha * f1 + one_m * r1
                        rec[ly, lx, 2] = alpha * f2 + one_m * r2_
                        rec[ly, lx, 3] = alpha * f3 + one_m * r3
                        if raw > ALPHA_MAX:
                            continue  # clamped: alpha does not move with the parameters
                        g_op += gauss * d_alpha
                        d_power = alpha * d_alpha
                        g_mx += d_power * (ca * dx + cb * dy)
                        g_my += d_power * (cb * dx + cc * dy)
                        g_a -= 0.5 * dx * dx * d_power
                        g_b -= dx * dy * d_power
                        g_c -= 0.5 * dy * dy * d_power
                pair_grads[slot, 0] = g_mx
                pair_grads[slot, 1] = g_my
                pair_grads[slot, 2] = g_a
                pair_grads[slot, 3] = g_b
                pair_grads[slot, 4] = g_c
                pair_grads[slot, 5] = g_op
                pair_grads[slot, 6] = g_f0
                pair_grads[slot, 7] = g_f1
                pair_grads[slot, 8] = g_f2
                pair_grads[slot, 9] = g_f3
            c1 = c0
