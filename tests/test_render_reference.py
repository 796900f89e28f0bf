"""The numba CPU rasterizer against the dense float64 reference: images and gradients."""

import math

import pytest
import torch

from facelift.cameras import Camera, look_at, orbit_camera
from facelift.gaussians import Gaussians
from facelift.render import rasterize
from reference_rasterizer import reference_rasterize

PARAMS = ("means", "scales", "rotations", "opacities", "colors")


def random_scene(n: int, seed: int, spread: float = 0.5, scale: float = 0.06,
                 max_opacity: float = 0.95) -> Gaussians:
    """Random anisotropic Gaussians in a cube around the origin (the head's place)."""
    gen = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    return Gaussians(
        means=(r(n, 3) * 2 - 1) * spread,
        scales=torch.exp(torch.randn(n, 3, generator=gen) * 0.5 + math.log(scale)),
        rotations=torch.randn(n, 4, generator=gen),
        opacities=0.05 + (max_opacity - 0.05) * r(n),
        colors=r(n, 3),
    )


def off_centre_camera(width: int, height: int) -> Camera:
    """A camera with non-square image, off-centre principal point and unequal focals."""
    c2w = look_at(torch.tensor([0.6, -2.4, 0.5]))
    K = torch.tensor([[width * 1.1, 0.0, width * 0.45], [0.0, width * 1.0, height * 0.55], [0.0, 0.0, 1.0]])
    return Camera(c2w=c2w, K=K, width=width, height=height)


def _leaf(g: Gaussians, dtype=torch.float32) -> Gaussians:
    return Gaussians(**{p: getattr(g, p).detach().to(dtype).clone().requires_grad_(True) for p in PARAMS})


def _reference(g: Gaussians, cam: Camera, bg: torch.Tensor):
    return reference_rasterize(g.means, g.scales, g.rotations, g.opacities, g.colors,
                               cam.w2c.double(), cam.K.double(), cam.width, cam.height, bg.double())


def _loss(rgb, alpha, depth, seed):
    gen = torch.Generator().manual_seed(seed)
    wr = torch.randn(rgb.shape, generator=gen, dtype=torch.float64)
    wa = torch.randn(alpha.shape, generator=gen, dtype=torch.float64)
    wd = torch.randn(depth.shape, generator=gen, dtype=torch.float64)
    return (rgb.double() * wr).sum() + (alpha.double() * wa).sum() + 0.1 * (depth.double() * wd).sum()


SCENES = {
    # seed: (n, camera, scene options)
    0: (40, "front", {}),
    1: (60, "offcentre", {}),
    2: (25, "side", {}),
    3: (30, "front", {"scale": 0.25}),  # footprints spanning several 16-px tiles
    # Opaque and dense: alpha clamped at 0.99, and pixels stop at transmittance 1e-4.
    4: (300, "front", {"max_opacity": 1.0, "spread": 0.3, "scale": 0.1}),
    # Big splats, several centred beyond 1.3x the field of view (clamped Jacobian) yet
    # reaching into the image.
    5: (40, "front", {"spread": 1.6, "scale": 0.3}),
}


@pytest.mark.parametrize("seed", sorted(SCENES))
def test_cpu_matches_dense_reference_images_and_gradients(seed):
    n, camera, options = SCENES[seed]
    scene = random_scene(n, seed, **options)
    cam = {"front": orbit_camera(0.0, size=32), "side": orbit_camera(70.0, 20.0, size=(40, 24)),
           "offcentre": off_centre_camera(36, 28)}[camera]
    bg = torch.tensor([0.2, 0.5, 0.9])

    ours_in = _leaf(scene)
    out = rasterize(ours_in, cam, background=bg)
    ref_in = _leaf(scene, torch.float64)
    rgb, alpha, depth = _reference(ref_in, cam, bg)

    assert (alpha > 0.05).float().mean() > 0.2, "scene should cover a good part of the image"
    if options.get("max_opacity") == 1.0:
        assert (alpha > 0.9998).sum() > 10, "scene should make pixels terminate early"
    assert torch.allclose(out.rgb.double(), rgb, atol=1e-4, rtol=0)
    assert torch.allclose(out.alpha.double(), alpha, atol=1e-4, rtol=0)
    assert torch.allclose(out.depth.double(), depth, atol=1e-4, rtol=1e-4)

    _loss(out.rgb, out.alpha, out.depth, seed).backward()
    _loss(rgb, alpha, depth, seed).backward()
    for p in PARAMS:
        ours, ref = getattr(ours_in, p).grad.double(), getattr(ref_in, p).grad
        scale = ref.abs().max()
        assert scale > 0, p
        err = (ours - ref).abs().max() / scale
        assert err < 1e-3, f"{p}: max error {err:.2e} of the largest gradient"


def test_gradients_match_central_finite_differences_on_a_smooth_scene():
    """Directional derivatives of a loss against central differences of the renderer itself.

    Large, faint Gaussians over a small central crop keep every pixel far from the 1/255
    cut-off, the 0.99 clamp and early termination, so the image is smooth in the parameters.
    """
    gen = torch.Generator().manual_seed(7)
    n = 3
    scene = Gaussians(
        means=(torch.rand(n, 3, generator=gen) - 0.5) * 0.2,
        scales=0.3 + 0.2 * torch.rand(n, 3, generator=gen),
        rotations=torch.randn(n, 4, generator=gen),
        opacities=0.3 + 0.3 * torch.rand(n, generator=gen),
        colors=torch.rand(n, 3, generator=gen),
    )
    cam = Camera(c2w=orbit_camera(20.0, 10.0, size=12).c2w,
                 K=torch.tensor([[30.0, 0.0, 6.0], [0.0, 30.0, 6.0], [0.0, 0.0, 1.0]]), width=12, height=12)
    weights = torch.randn(12, 12, 3, generator=gen)

    def loss(g: Gaussians) -> torch.Tensor:
        out = rasterize(g, cam, background=(0.3, 0.3, 0.3))
        return (out.rgb * weights).sum() + out.alpha.sum() + 0.3 * out.depth.sum()

    leaf = _leaf(scene)
    loss(leaf).backward()
    eps = 5e-3
    for p in PARAMS:
        for _ in range(2):
            direction = torch.randn(getattr(scene, p).shape, generator=gen)
            plus = {q: getattr(scene, q) + (eps * direction if q == p else 0) for q in PARAMS}
            minus = {q: getattr(scene, q) - (eps * direction if q == p else 0) for q in PARAMS}
            fd = (loss(Gaussians(**plus)).double() - loss(Gaussians(**minus)).double()) / (2 * eps)
            analytic = (getattr(leaf, p).grad.double() * direction).sum()
            assert abs(fd - analytic) <= 1e-2 * abs(analytic) + 2e-3, f"{p}: fd {fd:.5f} vs analytic {analytic:.5f}"
