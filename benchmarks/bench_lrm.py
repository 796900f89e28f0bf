"""Stage II (GS-LRM) benchmarks: forward time, peak memory, achieved FLOP/s, training speed.

Each measurement runs in its own subprocess, so its peak resident memory (``ru_maxrss``) is
its own. The transformer's FLOP/s is reported as a fraction of this machine's fp32 matmul
peak, measured in the same run. The paper preset at 512² is ~29 TFLOP per reconstruction,
too slow on a small CPU: with ``--paper-layers N`` it runs N of the 24 blocks and scales the
time by 24/N (reported as extrapolated; memory is then a lower bound).

    python benchmarks/bench_lrm.py                       # CPU table (markdown)
    python benchmarks/bench_lrm.py --paper-layers 2      # faster paper-scale estimate
    python benchmarks/bench_lrm.py --gpu                 # adds bf16 paper 6×512² on CUDA
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time


def matmul_peak(device: str = "cpu", n: int = 2048, dtype: str = "float32", repeat: int = 5) -> float:
    """Best FLOP/s of an n×n×n matmul."""
    import torch

    dt = getattr(torch, dtype)
    a = torch.randn(n, n, device=device, dtype=dt)
    b = torch.randn(n, n, device=device, dtype=dt)
    best = float("inf")
    for _ in range(repeat + 1):
        if device == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        a @ b
        if device == "cuda":
            torch.cuda.synchronize()
        best = min(best, time.perf_counter() - t)
    return 2 * n**3 / best


def _one(spec: dict) -> dict:
    import resource

    import torch

    from facelift.cameras import facelift_cameras
    from facelift.lrm import GSLRM, LRM_PRESETS
    from facelift.lrm.model import transformer_flops

    torch.manual_seed(0)
    cfg = LRM_PRESETS.get_preset(spec["preset"]).model
    full_layers = cfg.layers
    with torch.device("meta"):
        full_params = GSLRM(cfg).num_parameters()
    full_flops = transformer_flops(cfg, spec["views"], spec["size"], spec["size"])
    if spec.get("layers"):
        cfg.layers = spec["layers"]
    device = spec.get("device", "cpu")
    size, views = spec["size"], spec["views"]
    model = GSLRM(cfg).to(device).eval()
    images = torch.rand(views, 3, size, size, device=device)
    cams = facelift_cameras(size)[:views]
    amp = spec.get("bf16", False)
    times = []
    for _ in range(spec.get("repeat", 2) + 1):
        if device == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        with torch.no_grad(), torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=amp):
            model(images, cams)
        if device == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - t)
    best = min(times[1:]) if len(times) > 1 else times[0]  # the first call warms up
    scale = full_layers / cfg.layers
    flops = transformer_flops(cfg, views, size, size)  # of the layers actually run
    out = {
        **spec,
        "seconds": best * scale,
        "extrapolated": scale != 1,
        "tflop": full_flops / 1e12,
        "flops_per_s": flops / best,
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
        "params_m": full_params / 1e6,
    }
    if device == "cuda":
        out["peak_gpu_gb"] = torch.cuda.max_memory_allocated() / 2**30
    return out


def _train_speed(steps: int) -> dict:
    """Steps/s of the tiny preset's full training step (forward, 8 renders, backward, AdamW)."""
    import resource

    import torch

    from facelift.cameras import Camera, facelift_cameras, orbit_camera
    from facelift.lrm import GSLRM, LRM_PRESETS
    from facelift.train.harness import build_optimizer
    from facelift.train.lrm import render_views
    from facelift.train.losses import ImageLoss

    cfg = LRM_PRESETS.get_preset("tiny")
    m = cfg.model
    model = GSLRM(m).train()
    opt = build_optimizer(model, cfg.optim)
    loss_fn = ImageLoss(cfg.loss.l2, cfg.loss.perceptual, cfg.loss.ssim)
    B, Vi, Vt, S = cfg.batch_size, cfg.num_input_views, cfg.num_target_views, m.image_size
    inputs = torch.rand(B, Vi, 3, S, S)
    in_cams = Camera.stack([facelift_cameras(S)] * B)
    tg_cams = Camera.stack([Camera.stack([orbit_camera(40.0 * i + 10 * b, 10.0, size=S) for i in range(Vt)])
                            for b in range(B)])
    targets = torch.rand(B * Vt, 3, S, S)
    times = []
    for _ in range(steps + 1):
        t = time.perf_counter()
        out = model(inputs, in_cams)
        pred, _ = render_views(out, tg_cams, cfg.background)
        loss = loss_fn(pred.reshape(B * Vt, 3, S, S), targets).total
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        times.append(time.perf_counter() - t)
    per = sorted(times[1:])[len(times[1:]) // 2]
    return {"what": "train", "preset": "tiny", "size": S, "batch": B, "views": f"{Vi} in + {Vt} sup.",
            "steps_per_s": 1.0 / per, "seconds_per_step": per,
            "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20}


def _run_child(spec: dict) -> dict:
    res = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"benchmark {spec} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--paper-layers", type=int, default=24, help="paper blocks actually run (time scaled to 24)")
    ap.add_argument("--skip-512", action="store_true", help="skip the paper preset at 512² on CPU")
    ap.add_argument("--train-steps", type=int, default=10)
    ap.add_argument("--gpu", action="store_true", help="also time the paper preset 6×512² bf16 on CUDA")
    args = ap.parse_args()
    if args.child:
        spec = json.loads(args.child)
        print(json.dumps(_train_speed(spec["steps"]) if spec.get("what") == "train" else _one(spec)))
        return

    import torch

    peak = matmul_peak()
    print(f"CPU fp32 matmul peak: {peak / 1e9:.1f} GFLOP/s ({torch.get_num_threads()} threads)", file=sys.stderr)
    layers = args.paper_layers if args.paper_layers < 24 else None
    specs = [{"preset": "tiny", "size": 64, "views": 6},
             {"preset": "paper", "size": 256, "views": 6, "layers": layers, "repeat": 1}]
    if not args.skip_512:
        specs.append({"preset": "paper", "size": 512, "views": 6, "layers": layers, "repeat": 1})
    rows = []
    for spec in specs:
        r = _run_child(spec)
        print(f"done {json.dumps(r)}", file=sys.stderr, flush=True)  # partial results survive a kill
        rows.append(r)
    train = _run_child({"what": "train", "steps": args.train_steps})
    print(f"done {json.dumps(train)}", file=sys.stderr, flush=True)

    print(f"\nCPU fp32 matmul peak: {peak / 1e9:.1f} GFLOP/s, {torch.get_num_threads()} threads\n")
    print("| preset | input | params | transformer TFLOP | forward (s) | GFLOP/s | of matmul peak | peak RSS (GB) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        note = " (extrapolated from %d layers)" % r["layers"] if r["extrapolated"] else ""
        rss = f"{r['peak_rss_gb']:.2f}" + (" (≥, partial model)" if r["extrapolated"] else "")
        print(f"| {r['preset']} | {r['views']}×{r['size']}² | {r['params_m']:.1f} M | {r['tflop']:.3g} | "
              f"{r['seconds']:.3f}{note} | {r['flops_per_s'] / 1e9:.1f} | {r['flops_per_s'] / peak:.0%} | {rss} |")
    print(f"\nTraining, tiny preset ({train['size']}², batch {train['batch']}, {train['views']} views, CPU "
          f"rasteriser): {train['steps_per_s']:.2f} steps/s ({train['seconds_per_step']:.2f} s/step), "
          f"peak RSS {train['peak_rss_gb']:.2f} GB")

    if args.gpu:
        if not torch.cuda.is_available():
            print("\n(no CUDA device: GPU row skipped)")
            return
        gpu_peak = matmul_peak("cuda", 8192, "bfloat16")
        r = _run_child({"preset": "paper", "size": 512, "views": 6, "device": "cuda", "bf16": True, "repeat": 5})
        print(f"\nGPU ({torch.cuda.get_device_name()}): paper 6×512² bf16 forward {r['seconds']:.3f} s, "
              f"{r['flops_per_s'] / 1e12:.0f} TFLOP/s = {r['flops_per_s'] / gpu_peak:.0%} of bf16 matmul peak "
              f"({gpu_peak / 1e12:.0f} TFLOP/s), peak GPU memory {r['peak_gpu_gb']:.1f} GB")


if __name__ == "__main__":
    main()
