"""The input views' low-pass folded into pixel Gaussians' scales (facelift.lrm.footprint)."""

import pytest
import torch

from facelift.cameras import Camera, orbit_camera, ray_directions
from facelift.gaussians import Gaussians
from facelift.lrm import GSLRM, ExportConfig, LRMConfig
from facelift.lrm.footprint import widen_pixel_gaussians
from facelift.render import rasterize

pytestmark = pytest.mark.usefixtures("one_thread")


def test_added_variance_is_the_low_pass_at_each_gaussians_depth_in_its_own_view():
    cams = Camera.stack([orbit_camera(0.0, size=32), orbit_camera(90.0, size=32)])
    o, d = ray_directions(cams)  # (2, 3, 32, 32)
    t = torch.tensor([1.5, 2.5]).view(2, 1, 1, 1)
    means = (o + t * d).permute(0, 2, 3, 1)  # (2, 32, 32, 3) on each view's rays
    scales = torch.full_like(means, 0.01)
    out = widen_pixel_gaussians(means, scales, cams, 0.3)
    forward = cams.c2w[:, :3, 2]
    z = ((means - cams.c2w[:, None, None, :3, 3]) * forward[:, None, None]).sum(-1)
    expected = (0.01 ** 2 + 0.3 * (z / cams.fx.view(2, 1, 1)) ** 2).sqrt()
    assert torch.allclose(out, expected[..., None].expand_as(out), rtol=1e-5)
    # the depth is along the optical axis: the centre pixel's Gaussian sits at z = t
    zc = z[:, 16, 16]
    assert torch.allclose(zc, t.view(2), atol=0.01)
    assert torch.allclose(widen_pixel_gaussians(means, scales, cams, 0.0), scales)


def _pixel_layer(size: int, scale: float) -> tuple[Gaussians, Camera]:
    """One Gaussian per pixel of a front view (opacity 0.9), around the origin."""
    cam = orbit_camera(0.0, size=size)
    o, d = ray_directions(Camera.stack([cam]))  # (1, 3, size, size)
    t = -(o * d).sum(1, keepdim=True)  # each ray's point nearest the origin: about a plane
    means = (o + t * d).permute(0, 2, 3, 1).reshape(-1, 3)
    n = means.shape[0]
    g = Gaussians(means=means, scales=torch.full((n, 3), scale), rotations=torch.tensor([[1.0, 0, 0, 0]]).expand(n, 4),
                  opacities=torch.full((n,), 0.9), colors=torch.zeros(n, 3))
    return g, cam


def test_widened_layer_keeps_its_coverage_when_rendered_finer():
    # Sub-pixel splats look solid at their own resolution only thanks to the renderer's
    # 0.3 px² filter; at 4x the resolution they turn see-through unless widened.
    g, cam = _pixel_layer(16, 1e-4)
    native = float(rasterize(g, cam).alpha[4:12, 4:12].mean())
    fine = float(rasterize(g, cam, width=64, height=64).alpha[16:48, 16:48].mean())
    cams = Camera.stack([cam])
    widened = Gaussians(means=g.means, rotations=g.rotations, opacities=g.opacities, colors=g.colors,
                        scales=widen_pixel_gaussians(g.means.view(1, 16, 16, 3), g.scales.view(1, 16, 16, 3),
                                                     cams, 0.3).reshape(-1, 3))
    fine_widened = float(rasterize(widened, cam, width=64, height=64).alpha[16:48, 16:48].mean())
    assert native > 0.9
    assert fine < native - 0.2
    assert abs(fine_widened - native) < 0.05


def test_reconstruct_widens_pixel_gaussians_only_when_the_export_asks():
    torch.manual_seed(0)
    model = GSLRM(LRMConfig(image_size=16, width=64, layers=1, head_dim=32)).eval()
    cams = Camera.stack([orbit_camera(az, size=16) for az in (0, 90)])
    images = torch.rand(2, 3, 16, 16)
    keep_all = dict(min_opacity=0.0, max_scale=None, floater=None, box_xy=None)
    plain = model.reconstruct(images, cams, export=ExportConfig(**keep_all))
    wide = model.reconstruct(images, cams, export=ExportConfig(**keep_all, input_low_pass=0.3))
    assert torch.equal(plain.means, wide.means)
    free = model.config.num_free_gaussians
    assert torch.equal(plain.scales[:free], wide.scales[:free])
    assert bool((wide.scales[free:] > plain.scales[free:]).all())
