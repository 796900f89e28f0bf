"""Paper-scale models on this CPU: fp32 and bf16 side by side in one run, and what ``auto`` picks.

    python benchmarks/bench_paper_cpu.py --size 256 --steps 2 --json out.json
    python benchmarks/bench_paper_cpu.py --size 512 --steps 2 --fp32-lrm-layers 4

Random weights with the release's shapes (speed does not depend on them): Stage I is
SD 2.1-unCLIP's UNet (8 input channels), SD's VAE and a ViT-H/14 CLIP image encoder in a
:class:`FaceLiftMultiViewPipeline`; Stage II the ``paper`` GS-LRM (width 1024, 24 layers). Each
precision runs in its own process (its peak RSS is its own), cast by the pipeline's own
:func:`facelift.pipeline.cast_models`, from identical seeded weights and inputs. Per precision:

* Stage I: one UNet call on fixed inputs (the warm-up; its prediction is compared between the
  precisions), then a real ``--steps``-step 6-view sample with CFG; the 50-step time is
  extrapolated from the measured per-step time (marked ≈).
* GS-LRM: ``reconstruct`` (forward, activations, export filter) on fixed 6×size² views after a
  64² warm-up; the exported Gaussians are rendered with the CPU rasterizer and compared, and so
  are all of them before the export filter (with the number of Gaussians the filter keeps in
  one precision and drops in the other).
  ``--fp32-lrm-layers K`` runs K of the 24 blocks in fp32 and scales the time (marked ≈; no
  render agreement then). ``--autocast`` also times bf16 autocast on fp32 weights.
* End to end: Stage I (50 steps) + GS-LRM, extrapolated when Stage I is.

Throughput is each model's counted FLOPs per second against this machine's measured
2048² matmul rate in the same precision. ``--json OUT`` writes the issue-21 schema.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUM_VIEWS = 6


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def matmul_gflops(dtype_name: str, n: int = 2048, repeats: int = 5) -> float:
    import torch

    from facelift.precision import matmul_seconds

    return 2 * n**3 / matmul_seconds(getattr(torch, dtype_name), n, repeats) / 1e9


# ----------------------------------------------------------------------------- one precision
def build_stage1(size: int):
    import torch
    from diffusers import AutoencoderKL, DDIMScheduler
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    sys.path.insert(0, str(HERE))
    from bench_mvdiff import paper_unet

    from facelift.mvdiff.pipeline import FaceLiftMultiViewPipeline, ViewEmbeddings
    from facelift.mvdiff.tiny import build_feature_extractor, build_image_noising_scheduler, build_image_normalizer

    torch.manual_seed(0)
    unet = paper_unet()
    unet.register_to_config(sample_size=size // 8)
    vae = AutoencoderKL(  # SD's VAE
        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=4, sample_size=size)
    enc = CLIPVisionModelWithProjection(CLIPVisionConfig(  # ViT-H/14
        hidden_size=1280, intermediate_size=5120, num_hidden_layers=32, num_attention_heads=16,
        image_size=224, patch_size=14, projection_dim=1024))
    scheduler = DDIMScheduler(prediction_type="v_prediction", beta_schedule="scaled_linear", beta_start=0.00085,
                              beta_end=0.012, clip_sample=False, set_alpha_to_one=False, steps_offset=1)
    pipe = FaceLiftMultiViewPipeline(
        unet=unet, vae=vae, image_encoder=enc, feature_extractor=build_feature_extractor(224),
        image_normalizer=build_image_normalizer(1024), image_noising_scheduler=build_image_noising_scheduler(),
        scheduler=scheduler, view_embeddings=ViewEmbeddings.from_tensor(torch.randn(NUM_VIEWS, 77, 1024)))
    pipe.set_progress_bar_config(disable=True)
    return pipe


def run_stage1(pipe, size: int, steps: int, out: dict, tensors: dict) -> None:
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    g = torch.Generator().manual_seed(1)
    x = torch.randn(2 * NUM_VIEWS, 8, size // 8, size // 8, generator=g)
    labels = torch.randn(2 * NUM_VIEWS, 2048, generator=g)
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        t = time.perf_counter()
        pred = pipe.unet_forward(x[:, :4], torch.tensor(500), x[::NUM_VIEWS, 4:].contiguous(), labels)
        out["unet_first_call_s"] = time.perf_counter() - t
    out["unet_flops"] = counter.get_total_flops()
    tensors["unet_pred"] = pred.float().contiguous()

    calls = []
    pipe.unet.register_forward_pre_hook(lambda m, a: calls.append([time.perf_counter()]))
    pipe.unet.register_forward_hook(lambda m, a, o: calls[-1].append(time.perf_counter()))
    decode = pipe.decode_latents
    timed = {}

    def timed_decode(latents, *a, **k):
        t0 = time.perf_counter()
        res = decode(latents, *a, **k)
        timed["decode"] = time.perf_counter() - t0
        return res

    pipe.decode_latents = timed_decode
    image = torch.rand(3, size, size, generator=g)
    t = time.perf_counter()
    pipe(image, num_inference_steps=steps, guidance_scale=3.0, generator=torch.Generator().manual_seed(0),
         output_type="pt")
    total = time.perf_counter() - t
    per_step = sum(b - a for a, b in calls) / len(calls)
    out.update(stage1_timed_s=total, stage1_steps=steps, stage1_step_s=per_step, vae_decode_s=timed["decode"],
               stage1_50_s=total + (50 - steps) * per_step)


def run_lrm(size: int, layers: int | None, autocast: bool, dtype_name: str, out: dict, tensors: dict) -> None:
    import torch

    from facelift.cameras import facelift_cameras
    from facelift.lrm import GSLRM, LRM_PRESETS
    from facelift.lrm.config import ExportConfig
    from facelift.lrm.model import transformer_flops
    from facelift.lrm.prune import export_filter, export_mask
    from facelift.render import rasterize

    cfg = LRM_PRESETS.get_preset("paper").model
    full = cfg.layers
    if layers:
        cfg.layers = layers
    torch.manual_seed(0)
    model = GSLRM(cfg).eval()
    if not autocast:
        from facelift.pipeline import cast_models

        cast_models(None, model, dtype_name, torch.device("cpu"))
    out["lrm_params"] = model.num_parameters()
    images = torch.rand(NUM_VIEWS, 3, size, size, generator=torch.Generator().manual_seed(2))
    cams = facelift_cameras(size)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast):
        model.reconstruct(torch.rand(NUM_VIEWS, 3, 64, 64), facelift_cameras(64), autocast=autocast)  # warm-up
        t = time.perf_counter()
        # reconstruct(export=ExportConfig()) in two steps, to keep the unfiltered head as well
        everything = model.reconstruct(images, cams, autocast=autocast)
        head = export_filter(everything, ExportConfig())
        sec = time.perf_counter() - t
    out.update(lrm_s=sec * full / cfg.layers, lrm_layers_run=cfg.layers, lrm_gaussians=len(head),
               lrm_flops=transformer_flops(LRM_PRESETS.get_preset("paper").model, NUM_VIEWS, size, size))
    if cfg.layers == full:
        # Also before the export filter, and which Gaussians it keeps: on random weights many
        # outputs sit at its hard thresholds (opacity, scale, box), so a tiny numeric difference
        # flips a whole splat in or out; the unfiltered renders separate that from the matmuls.
        with torch.no_grad():
            tensors["lrm_renders"] = torch.stack([rasterize(head, cams[i]).rgb for i in (0, 2)]).contiguous()
            tensors["lrm_renders_unfiltered"] = torch.stack(
                [rasterize(everything, cams[i]).rgb for i in (0, 2)]).contiguous()
            tensors["lrm_export_mask"] = export_mask(everything).to(torch.uint8)


def child(args) -> None:
    import torch
    from safetensors.torch import save_file

    from facelift.pipeline import cast_models

    out: dict = {"dtype": args.child, "torch_threads": torch.get_num_threads()}
    tensors: dict = {}
    if args.child.endswith("autocast"):
        run_lrm(args.size, None, True, "float32", out, tensors)
    else:
        if not args.skip_stage1:
            pipe = build_stage1(args.size)
            cast_models(pipe, None, args.child, torch.device("cpu"))
            run_stage1(pipe, args.size, args.steps, out, tensors)
            del pipe
        layers = args.fp32_lrm_layers if args.child == "float32" else None
        run_lrm(args.size, layers, False, args.child, out, tensors)
    out["peak_rss_gb"] = peak_rss_gb()
    if tensors:
        save_file(tensors, str(Path(args.out_dir) / f"{args.child}.safetensors"))
    (Path(args.out_dir) / f"{args.child}.json").write_text(json.dumps(out))


# ------------------------------------------------------------------------------------ parent
def run_child(name: str, args, folder: str) -> tuple[dict, dict]:
    from safetensors.torch import load_file

    cmd = [sys.executable, __file__, "--child", name, "--out-dir", folder, "--size", str(args.size),
           "--steps", str(args.steps)]
    if args.fp32_lrm_layers:
        cmd += ["--fp32-lrm-layers", str(args.fp32_lrm_layers)]
    if args.skip_stage1:
        cmd.append("--skip-stage1")
    print(f"[{time.strftime('%H:%M:%S')}] running {name} ...", file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True)
    res = json.loads((Path(folder) / f"{name}.json").read_text())
    path = Path(folder) / f"{name}.safetensors"
    return res, (load_file(str(path)) if path.exists() else {})


def psnr(a, b) -> float:
    import math

    mse = float(((a - b) ** 2).mean())
    return float("inf") if mse == 0 else -10 * math.log10(mse)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=256, help="square input size (release: 512)")
    parser.add_argument("--steps", type=int, default=2, help="Stage I steps timed (the rest of 50 extrapolated)")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--fp32-lrm-layers", type=int, default=None,
                        help="run only K GS-LRM blocks in fp32 and scale the time (slow CPUs at 512²)")
    parser.add_argument("--autocast", action="store_true", help="also time the GS-LRM under bf16 autocast")
    parser.add_argument("--skip-stage1", action="store_true", help="GS-LRM only")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out-dir", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    import torch

    from facelift.lrm import GSLRM, LRM_PRESETS
    from facelift.precision import choose_dtype, cpu_bf16_check

    check = cpu_bf16_check()
    with torch.device("meta"):
        lrm_params = GSLRM(LRM_PRESETS.get_preset("paper").model).num_parameters()
    auto = str(choose_dtype("auto", "cpu", lrm_params)).removeprefix("torch.")  # Stage I is larger still
    peaks = {d: matmul_gflops(d) for d in ("float32", "bfloat16")}
    load = os.getloadavg()[0]
    print(f"machine: {check['cpu'] or platform.processor()}, bf16 native {check['bf16_native']}, "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads, load average {load:.2f}; matmul "
          f"fp32 {peaks['float32']:.0f} GFLOP/s, bf16 {peaks['bfloat16']:.0f} GFLOP/s; auto picks {auto}",
          flush=True)
    names = ["float32", "bfloat16"] + (["bfloat16_autocast"] if args.autocast else [])
    with tempfile.TemporaryDirectory() as folder:
        runs = {n: run_child(n, args, folder) for n in names}
    # Again after the runs: on a shared machine the best of the two is the nearer to the peak.
    peaks = {d: max(p, matmul_gflops(d)) for d, p in peaks.items()}
    res = {n: r for n, (r, _) in runs.items()}
    ten = {n: t for n, (_, t) in runs.items()}
    fp, bf = res["float32"], res["bfloat16"]
    agreement: dict = {}
    if "lrm_renders" in ten["float32"] and "lrm_renders" in ten["bfloat16"]:
        fp_t, bf_t = ten["float32"], ten["bfloat16"]
        agreement["lrm_render_psnr_db"] = psnr(fp_t["lrm_renders"], bf_t["lrm_renders"])
        agreement["lrm_render_unfiltered_psnr_db"] = psnr(fp_t["lrm_renders_unfiltered"],
                                                          bf_t["lrm_renders_unfiltered"])
        flips = fp_t["lrm_export_mask"] != bf_t["lrm_export_mask"]
        agreement["lrm_export_filter_flips"] = int(flips.sum())
        agreement["lrm_export_filter_flip_share"] = float(flips.float().mean())
    if "unet_pred" in ten["float32"]:
        a, b = ten["bfloat16"]["unet_pred"], ten["float32"]["unet_pred"]
        agreement["unet_step_rel_error"] = float((a - b).norm() / b.norm())

    def by_dtype(key):
        d = {n: res[n][key] for n in ("float32", "bfloat16") if key in res[n]}
        if auto in d:
            d["auto"] = d[auto]
        return d

    e2e = {n: fp_or["stage1_50_s"] + fp_or["lrm_s"] for n, fp_or in (("float32", fp), ("bfloat16", bf))
           if "stage1_50_s" in fp_or}
    if auto in e2e:
        e2e["auto"] = e2e[auto]
    lrm = by_dtype("lrm_s")
    if "bfloat16_autocast" in res:
        lrm["bfloat16_autocast"] = res["bfloat16_autocast"]["lrm_s"]
    report = {
        "machine": {"cpu": check["cpu"] or platform.processor(), "bf16_native": bool(check["bf16_native"]),
                    "matmul_gflops": peaks, "torch": torch.__version__, "threads": torch.get_num_threads(),
                    "load_average_at_start": load},
        "auto_dtype": auto,
        "size": args.size, "steps_timed": args.steps,
        "lrm": lrm,
        "stage1_step": by_dtype("stage1_step_s"),
        "stage1_50_steps": by_dtype("stage1_50_s"),
        "end_to_end": e2e,
        "agreement": agreement,
        "peak_rss_gb": {n: r["peak_rss_gb"] for n, r in res.items()},
        "fraction_of_peak": {},
        "extrapolated": {"stage1_50_steps": args.steps < 50, "end_to_end": args.steps < 50,
                         "lrm_float32": bool(args.fp32_lrm_layers)},
        "raw": res,
    }
    for n in ("float32", "bfloat16"):
        r = res[n]
        frac = {"lrm": r["lrm_flops"] / r["lrm_s"] / 1e9 / peaks[n]}
        if "stage1_step_s" in r:
            frac["unet"] = r["unet_flops"] / r["stage1_step_s"] / 1e9 / peaks[n]
        report["fraction_of_peak"][n] = frac
    print(to_markdown(report))
    if args.json:
        from facelift.atomic import atomic_write_text

        atomic_write_text(args.json, json.dumps(report, indent=2))


def to_markdown(r: dict) -> str:
    s, n = r["size"], r["steps_timed"]
    ex = "≈ " if r["extrapolated"]["stage1_50_steps"] else ""
    lines = [f"| quantity | float32 | bfloat16 | bf16 speed-up |", "|---|---|---|---|"]

    def row(label, d, fmt="{:.1f} s", mark=("", "")):
        if "float32" not in d or "bfloat16" not in d:
            return
        lines.append(f"| {label} | {mark[0]}{fmt.format(d['float32'])} | {mark[1]}{fmt.format(d['bfloat16'])} | "
                     f"{d['float32'] / d['bfloat16']:.1f}× |")

    lrm_mark = ("≈ " if r["extrapolated"]["lrm_float32"] else "", "")
    row(f"GS-LRM 6×{s}² (reconstruct + export)", r["lrm"], mark=lrm_mark)
    row(f"Stage I, one step (6 views × CFG, {s}²)", r["stage1_step"], "{:.2f} s")
    row(f"Stage I, 50 steps ({n} timed)", r["stage1_50_steps"], "{:.0f} s", (ex, ex))
    row("end to end (Stage I 50 steps + GS-LRM)", r["end_to_end"], "{:.0f} s", (ex, ex))
    f = r["fraction_of_peak"]
    lines.append(f"| GS-LRM of matmul peak | {100 * f['float32']['lrm']:.0f}% | {100 * f['bfloat16']['lrm']:.0f}% | |")
    if "unet" in f["float32"]:
        lines.append(f"| UNet of matmul peak | {100 * f['float32']['unet']:.0f}% | {100 * f['bfloat16']['unet']:.0f}% | |")
    m = r["machine"]["matmul_gflops"]
    lines.append(f"| 2048² matmul | {m['float32']:.0f} GFLOP/s | {m['bfloat16']:.0f} GFLOP/s | "
                 f"{m['bfloat16'] / m['float32']:.1f}× |")
    p = r["peak_rss_gb"]
    lines.append(f"| peak RSS | {p['float32']:.1f} GB | {p['bfloat16']:.1f} GB | |")
    if "bfloat16_autocast" in r["lrm"]:
        lines.append(f"| GS-LRM, bf16 autocast on fp32 weights | | {r['lrm']['bfloat16_autocast']:.1f} s | |")
    a = r["agreement"]
    lines.append(f"\nauto picks {r['auto_dtype']}; agreement bf16 vs fp32: "
                 + ", ".join(f"{k} {v:.4g}" for k, v in a.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
