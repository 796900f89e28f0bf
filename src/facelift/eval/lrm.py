"""Held-out evaluation of a reconstructor, and the no-learning baseline it must beat.

Protocol (issue 4, "Bundled tiny model"): for every subject of a split (held-out identities),
reconstruct from its 6 fixed Stage I views, render ``n_views`` of its random views (drawn with
a fixed seed), and compare with the ground truth at the model's resolution:

* PSNR and SSIM over the whole image (white background included), and
* **masked** PSNR / SSIM over the pixels where the ground-truth alpha or the rendered alpha
  exceeds 0.5 (their union: the background cannot inflate the score, and neither missing
  head nor extra floaters are hidden). Masked SSIM averages the SSIM map (11×11 Gaussian
  window, valid convolution) over the mask cropped to the map.

Where the masked error lies (:func:`error_budget`): the share of the masked squared error, and
of the masked pixels, that falls on pixels inside the true silhouette where the render's
alpha stays ≤ 0.5 (``missing``: absent or faded geometry, e.g. shoulders below the rig's lower
edge), on
pixels only the render covers (``extra``: floaters, swollen silhouettes), and on the image's
lower third (``lower_third``: neck and shoulders at the rig's framing).

Baseline (:func:`sphere_baseline`): every input pixel whose ray meets the sphere of radius 1
becomes an isotropic Gaussian at the first intersection, one pixel footprint wide, opaque,
with the pixel's colour; pixels equal to the background (within 2/255) are dropped, which
gives the baseline a silhouette for free.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch import Tensor

from facelift.cameras import Camera, ray_directions
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.lrm.config import ExportConfig

log = logging.getLogger(__name__)


def sphere_baseline(images: Tensor, cameras: Camera, radius: float = 1.0,
                    background: Sequence[float] = (1.0, 1.0, 1.0), tolerance: float = 2 / 255) -> Gaussians:
    """Input pixels (V, 3, H, W) placed on the sphere of ``radius`` around the origin."""
    o, d = ray_directions(cameras)  # (V, 3, H, W)
    b = (o * d).sum(1)
    c = (o * o).sum(1) - radius**2
    disc = b * b - c
    hit = disc > 0
    t = -b - torch.sqrt(disc.clamp_min(0))
    bg = torch.tensor(background, dtype=images.dtype).view(1, 3, 1, 1)
    fg = ((images - bg).abs() > tolerance).any(1)
    keep = hit & fg & (t > 0)
    means = (o + t[:, None] * d).permute(0, 2, 3, 1)[keep]
    fx = cameras.fx.view(-1, 1, 1).expand_as(t)
    sigma = (t / fx)[keep]
    n = means.shape[0]
    return Gaussians(means=means, scales=sigma[:, None].expand(n, 3).contiguous(),
                     rotations=torch.tensor([[1.0, 0.0, 0.0, 0.0]]).expand(n, 4).contiguous(),
                     opacities=torch.ones(n), colors=images.permute(0, 2, 3, 1)[keep])


@dataclass
class SubjectScores:
    subject: str
    psnr: float
    ssim: float
    psnr_masked: float
    ssim_masked: float


def score_renders(pred: Tensor, pred_alpha: Tensor, gt: Tensor, gt_alpha: Tensor) -> dict[str, float]:
    """Mean metrics over views: pred, gt (V, 3, H, W) in [0, 1]; alphas (V, 1, H, W)."""
    from facelift.train.losses import masked_ssim, psnr, ssim

    mask = ((pred_alpha > 0.5) | (gt_alpha > 0.5)).float()
    rows = []
    for i in range(pred.shape[0]):
        p, g, m = pred[i: i + 1].clamp(0, 1), gt[i: i + 1], mask[i: i + 1]
        rows.append((float(psnr(p, g)), float(ssim(p, g)), float(psnr(p, g, m)), float(masked_ssim(p, g, m))))
    a = np.array(rows).mean(0)
    return {"psnr": float(a[0]), "ssim": float(a[1]), "psnr_masked": float(a[2]), "ssim_masked": float(a[3])}


BUDGET_PARTS = ("missing", "extra", "lower_third")


def error_budget(pred: Tensor, pred_alpha: Tensor, gt: Tensor, gt_alpha: Tensor) -> dict[str, dict[str, float]]:
    """Shares of the masked squared error (``error``) and of the masked pixels (``pixels``) in
    each of :data:`BUDGET_PARTS`, pooled over the views: pred, gt (V, 3, H, W) in [0, 1];
    alphas (V, 1, H, W). A part whose error share far exceeds its pixel share is where the
    masked PSNR is lost."""
    g, p = gt_alpha[:, 0] > 0.5, pred_alpha[:, 0] > 0.5  # (V, H, W)
    mask = g | p
    err = ((pred.clamp(0, 1) - gt) ** 2).mean(1)  # (V, H, W)
    H = err.shape[1]
    lower = torch.zeros_like(mask)
    lower[:, H - H // 3:] = True
    parts = {"missing": g & ~p, "extra": p & ~g, "lower_third": mask & lower}
    total_err, total_px = float(err[mask].sum()), int(mask.sum())
    out = {}
    for name in BUDGET_PARTS:
        m = parts[name]
        out[name] = {"error": float(err[m].sum()) / total_err if total_err > 0 else 0.0,
                     "pixels": int(m.sum()) / total_px if total_px else 0.0}
    return out


def _render_all(g: Gaussians, cams: Camera, background) -> tuple[Tensor, Tensor]:
    from facelift.render import rasterize

    rgb, alpha = [], []
    for i in range(len(cams)):
        out = rasterize(g, cams[i], background=background)
        rgb.append(out.rgb.permute(2, 0, 1))
        alpha.append(out.alpha[None])
    return torch.stack(rgb), torch.stack(alpha)


def check_input_views(input_views: Sequence[int]) -> list[int]:
    """Distinct indices of the 6 fixed views, as a list; anything else is a FaceliftError."""
    chosen = [int(i) for i in input_views]
    if not chosen or len(set(chosen)) != len(chosen) or not all(0 <= i < 6 for i in chosen):
        raise FaceliftError(f"input views must be distinct indices of the 6 fixed views (0-5), got {chosen}")
    return chosen


def evaluate_heldout(model, data_root: str | Path, split: str = "test", n_views: int = 8, seed: int = 0,
                     background: Sequence[float] = (1.0, 1.0, 1.0), limit: int | None = None,
                     progress: bool = True, input_views: Sequence[int] | None = None, size: int | None = None,
                     export: ExportConfig | None = None, fit_iterations: int = 0) -> dict:
    """Run the protocol of the module docstring; returns means and per-subject scores for the
    model and the sphere baseline.

    Args:
        input_views: which of the 6 fixed views go in (indices in :data:`FACELIFT_VIEWS` order:
            0 front, 1 and 5 the 45° views, 2 and 4 the sides, 3 the back); default all six.
        size: resolution the targets are scored at (default the model's); inputs are loaded
            at it too and resized to the model's resolution, as the pipeline does.
        export: applied to the reconstruction (e.g. ``input_low_pass``), as on the pipeline's
            export path; None scores the raw reconstruction.
        fit_iterations: views-fit (:func:`facelift.refine.views_fit.fit_views`) of the
            reconstruction against the inputs at ``size``, as ``reconstruct --views`` does.
    """
    from tqdm.auto import tqdm

    from facelift.data.loaders import SubjectFolders

    chosen = list(range(6)) if input_views is None else check_input_views(input_views)
    model_size = model.config.image_size
    size = size or model_size
    data = SubjectFolders(data_root, size, background, split=split)
    n = len(data) if limit is None else min(limit, len(data))
    per_model, per_base, budgets = [], [], []
    for i in tqdm(range(n), desc=f"eval {split}", disable=not progress):
        views = data.views(i)
        fixed = data.num_fixed(i)
        if fixed < 6:
            raise FaceliftError(f"{data.subjects[i]}: needs the 6 fixed Stage I views, found {fixed}")
        pool = torch.arange(fixed, len(views))
        if len(pool) < n_views:
            raise FaceliftError(f"{data.subjects[i]}: has {len(pool)} random views, needs {n_views}")
        gen = torch.Generator().manual_seed(seed * 100_003 + i)
        pick = pool[torch.randperm(len(pool), generator=gen)[:n_views]]
        given, targets = views.select(chosen), views.select(pick)
        inputs = given.resized(model_size)
        g = model.reconstruct(inputs.images, inputs.cameras, export=export)
        if fit_iterations:
            from facelift.refine.views_fit import ViewsFitConfig, fit_views

            g, _ = fit_views(g, given.images, given.cameras, given.alphas, ViewsFitConfig(iterations=fit_iterations),
                             progress=False)
        rgb, alpha = _render_all(g, targets.cameras, background)
        per_model.append(SubjectScores(data.subjects[i].name, **score_renders(rgb, alpha, targets.images, targets.alphas)))
        budgets.append(error_budget(rgb, alpha, targets.images, targets.alphas))
        base = sphere_baseline(inputs.images, inputs.cameras, background=background)
        rgb, alpha = _render_all(base, targets.cameras, background)
        per_base.append(SubjectScores(data.subjects[i].name, **score_renders(rgb, alpha, targets.images, targets.alphas)))

    def mean(rows: list[SubjectScores]) -> dict[str, float]:
        keys = ("psnr", "ssim", "psnr_masked", "ssim_masked")
        return {k: float(np.mean([getattr(r, k) for r in rows])) for k in keys}

    return {"split": split, "subjects": n, "views_per_subject": n_views, "resolution": size,
            "model_resolution": model_size, "input_views": chosen,
            "input_low_pass": None if export is None else export.input_low_pass, "fit_iterations": fit_iterations,
            "model": mean(per_model), "baseline": mean(per_base),
            # mean over subjects of each subject's shares (model only)
            "error_budget": {part: {k: float(np.mean([b[part][k] for b in budgets])) for k in ("error", "pixels")}
                             for part in BUDGET_PARTS},
            "per_subject": {"model": [asdict(r) for r in per_model], "baseline": [asdict(r) for r in per_base]}}
