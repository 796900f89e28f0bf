"""The gsplat CUDA backend against the CPU backend (needs CUDA and gsplat; skipped otherwise)."""

import pytest
import torch

from facelift.cameras import orbit_camera
from facelift.gaussians import Gaussians
from facelift.render import gsplat_available, rasterize
from test_render_reference import off_centre_camera, random_scene

if not torch.cuda.is_available():
    pytest.skip("gsplat backend needs a CUDA device; none is available", allow_module_level=True)
if not gsplat_available():
    pytest.skip("gsplat backend needs the gsplat package (pip install 'facelift[cuda]')", allow_module_level=True)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gsplat_backend_matches_cpu_backend_on_random_scenes(seed):
    scene = random_scene(200, seed, spread=0.5, scale=0.04)
    cam = [orbit_camera(0.0, size=64), orbit_camera(60.0, 15.0, size=(80, 48)), off_centre_camera(72, 56)][seed]
    cpu = rasterize(scene, cam, background=(0.2, 0.4, 0.6), backend="cpu")
    gpu = rasterize(scene.to("cuda"), cam.to("cuda"), background=(0.2, 0.4, 0.6), backend="gsplat")
    assert gpu.rgb.device.type == "cuda"
    assert (gpu.rgb.cpu() - cpu.rgb).abs().max() < 1e-3
    assert (gpu.alpha.cpu() - cpu.alpha).abs().max() < 1e-3


def test_auto_backend_picks_gsplat_for_cuda_tensors_and_is_differentiable():
    scene = random_scene(50, 3).to("cuda")
    leaves = Gaussians(**{k: getattr(scene, k).clone().requires_grad_(True)
                          for k in ("means", "scales", "rotations", "opacities", "colors")})
    out = rasterize(leaves, orbit_camera(0.0, size=32))
    assert out.rgb.device.type == "cuda"
    out.rgb.sum().backward()
    assert torch.isfinite(leaves.means.grad).all() and leaves.means.grad.abs().sum() > 0
