"""Views-fit: optimise a Stage II head against the user's own posed views at their resolution.

``facelift reconstruct --views DIR`` reconstructs from the user's views through a model that
works at its own resolution (64² for the bundled one): whatever detail the views have above
that is lost. Here every Gaussian of the head (centre, size, opacity, colour) is optimised so
that the head re-renders the given views at their own resolution, which is what brings 512²
inputs back sharp. The objective, per step on one view drawn at random:

* ``(1 − λ)·L1 + λ·(1 − SSIM)`` with λ = 0.2 (the 3DGS choice) of the render against the view
  on white, plus ``w_alpha·L1`` of the render's alpha against the view's silhouette (its alpha,
  or what differs from white);
* ``w_scale·mean(relu(log s − log s₀ − log 3))``: splats may grow to close gaps, not to blur;
* ``w_move·mean((|Δμ| / r)²)``, r the Gaussian's initial largest scale: few views constrain
  depth weakly, and a Gaussian that slides along a ray to please one view is a floater in the
  others.

Unlike photo-fit (:mod:`facelift.refine.optimize`), which moves only a layer seeded from one
photo in front of a fixed Stage II head, nothing is seeded here: the views are all evidence
of the same weight, and the head's own Gaussians already sit on them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor
from tqdm.auto import tqdm

from facelift.cameras import Camera
from facelift.errors import FaceliftError
from facelift.eval.metrics import foreground
from facelift.gaussians import Gaussians
from facelift.refine.optimize import FitReport, inverse_sigmoid
from facelift.render import rasterize
from facelift.train.losses import psnr, ssim

log = logging.getLogger(__name__)


@dataclass
class ViewsFitConfig:
    """Views-fit settings (see the module docstring for the terms)."""

    iterations: int = 60
    seed: int = 0
    lr_color: float = 0.01
    lr_opacity: float = 0.05
    lr_mean: float = 2e-4
    lr_scale: float = 0.01
    weight_ssim: float = 0.2
    weight_alpha: float = 0.5
    weight_scale: float = 0.1
    weight_move: float = 0.01


def fit_views(head: Gaussians, images: Tensor, cameras: Camera, alphas: Tensor | None = None,
              config: ViewsFitConfig | None = None, progress: bool = True) -> tuple[Gaussians, FitReport]:
    """Optimise every Gaussian of ``head`` to re-render the posed views.

    Args:
        head: the Stage II Gaussians.
        images: (V, 3, H, W) in [0, 1], on white; cameras: their V cameras (for H × W).
        alphas: (V, 1, H, W) silhouettes, or None (then what differs from white).
        config: iterations, learning rates, weights; ``config.seed`` draws the view per step.

    Returns:
        The fitted head and a :class:`FitReport` (its PSNRs: mean over the views).
    """
    config = config or ViewsFitConfig()
    if images.ndim != 4 or images.shape[1] != 3:
        raise FaceliftError(f"views-fit: views must be (V, 3, H, W), got {tuple(images.shape)}")
    if len(cameras) != images.shape[0]:
        raise FaceliftError(f"views-fit: {images.shape[0]} views but {len(cameras)} cameras")
    if (cameras.width, cameras.height) != (images.shape[-1], images.shape[-2]):
        raise FaceliftError(f"views-fit: views are {images.shape[-1]}x{images.shape[-2]} but cameras are for "
                            f"{cameras.width}x{cameras.height}")
    head = head.to("cpu", torch.float32).detach()
    report = FitReport()
    targets = images.float().permute(0, 2, 3, 1)  # (V, H, W, 3)
    masks = (alphas[:, 0].float() if alphas is not None else foreground(images.float()))  # (V, H, W)

    def mean_psnr(g: Gaussians) -> float:
        with torch.no_grad():
            return float(np.mean([float(psnr(rasterize(g, cameras[i]).rgb, targets[i])) for i in range(len(cameras))]))

    report.front_psnr_before = mean_psnr(head)
    if config.iterations <= 0 or len(head) == 0:
        report.front_psnr_after = report.front_psnr_before
        return head, report
    mean0, log_scale0 = head.means.clone(), head.scales.log()
    reach = head.scales.amax(-1).clamp_min(1e-4)  # (N,) how far a Gaussian may move at no cost
    color = torch.nn.Parameter(head.colors.clone())
    opacity = torch.nn.Parameter(inverse_sigmoid(head.opacities))
    mean = torch.nn.Parameter(head.means.clone())
    log_scale = torch.nn.Parameter(log_scale0.clone())
    optim = torch.optim.Adam([
        {"params": [color], "lr": config.lr_color},
        {"params": [opacity], "lr": config.lr_opacity},
        {"params": [mean], "lr": config.lr_mean},
        {"params": [log_scale], "lr": config.lr_scale},
    ], eps=1e-15)

    def current() -> Gaussians:
        return Gaussians(means=mean, scales=log_scale.exp(), rotations=head.rotations,
                         opacities=torch.sigmoid(opacity), colors=color.clamp(0, 1))

    rng = np.random.default_rng(config.seed)
    bar = tqdm(range(config.iterations), desc="views-fit", leave=False, disable=not progress)
    for step in bar:
        i = int(rng.integers(len(cameras)))
        out = rasterize(current(), cameras[i])
        target = targets[i]
        loss = ((1 - config.weight_ssim) * (out.rgb - target).abs().mean()
                + config.weight_ssim * (1.0 - ssim(out.rgb.permute(2, 0, 1)[None], target.permute(2, 0, 1)[None]))
                + config.weight_alpha * (out.alpha - masks[i]).abs().mean())
        loss = loss + config.weight_scale * F.relu(log_scale - log_scale0 - np.log(3.0)).mean()
        loss = loss + config.weight_move * (((mean - mean0).norm(dim=-1) / reach) ** 2).mean()
        optim.zero_grad(set_to_none=True)
        loss.backward()
        optim.step()
        report.losses.append(float(loss.detach()))
        report.steps = step + 1
        bar.set_postfix(loss=f"{report.losses[-1]:.4f}")
    fitted = Gaussians(means=mean.detach(), scales=log_scale.detach().exp(), rotations=head.rotations,
                       opacities=torch.sigmoid(opacity.detach()), colors=color.detach().clamp(0, 1))
    report.front_psnr_after = mean_psnr(fitted)
    log.debug("views-fit: %d steps, mean PSNR over the views %.2f -> %.2f dB", report.steps,
              report.front_psnr_before, report.front_psnr_after)
    return fitted, report


__all__ = ["ViewsFitConfig", "fit_views"]
