"""CUDA backend through gsplat (optional dependency: ``pip install 'facelift[cuda]'``).

gsplat's ``rasterization`` implements the same EWA splatting (SPEC §2.4) on the GPU:
``eps2d=0.3`` is the low-pass, ``near_plane=0.01`` our near-plane cull, ``classic``
rasterization (no anti-aliasing compensation), 16-px tiles, colours given as RGB (no SH).
We ask for the accumulated depth (``RGB+D``) without a background and composite both
ourselves, so the background and the depth normalisation are defined in one place.

Known difference from the CPU backend: gsplat bins a Gaussian into tiles by a 3-sigma
circle, while we use the exact alpha >= 1/255 ellipse box. Pixels between 3 and ~3.3 sigma
of a nearly opaque Gaussian can therefore differ by up to about opacity·e^-4.5 in rare
places; on random scenes both agree to 1e-3 (tests/test_render_gsplat.py, run on CUDA).
"""

from __future__ import annotations

import torch
from torch import Tensor

from facelift.cameras import Camera
from facelift.gaussians import Gaussians
from facelift.views import composite


def render_gsplat(gaussians: Gaussians, camera: Camera, background: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """(rgb, alpha, depth) of one view rendered with gsplat on the Gaussians' (CUDA) device; see
    :func:`facelift.render.rasterize` (which wraps them, as it does the CPU backend's)."""
    from gsplat import rasterization

    device = gaussians.means.device
    g = gaussians.to(device, torch.float32)
    viewmat = camera.w2c.detach().to(device, torch.float32)[None]
    K = camera.K.detach().to(device, torch.float32)[None]
    colors, alphas, _meta = rasterization(
        means=g.means, quats=g.rotations, scales=g.scales, opacities=g.opacities, colors=g.colors,
        viewmats=viewmat, Ks=K, width=camera.width, height=camera.height,
        near_plane=0.01, eps2d=0.3, tile_size=16, packed=False,
        render_mode="RGB+D", rasterize_mode="classic",
    )
    feat = colors[0]  # (H, W, 4): RGB and accumulated depth, no background
    alpha = alphas[0, ..., 0]
    rgb = composite(feat[..., :3], alpha[..., None], background.to(device), premultiplied=True)
    has = alpha > 0
    depth = torch.where(has, feat[..., 3] / torch.where(has, alpha, torch.ones_like(alpha)), torch.zeros_like(alpha))
    return rgb, alpha, depth
