"""Differentiable Gaussian splatting (SPEC §2.4): one function, two backends.

>>> out = rasterize(gaussians, camera)            # doctest: +SKIP
>>> out.rgb.shape, out.alpha.shape, out.depth.shape  # (H, W, 3), (H, W), (H, W)

Maths (EWA splatting as in Kerbl et al. 2023, the conventions gsplat uses):

* Means go through the OpenCV camera (``camera.w2c``, ``camera.K``); pixel centres sit
  at +0.5. Gaussians with camera-space z < 0.01, opacity < 1/255, or whose
  alpha >= 1/255 footprint misses the image are culled.
* 2D covariance J W Σ Wᵀ Jᵀ with Σ = R S Sᵀ Rᵀ, plus 0.3 px² on the diagonal (low-pass);
  J is taken at the centre clamped to 1.3× the field of view, as 3DGS and gsplat do.
* Per pixel, front to back by camera-space depth: α = min(0.99, o·exp(−½ dᵀΣ₂D⁻¹d)),
  skipped below 1/255; a pixel stops before the Gaussian that would take its
  transmittance below 1e-4.
* Colour is the SH degree-0 term only (``Gaussians.colors``); ``sh_rest`` is ignored, so
  view-dependent effects of imported 3DGS scenes are not rendered.
* ``depth`` is the *expected* camera-space depth: Σ wᵢ zᵢ / Σ wᵢ where alpha > 0, else 0
  (normalised, so a faint surface still reports its own depth).

Backends: ``"cpu"`` (numba, tiled, hand-written backward; see :mod:`facelift.render._kernels`),
``"gsplat"`` (CUDA, needs the optional ``gsplat`` package), ``"auto"`` (gsplat for CUDA
tensors when importable, else CPU; CUDA tensors without gsplat are rendered on the CPU and
the results moved back).

Why numba with a hand-written backward: a vectorised PyTorch rasterizer keeps per-pair
intermediates for autograd and took seconds per 1.5 M-Gaussian frame; the numba path does
projection, sorting, binning, compositing and all their gradients in its own kernels
(about 0.6 CPU-s forward and 1.1 CPU-s forward + backward for 1.5 M Gaussians at 512²;
benchmarks/README.md, "Rendering"). It is checked against a dense float64 reference in
tests/reference_rasterizer.py (images to 1e-4, gradients to 1e-3 relative).

numba notes: kernels are cached on disk (first use on a machine compiles for ~30–60 s);
unless ``NUMBA_THREADING_LAYER`` is set, the CPU backend selects numba's "workqueue"
thread pool when it first loads (OpenMP's spin-waiting slowed small frames several-fold on shared
cores); renders from several Python threads are serialised.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Sequence

import torch
from torch import Tensor

from facelift.cameras import Camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians

log = logging.getLogger(__name__)

BACKENDS = ("auto", "cpu", "gsplat")


@dataclass
class RenderOutput:
    """One rendered view.

    Attributes:
        rgb: (H, W, 3) float32, composited over the background.
        alpha: (H, W) accumulated opacity in [0, 1].
        depth: (H, W) expected camera-space depth (normalised by alpha; 0 where alpha = 0).
    """

    rgb: Tensor
    alpha: Tensor
    depth: Tensor


def _background(background, device: torch.device) -> Tensor:
    bg = torch.as_tensor(background, dtype=torch.float32).to(device)
    if bg.shape != (3,):
        raise FaceliftError(f"rasterize: background must be 3 numbers (R, G, B), got shape {tuple(bg.shape)}")
    return bg.detach()


def gsplat_available() -> bool:
    """True when gsplat imports and CUDA is usable."""
    if not torch.cuda.is_available():
        return False
    try:
        import gsplat  # noqa: F401
    except Exception:  # an import of a compiled extension can fail in many ways
        return False
    return True


def rasterize(
    gaussians: Gaussians,
    camera: Camera,
    width: int | None = None,
    height: int | None = None,
    background: Sequence[float] | Tensor = (1.0, 1.0, 1.0),
    backend: str = "auto",
) -> RenderOutput:
    """Render Gaussians from one camera.

    Args:
        gaussians: N Gaussians (any N, including 0); differentiable w.r.t. means, scales,
            rotations, opacities and colors.
        camera: a single camera (no batch dimension); OpenCV convention.
        width, height: output size; default the camera's. A different size renders the
            same view with intrinsics rescaled (:meth:`Camera.resized`).
        background: RGB in [0, 1], a 3-sequence or (3,) tensor, treated as a constant.
        backend: ``"auto"``, ``"cpu"`` or ``"gsplat"``.

    Returns:
        :class:`RenderOutput` with rgb (H, W, 3), alpha (H, W), depth (H, W), float32.
    """
    if not isinstance(gaussians, Gaussians):
        raise FaceliftError(f"rasterize: expected a Gaussians set, got {type(gaussians).__name__}")
    if not isinstance(camera, Camera):
        raise FaceliftError(f"rasterize: expected a Camera, got {type(camera).__name__}")
    if camera.batch_shape:
        raise FaceliftError(
            f"rasterize: takes a single camera, got a batch of shape {tuple(camera.batch_shape)}; "
            "render camera[i] one at a time")
    if backend not in BACKENDS:
        raise FaceliftError(f"rasterize: unknown backend {backend!r}, expected one of {', '.join(BACKENDS)}")
    width = camera.width if width is None else int(width)
    height = camera.height if height is None else int(height)
    if width <= 0 or height <= 0:
        raise FaceliftError(f"rasterize: image size must be positive, got {width}x{height}")
    if (width, height) != (camera.width, camera.height):
        camera = camera.resized(width, height)

    device = gaussians.means.device
    if backend == "auto":
        backend = "gsplat" if device.type == "cuda" and gsplat_available() else "cpu"
    bg = _background(background, device)

    if backend == "gsplat":
        if not gsplat_available():
            raise FaceliftError("rasterize: backend 'gsplat' needs CUDA and the gsplat package "
                                "(pip install 'facelift[cuda]')")
        from facelift.render.gsplat_backend import render_gsplat

        rgb, alpha, depth = render_gsplat(gaussians, camera, bg)
        return RenderOutput(rgb=rgb, alpha=alpha, depth=depth)
    return _render_cpu(gaussians, camera, bg)


def _render_cpu(gaussians: Gaussians, camera: Camera, bg: Tensor) -> RenderOutput:
    from facelift.render.cpu import rasterize_cpu

    g = gaussians
    device = g.means.device
    # Autograd follows these copies back to the caller's device and dtype.
    g = g.to("cpu", torch.float32)
    w2c = camera.w2c.detach().to("cpu", torch.float32)
    K = camera.K.detach().to("cpu", torch.float32)
    rgb, alpha, depth = rasterize_cpu(g.means, g.scales, g.rotations, g.opacities, g.colors, w2c, K,
                                      bg.to("cpu"), camera.width, camera.height)
    if device.type != "cpu":
        rgb, alpha, depth = rgb.to(device), alpha.to(device), depth.to(device)
    return RenderOutput(rgb=rgb, alpha=alpha, depth=depth)


__all__ = ["rasterize", "RenderOutput", "BACKENDS", "gsplat_available"]
