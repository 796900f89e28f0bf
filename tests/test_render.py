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
    scales = torch.as_tensor(scales, dtype=torch.float32)
    scales = (scales.reshape(n, -1) if scales.numel() > 1 else scales.reshape(1, 1)).expand(n, 3).contiguous()
    if rotations is None:
        rotations = torch.tensor([[1.0, 0.0, 0.0, 0.0]]).repeat(n, 1)
    return Gaussians(means=means, scales=scales, rotations=torch.as_tensor(rotations, dtype=torch.float32),
                     opacities=torch.as_tensor(opacities, dtype=torch.float32).reshape(-1).expand(n).contiguous(),
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


def test_two_overlapping_gaussians_composite_in_depth_order_whatever_their_memory_order():
    cam = orbit_camera(0.0, size=33)
    # The frontal camera sits at y = -2.7 looking toward +y: smaller y is nearer.
    near = ([0.0, -0.5, 0.0], 0.1, 0.6, [1.0, 0.0, 0.0])
    far = ([0.0, 0.5, 0.0], 0.1, 0.7, [0.0, 1.0, 0.0])
    bg = torch.tensor([0.0, 0.0, 1.0])
    centre = (16, 16)
    a_near, a_far = 0.6, 0.7  # at the centre pixel both sit on the principal ray: alpha = opacity
    expected = (a_near * torch.tensor([1.0, 0.0, 0.0]) + (1 - a_near) * a_far * torch.tensor([0.0, 1.0, 0.0])
                + (1 - a_near) * (1 - a_far) * bg)
    for order in ((near, far), (far, near)):
        g = _gaussians(*[[item[i] for item in order] for i in range(4)])
        out = rasterize(g, cam, background=bg)
        assert torch.allclose(out.rgb[centre], expected, atol=1e-5)
        assert float(out.alpha[centre]) == pytest.approx(1 - (1 - a_near) * (1 - a_far), abs=1e-6)
        w_near, w_far = a_near, (1 - a_near) * a_far
        depth = (w_near * 2.2 + w_far * 3.2) / (w_near + w_far)
        assert float(out.depth[centre]) == pytest.approx(depth, abs=1e-5)


def test_empty_set_renders_the_background():
    cam = orbit_camera(30.0, size=(20, 12))
    out = rasterize(Gaussians.empty(), cam, background=torch.tensor([0.1, 0.2, 0.3]))
    assert out.rgb.shape == (12, 20, 3)
    assert torch.allclose(out.rgb, torch.tensor([0.1, 0.2, 0.3]).expand(12, 20, 3))
    assert torch.all(out.alpha == 0) and torch.all(out.depth == 0)


def test_gaussians_behind_the_camera_contribute_nothing():
    cam = orbit_camera(0.0, size=32)
    # Camera at (0, -2.7, 0) looking toward +y: these sit behind it, one right on its axis.
    behind = _gaussians([[0.0, -3.2, 0.0], [0.1, -4.0, 0.05], [0.0, -2.7, 0.0]], 0.3, 0.9, [[1.0, 0.0, 0.0]] * 3)
    front = _gaussians([0.0, 0.0, 0.0], 0.1, 0.5, [0.0, 1.0, 0.0])
    alone = rasterize(front, cam)
    both = rasterize(Gaussians.cat([behind, front]), cam)
    assert torch.equal(alone.rgb, both.rgb) and torch.equal(alone.alpha, both.alpha)
    assert torch.all(rasterize(behind, cam).alpha == 0)


def test_faint_and_far_off_image_gaussians_are_skipped_but_a_huge_one_covers_everything():
    cam = orbit_camera(0.0, size=32)
    faint = _gaussians([0.0, 0.0, 0.0], 0.2, 1.0 / 300.0, [1.0, 0.0, 0.0])  # below 1/255 everywhere
    off_image = _gaussians([5.0, 0.0, 0.0], 0.05, 0.9, [1.0, 0.0, 0.0])
    assert torch.all(rasterize(Gaussians.cat([faint, off_image]), cam).alpha == 0)
    huge = _gaussians([0.0, 0.0, 0.0], 50.0, 0.5, [0.0, 0.0, 0.0])
    out = rasterize(huge, cam)
    assert torch.allclose(out.alpha, torch.full((32, 32), 0.5), atol=1e-3)


def test_gradients_reach_every_gaussian_parameter():
    g = _gaussians([[0.05, 0.0, 0.02], [-0.1, 0.2, 0.0]], [[0.1, 0.05, 0.08], [0.07, 0.1, 0.05]], [0.6, 0.8],
                   [[0.9, 0.1, 0.2], [0.1, 0.5, 0.9]], rotations=[[0.9, 0.1, 0.3, 0.0], [1.0, 0.0, 0.0, 0.2]])
    for name in ("means", "scales", "rotations", "opacities", "colors"):
        getattr(g, name).requires_grad_(True)
    out = rasterize(g, orbit_camera(10.0, size=24), background=(0.5, 0.5, 0.5))
    (out.rgb.sum() + out.alpha.sum() + out.depth.sum()).backward()
    for name in ("means", "scales", "rotations", "opacities", "colors"):
        grad = getattr(g, name).grad
        assert grad is not None and torch.isfinite(grad).all() and grad.abs().sum() > 0, name


def test_width_and_height_rescale_the_camera_and_background_accepts_a_tensor():
    cam = orbit_camera(0.0, size=64)
    g = _gaussians([0.0, 0.0, 0.0], 0.2, 0.7, [1.0, 0.0, 0.0])
    small = rasterize(g, cam, width=32, height=32, background=torch.tensor([0.0, 0.0, 0.0]))
    direct = rasterize(g, orbit_camera(0.0, size=32), background=(0.0, 0.0, 0.0))
    assert small.rgb.shape == (32, 32, 3)
    assert torch.allclose(small.rgb, direct.rgb, atol=1e-5)


@pytest.mark.parametrize("kwargs,message", [
    ({"backend": "opengl"}, "unknown backend"),
    ({"background": (1.0, 1.0)}, "background"),
    ({"width": 0}, "image size"),
])
def test_bad_arguments_raise_clear_errors(kwargs, message):
    with pytest.raises(FaceliftError, match=message):
        rasterize(Gaussians.empty(), orbit_camera(0.0, size=8), **kwargs)


def test_a_batch_of_cameras_is_refused_with_a_hint():
    from facelift.cameras import facelift_cameras

    with pytest.raises(FaceliftError, match="single camera"):
        rasterize(Gaussians.empty(), facelift_cameras(size=8))


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the error raised when CUDA is missing")
def test_gsplat_backend_without_cuda_says_what_is_missing():
    with pytest.raises(FaceliftError, match="gsplat.*CUDA|CUDA.*gsplat"):
        rasterize(Gaussians.empty(), orbit_camera(0.0, size=8), backend="gsplat")


def test_concurrent_renders_from_threads_match_serial_ones():
    import threading

    gen = torch.Generator().manual_seed(0)
    g = Gaussians(means=(torch.rand(300, 3, generator=gen) - 0.5), scales=torch.full((300, 3), 0.03),
                  rotations=torch.randn(300, 4, generator=gen), opacities=torch.rand(300, generator=gen),
                  colors=torch.rand(300, 3, generator=gen))
    cams = [orbit_camera(az, size=40) for az in (0.0, 90.0, 200.0)]
    serial = [rasterize(g, c).rgb for c in cams]
    results = [None] * len(cams)

    def work(i):
        results[i] = rasterize(g, cams[i]).rgb

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(cams))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for a, b in zip(serial, results):
        assert torch.equal(a, b)


def test_renders_that_would_exhaust_memory_are_refused_with_advice(monkeypatch):
    import facelift.render.cpu as cpu

    monkeypatch.setattr(cpu, "MAX_PAIR_BYTES", 1000)
    huge = _gaussians([[0.0, 0.0, 0.0]] * 20, 5.0, 0.9, [[1.0, 0.0, 0.0]] * 20)
    with pytest.raises(FaceliftError, match="prune very large Gaussians"):
        rasterize(huge, orbit_camera(0.0, size=64))
