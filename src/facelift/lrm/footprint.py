"""The input views' low-pass, folded into the pixel Gaussians' 3D scales.

Every renderer here (ours, gsplat, 3DGS viewers) adds 0.3 px² to each splat's 2D covariance
(a low-pass filter), and a GS-LRM learns its scales *through* that filter at its input
resolution: the bundled 64² model's pixel Gaussians are often thinner than a pixel, and look
right only because the filter widens them to about one 64² pixel. Rendered finer (a 128²
evaluation, the 512² turntable, an exported ``.ply`` in any viewer) the filter shrinks with the
pixel, the splats thin out and the silhouette turns see-through: on held-out procedural heads
rendered at 128², 52% of the masked error sat on true-silhouette pixels the render left under
half opaque, and masked PSNR fell 4 dB below the 64² score (2026-12-06, 10 unseen heads).

:func:`widen_to_input_footprint` adds the filter's variance in world units as the input
cameras see each Gaussian (σ² += low_pass · (z / f)², z its depth in the nearest input camera,
f that camera's focal length in pixels), so the splats keep their input-resolution footprint at
any resolution (the 3D smoothing filter of Mip-Splatting, with the training renderer's filter
as its size). The nearest camera stands in for the view a pixel Gaussian came from, so the rule
needs nothing but the Gaussians and the cameras and can be undone exactly
(:func:`narrow_from_input_footprint`); on held-out heads it scored as the exact per-view depth
did. Isotropic variance commutes with the rotation, so only the scales change. Rendered at the
input resolution itself the filter then counts twice, so held-out evaluation at the model's
own resolution leaves it off; the weights' ``facelift.json`` switches it on for export
(``"export": {"input_low_pass": 0.3}``): the head that ``reconstruct --refine off``,
``reconstruct --views`` and Stage II evaluations give. Photo-fit (:mod:`facelift.refine`)
fits the narrow head (:func:`narrow_from_input_footprint`): widened before the fit, the
photo's front scored up to 1.4 dB lower on real photos at 512², since the fit moves only the
photo layer and the fixed, widened Stage II splats bled past the photo's outline. After the
fit it widens only the Stage II splats well inside the photo's silhouette
(:func:`facelift.refine.widen_behind_photo`).
"""

from __future__ import annotations

import torch
from torch import Tensor

from facelift.cameras import Camera
from facelift.gaussians import Gaussians


def footprint_variance(means: Tensor, cameras: Camera, low_pass: float) -> Tensor:
    """(N,) world-space variance of ``low_pass`` px² at each centre (N, 3), seen from the
    nearest of the input ``cameras`` (batch (V,) or (1, V); OpenCV, +z forward)."""
    c2w = cameras.c2w.reshape(-1, 4, 4).to(means)  # (V, 4, 4)
    centres, forward = c2w[:, :3, 3], c2w[:, :3, 2]  # (V, 3)
    nearest = torch.cdist(means, centres).argmin(dim=1)  # (N,)
    z = ((means - centres[nearest]) * forward[nearest]).sum(-1).clamp_min(0.0)
    fx = cameras.fx.reshape(-1).to(means)[nearest]
    return low_pass * (z / fx) ** 2


def _rescaled(g: Gaussians, scales: Tensor) -> Gaussians:
    return Gaussians(means=g.means, scales=scales, rotations=g.rotations, opacities=g.opacities, colors=g.colors,
                     sh_rest=g.sh_rest)


def widen_to_input_footprint(g: Gaussians, cameras: Camera, low_pass: float, start: int = 0,
                             where: Tensor | None = None) -> Gaussians:
    """``g`` with Gaussians ``start:`` widened by ``low_pass`` px² of the input views (times
    ``where`` (N − start,): bool, or a float share in [0, 1] per Gaussian)."""
    if low_pass <= 0 or start >= len(g):
        return g
    v = footprint_variance(g.means[start:], cameras, low_pass)
    if where is not None:
        v = v * where.to(v.dtype)
    scales = g.scales.clone()
    scales[start:] = (scales[start:] ** 2 + v[:, None]).sqrt()
    return _rescaled(g, scales)


def narrow_from_input_footprint(g: Gaussians, cameras: Camera, low_pass: float) -> Gaussians:
    """Undo :func:`widen_to_input_footprint` (scales floored at 1e-6 of the footprint)."""
    if low_pass <= 0 or len(g) == 0:
        return g
    v = footprint_variance(g.means, cameras, low_pass)[:, None]
    return _rescaled(g, (g.scales ** 2 - v).clamp_min(1e-12 * v + 1e-20).sqrt())


__all__ = ["footprint_variance", "widen_to_input_footprint", "narrow_from_input_footprint"]
