"""Analytic behaviour of facelift.render.rasterize (CPU backend)."""

import math

import pytest
import torch

from facelift.cameras import RADIUS, Camera, focal_from_fov, orbit_camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.render import RenderOutput, rasterize


def _gaussians(means, scales, opacities, colors, rotations=None) -> Gaussians:
    means = torch.as_tensor(means, dtype=torch.float32).reshape(-1, 3)
    n = means.shape[0]
    scales = torch.as_tensor(scales, dtype=torch.float32).reshape(n, -1).expand(n, 3).contiguous()
    if rotations is None:
        rotations = torch.tensor([[1.0, 0.0, 0.0, 0.0]]).repeat(n, 1)
    return Gaussians(means=means, scales=scales, rotations=torch.as_tensor(rotations, dtype=torch.float32),
                     opacities=torch.as_tensor(opacities, dtype=torch.float32).reshape(n),
                     colors=torch.as_tensor(colors, dtype=torch.float32).reshape(n, 3))


def test_isotropic_gaussian_at_origin_peaks_at_principal_point_with_hand_computed_colour():
    size, sigma, opacity = 65, 0.05, 0.8  # odd size: a pixel centre sits on the principal point
    color = torch.tensor([0.9, 0.2, 0.1])
    background = torch.tensor([0.0, 0.0, 1.0])
    cam = orbit_camera(0.0, size=size)
    out = rasterize(_gaussians([0, 0, 0], sigma, opacity, color), cam, background=background)
    assert isinstance(out, RenderOutput)
    assert out.rgb.shape == (size, size, 3) and out.alpha.shape == (size, size) and out.depth.shape == (size, size)
    peak = int(out.alpha.argmax())
    assert divmod(peak, size) == (size // 2, size // 2)  # cx = cy = 32.5 is the centre of pixel 32
    # At the centre d = 0, so alpha is the opacity itself.
    expected = opacity * color + (1 - opacity) * background
    assert torch.allclose(out.rgb[size // 2, size // 2], expected, atol=1e-5)
    assert out.depth[size // 2, size // 2] == pytest.approx(RADIUS, abs=1e-5)
    # One pixel to the right: the 2D variance is (f·σ/z)² + 0.3 (low-pass).
    f = focal_from_fov(50.0, size)
    var = (f * sigma / RADIUS) ** 2 + 0.3
    alpha1 = opacity * math.exp(-0.5 / var)
    assert float(out.alpha[size // 2, size // 2 + 1]) == pytest.approx(alpha1, abs=1e-5)
    assert torch.allclose(out.rgb[size // 2, size // 2 + 1], alpha1 * color + (1 - alpha1) * background, atol=1e-5)
