"""GS-LRM model: release-compatible shapes, pixel-aligned centres, activations, save/load."""

import math

import pytest
import torch

from facelift.cameras import Camera, facelift_cameras, orbit_camera, ray_directions
from facelift.errors import FaceliftError
from facelift.gaussians import Gaussians
from facelift.lrm import GSLRM, LRM_PRESETS, ExportConfig, LRMConfig, export_filter, export_mask
from facelift.lrm.convert import ours_key_to_release
from facelift.lrm.model import transformer_flops

TINY = LRMConfig(image_size=16, width=64, layers=2, head_dim=32)

pytestmark = pytest.mark.usefixtures("one_thread")



def _release_shapes(D=1024, layers=24, p=8):
    """The public release's GS-LRM model keys and shapes (SPEC §2, issue 4)."""
    shapes = {
        "patch_embedder.1.weight": (D, 9 * p * p),
        "gaussian_position_embeddings": (2, D),
        "input_layer_norm.weight": (D,),
        "gaussian_upsampler.layernorm.weight": (D,),
        "gaussian_upsampler.linear.weight": (14, D),
        "pixel_gaussian_decoder.0.weight": (D,),
        "pixel_gaussian_decoder.1.weight": (p * p * 14, D),
    }
    for i in range(layers):
        shapes[f"transformer_layers.{i}.norm1.weight"] = (D,)
        shapes[f"transformer_layers.{i}.norm2.weight"] = (D,)
        shapes[f"transformer_layers.{i}.attn.to_qkv.weight"] = (3 * D, D)
        shapes[f"transformer_layers.{i}.attn.fc.weight"] = (D, D)
        shapes[f"transformer_layers.{i}.mlp.mlp.0.weight"] = (4 * D, D)
        shapes[f"transformer_layers.{i}.mlp.mlp.2.weight"] = (D, 4 * D)
    return shapes


def test_paper_preset_parameter_shapes_match_the_release_key_list():
    cfg = LRM_PRESETS.get_preset("paper").model
    assert (cfg.image_size, cfg.width, cfg.layers, cfg.heads, cfg.head_dim) == (512, 1024, 24, 16, 64)
    with torch.device("meta"):  # shapes only: no 0.3 B parameters allocated
        model = GSLRM(cfg)
    ours = {ours_key_to_release(k): tuple(v.shape) for k, v in model.state_dict().items()}
    assert ours == _release_shapes()
    assert 0.29e9 < model.num_parameters() < 0.32e9


def _cams(n, size):
    return Camera.stack([orbit_camera(az, el, size=size) for az, el in
                         zip([0, 70, 160, 250, 300, 30][:n], [0, 10, -15, 5, 20, -5][:n])])


def test_every_pixel_gaussian_lies_on_its_pixel_ray():
    torch.manual_seed(0)
    model = GSLRM(TINY).eval()
    cams = _cams(3, 16)
    out = model(torch.rand(3, 3, 16, 16), cams)
    origins, dirs = ray_directions(cams)  # (V, 3, H, W)
    o, d = origins.permute(0, 2, 3, 1), dirs.permute(0, 2, 3, 1)
    centres = out.pixel("means")[0]  # (V, H, W, 3)
    offset = centres - o
    t = (offset * d).sum(-1)
    assert torch.allclose(offset, t[..., None] * d, atol=1e-5)  # no component across the ray
    assert torch.allclose(t, out.depths[0], atol=1e-5)
    # t stays within ±1.8 of the ray's point nearest the origin
    t_near = -(o * d).sum(-1)
    assert ((t - t_near).abs() <= 1.8 + 1e-5).all()


def test_zero_decoder_gives_the_documented_activation_offsets():
    model = GSLRM(TINY).eval()
    torch.nn.init.zeros_(model.pixel_head.linear.weight)
    torch.nn.init.zeros_(model.free_head.linear.weight)
    cams = _cams(2, 16)
    out = model(torch.rand(2, 3, 16, 16), cams)
    origins, dirs = ray_directions(cams)
    nearest = (origins - (origins * dirs).sum(1, keepdim=True) * dirs).permute(0, 2, 3, 1)
    assert torch.allclose(out.pixel("means")[0], nearest, atol=1e-5)  # σ(0)·2 − 1 = 0
    assert torch.allclose(out.scales, torch.full_like(out.scales, math.exp(-2.3)))
    assert torch.allclose(out.opacities, torch.full_like(out.opacities, 1 / (1 + math.exp(2.0))))
    assert torch.allclose(out.colors, torch.full_like(out.colors, 0.5))


def test_color_residual_starts_each_pixel_gaussian_at_its_input_colour():
    from dataclasses import replace

    model = GSLRM(replace(TINY, color_residual=True)).eval()
    torch.nn.init.zeros_(model.pixel_head.linear.weight)
    torch.nn.init.zeros_(model.free_head.linear.weight)
    images = torch.rand(2, 3, 16, 16)
    out = model(images, _cams(2, 16))
    assert torch.allclose(out.pixel("colors")[0], images.permute(0, 2, 3, 1), atol=1e-6)
    assert torch.allclose(out.colors[0, :2], torch.full((2, 3), 0.5))  # free Gaussians: no pixel
    # the SH-DC output is an offset on top of the pixel: a raw +1 raises the colour by C0
    from facelift.cameras import ray_directions
    from facelift.gaussians import SH_C0

    o, d = ray_directions(_cams(2, 16))
    pix_raw = torch.zeros(1, 2, 16, 16, 14)
    pix_raw[..., 3] = 1.0
    act = model._activate(torch.zeros(1, 2, 14), pix_raw, o[None], d[None], images[None])
    expected = images.permute(0, 2, 3, 1).clone()
    expected[..., 0] += SH_C0
    assert torch.allclose(act.pixel("colors")[0], expected, atol=1e-6)


def test_outputs_are_finite_and_within_activation_ranges_for_random_inputs():
    torch.manual_seed(1)
    model = GSLRM(TINY)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(50.0)  # provoke large raw values
    cam = orbit_camera(20, 5, size=(24, 16))  # one view, non-square 24x16, batch of 2
    cams = Camera(c2w=cam.c2w.expand(2, 1, 4, 4), K=cam.K.expand(2, 1, 3, 3), width=24, height=16)
    out = model(torch.rand(2, 1, 3, 16, 24), cams)
    for t in (out.means, out.scales, out.rotations, out.opacities, out.colors):
        assert torch.isfinite(t).all()
    assert out.means.shape == (2, 2 + 16 * 24, 3)
    assert (out.scales <= math.exp(-1.2) + 1e-6).all() and (out.scales > 0).all()
    assert ((out.opacities >= 0) & (out.opacities <= 1)).all()
    assert torch.allclose(out.rotations.norm(dim=-1), torch.ones(2, 2 + 16 * 24), atol=1e-5)


def test_any_view_count_and_size_divisible_by_the_patch():
    model = GSLRM(TINY).eval()
    for views, size in ((1, 8), (6, 16), (2, 32)):
        g = model.reconstruct(torch.rand(views, 3, size, size), facelift_cameras(size)[:views])
        assert isinstance(g, Gaussians) and len(g) == 2 + views * size * size


def test_bad_inputs_are_clear_errors():
    model = GSLRM(TINY)
    with pytest.raises(FaceliftError, match="multiple of the patch size"):
        model(torch.rand(1, 3, 12, 12), _cams(1, 12))
    with pytest.raises(FaceliftError, match="cameras"):
        model(torch.rand(2, 3, 16, 16), _cams(3, 16))
    with pytest.raises(FaceliftError, match="16x16"):
        model(torch.rand(2, 3, 16, 16), _cams(2, 32))
    with pytest.raises(FaceliftError, match="multiple"):
        GSLRM(LRMConfig(width=100, head_dim=64))


def test_gradient_checkpointing_matches_plain_backward():
    torch.manual_seed(2)
    plain = GSLRM(TINY).train()
    ckpt = GSLRM(LRMConfig(**{**TINY.__dict__, "grad_checkpoint": True})).train()
    ckpt.load_state_dict(plain.state_dict())
    imgs, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    grads = []
    for model in (plain, ckpt):
        out = model(imgs, cams)
        (out.means.square().mean() + out.colors.mean()).backward()
        grads.append(model.blocks[0].attn.qkv.weight.grad.clone())
    assert torch.allclose(grads[0], grads[1], atol=1e-6)


def test_bf16_autocast_on_cpu_stays_close_to_fp32():
    torch.manual_seed(3)
    model = GSLRM(TINY).eval()
    imgs, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    ref = model.reconstruct(imgs, cams, autocast=False)
    low = model.reconstruct(imgs, cams, autocast=True)
    assert low.means.dtype == torch.float32 and torch.isfinite(low.means).all()
    assert (low.means - ref.means).abs().max() < 0.05


def test_bf16_cast_keeps_the_residual_stream_and_norms_in_float32():
    torch.manual_seed(5)
    cfg = LRMConfig(image_size=16, width=64, layers=8, head_dim=32)
    ref_model = GSLRM(cfg).eval()
    x = ref_model.posed_input(*GSLRM._batched(torch.rand(2, 3, 16, 16), _cams(2, 16)))[0]
    with torch.no_grad():
        ref = torch.cat([t.flatten() for t in ref_model.raw_outputs(x)])
        errors = {}
        for how in ("cast", "everything", "bf16 stream"):
            model = GSLRM(cfg).eval()
            model.load_state_dict(ref_model.state_dict())
            if how == "cast":
                model.cast(torch.bfloat16)
                assert {m.weight.dtype for m in model.modules() if isinstance(m, torch.nn.LayerNorm)} == {torch.float32}
                assert model.blocks[0].attn.qkv.weight.dtype == torch.bfloat16
                seen = []
                model.blocks[3].register_forward_hook(lambda mod, args, out: seen.append((args[0].dtype, out.dtype)))
            else:
                model.to(torch.bfloat16)  # still runs: the LayerNorms compute in float32 anyway
            if how == "bf16 stream":  # what the stream was before: rounded to bf16 between blocks
                for block in model.blocks:
                    block.register_forward_hook(lambda mod, args, out: out.to(torch.bfloat16).float())
            low = torch.cat([t.flatten() for t in model.raw_outputs(x)])
            assert low.dtype == torch.float32 and torch.isfinite(low).all()
            errors[how] = ((low - ref).norm() / ref.norm()).item()
    assert seen == [(torch.float32, torch.float32)]
    assert errors["cast"] < 0.01 and errors["everything"] < 0.01, errors
    assert errors["cast"] < 0.8 * errors["bf16 stream"], errors


def test_save_then_load_gives_identical_outputs(tmp_path):
    torch.manual_seed(4)
    model = GSLRM(TINY).eval()
    imgs, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    model.save_pretrained(tmp_path / "m")
    loaded = GSLRM.from_pretrained(tmp_path / "m").eval()
    assert loaded.config == model.config
    a, b = model(imgs, cams), loaded(imgs, cams)
    assert torch.equal(a.means, b.means) and torch.equal(a.colors, b.colors)
    with pytest.raises(FaceliftError, match="no such file or folder"):
        GSLRM.from_pretrained(tmp_path / "missing.safetensors", config=TINY)


def test_from_pretrained_accepts_a_pipeline_folder_and_the_bundled_name(tmp_path):
    from facelift.weights.locate import bundled_weights_dir

    torch.manual_seed(6)
    model = GSLRM(TINY).eval()
    model.save_pretrained(tmp_path / "pipe" / "lrm")  # a pipeline weights folder: mvdiff/ + lrm/
    (tmp_path / "pipe" / "mvdiff").mkdir()
    loaded = GSLRM.from_pretrained(tmp_path / "pipe").eval()
    imgs, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    assert torch.equal(model(imgs, cams).means, loaded(imgs, cams).means)
    bundled = GSLRM.from_pretrained("tiny")
    direct = GSLRM.from_pretrained(bundled_weights_dir("tiny") / "lrm")
    assert bundled.config == direct.config
    assert all(torch.equal(p, q) for p, q in zip(bundled.parameters(), direct.parameters()))


def test_half_precision_storage_halves_the_file_and_loads_into_fp32(tmp_path):
    from safetensors.torch import load_file

    torch.manual_seed(5)
    model = GSLRM(TINY).eval()
    model.save_pretrained(tmp_path / "full")
    model.save_pretrained(tmp_path / "half", dtype=torch.float16)
    full, half = (tmp_path / "full" / "model.safetensors"), (tmp_path / "half" / "model.safetensors")
    assert all(v.dtype == torch.float16 for v in load_file(str(half)).values())
    assert half.stat().st_size < 0.52 * full.stat().st_size
    loaded = GSLRM.from_pretrained(tmp_path / "half").eval()
    assert all(p.dtype == torch.float32 for p in loaded.parameters())
    for p, q in zip(model.parameters(), loaded.parameters()):
        assert torch.equal(p.half().float(), q)  # exactly the fp16-rounded weights
    imgs, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    assert torch.allclose(model(imgs, cams).colors, loaded(imgs, cams).colors, atol=1e-2)


def test_clip_xyz_clamps_pixel_centres_to_the_head_box_in_training_only():
    from dataclasses import replace

    assert LRMConfig().clip_xyz is False  # the release's gate never lets its clamp act
    torch.manual_seed(5)
    model = GSLRM(replace(TINY, clip_xyz=True))
    x, cams = torch.rand(2, 3, 16, 16), _cams(2, 16)
    assert model.train()(x, cams).pixel("means").abs().max() <= 1.0
    assert model.eval()(x, cams).pixel("means").abs().max() > 1.0


def test_export_filter_release_defaults():
    n = 6
    g = Gaussians(
        means=torch.tensor([[0.0, 0, 0], [0.0, 0, 0], [0.0, 0, -0.5], [0.0, 0, 0.5], [0.8, -0.8, -0.9], [0.95, 0, 0]]),
        scales=torch.tensor([[0.01] * 3, [0.01] * 3, [0.3] * 3, [0.3] * 3, [0.01] * 3, [0.01] * 3]),
        rotations=torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1),
        opacities=torch.tensor([0.5, 0.03, 0.5, 0.5, 0.5, 0.5]),
        colors=torch.zeros(n, 3),
    )
    # kept: 0 (normal), 3 (large but in the upper half); dropped: 1 (faint), 2 (large, low),
    # 4 (corner floater below), 5 (outside the ±0.91 box)
    assert export_mask(g).tolist() == [True, False, False, True, False, False]
    assert len(export_filter(g)) == 2
    everything = ExportConfig(min_opacity=0.0, max_scale=None, floater=None, box_xy=None)
    assert len(export_filter(g, everything)) == n


def test_flop_count_of_the_paper_transformer_is_about_the_known_figure():
    cfg = LRM_PRESETS.get_preset("paper").model
    flops = transformer_flops(cfg, 6, 512, 512)
    # 24 layers × (24·L·D² + 4·L²·D) with L = 6·64² + 2 tokens: ≈ 75 TFLOP (attention dominates)
    L, D = 6 * 64 * 64 + 2, 1024
    assert flops == pytest.approx(24 * (24 * L * D * D + 4 * L * L * D), rel=0.02)
