"""Stage I inputs as a real photo's background removal leaves them.

At inference the input view is a photo whose background a segmentation model removed
(:mod:`facelift.preprocess.segment`): its matte is soft, a little too wide or too tight,
wobbles along the hair, and where it is too wide the photo's own background shows as a fringe
around the head. Procedural inputs have exact alpha. :func:`matted_inputs` gives a share of
the training inputs such a matte: the head is first put in front of a random smooth scene
(the "photo"), then cut out again with a perturbed copy of its true alpha and composited on
the training background. Only the input is changed; the target views stay exact, so the
model learns to draw clean heads from imperfect cut-outs.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

from facelift.views import composite


@dataclass(frozen=True)
class MatteErrors:
    """How far a simulated matte strays from the true alpha (pixels at the training size).

    The defaults are for 64² inputs cut from a 512² photo: a portrait segmenter's soft,
    slightly misplaced outline shrinks to about a pixel there.

    ``shift``: largest smooth displacement of the matte's outline along each axis (bilinear
    between random offsets on a 4×4 grid, so never more); ``blur``: most 3×3 box
    blurs of the matte; ``gamma``: the matte is raised to ``exp(u)``, ``u`` uniform in
    ``±gamma`` (below 1 widens it and lets the scene in, above 1 eats into the head).
    """

    shift: float = 1.0
    blur: int = 1
    gamma: float = 0.5


def scene_backgrounds(n: int, size: int, generator: torch.Generator) -> Tensor:
    """(n, 3, size, size) smooth random scenes: colour fields on a coarse grid, bilinearly
    upsampled, as out-of-focus photo backgrounds are."""
    cells = int(torch.randint(2, 6, (1,), generator=generator))
    coarse = torch.rand(n, 3, cells, cells, generator=generator)
    return F.interpolate(coarse, size=(size, size), mode="bilinear", align_corners=True)


def perturbed_alpha(alpha: Tensor, errors: MatteErrors, generator: torch.Generator) -> Tensor:
    """(B, 1, H, W) true alpha -> a matte a segmentation model might return (same shape, in [0, 1])."""
    B, _, H, W = alpha.shape
    # A smooth random flow moves the outline in and out by different amounts around the head.
    flow = (torch.rand(B, 2, 4, 4, generator=generator) * 2 - 1) * errors.shift
    flow = F.interpolate(flow, size=(H, W), mode="bilinear", align_corners=True)
    ys, xs = torch.meshgrid(torch.arange(H, dtype=alpha.dtype), torch.arange(W, dtype=alpha.dtype), indexing="ij")
    gx = (xs[None] + flow[:, 0]) / max(W - 1, 1) * 2 - 1
    gy = (ys[None] + flow[:, 1]) / max(H - 1, 1) * 2 - 1
    matte = F.grid_sample(alpha, torch.stack([gx, gy], dim=-1), mode="bilinear", padding_mode="border",
                          align_corners=True)
    blurs = torch.randint(0, errors.blur + 1, (B,), generator=generator)
    for k in range(int(blurs.max()) if B else 0):
        blurred = F.avg_pool2d(matte, 3, stride=1, padding=1, count_include_pad=False)
        matte = torch.where((blurs > k).view(B, 1, 1, 1), blurred, matte)
    gamma = torch.exp((torch.rand(B, generator=generator) * 2 - 1) * errors.gamma).view(B, 1, 1, 1)
    return matte.clamp(0.0, 1.0) ** gamma


def matted_inputs(rgba: Tensor, background: Tensor, share: float, generator: torch.Generator,
                  errors: MatteErrors = MatteErrors()) -> Tensor:
    """(B, 4, H, W) premultiplied RGBA inputs over per-sample colours (B, 3) -> (B, 3, H, W) RGB.

    A ``share`` of the samples (each drawn independently) is cut out of a random scene with a
    perturbed matte; the rest are composited exactly. ``share`` 0 draws nothing and returns
    the exact composite.
    """
    if rgba.shape[1] != 4:
        raise ValueError(f"matted_inputs needs premultiplied RGBA (B, 4, H, W), got {tuple(rgba.shape)}")
    colour, alpha = rgba[:, :3], rgba[:, 3:]
    bg = background.view(-1, 3, 1, 1).to(rgba)
    exact = composite(colour, alpha, bg, premultiplied=True).clamp(0.0, 1.0)
    if share <= 0:
        return exact
    B, _, H, W = rgba.shape
    chosen = torch.rand(B, generator=generator) < share
    photo = composite(colour, alpha, scene_backgrounds(B, H, generator).to(rgba), premultiplied=True)
    cut = composite(photo, perturbed_alpha(alpha, errors, generator), bg).clamp(0.0, 1.0)
    return torch.where(chosen.view(B, 1, 1, 1), cut, exact)
