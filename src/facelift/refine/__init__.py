"""Photo-fit refinement: bring the photo's own detail (the likeness) into the head.

Stages I and II work at their models' resolution (64² for the bundled tiny weights), so the
person's face does not survive them. Refinement puts it back:

1. :mod:`~facelift.refine.face_prior`: the depth of each photo pixel from the front camera,
   shaped like a face where the face mesh is (nose in front, eyes set in) and like the
   Stage II head elsewhere;
2. :mod:`~facelift.refine.front_layer`: one flat Gaussian per face pixel (per 2×2 block
   elsewhere) on that surface, after carving the Stage II Gaussians that would hide it;
   :mod:`~facelift.refine.mirror`: on a turned face, the side the photo does not show,
   coloured from the side it does;
3. :mod:`~facelift.refine.optimize`: Adam against the photo at full resolution and the Stage I
   views at low weight.

>>> result = refine_head(gaussians, photo, mask, landmarks, views, cameras)  # doctest: +SKIP
>>> result.gaussians, result.report.front_psnr_after                          # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from scipy import ndimage
from torch import Tensor

from facelift.cameras import RADIUS, Camera, orbit_camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.lrm.footprint import footprint_variance, widen_to_input_footprint
from facelift.refine.face_prior import front_depth, mesh_triangles
from facelift.refine.front_layer import carve_head, front_pixels, seed_front_layer
from facelift.refine.mirror import clear_in_front, mirror_layer
from facelift.refine.optimize import FitReport, RefineConfig, fit_front_layer
from facelift.render import rasterize

log = logging.getLogger(__name__)

#: Resolution of the Stage II front render that the depth prior starts from (its detail is
#: 64²-model detail; a finer render only costs time).
HEAD_RENDER_SIZE = 128
#: Pixels this close to the silhouette's edge (at 512²) are seeded with colour from further in.
RIM_PX = 3.0
#: The silhouette's outermost ring, as a share of the image size (6 px at 512²), gets no layer.
SEED_RING = 6.0 / 512
#: Stage II Gaussians nearer than the photo's surface plus this (world units) are carved.
CARVE_MARGIN = 0.04


@dataclass
class RefineResult:
    """The refined head and how it was made.

    Attributes:
        gaussians: the photo-fitted layer followed by the kept Stage II Gaussians.
        report: losses and front-view PSNR before / after the optimisation.
        num_layer: how many of ``gaussians`` (the first ones) are the photo layer and its
            mirrored completion (:mod:`facelift.refine.mirror`), the rest being Stage II's.
        face_prior: whether face-mesh landmarks shaped the layer.
    """

    gaussians: Gaussians
    report: FitReport
    num_layer: int
    face_prior: bool

    def info(self) -> dict:
        return {"refine_steps": self.report.steps, "refine_front_psnr_before": round(self.report.front_psnr_before, 2),
                "refine_front_psnr_after": round(self.report.front_psnr_after, 2), "refine_layer": self.num_layer,
                "refine_face_prior": self.face_prior}


def rim_colours(rgb: np.ndarray, alpha: np.ndarray, rim_px: float = RIM_PX) -> np.ndarray:
    """The photo's colours for seeding, (H, W, 3): pixels within ``rim_px`` of the silhouette's
    edge take the colour of the nearest pixel further in.

    A matte's edge holds background (the photo is on white; segmentation halos keep a little
    of the original background too). Seen from the side, the layer's edge is where the surface
    turns away, so those pixels would show as a pale seam around the head.
    """
    inner = ndimage.distance_transform_edt(alpha > 0.5) > rim_px
    if not inner.any():
        return rgb
    idx = ndimage.distance_transform_edt(~inner, return_distances=False, return_indices=True)
    return rgb[tuple(idx)]


def _as_array(image) -> np.ndarray:
    """(H, W, C) float32 in [0, 1] from a uint8 / float array or a PIL image."""
    a = np.asarray(image)
    if a.dtype == np.uint8:
        a = a.astype(np.float32) / 255.0
    return a.astype(np.float32)


def refine_head(head: Gaussians, photo, mask: np.ndarray | None, landmarks: np.ndarray | None,
                views: Tensor | None = None, view_cameras: Camera | None = None,
                config: RefineConfig | None = None, progress: bool = True) -> RefineResult:
    """Fit the head to the photo (see the package docstring).

    Args:
        head: the Stage II Gaussians.
        photo: the preprocessed photo, (H, W, 3) uint8 / float in [0, 1] or PIL, on white; it is
            the front view (azimuth 0) of the Stage I rig at H × W.
        mask: (H, W) its foreground alpha in [0, 1], or None (then the head's own front
            silhouette is used).
        landmarks: (L, 3) face-mesh landmarks in the photo's pixels (x, y, relative z), or None
            (no face prior: the layer takes the head's depth).
        views: (V, 3, h, w) in [0, 1], Stage I views other than the front, or None.
        view_cameras: their cameras (batch of V).
        config: :class:`RefineConfig` (iterations, weights, seed).
    """
    config = config or RefineConfig()
    rgb = _as_array(photo)
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise FaceliftError(f"refine: the photo must be (H, W, 3), got {rgb.shape}")
    h, w = rgb.shape[:2]
    if h % 2 or w % 2:
        raise FaceliftError(f"refine: the photo's size must be even, got {w}x{h}")
    if mask is not None and tuple(mask.shape) != (h, w):
        raise FaceliftError(f"refine: the mask is {mask.shape}, the photo {(h, w)}")
    if views is not None and (view_cameras is None or len(view_cameras) != len(views)):
        raise FaceliftError("refine: give one camera per Stage I view")
    front = orbit_camera(0.0, size=(w, h))
    with torch.no_grad():
        small = rasterize(head, front.resized(HEAD_RENDER_SIZE, HEAD_RENDER_SIZE))
    up = lambda t: F.interpolate(t[None, None], size=(h, w), mode="bilinear", align_corners=False)[0, 0].numpy()  # noqa: E731
    head_alpha, head_depth = up(small.alpha), up(small.depth * (small.alpha > 0))
    # Depth is normalised by alpha; re-normalise after the bilinear mix of covered and bare pixels.
    cover = up((small.alpha > 0).float())
    head_depth = np.where(cover > 0, head_depth / np.maximum(cover, 1e-6), 0.0)
    alpha = head_alpha if mask is None else np.clip(mask.astype(np.float32), 0.0, 1.0)
    focal = float(front.fx)
    depth = front_depth(head_depth, head_alpha, alpha, focal, landmarks, fallback_depth=RADIUS - 0.5)
    behind = carve_head(head.detach().to("cpu", torch.float32), front, depth.depth, alpha, CARVE_MARGIN)
    # No Gaussians on the silhouette's outermost ring: seen edge-on from the side it showed as a
    # pale seam between the photo's hair and the Stage II head behind it.
    ring = SEED_RING * max(h, w)
    seeded = alpha * (ndimage.distance_transform_edt(alpha > 0.5) > ring)
    colours = rim_colours(rgb, alpha)
    layer = seed_front_layer(colours, seeded, depth.depth, depth.face_weight, front)
    mirrored = Gaussians.empty()
    triangles = mesh_triangles()
    if config.mirror_face and depth.landmark_depth is not None and triangles is not None:
        # The fit leaves these where they are (they sit behind the layer, unseen from the front).
        mirrored = mirror_layer(colours, landmarks, depth.landmark_depth, triangles, front)
        # Where the mesh's hidden side comes out in front of what the photo shows (beside the
        # face's outline, over hair or background) the front render would show it: not there.
        u, v, z, inside = front_pixels(mirrored.means, front, h, w)
        hidden = inside & (z >= torch.from_numpy(depth.depth)[v, u]) & torch.from_numpy(alpha > 0.5)[v, u]
        mirrored = mirrored[hidden]
        behind = Gaussians.cat([mirrored, clear_in_front(behind, mirrored)])
    log.debug("refine: %d photo Gaussians, %d mirrored, %d of %d Stage II Gaussians kept, face prior %s",
              len(layer.gaussians), len(mirrored), len(behind) - len(mirrored), len(head),
              "on" if depth.face_depth is not None else "off")
    gaussians, report = fit_front_layer(layer, behind, torch.from_numpy(rgb), torch.from_numpy(alpha), front, views,
                                        view_cameras, config, progress=progress)
    return RefineResult(gaussians, report, len(layer.gaussians) + len(mirrored), depth.face_depth is not None)


#: How many of its own standard deviations (as seen from the front camera) a widened Stage II
#: Gaussian keeps between its centre and the photo's outline. 1 against 3 (2026-12-07): 21
#: held-out procedural heads at 64², back masked PSNR 16.07 -> 16.26 dB (16.25 without
#: photo-fit; 1.5 gave 16.23); six at 512², sides 13.68 -> 14.12, back 12.19 -> 12.45; on 31
#: real photos 9% more alpha past the outline at 0° (a faint shadow along the jaw) and dlib's
#: 0° distance +0.003 on average.
FOOTPRINT_CLEARANCE_SIGMAS = 1.0


def behind_photo_share(g: Gaussians, mask: np.ndarray, rig: Camera, low_pass: float,
                       clearance: float = FOOTPRINT_CLEARANCE_SIGMAS) -> Tensor:
    """(N,) how much of the input footprint (:mod:`facelift.lrm.footprint`) each Gaussian can
    take, in [0, 1], without its front view reaching past the photo's outline.

    A Gaussian whose centre projects ``d`` photo pixels inside the silhouette (0 outside it)
    and whose front footprint is ``s`` pixels (its widest axis) may grow to
    ``s² + share · c ≤ (d / clearance)²``, ``c`` the footprint's variance in front pixels.
    """
    h, w = mask.shape
    front = orbit_camera(0.0, size=(w, h))
    inside_px = ndimage.distance_transform_edt(mask > 0.5).astype(np.float32)
    u, v, z, inside = front_pixels(g.means, front, h, w)
    d = torch.from_numpy(inside_px)[v, u] * inside
    to_px = (float(front.fx) / z.clamp_min(1e-6)) ** 2
    own = g.scales.max(dim=-1).values ** 2 * to_px
    extra = footprint_variance(g.means, rig, low_pass) * to_px
    share = ((d / clearance) ** 2 - own) / extra.clamp_min(1e-12)
    return share.clamp(0.0, 1.0)


def widen_behind_photo(result: RefineResult, mask: np.ndarray, rig: Camera, low_pass: float) -> Gaussians:
    """The fitted head with its Stage II part given as much of the input footprint
    (:mod:`facelift.lrm.footprint`) as cannot show from the front (:func:`behind_photo_share`).

    Widened everywhere, Stage II splats at the silhouette bled past the photo's outline (a
    procedural head at 128²: front 29.97 → 26.38 dB; on real photos a brown shadow along the
    jaw). Not widened, the 64² splats leave the sides and back see-through when rendered finer.
    Widening only those at least 7 widening-widths inside the outline (until 2026-12-07) cost
    the back 0.17 dB on held-out heads at 64² and the sides and back 0.4 dB at 512²: the
    outline's splats make the back's outline too. Each Gaussian now takes what its distance to
    the outline allows.

    Args:
        result: photo-fit's output (layer first, then Stage II).
        mask: (H, W) the photo's alpha, the front camera's image.
        rig: the Stage II input cameras (the footprint's cameras).
    """
    g, n = result.gaussians, result.num_layer
    share = behind_photo_share(g[n:], mask, rig, low_pass)
    return widen_to_input_footprint(g, rig, low_pass, start=n, where=share)


__all__ = ["RefineConfig", "RefineResult", "FitReport", "refine_head", "widen_behind_photo"]
