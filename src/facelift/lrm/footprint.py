"""The input views' low-pass, folded into the pixel Gaussians' 3D scales.

Every renderer here (ours, gsplat, 3DGS viewers) adds 0.3 px² to each splat's 2D covariance
(a low-pass filter), and a GS-LRM learns its scales *through* that filter at its input
resolution: the bundled 64² model's pixel Gaussians are often thinner than a pixel, and look
right only because the filter widens them to about one 64² pixel. Rendered finer (a 128²
evaluation, the 512² turntable, an exported ``.ply`` in any viewer) the filter shrinks with the
pixel, the splats thin out and the silhouette turns see-through: on held-out procedural heads
rendered at 128², 52% of the masked error sat on true-silhouette pixels the render left under
half opaque, and masked PSNR fell 4 dB below the 64² score (2026-12-06, 10 unseen heads).

:func:`widen_pixel_gaussians` adds the filter's variance in world units, as seen from each
Gaussian's own input camera (σ² += low_pass · (z / f)², z its depth, f that camera's focal
length in pixels), so the splats keep their input-resolution footprint at any resolution (the
3D smoothing filter of Mip-Splatting, with the training renderer's filter as its size).
Isotropic variance commutes with the rotation, so only the scales change. Rendered at the
input resolution itself the filter then counts twice, so held-out evaluation at the model's
own resolution leaves it off; the weights' ``facelift.json`` switches it on for export
(``"export": {"input_low_pass": 0.3}``).
"""

from __future__ import annotations

import torch
from torch import Tensor

from facelift.cameras import Camera


def widen_pixel_gaussians(means: Tensor, scales: Tensor, cameras: Camera, low_pass: float) -> Tensor:
    """Scales (V, H, W, 3) of pixel Gaussians widened by ``low_pass`` px² of their own input view.

    Args:
        means, scales: (V, H, W, 3) pixel Gaussians' centres and linear scales, view-major.
        cameras: the V input cameras, batch shape (V,) or (1, V) (OpenCV: +z looks forward).
        low_pass: variance in pixels² of the input view (0.3: the 3DGS / gsplat filter).
    """
    c2w = cameras.c2w.reshape(-1, 4, 4).to(means)  # (V, 4, 4)
    forward = c2w[:, :3, 2]  # (V, 3)
    z = ((means - c2w[:, None, None, :3, 3]) * forward[:, None, None]).sum(-1).clamp_min(0.0)  # (V, H, W)
    fx = cameras.fx.reshape(-1, 1, 1).to(means)
    variance = low_pass * (z / fx) ** 2
    return (scales ** 2 + variance[..., None]).sqrt()


__all__ = ["widen_pixel_gaussians"]
