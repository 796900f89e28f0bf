"""numba kernels of the CPU rasterizer: tile binning, forward compositing, backward.

Layout (all arrays C-contiguous; float arrays float32, indices int32/int64 as noted):

* Gaussians arrive **already sorted front to back** (index 0 nearest).
* ``boxes`` (M, 4) int32: inclusive pixel box x0, y0, x1, y1 per Gaussian.
* Binning makes (Gaussian, tile) pairs with a stable counting sort by tile, so each
  tile's slice ``tile_ids[offsets[t]:offsets[t + 1]]`` is already depth-ordered.
* Tiles are rendered in parallel (``prange``); inside a tile the loop runs Gaussian by
  Gaussian over the part of its box inside the tile, with per-pixel early termination.
* The backward walks each tile's list back to front and writes one gradient row per
  (Gaussian, tile) pair; a second pass sums the rows per Gaussian. No atomics, and the
  result does not depend on thread scheduling.

Features are 4 channels: RGB and camera-space depth, composited alike.

Keep the signatures few and fixed (float32/int32 arrays): with ``cache=True`` each
compiles once per machine, and the first call in a fresh process only loads the cache.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

TILE = 16
N_FEAT = 4
#: Gradient row per pair: d/d(mean x, mean y, conic a, b, c, opacity, feat0..3).
N_GRAD = 10

# Constants mirrored from projection.py (numba needs them as module globals).
ALPHA_MAX = 0.99
ALPHA_MIN = 1.0 / 255.0
T_MIN = 1e-4


@njit(cache=True)
def bin_tiles(boxes, tiles_x, tiles_y):
    """Counting sort of (Gaussian, tile) pairs by tile, stable in Gaussian order.

    Returns:
        offsets: (tiles_x * tiles_y + 1,) int64, start of each tile's slice.
        tile_ids: (P,) int32 Gaussian index of every pair, grouped by tile.
    """
    n_tiles = tiles_x * tiles_y
    counts = np.zeros(n_tiles + 1, np.int64)
    m = boxes.shape[0]
    for g in range(m):
        tx0 = boxes[g, 0] // TILE
        ty0 = boxes[g, 1] // TILE
        tx1 = boxes[g, 2] // TILE
        ty1 = boxes[g, 3] // TILE
        for ty in range(ty0, ty1 + 1):
            row = ty * tiles_x
            for tx in range(tx0, tx1 + 1):
                counts[row + tx + 1] += 1
    for t in range(n_tiles):
        counts[t + 1] += counts[t]
    offsets = counts
    cursor = offsets[:-1].copy()
    tile_ids = np.empty(offsets[n_tiles], np.int32)
    for g in range(m):
        tx0 = boxes[g, 0] // TILE
        ty0 = boxes[g, 1] // TILE
        tx1 = boxes[g, 2] // TILE
        ty1 = boxes[g, 3] // TILE
        for ty in range(ty0, ty1 + 1):
            row = ty * tiles_x
            for tx in range(tx0, tx1 + 1):
                t = row + tx
                tile_ids[cursor[t]] = g
                cursor[t] += 1
    return offsets, tile_ids


@njit(parallel=True, cache=True)
def forward(means2d, conics, opacities, feats, boxes, offsets, tile_ids, width, height, tiles_x,
            out_feat, out_T, out_last):
    """Front-to-back compositing.

    Writes:
        out_feat: (H, W, 4) float32, sum of w_i · feat_i with w_i = alpha_i · T_i.
        out_T: (H, W) float32 final transmittance.
        out_last: (H, W) int32 position (within the pixel's tile list) of the last
            Gaussian composited at the pixel, -1 if none.
    """
    n_tiles = offsets.shape[0] - 1
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
        n_done = 0
        n_pix = tw * th
        start = offsets[t]
        end = offsets[t + 1]
        for k in range(start, end):
            g = tile_ids[k]
            bx0 = max(boxes[g, 0], px0)
            by0 = max(boxes[g, 1], py0)
            bx1 = min(boxes[g, 2], px1 - 1)
            by1 = min(boxes[g, 3], py1 - 1)
            mx = np.float64(means2d[g, 0])
            my = np.float64(means2d[g, 1])
            ca = np.float64(conics[g, 0])
            cb = np.float64(conics[g, 1])
            cc = np.float64(conics[g, 2])
            op = np.float64(opacities[g])
            pos = np.int32(k - start)
            for py in range(by0, by1 + 1):
                dy = py + 0.5 - my
                ly = py - py0
                for px in range(bx0, bx1 + 1):
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
                        n_done += 1
                        continue
                    w = alpha * tr
                    for f in range(N_FEAT):
                        acc[ly, lx, f] += w * feats[g, f]
                    trans[ly, lx] = next_t
                    last[ly, lx] = pos
            if n_done == n_pix:
                break
        for ly in range(th):
            for lx in range(tw):
                out_T[py0 + ly, px0 + lx] = trans[ly, lx]
                out_last[py0 + ly, px0 + lx] = last[ly, lx]
                for f in range(N_FEAT):
                    out_feat[py0 + ly, px0 + lx, f] = acc[ly, lx, f]


@njit(parallel=True, cache=True)
def backward(means2d, conics, opacities, feats, boxes, offsets, tile_ids, width, height, tiles_x,
             final_T, last, grad_feat, grad_alpha, pair_grads):
    """Gradients of the composited features and alpha (= 1 - final T) per pair.

    Args:
        final_T, last: saved by :func:`forward`.
        grad_feat: (H, W, 4) dL/d(out_feat); grad_alpha: (H, W) dL/d(alpha).
        pair_grads: (P, 10) float32 output, one row per entry of ``tile_ids``.
    """
    n_tiles = offsets.shape[0] - 1
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
        rec = np.zeros((th, tw, N_FEAT), np.float64)  # composited colour behind, per pixel
        gfeat = np.empty((th, tw, N_FEAT), np.float64)
        # d alpha_out / d alpha_i = T_final / (1 - alpha_i); keep the numerator per pixel.
        ga_t = np.empty((th, tw), np.float64)
        lastp = np.empty((th, tw), np.int32)
        max_last = -1
        for ly in range(th):
            for lx in range(tw):
                ft = np.float64(final_T[py0 + ly, px0 + lx])
                trans[ly, lx] = ft
                ga_t[ly, lx] = grad_alpha[py0 + ly, px0 + lx] * ft
                lp = last[py0 + ly, px0 + lx]
                lastp[ly, lx] = lp
                max_last = max(max_last, lp)
                for f in range(N_FEAT):
                    gfeat[ly, lx, f] = grad_feat[py0 + ly, px0 + lx, f]
        for k in range(end - 1, start - 1, -1):
            pos = k - start
            for j in range(N_GRAD):
                pair_grads[k, j] = 0.0
            if pos > max_last:
                continue
            g = tile_ids[k]
            bx0 = max(boxes[g, 0], px0)
            by0 = max(boxes[g, 1], py0)
            bx1 = min(boxes[g, 2], px1 - 1)
            by1 = min(boxes[g, 3], py1 - 1)
            mx = np.float64(means2d[g, 0])
            my = np.float64(means2d[g, 1])
            ca = np.float64(conics[g, 0])
            cb = np.float64(conics[g, 1])
            cc = np.float64(conics[g, 2])
            op = np.float64(opacities[g])
            f0 = np.float64(feats[g, 0])
            f1 = np.float64(feats[g, 1])
            f2 = np.float64(feats[g, 2])
            f3 = np.float64(feats[g, 3])
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
                for px in range(bx0, bx1 + 1):
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
                    r2 = rec[ly, lx, 2]
                    r3 = rec[ly, lx, 3]
                    d_alpha = ((f0 - r0) * gp0 + (f1 - r1) * gp1 + (f2 - r2) * gp2 + (f3 - r3) * gp3) * tr
                    d_alpha += ga_t[ly, lx] / one_m
                    rec[ly, lx, 0] = alpha * f0 + one_m * r0
                    rec[ly, lx, 1] = alpha * f1 + one_m * r1
                    rec[ly, lx, 2] = alpha * f2 + one_m * r2
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
            pair_grads[k, 0] = g_mx
            pair_grads[k, 1] = g_my
            pair_grads[k, 2] = g_a
            pair_grads[k, 3] = g_b
            pair_grads[k, 4] = g_c
            pair_grads[k, 5] = g_op
            pair_grads[k, 6] = g_f0
            pair_grads[k, 7] = g_f1
            pair_grads[k, 8] = g_f2
            pair_grads[k, 9] = g_f3


@njit(cache=True)
def reduce_pairs(tile_ids, pair_grads, n_gaussians):
    """Sum the per-pair gradient rows into (M, 10) per-Gaussian gradients (float64)."""
    out = np.zeros((n_gaussians, N_GRAD), np.float64)
    for k in range(tile_ids.shape[0]):
        g = tile_ids[k]
        for j in range(N_GRAD):
            out[g, j] += pair_grads[k, j]
    return out
