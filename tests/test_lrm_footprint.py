"""The input views' low-pass folded into Gaussians' scales (facelift.lrm.footprint)."""

import pytest
import torch

from facelift.cameras import Camera, orbit_camera, ray_directions
from facelift.gaussians import Gaussians
from facelift.lrm import GSLRM, ExportConfig, LRMConfig
from facelift.lrm.footprint import footprint_variance, narrow_from_input_footprint, widen_to_input_footprint
from facelift.render import rasterize

pytestmark = pytest.mark.usefixtures("one_thread")


def _layer(cam: Camera, t: float, scale: float) -> Gaussians:
    """One Gaussian per pixel of ``cam`` at distance ``t`` along its ray (opacity 0.9)."""
    o, d = ray_directions(Camera.stack([cam]))  # (1, 3, H, W)
    means = (o + t * d).permute(0, 2, 3, 1).reshape(-1, 3)
    n = means.shape[0]
    return Gaussians(means=means, scales=torch.full((n, 3), scale), rotations=torch.tensor([[1.0, 0, 0, 0]]).expand(n, 4),
                     opacities=torch.full((n,), 0.9), colors=torch.zeros(n, 3))


def test_variance_is_the_low_pass_at_the_depth_in_the_nearest_camera():
    front, side = orbit_camera(0.0, size=32), orbit_camera(90.0, size=32)
    cams = Camera.stack([front, side])
    g = _layer(front, 1.5, 0.01)  # in front of the front camera, far from the side one
    v = footprint_variance(g.means, cams, 0.3)
    fwd, centre = front.c2w[:3, 2], front.c2w[:3, 3]
    z = ((g.means - centre) * fwd).sum(-1)
    assert torch.allclose(v, 0.3 * (z / front.fx) ** 2, rtol=1e-5)
    centre_pixel = 16 * 32 + 16
    assert float(z[centre_pixel]) == pytest.approx(1.5, abs=0.01)  # depth along the optical axis
    wide = widen_to_input_footprint(g, cams, 0.3)
    assert torch.allclose(wide.scales, (0.01 ** 2 + v[:, None]).sqrt().expand(-1, 3))
    assert torch.equal(wide.means, g.means) and torch.equal(wide.opacities, g.opacities)
    # undone exactly; a start index leaves the first Gaussians alone; 0 px² changes nothing
    assert torch.allclose(narrow_from_input_footprint(wide, cams, 0.3).scales, g.scales, rtol=1e-4)
    part = widen_to_input_footprint(g, cams, 0.3, start=100)
    assert torch.equal(part.scales[:100], g.scales[:100]) and torch.allclose(part.scales[100:], wide.scales[100:])
    assert torch.equal(widen_to_input_footprint(g, cams, 0.0).scales, g.scales)


def test_widened_layer_keeps_its_coverage_when_rendered_finer():
    # Sub-pixel splats look solid at their own resolution only thanks to the renderer's
    # 0.3 px² filter; at 4x the resolution they turn see-through unless widened.
    cam = orbit_camera(0.0, size=16)
    g = _layer(cam, 2.7, 1e-4)
    native = float(rasterize(g, cam).alpha[4:12, 4:12].mean())
    fine = float(rasterize(g, cam, width=64, height=64).alpha[16:48, 16:48].mean())
    widened = widen_to_input_footprint(g, Camera.stack([cam]), 0.3)
    fine_widened = float(rasterize(widened, cam, width=64, height=64).alpha[16:48, 16:48].mean())
    assert native > 0.9
    assert fine < native - 0.2
    assert abs(fine_widened - native) < 0.05


def test_reconstruct_widens_only_when_the_export_asks():
    torch.manual_seed(0)
    model = GSLRM(LRMConfig(image_size=16, width=64, layers=1, head_dim=32)).eval()
    cams = Camera.stack([orbit_camera(az, size=16) for az in (0, 90)])
    images = torch.rand(2, 3, 16, 16)
    keep_all = dict(min_opacity=0.0, max_scale=None, floater=None, box_xy=None)
    plain = model.reconstruct(images, cams, export=ExportConfig(**keep_all))
    wide = model.reconstruct(images, cams, export=ExportConfig(**keep_all, input_low_pass=0.3))
    assert torch.equal(plain.means, wide.means)
    assert bool((wide.scales > plain.scales).all())
    assert torch.allclose(wide.scales, widen_to_input_footprint(plain, cams, 0.3).scales)


def test_after_photo_fit_stage2_splats_take_the_footprint_their_distance_to_the_outline_allows():
    from scipy import ndimage

    from facelift.cameras import facelift_cameras
    from facelift.refine import FOOTPRINT_CLEARANCE_SIGMAS, FitReport, RefineResult, widen_behind_photo

    rig = facelift_cameras(64)
    front = orbit_camera(0.0, size=(128, 128))
    g = _layer(front, 2.7, 1e-3)  # one Gaussian per front pixel, on a plane through the origin
    n_layer = 100
    mask = torch.zeros(128, 128)
    mask[24:104, 24:104] = 1.0  # an 80 px square silhouette
    result = RefineResult(g, FitReport(), n_layer, True)
    out = widen_behind_photo(result, mask.numpy(), rig, 0.3)
    assert torch.equal(out.scales[:n_layer], g.scales[:n_layer])  # the photo layer is left alone
    full = widen_to_input_footprint(g, rig, 0.3, start=n_layer).scales[n_layer:]
    px = torch.arange(n_layer, 128 * 128)
    u, v = px % 128, px // 128
    # Front pixels of the footprint: 0.3 px² of the 64² rig is 0.3·2² px² at 128²; the
    # Gaussian's own front size is 1e-3 · f / z, well under a pixel.
    K = FOOTPRINT_CLEARANCE_SIGMAS
    deep_px = int(K * (0.3 * 4 + 0.1) ** 0.5) + 2
    deep = (u >= 24 + deep_px) & (u < 104 - deep_px) & (v >= 24 + deep_px) & (v < 104 - deep_px)
    outside = (u < 24) | (u >= 104) | (v < 24) | (v >= 104)
    assert torch.allclose(out.scales[n_layer:][deep], full[deep])
    assert torch.equal(out.scales[n_layer:][outside], g.scales[n_layer:][outside])
    # between the two each takes the share its distance d to the outline allows:
    # own² + share · c = (d / K)², c the footprint's variance in front pixels
    edge = ~deep & ~outside
    gained = (out.scales[n_layer:] ** 2 - g.scales[n_layer:] ** 2)[:, 0]
    share = gained / (full ** 2 - g.scales[n_layer:] ** 2)[:, 0]
    inside_px = torch.from_numpy(ndimage.distance_transform_edt(mask.numpy() > 0.5)).float()[v, u]
    fx = float(front.fx)
    w2c = front.w2c.float()
    z = (g.means[n_layer:] @ w2c[:3, :3].T + w2c[:3, 3])[:, 2]  # camera depth
    own = (1e-3 * fx / z) ** 2
    c = (full[:, 0] ** 2 - g.scales[n_layer:, 0] ** 2) * (fx / z) ** 2
    expected = (((inside_px / K) ** 2 - own) / c).clamp(0, 1)
    assert torch.allclose(share[edge], expected[edge], atol=0.05), float((share - expected)[edge].abs().max())
    assert 0.2 < float(share[edge].min()) < 0.9  # partial shares near the outline
    s_front = out.scales[n_layer:, 0] * fx / z
    assert bool((s_front[edge] * K <= inside_px[edge] * 1.05).all())
