"""Views-fit: a head optimised against posed views at their own resolution."""

import pytest
import torch

from facelift.cameras import Camera, orbit_camera
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.refine.views_fit import ViewsFitConfig, fit_views
from facelift.render import rasterize

pytestmark = pytest.mark.usefixtures("one_thread")


def _blob(seed: int, n: int = 400) -> Gaussians:
    g = torch.Generator().manual_seed(seed)
    return Gaussians(means=(torch.rand(n, 3, generator=g) * 2 - 1) * 0.5, scales=torch.full((n, 3), 0.06),
                     rotations=torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1), opacities=torch.full((n,), 0.8),
                     colors=torch.rand(n, 3, generator=g))


def _psnr(g: Gaussians, cam: Camera, target: torch.Tensor) -> float:
    with torch.no_grad():
        return float(-10 * torch.log10(((rasterize(g, cam).rgb - target) ** 2).mean()))


def test_fit_recovers_colours_seen_in_the_views_and_helps_an_unseen_one():
    truth = _blob(0)
    cams = Camera.stack([orbit_camera(az, el, size=32) for az, el in ((0, 0), (90, 10), (180, 0), (270, -10))])
    images = torch.stack([rasterize(truth, cams[i]).rgb.permute(2, 0, 1) for i in range(4)])
    held = orbit_camera(45.0, 5.0, size=32)
    held_truth = rasterize(truth, held).rgb
    grey = Gaussians(means=truth.means, scales=truth.scales, rotations=truth.rotations, opacities=truth.opacities,
                     colors=torch.full_like(truth.colors, 0.5))
    fitted, report = fit_views(grey, images, cams, config=ViewsFitConfig(iterations=80, lr_color=0.05), progress=False)
    assert report.steps == 80 and sum(report.losses[-5:]) < sum(report.losses[:5])
    assert report.front_psnr_after > report.front_psnr_before + 5.0, report
    assert _psnr(fitted, held, held_truth) > _psnr(grey, held, held_truth) + 3.0
    # geometry stays put: no Gaussian moves further than a few of its own sizes
    assert float((fitted.means - grey.means).norm(dim=-1).max()) < 0.3


def test_zero_iterations_leave_the_head_and_bad_views_are_errors():
    g = _blob(1, 50)
    cams = Camera.stack([orbit_camera(0.0, size=16), orbit_camera(90.0, size=16)])
    images = torch.ones(2, 3, 16, 16)
    same, report = fit_views(g, images, cams, config=ViewsFitConfig(iterations=0), progress=False)
    assert torch.equal(same.colors, g.colors) and report.steps == 0
    with pytest.raises(FaceliftError, match="views must be"):
        fit_views(g, torch.ones(2, 16, 16), cams, progress=False)
    with pytest.raises(FaceliftError, match="3 views but 2 cameras"):
        fit_views(g, torch.ones(3, 3, 16, 16), cams, progress=False)
    with pytest.raises(FaceliftError, match="cameras are for 16x16"):
        fit_views(g, torch.ones(2, 3, 32, 32), cams, progress=False)
