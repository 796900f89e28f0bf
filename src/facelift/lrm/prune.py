"""Pruning a reconstruction before export, with the public release's defaults and switches.

A full 6×512² reconstruction is ~1.57 M Gaussians, most of them transparent background pixels.
:func:`export_filter` keeps what a viewer needs (see :class:`facelift.lrm.config.ExportConfig`
for each switch and why it exists); every switch can be turned off with ``None``.
"""

from __future__ import annotations

import logging

import torch

from facelift.gaussians import Gaussians
from facelift.lrm.config import ExportConfig

log = logging.getLogger(__name__)


def export_mask(gaussians: Gaussians, cfg: ExportConfig | None = None) -> torch.Tensor:
    """(N,) bool: the Gaussians :func:`export_filter` keeps."""
    cfg = cfg or ExportConfig()
    x, y, z = gaussians.means.unbind(-1)
    keep = gaussians.opacities > cfg.min_opacity
    if cfg.max_scale is not None:
        # Only below the centre: large splats there are floaters; hair on top needs big ones.
        keep &= (gaussians.scales.amax(dim=-1) < cfg.max_scale) | (z > 0)
    if cfg.floater is not None:
        f = cfg.floater
        corner = ((x.abs() > f) & (y.abs() > f)) & (z < -f)
        keep &= ~corner
    if cfg.box_xy is not None:
        b = cfg.box_xy
        keep &= (x.abs() <= b) & (y.abs() <= b) & (z >= cfg.box_z_min) & (z <= cfg.box_z_max)
    return keep


def export_filter(gaussians: Gaussians, cfg: ExportConfig | None = None) -> Gaussians:
    """The Gaussians worth exporting (opacity, large-splat, floater and box filters)."""
    keep = export_mask(gaussians, cfg)
    log.debug("export filter keeps %d of %d Gaussians", int(keep.sum()), len(gaussians))
    return gaussians[keep]
