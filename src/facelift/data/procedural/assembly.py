"""One head from its parameters: surface samples, colours and shading as Gaussians."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

import numpy as np
import torch

from facelift.data import sdf
from facelift.data.procedural.colour import _eye_points, _surface_colours
from facelift.data.procedural.geometry import _BOX_HI, _BOX_LO, HeadShape
from facelift.data.procedural.params import (GENERATOR_VERSION, LIGHTINGS, PART, Appearance, Identity, Lighting,
                                             sample_appearance, sample_identity)
from facelift.data.procedural.shading import shade
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians


#: Spacing of the surface samples of the bundled example head (≈ 40k Gaussians).
EXAMPLE_SPACING = 0.016
EXAMPLE_SEEDS = (3, 3)
#: Largest sample spacing on glasses frames (their wire is 0.013-0.017 thick in world units).
GLASSES_SPACING = 0.005


@dataclass
class ProceduralHead:
    """A generated head.

    Attributes:
        gaussians: the head as N Gaussians with shading baked into ``colors``.
        labels: (N,) int64 index into :data:`PARTS` per Gaussian.
        albedo: (N, 3) unshaded colours (for relighting or inspection).
        normals: (N, 3) unit surface normals (world).
        identity, appearance: the parameters it was built from.
    """

    gaussians: Gaussians
    labels: torch.Tensor
    albedo: torch.Tensor
    normals: torch.Tensor
    identity: Identity
    appearance: Appearance

    def meta(self) -> dict:
        """JSON-ready description (what ``meta.json`` stores)."""
        return {"generator": GENERATOR_VERSION, "identity": asdict(self.identity),
                "appearance": asdict(self.appearance), "lighting": self.appearance.lighting.kind,
                "num_gaussians": len(self.gaussians)}


def spacing_for_resolution(resolution: int) -> float:
    """Surface-sample spacing for renders at ``resolution``²: 0.016 at 512² (≈ 40k
    Gaussians, 3.7 px apart), growing as 1/sqrt(resolution) to 0.045 at 64² (≈ 5k,
    1.3 px apart), so low resolutions stay hole-free with few Gaussians."""
    return float(np.clip(0.016 * math.sqrt(512.0 / resolution), 0.008, 0.05))


def build_head(identity: Identity, appearance: Appearance, spacing: float = EXAMPLE_SPACING) -> ProceduralHead:
    """Build the Gaussians of one head.

    Args:
        spacing: distance between surface samples in world units; the Gaussian count
            grows as 1/spacing² (≈ 38k at 0.016, the 512² setting). Eyes are sampled 2.5x finer.
    """
    if not 0.003 <= spacing <= 0.1:
        raise FaceliftError(f"spacing must be in [0.003, 0.1], got {spacing}")
    shape = HeadShape(identity, appearance)
    pts, nrm = sdf.surface_points(shape.scene, _BOX_LO, _BOX_HI, spacing)
    alb, lab = _surface_colours(shape, pts, spacing)
    eye_spacing = spacing / 2.5
    ep, en, ea, el, glint = _eye_points(shape, eye_spacing)
    # Glasses: a wire ~0.013 thick, sampled finer than their wire so that they stay thin rims
    # at any spacing (at the 64² spacing, splats of the head's own size made them sunglasses).
    gp, gn = _glasses_points(shape, min(eye_spacing, GLASSES_SPACING))
    points = np.concatenate([pts, ep, gp])
    normals = np.concatenate([nrm, en, gn])
    albedo = np.concatenate([alb, ea, np.tile(np.asarray(appearance.glasses_rgb, np.float32), (len(gp), 1))])
    labels = np.concatenate([lab, el, np.full(len(gp), PART["glasses"])])
    rgb = shade(albedo, points, normals, appearance.lighting, shape.scene, fast=spacing > 0.03)
    # The cornea mirrors the key light: a specular glint, bright whatever the diffuse shading.
    rgb[len(pts):len(pts) + len(ep)][glint] = 0.96
    sigma = np.concatenate([np.full(len(pts), 0.7 * spacing, np.float32),
                            np.full(len(ep), 0.7 * eye_spacing, np.float32),
                            np.full(len(gp), 0.7 * min(eye_spacing, GLASSES_SPACING), np.float32)])
    scales = np.stack([sigma, sigma, sigma * 0.15], axis=1)
    g = Gaussians(
        means=torch.from_numpy(points.astype(np.float32)),
        scales=torch.from_numpy(scales.astype(np.float32)),
        rotations=torch.from_numpy(sdf.normal_to_quaternion(normals).astype(np.float32)),
        opacities=torch.full((len(points),), 0.98),
        colors=torch.from_numpy(rgb.astype(np.float32)),
    )
    return ProceduralHead(g, torch.from_numpy(labels), torch.from_numpy(albedo), torch.from_numpy(normals),
                          identity, appearance)


def _glasses_points(shape: HeadShape, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Surface samples (M, 3) and normals of the glasses, none without them."""
    if shape.app.glasses == "none":
        return np.zeros((0, 3), np.float32), np.zeros((0, 3), np.float32)
    return sdf.surface_points(shape.glasses_world, _BOX_LO, _BOX_HI, spacing)


def make_head(identity_seed: int, appearance_seed: int, spacing: float = EXAMPLE_SPACING,
              lighting: str | tuple[str, ...] = LIGHTINGS, max_head_pose: float = 10.0,
              extras: bool = False) -> ProceduralHead:
    """The head of (identity_seed, appearance_seed): same seeds, same head, bit for bit
    (``extras``: with the accessories and detail of :func:`sample_extras`)."""
    ident = sample_identity(identity_seed)
    app = sample_appearance(ident, appearance_seed, lighting=lighting, max_head_pose=max_head_pose, extras=extras)
    return build_head(ident, app, spacing)


#: A soft studio light for the example head: key light from the upper front left
#: (the subject's left, +X), a cool sky fill and a warm bounce from below.
EXAMPLE_LIGHTING = Lighting(
    "environment", ambient=0.0,
    lobes=(((0.0, -0.3, 0.95), (0.45, 0.48, 0.52)), ((0.0, 0.0, -1.0), (0.18, 0.16, 0.14)),
           ((0.0, -1.0, 0.0), (0.35, 0.35, 0.35)), ((-0.3, 0.9, 0.3), (0.4, 0.38, 0.36))),
    sun_direction=(0.5, -0.75, 0.43), sun_rgb=(0.62, 0.58, 0.52),
)


def example_head() -> ProceduralHead:
    """The bundled example head (``facelift/assets/example_head.ply``): identity
    ``EXAMPLE_SEEDS[0]``, appearance ``EXAMPLE_SEEDS[1]`` with a neutral pose, closed
    mouth, slight smile, no beard, under :data:`EXAMPLE_LIGHTING`."""
    ident = sample_identity(EXAMPLE_SEEDS[0])
    app = sample_appearance(ident, EXAMPLE_SEEDS[1], lighting="ambient", max_head_pose=0.0)
    app = replace(app, beard="none", mouth_open=0.0, smile=0.35, gaze_yaw=0.0, gaze_pitch=0.0,
                  lighting=EXAMPLE_LIGHTING)
    return build_head(ident, app, EXAMPLE_SPACING)
