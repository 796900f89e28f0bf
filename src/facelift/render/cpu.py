"""CPU backend: tiled numba compositing with a hand-written backward, as an autograd Function."""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from facelift.render import _kernels as K
from facelift.render.projection import Projected


def _f32(t: Tensor) -> np.ndarray:
    return np.ascontiguousarray(t.detach().to("cpu", torch.float32).numpy())


class _Composite(torch.autograd.Function):
    """(means2d, conics, opacities, feats) of depth-sorted Gaussians -> (feat (H,W,4), alpha (H,W))."""

    @staticmethod
    def forward(ctx, means2d, conics, opacities, feats, boxes, width, height):
        tiles_x = (width + K.TILE - 1) // K.TILE
        tiles_y = (height + K.TILE - 1) // K.TILE
        arrays = (_f32(means2d), _f32(conics), _f32(opacities), _f32(feats))
        boxes_np = np.ascontiguousarray(boxes.to("cpu", torch.int32).numpy())
        offsets, tile_ids = K.bin_tiles(boxes_np, tiles_x, tiles_y)
        out_feat = np.empty((height, width, K.N_FEAT), np.float32)
        out_T = np.empty((height, width), np.float32)
        out_last = np.empty((height, width), np.int32)
        K.forward(*arrays, boxes_np, offsets, tile_ids, width, height, tiles_x, out_feat, out_T, out_last)
        ctx.saved = (arrays, boxes_np, offsets, tile_ids, out_T, out_last, width, height, tiles_x)
        ctx.device = means2d.device
        alpha = 1.0 - out_T
        return torch.from_numpy(out_feat).to(ctx.device), torch.from_numpy(alpha).to(ctx.device)

    @staticmethod
    def backward(ctx, grad_feat, grad_alpha):
        arrays, boxes_np, offsets, tile_ids, out_T, out_last, width, height, tiles_x = ctx.saved
        ctx.saved = None
        n = arrays[0].shape[0]
        pair_grads = np.empty((tile_ids.shape[0], K.N_GRAD), np.float32)
        gf = _f32(grad_feat) if grad_feat is not None else np.zeros((height, width, K.N_FEAT), np.float32)
        ga = _f32(grad_alpha) if grad_alpha is not None else np.zeros((height, width), np.float32)
        K.backward(*arrays, boxes_np, offsets, tile_ids, width, height, tiles_x, out_T, out_last, gf, ga,
                   pair_grads)
        grads = torch.from_numpy(K.reduce_pairs(tile_ids, pair_grads, n).astype(np.float32)).to(ctx.device)
        return grads[:, 0:2], grads[:, 2:5], grads[:, 5], grads[:, 6:10], None, None, None


def composite(proj: Projected, width: int, height: int) -> tuple[Tensor, Tensor]:
    """Composite projected Gaussians front to back on the CPU.

    Returns:
        feat: (H, W, 4) alpha-weighted sums of RGB and camera-space depth (no background).
        alpha: (H, W) accumulated opacity, 1 - final transmittance.
    """
    # One stable depth sort; the binning keeps this order inside every tile.
    order = torch.argsort(proj.depths.detach(), stable=True)
    feats = torch.cat([proj.colors, proj.depths[:, None]], dim=1)[order]
    return _Composite.apply(
        proj.means2d[order].contiguous(), proj.conics[order].contiguous(), proj.opacities[order].contiguous(),
        feats.contiguous(), proj.boxes[order].contiguous(), width, height,
    )
