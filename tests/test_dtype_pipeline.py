"""--dtype through the pipeline: the models really run in bf16 when asked, the sampler and the
Gaussians stay fp32, and bf16 reconstructs what fp32 does on the bundled tiny weights."""

import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from facelift.cameras import facelift_cameras, read_transforms
from facelift.errors import FaceliftError
from facelift.pipeline import FaceLiftPipeline
from facelift.weights.locate import bundled_weights_dir
from facelift.render import rasterize


def dtypes_of(module):
    return {p.dtype for p in module.parameters()}


def test_bfloat16_casts_every_model_and_keeps_gaussians_fp32(random_weights, one_thread):
    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu", dtype="bfloat16")
    mv = pipe.mvdiff
    # Stage I: its matrices run in bf16; norms, embeddings and the activations between them fp32.
    seen = {}
    for module in (mv.unet, mv.vae, mv.image_encoder):
        matrices = [m for m in module.modules() if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d))]
        norms = [m for m in module.modules() if isinstance(m, (torch.nn.GroupNorm, torch.nn.LayerNorm))]
        assert matrices and all(dtypes_of(m) == {torch.bfloat16} for m in matrices), type(module).__name__
        assert norms and all(dtypes_of(m) == {torch.float32} for m in norms), type(module).__name__
    mv.unet.conv_in.register_forward_hook(lambda m, a, o: seen.update(conv_in=(a[0].dtype, o.dtype)))
    mv.unet.conv_norm_out.register_forward_hook(lambda m, a, o: seen.update(norm_out=(a[0].dtype, o.dtype)))
    # The GS-LRM's matrices run in bf16; its LayerNorm gains stay fp32 with the residual stream.
    lrm_norms = [m for m in pipe.lrm.modules() if isinstance(m, torch.nn.LayerNorm)]
    assert lrm_norms and all(dtypes_of(m) == {torch.float32} for m in lrm_norms)
    lrm_matrices = [m for m in pipe.lrm.modules() if isinstance(m, torch.nn.Linear)]
    assert all(dtypes_of(m) == {torch.bfloat16} for m in lrm_matrices)
    assert dtypes_of(mv.view_embeddings) == {torch.float32}
    assert pipe.dtypes == {"stage1": "bfloat16", "lrm": "bfloat16"}

    image = Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8))
    latents_seen = []
    step = mv.scheduler.step

    def spy(model_output, t, sample, **kw):
        latents_seen.append((model_output.dtype, sample.dtype))
        return step(model_output, t, sample, **kw)

    mv.scheduler.step = spy
    views = pipe.generate_views(image, seed=0, num_inference_steps=2, guidance_scale=3.0)
    assert len(views) == 6 and all(np.isfinite(np.asarray(v, dtype=np.float32)).all() for v in views)
    assert latents_seen == [(torch.float32, torch.float32)] * 2  # the sampler's arithmetic is fp32
    assert seen == {"conv_in": (torch.bfloat16, torch.float32), "norm_out": (torch.float32, torch.float32)}
    gaussians = pipe.reconstruct_gaussians(views, facelift_cameras(views[0].width))
    for name in ("means", "scales", "rotations", "opacities", "colors"):
        t = getattr(gaussians, name)
        assert t.dtype == torch.float32 and torch.isfinite(t).all(), name


def test_auto_keeps_small_models_fp32_and_bad_dtype_fails_first(random_weights):
    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu", dtype="auto")
    assert pipe.dtypes == {"stage1": "float32", "lrm": "float32"}
    assert dtypes_of(pipe.lrm) == dtypes_of(pipe.mvdiff.unet) == {torch.float32}
    with pytest.raises(FaceliftError, match="dtype must be one of auto, float32, bfloat16"):
        FaceLiftPipeline.from_pretrained("no-such-weights-folder", dtype="fp16")  # before the weights


def test_cli_rejects_a_bad_dtype_in_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "facelift", "reconstruct", "x.jpg", "-o", str(tmp_path / "o"),
                           "--dtype", "half"], capture_output=True, text=True)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "--dtype" in proc.stderr


@pytest.mark.skipif(not (bundled_weights_dir("tiny") / "lrm").is_dir(), reason="bundled tiny weights not here")
def test_bundled_gslrm_bf16_renders_agree_with_fp32(procedural_subject, one_thread):
    subject = procedural_subject(777, random_views=2)
    cams, names, _ = read_transforms(subject / "transforms.json")
    rgba = [np.asarray(Image.open(subject / n).convert("RGBA"), dtype=np.float32) / 255.0 for n in names[:6]]
    views = torch.from_numpy(np.stack([a[..., :3] * a[..., 3:] + 1.0 - a[..., 3:] for a in rgba])).permute(0, 3, 1, 2)
    renders = {}
    for dtype in ("float32", "bfloat16"):
        pipe = FaceLiftPipeline.from_pretrained("tiny", device="cpu", dtype=dtype)
        assert torch.float32 in dtypes_of(pipe.lrm) and getattr(torch, dtype) in dtypes_of(pipe.lrm)
        head = pipe.reconstruct_gaussians(views, cams[:6])
        renders[dtype] = torch.cat([rasterize(head, cams[i]).rgb for i in (6, 7)])
    mse = ((renders["float32"] - renders["bfloat16"]) ** 2).mean().item()
    psnr = -10 * np.log10(max(mse, 1e-12))
    assert psnr >= 35.0, psnr


def test_dpm_solver_keeps_the_noise_schedule_and_samples(random_weights, one_thread):
    from diffusers import DPMSolverMultistepScheduler

    pipe = FaceLiftPipeline.from_pretrained(random_weights, device="cpu", dtype="float32")
    ddim = pipe.mvdiff.scheduler
    pipe.set_scheduler("dpm++")
    dpm = pipe.mvdiff.scheduler
    assert isinstance(dpm, DPMSolverMultistepScheduler)
    assert dpm.config.prediction_type == ddim.config.prediction_type
    assert torch.allclose(dpm.alphas_cumprod, ddim.alphas_cumprod)
    image = Image.fromarray(np.full((64, 64, 3), 200, dtype=np.uint8))
    calls = []
    pipe.mvdiff.unet.register_forward_hook(lambda m, a, o: calls.append(1))
    views = pipe.generate_views(image, seed=0, num_inference_steps=3, guidance_scale=3.0)
    assert len(views) == 6 and len(calls) == 3  # one (batched CFG) UNet call per step
    pipe.set_scheduler("ddim")
    assert pipe.mvdiff.scheduler is ddim
    with pytest.raises(FaceliftError, match="scheduler must be one of ddim, dpm\\+\\+"):
        pipe.set_scheduler("euler")
