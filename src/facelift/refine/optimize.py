"""Photo-fit: optimise the head so that it reproduces the photo from the front camera.

The objective and why each term is there:

* **front photometric**, ``(1 − λ)·L1 + λ·(1 − SSIM)`` with λ = 0.2 (the 3DGS choice), on the
  front render at the photo's resolution against the photo on white, plus ``w_alpha·L1`` of the
  render's alpha against the photo's alpha: the photo is the only sharp evidence there is, and
  its alpha is the silhouette.
* **Stage I views**, ``w_views·(L1 rgb + L1 alpha)`` at the views' own (low) resolution, one
  view drawn per step: keeps what the photo cannot see consistent with the generated views
  (the layer must not stick out where they show background). Low weight: they are blurry
  and must not wash the face out.
* **geometry**, ``w_geometry·mean((t / T)²)`` on each layer Gaussian's move ``t`` along its
  pixel ray (in pixel footprints, T = 8): the face prior's depth is the best guess of the
  shape, and the front loss alone cannot see depth.
* **scale**, ``w_scale·mean(relu(log s − log s₀ − log 3))``: splats may grow to close gaps,
  not to blur the face.
* **colour**, ``w_color·mean(|c − c₀|²)`` with c₀ the photo pixel each Gaussian was seeded
  from: Adam takes steps of the same size whatever a gradient's magnitude, so a Gaussian the
  front camera barely sees (the layer where the head turns away, or one hidden behind another)
  would otherwise wander to any colour that nudges the front render; seen from the side those
  showed as colourful streaks (procedural heads, side views 60–120°: masked SSIM 0.55 without
  this term, 0.62 with it; 0.63 without photo-fit). For the same reason the depth offset's
  learning rate is low (0.05 footprints per step; 0.2 left side views smeared).

Only the photo-seeded front layer moves (colour, opacity, depth along its ray, size); the
Stage II Gaussians behind it stay as they are, so the sides and the back are Stage II's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor
from tqdm.auto import tqdm

from facelift.cameras import Camera
from facelift.gaussians import Gaussians
from facelift.eval.metrics import foreground
from facelift.refine.front_layer import FrontLayer
from facelift.render import rasterize
from facelift.train.losses import psnr, ssim

log = logging.getLogger(__name__)


@dataclass
class RefineConfig:
    """Photo-fit settings (see the module docstring for the terms)."""

    iterations: int = 40
    seed: int = 0
    lr_color: float = 0.01
    lr_opacity: float = 0.05
    lr_offset: float = 0.05
    lr_scale: float = 0.01
    weight_ssim: float = 0.2
    weight_alpha: float = 0.5
    weight_views: float = 0.1
    weight_geometry: float = 0.01
    weight_scale: float = 0.1
    weight_color: float = 1.0
    #: Complete the side of a turned face that the photo does not show (facelift.refine.mirror).
    mirror_face: bool = True
    #: Stop when the front loss improved by less than this share over ``patience`` steps.
    min_improvement: float = 0.002
    patience: int = 10


@dataclass
class FitReport:
    """What the optimisation did: loss per step and the front PSNR before and after."""

    losses: list[float] = field(default_factory=list)
    steps: int = 0
    front_psnr_before: float = float("nan")
    front_psnr_after: float = float("nan")


def inverse_sigmoid(x: Tensor) -> Tensor:
    """Logits of probabilities, clamped to [1e-4, 1 − 1e-4] first (opacity parameters)."""
    x = x.clamp(1e-4, 1 - 1e-4)
    return torch.log(x / (1 - x))


def _ssim_loss(pred: Tensor, target: Tensor) -> Tensor:
    """1 − SSIM of two (H, W, 3) images."""
    return 1.0 - ssim(pred.permute(2, 0, 1)[None], target.permute(2, 0, 1)[None])


class _Layer(torch.nn.Module):
    """The front layer's free parameters."""

    def __init__(self, layer: FrontLayer):
        super().__init__()
        g = layer.gaussians
        self.register_buffer("origin", layer.origin)
        self.register_buffer("rays", layer.rays)
        self.register_buffer("distance", layer.distance)
        self.register_buffer("footprint", layer.footprint)
        self.register_buffer("rotations", g.rotations)
        self.register_buffer("log_scale0", g.scales.log())
        self.register_buffer("color0", g.colors.clone())
        self.color = torch.nn.Parameter(g.colors.clone())
        self.opacity = torch.nn.Parameter(inverse_sigmoid(g.opacities))
        self.offset = torch.nn.Parameter(torch.zeros_like(layer.distance))
        self.log_scale = torch.nn.Parameter(g.scales.log().clone())

    def gaussians(self) -> Gaussians:
        means = self.origin + self.rays * (self.distance + self.offset * self.footprint)[:, None]
        return Gaussians(means=means, scales=self.log_scale.exp(), rotations=self.rotations,
                         opacities=torch.sigmoid(self.opacity), colors=self.color.clamp(0, 1))


def fit_front_layer(layer: FrontLayer, behind: Gaussians, photo: Tensor, mask: Tensor, front: Camera,
                    views: Tensor | None, view_cameras: Camera | None, config: RefineConfig,
                    progress: bool = True) -> tuple[Gaussians, FitReport]:
    """Optimise ``layer`` in front of the fixed ``behind`` Gaussians.

    Args:
        layer: the photo-seeded layer.
        behind: Gaussians rendered with it but not optimised (the carved Stage II head).
        photo: (H, W, 3) in [0, 1] on white; mask: (H, W) its alpha; ``front`` its camera (H × W).
        views: (V, 3, h, w) in [0, 1] Stage I views (white background) or None;
            view_cameras: their cameras (batch of V).
        config: iterations, learning rates, weights; ``config.seed`` draws the view per step.

    Returns:
        The optimised layer merged with ``behind``, and a :class:`FitReport`.
    """
    params = _Layer(layer)
    report = FitReport()
    if config.iterations <= 0 or len(layer.gaussians) == 0:
        return Gaussians.cat([params.gaussians().detach(), behind]), report
    optim = torch.optim.Adam([
        {"params": [params.color], "lr": config.lr_color},
        {"params": [params.opacity], "lr": config.lr_opacity},
        {"params": [params.offset], "lr": config.lr_offset},
        {"params": [params.log_scale], "lr": config.lr_scale},
    ], eps=1e-15)
    behind = behind.detach()
    view_alpha = None
    if views is not None and view_cameras is not None and len(views):
        view_alpha = foreground(views)  # a generated view's silhouette: what differs from white
    rng = np.random.default_rng(config.seed)
    history: list[float] = []
    bar = tqdm(range(config.iterations), desc="photo-fit", leave=False, disable=not progress)
    for step in bar:
        head = Gaussians.cat([params.gaussians(), behind])
        out = rasterize(head, front)
        l1 = (out.rgb - photo).abs().mean()
        front_loss = ((1 - config.weight_ssim) * l1 + config.weight_ssim * _ssim_loss(out.rgb, photo)
                      + config.weight_alpha * (out.alpha - mask).abs().mean())
        if step == 0:
            report.front_psnr_before = float(psnr(out.rgb.detach(), photo))
        loss = front_loss
        if view_alpha is not None:
            i = int(rng.integers(len(view_cameras)))
            vo = rasterize(head, view_cameras[i])
            target = views[i].permute(1, 2, 0)
            loss = loss + config.weight_views * ((vo.rgb - target).abs().mean()
                                                 + (vo.alpha - view_alpha[i]).abs().mean())
        loss = loss + config.weight_geometry * (params.offset / 8.0).pow(2).mean()
        if config.weight_color:
            loss = loss + config.weight_color * (params.color - params.color0).pow(2).sum(-1).mean()
        grow = params.log_scale - params.log_scale0 - np.log(3.0)
        loss = loss + config.weight_scale * F.relu(grow).mean()
        optim.zero_grad(set_to_none=True)
        loss.backward()
        optim.step()
        history.append(float(front_loss.detach()))
        report.losses.append(float(loss.detach()))
        report.steps = step + 1
        bar.set_postfix(loss=f"{report.losses[-1]:.4f}")
        if len(history) > config.patience:
            old = history[-1 - config.patience]
            if old - history[-1] < config.min_improvement * old:
                log.debug("photo-fit: stopped early at step %d (front loss %.4f)", step + 1, history[-1])
                break
    final = Gaussians.cat([params.gaussians().detach(), behind])
    with torch.no_grad():
        report.front_psnr_after = float(psnr(rasterize(final, front).rgb, photo))
    return final, report


__all__ = ["RefineConfig", "FitReport", "fit_front_layer", "inverse_sigmoid"]
