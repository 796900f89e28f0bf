"""Stage I speed: seconds per 6-view sample, peak memory, UNet FLOP/s vs the matmul peak.

    python benchmarks/bench_mvdiff.py                 # tiny (CPU, 50 steps) + paper (one UNet step)
    python benchmarks/bench_mvdiff.py --skip-paper
    python benchmarks/bench_mvdiff.py --pipeline PATH # a trained / release pipeline folder

Weights are random (speed does not depend on them): the ``paper`` UNet is built from
SD 2.1-unCLIP's architecture (865 M parameters, 8 input channels) at 512² (64² latents);
on CPU it runs one UNet call on the CFG batch (2 × 6 views), since a full 50-step sample
would take hours. With CUDA it also times the full 50-step sample in fp16 and bf16
(target ≤ 8 s on one H100). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import gc
import platform
import resource
import time

import torch
from torch.utils.flop_counter import FlopCounterMode

from facelift.mvdiff import build_pipeline
from facelift.mvdiff.attention import install_multiview_attention
from facelift.mvdiff.config import MVDIFF_PRESETS


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def matmul_peak(device: torch.device, dtype: torch.dtype = torch.float32, n: int = 2048, reps: int = 5) -> float:
    """Measured FLOP/s of a large square matmul (the machine's practical peak for this dtype)."""
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    a @ b
    sync(device)
    t = time.perf_counter()
    for _ in range(reps):
        a @ b
    sync(device)
    return 2 * n**3 * reps / (time.perf_counter() - t)


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def unet_flops(unet, *args, **kwargs) -> int:
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        unet(*args, **kwargs)
    return counter.get_total_flops()


def paper_unet(dtype: torch.dtype = torch.float32, num_views: int = 6):
    """SD 2.1-unCLIP's UNet architecture (random weights), 8 input channels, 64² latents."""
    from diffusers import UNet2DConditionModel

    unet = UNet2DConditionModel(
        sample_size=64, in_channels=8, out_channels=4,
        down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
        block_out_channels=(320, 640, 1280, 1280), layers_per_block=2,
        attention_head_dim=(5, 10, 20, 20), cross_attention_dim=1024, use_linear_projection=True,
        class_embed_type="projection", projection_class_embeddings_input_dim=2048,
        flip_sin_to_cos=True, freq_shift=0,
    ).to(dtype).eval()
    install_multiview_attention(unet, num_views, "sparse")
    return unet


def bench_tiny(args, rows: list[str], peak: float) -> None:
    cfg = MVDIFF_PRESETS.get_preset("tiny")
    if args.pipeline:
        from facelift.mvdiff import FaceLiftMultiViewPipeline

        pipe = FaceLiftMultiViewPipeline.from_pretrained(args.pipeline)
    else:
        pipe = build_pipeline(cfg.model)
    pipe.set_progress_bar_config(disable=True)
    size = pipe.image_size
    image = torch.rand(3, size, size)
    pipe(image, num_inference_steps=2, output_type="pt")  # warm-up
    rss0 = peak_rss_gb()
    t = time.perf_counter()
    pipe(image, num_inference_steps=args.steps, guidance_scale=3.0, generator=torch.Generator().manual_seed(0),
         output_type="pt")
    sec = time.perf_counter() - t
    V = pipe.num_views
    h = pipe.unet.config.sample_size
    x = torch.randn(2 * V, 8, h, h)
    ctx = pipe.view_context(2)
    labels = torch.randn(2 * V, pipe.unet.config.projection_class_embeddings_input_dim)
    flops = unet_flops(pipe.unet, x, 500, encoder_hidden_states=ctx, class_labels=labels)
    with torch.no_grad():
        t1 = time.perf_counter()
        for _ in range(3):
            pipe.unet(x, 500, encoder_hidden_states=ctx, class_labels=labels)
        per_call = (time.perf_counter() - t1) / 3
    params = sum(p.numel() for p in pipe.unet.parameters()) / 1e6
    rows.append(f"| tiny ({size}², UNet {params:.1f} M) | CPU fp32 | {args.steps} steps, CFG 3 | "
                f"{sec:.2f} s / sample | {max(rss0, peak_rss_gb()):.2f} GB RSS | "
                f"{flops / per_call / 1e9:.1f} GFLOP/s ({100 * flops / per_call / peak:.0f}% of matmul peak) |")


def bench_paper_cpu(args, rows: list[str], peak: float) -> None:
    V = args.paper_views
    unet = paper_unet(num_views=V)
    gc.collect()
    batch = 2 * V  # one sampler step: both CFG branches of the V views
    x = torch.randn(batch, 8, 64, 64)
    ctx = torch.randn(batch, 77, 1024)
    labels = torch.randn(batch, 2048)
    # One call, timed and FLOP-counted together (a second 512² call costs minutes on a small CPU).
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        t = time.perf_counter()
        unet(x, 500, encoder_hidden_states=ctx, class_labels=labels)
        sec = time.perf_counter() - t
    flops = counter.get_total_flops()
    per_sample = 50 * sec * 6 / V
    params = sum(p.numel() for p in unet.parameters()) / 1e6
    rows.append(f"| paper (512², UNet {params:.0f} M) | CPU fp32 | 1 UNet step, {V} view(s) x CFG (batch {batch}) | "
                f"{sec:.1f} s / step (≈ {per_sample / 60:.0f} min / 6-view 50-step sample) | {peak_rss_gb():.2f} GB RSS | "
                f"{flops / sec / 1e9:.1f} GFLOP/s ({100 * flops / sec / peak:.0f}% of matmul peak) |")


def bench_paper_gpu(args, rows: list[str]) -> None:
    from diffusers import AutoencoderKL, DDIMScheduler

    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline, ViewEmbeddings
    from facelift.mvdiff.tiny import (build_image_noising_scheduler, build_feature_extractor,
                                      build_image_normalizer)
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    device = torch.device("cuda")
    for dtype in (torch.float16, torch.bfloat16):
        peak = matmul_peak(device, dtype, n=8192)
        vae = AutoencoderKL(  # SD's VAE architecture
            down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
            block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=4, sample_size=512,
        )
        enc = CLIPVisionModelWithProjection(CLIPVisionConfig(  # ViT-H/14
            hidden_size=1280, intermediate_size=5120, num_hidden_layers=32, num_attention_heads=16,
            image_size=224, patch_size=14, projection_dim=1024))
        pipe = FaceLiftMultiViewPipeline(
            unet=paper_unet(), vae=vae, image_encoder=enc, feature_extractor=build_feature_extractor(224),
            image_normalizer=build_image_normalizer(1024), image_noising_scheduler=build_image_noising_scheduler(),
            scheduler=DDIMScheduler(prediction_type="v_prediction", beta_schedule="scaled_linear",
                                    beta_start=0.00085, beta_end=0.012, clip_sample=False, set_alpha_to_one=False,
                                    steps_offset=1),
            view_embeddings=ViewEmbeddings.from_tensor(torch.randn(6, 77, 1024)),
        ).to(device, dtype)
        pipe.set_progress_bar_config(disable=True)
        image = torch.rand(3, 512, 512)
        pipe(image, num_inference_steps=2, output_type="pt")
        torch.cuda.reset_peak_memory_stats()
        torch.cuda.synchronize()
        t = time.perf_counter()
        pipe(image, num_inference_steps=50, output_type="pt")
        torch.cuda.synchronize()
        sec = time.perf_counter() - t
        x = torch.randn(12, 8, 64, 64, device=device, dtype=dtype)
        ctx = pipe.view_context(2)
        labels = torch.randn(12, 2048, device=device, dtype=dtype)
        flops = unet_flops(pipe.unet, x, 500, encoder_hidden_states=ctx, class_labels=labels)
        with torch.no_grad():
            torch.cuda.synchronize()
            t1 = time.perf_counter()
            for _ in range(5):
                pipe.unet(x, 500, encoder_hidden_states=ctx, class_labels=labels)
            torch.cuda.synchronize()
            per = (time.perf_counter() - t1) / 5
        rows.append(f"| paper (512²) | {torch.cuda.get_device_name()} {str(dtype).split('.')[-1]} | 50 steps, CFG 3 | "
                    f"{sec:.2f} s / sample | {torch.cuda.max_memory_allocated() / 1024**3:.1f} GB | "
                    f"{flops / per / 1e12:.0f} TFLOP/s ({100 * flops / per / peak:.0f}% of matmul peak) |")
        del pipe
        torch.cuda.empty_cache()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--skip-paper", action="store_true")
    parser.add_argument("--paper-views", type=int, default=6,
                        help="views in the paper CPU step (6 = a real step; 1 on a slow CPU, scaled to 6 in the table)")
    parser.add_argument("--pipeline", default=None, help="tiny pipeline folder to time instead of random weights")
    args = parser.parse_args()
    cpu = torch.device("cpu")
    peak = matmul_peak(cpu)
    print(f"machine: {platform.processor() or platform.machine()}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; fp32 matmul peak {peak / 1e9:.1f} GFLOP/s")
    rows = ["| model | device | work | time | peak memory | UNet throughput |", "|---|---|---|---|---|---|"]
    bench_tiny(args, rows, peak)
    if not args.skip_paper:
        bench_paper_cpu(args, rows, peak)
        if torch.cuda.is_available():
            bench_paper_gpu(args, rows)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
