"""CPU backend: the numba kernels of :mod:`facelift.render._kernels` as one autograd Function.

Everything per Gaussian (projection and its backward) and per pixel (compositing and its
backward) runs in numba; torch only sees five Gaussian tensors in and three images out, so no
autograd graph of per-Gaussian intermediates is kept (that graph cost more than the
rendering itself at 1.5 M Gaussians).
"""

from __future__ import annotations

import threading

import numpy as np
import torch
from torch import Tensor

from facelift.errors import FaceliftError
from facelift.render import _kernels as K


# The kernels run on numba's process-wide thread pool, which must not be entered twice
# at once (see _kernels); concurrent renders (a web demo, a thread pool) take turns.
_KERNEL_LOCK = threading.Lock()


#: Refuse renders whose (Gaussian, tile) pair lists would need more than this. A FaceLift
#: head (1.5 M Gaussians at 512²) needs ~3.6 M pairs (~0.2 GB with gradients); only huge
#: splats seen from close up (each covering much of the image) get near this.
MAX_PAIR_BYTES = 8 * 2**30


def _check_pair_memory(pairs: int, n: int, backward: bool) -> None:
    need = pairs * (4 + 8 + (4 * K.N_GRAD if backward else 0))
    if need > MAX_PAIR_BYTES:
        raise FaceliftError(
            f"rasterize: {n:,} Gaussians overlap {pairs:,} (Gaussian, tile) pairs, needing "
            f"{need / 2**30:.1f} GB; prune very large Gaussians (Gaussians.prune(max_scale=...)) "
            "or move the camera back")


def _f32(t: Tensor) -> np.ndarray:
    return np.ascontiguousarray(t.detach().to("cpu", torch.float32).numpy())


class _RasterizeCPU(torch.autograd.Function):
    """(means, scales, quats, opacities, colors) -> (rgb (H, W, 3), alpha (H, W), depth (H, W))."""

    @staticmethod
    def forward(ctx, means, scales, quats, opacities, colors, view, intr, background, width, height):
        with _KERNEL_LOCK:
            return _RasterizeCPU._forward(ctx, means, scales, quats, opacities, colors, view, intr, background,
                                          width, height)

    @staticmethod
    def _forward(ctx, means, scales, quats, opacities, colors, view, intr, background, width, height):
        arrays = tuple(_f32(t) for t in (means, scales, quats, opacities, colors))
        view_np, intr_np, bg_np = _f32(view), _f32(intr), _f32(background)
        n = arrays[0].shape[0]
        packed = np.empty((n, K.PACKED), np.float32)
        n_tiles = np.empty(n, np.int64)
        K.project(*arrays, view_np, intr_np, width, height, packed, n_tiles)
        # Where each Gaussian's per-pair gradient rows start, in input order.
        gauss_offsets = np.zeros(n + 1, np.int64)
        np.cumsum(n_tiles, out=gauss_offsets[1:])
        _check_pair_memory(int(gauss_offsets[-1]), n, any(ctx.needs_input_grad[:5]))
        order = K.depth_order(n_tiles, packed)
        packed, first_row = K.gather_sorted(order, packed, gauss_offsets)
        del n_tiles
        tiles_x = (width + K.TILE - 1) // K.TILE
        tiles_y = (height + K.TILE - 1) // K.TILE
        offsets, tile_ids, pair_slot = K.bin_tiles(packed, first_row, tiles_x, tiles_y)
        del first_row
        rgb = np.empty((height, width, 3), np.float32)
        alpha = np.empty((height, width), np.float32)
        depth = np.empty((height, width), np.float32)
        final_T = np.empty((height, width), np.float32)
        last = np.empty((height, width), np.int32)
        K.forward(packed, offsets, tile_ids, width, height, tiles_x, bg_np, rgb, alpha, depth, final_T, last)
        if any(ctx.needs_input_grad[:5]):
            ctx.saved = (arrays, view_np, intr_np, bg_np, packed, offsets, tile_ids, gauss_offsets, pair_slot,
                         final_T, last, depth, width, height, tiles_x)
        return torch.from_numpy(rgb), torch.from_numpy(alpha), torch.from_numpy(depth)

    @staticmethod
    def backward(ctx, grad_rgb, grad_alpha, grad_depth):
        with _KERNEL_LOCK:
            return _RasterizeCPU._backward(ctx, grad_rgb, grad_alpha, grad_depth)

    @staticmethod
    def _backward(ctx, grad_rgb, grad_alpha, grad_depth):
        (arrays, view_np, intr_np, bg_np, packed, offsets, tile_ids, gauss_offsets, pair_slot,
         final_T, last, depth, width, height, tiles_x) = ctx.saved
        ctx.saved = None
        n = arrays[0].shape[0]
        zeros = lambda *shape: np.zeros(shape, np.float32)  # noqa: E731
        g_rgb = _f32(grad_rgb) if grad_rgb is not None else zeros(height, width, 3)
        g_alpha = _f32(grad_alpha) if grad_alpha is not None else zeros(height, width)
        g_depth = _f32(grad_depth) if grad_depth is not None else zeros(height, width)
        pair_grads = np.empty((tile_ids.shape[0], K.N_GRAD), np.float32)
        K.backward(packed, offsets, tile_ids, width, height, tiles_x, bg_np, final_T, last, depth,
                   g_rgb, g_alpha, g_depth, pair_slot, pair_grads)
        g_means, g_scales, g_quats, g_colors = zeros(n, 3), zeros(n, 3), zeros(n, 4), zeros(n, 3)
        g_opac = zeros(n)
        K.project_backward(arrays[0], arrays[1], arrays[2], view_np, intr_np, width, height, gauss_offsets,
                           pair_grads, g_means, g_scales, g_quats, g_opac, g_colors)
        grads = [torch.from_numpy(a) for a in (g_means, g_scales, g_quats, g_opac, g_colors)]
        return (*grads, None, None, None, None, None)


def rasterize_cpu(means: Tensor, scales: Tensor, rotations: Tensor, opacities: Tensor, colors: Tensor,
                  w2c: Tensor, K_: Tensor, background: Tensor, width: int, height: int
                  ) -> tuple[Tensor, Tensor, Tensor]:
    """Render on the CPU (all inputs CPU float32); see :func:`facelift.render.rasterize`.

    Returns:
        rgb (H, W, 3) over ``background``, alpha (H, W), expected depth (H, W).
    """
    intr = torch.stack([K_[0, 0], K_[1, 1], K_[0, 2], K_[1, 2]]).detach()
    return _RasterizeCPU.apply(means, scales, rotations, opacities, colors, w2c.detach(), intr,
                               background.detach(), width, height)
