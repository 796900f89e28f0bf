"""Speed of ``facelift data synth``: subjects per minute at several resolutions.

Each row runs the real :func:`facelift.data.synth.synth` (build the procedural head,
render 6 + 32 views, encode RGBA PNGs, write the subject folder atomically) into a fresh
temporary folder with ``--workers`` processes, timing the whole call (worker start-up
included), plus the per-subject stage split measured in this process.

    python benchmarks/bench_data.py                       # the README table
    python benchmarks/bench_data.py --full-64 1000        # the 1000-subject 64² target, end to end
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import torch

from facelift.data.layout import encode_png
from facelift.data.procedural import make_head, spacing_for_resolution
from facelift.data.synth import SynthConfig, render_rgba, subject_cameras, synth


def stage_split(resolution: int, repeats: int = 3) -> dict:
    """Seconds per subject for building, rendering 38 views and encoding PNGs (1 thread)."""
    torch.set_num_threads(1)
    try:
        import numba

        numba.set_num_threads(1)
    except Exception:
        pass
    cfg = SynthConfig(resolution=resolution)
    build = render = encode = 0.0
    make_head(0, 0, spacing_for_resolution(resolution))  # warm-up (numba JIT cache)
    for k in range(repeats):
        t0 = time.perf_counter()
        head = make_head(100 + k, k, spacing_for_resolution(resolution))
        t1 = time.perf_counter()
        cams, _ = subject_cameras(cfg, k, 0)
        imgs = [render_rgba(head.gaussians, cams[i]) for i in range(len(cams))]
        t2 = time.perf_counter()
        for im in imgs:
            encode_png(im)
        t3 = time.perf_counter()
        build, render, encode = build + t1 - t0, render + t2 - t1, encode + t3 - t2
    return {"gaussians": len(head.gaussians), "build": build / repeats, "render": render / repeats,
            "encode": encode / repeats}


def run_synth(resolution: int, subjects: int, workers: int) -> float:
    cfg = SynthConfig(identities=subjects, appearances=1, resolution=resolution)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        synth(Path(tmp) / "ds", cfg, workers=workers, progress=False)
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resolutions", default="64,256,512")
    ap.add_argument("--subjects", default="60,12,6", help="subjects per resolution")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--full-64", type=int, default=0, help="also time N subjects at 64² end to end")
    args = ap.parse_args()
    res = [int(r) for r in args.resolutions.split(",")]
    subs = [int(s) for s in args.subjects.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print()
    print(f"| resolution | Gaussians | build s | render 38 views s | PNG s | synth subjects/min ({args.workers} workers) |"
          " 1000 subjects (min) |")
    print("|---|---|---|---|---|---|---|")
    for r, n in zip(res, subs):
        split = stage_split(r)
        t = run_synth(r, n, args.workers)
        per_min = n / t * 60
        print(f"| {r}² | {split['gaussians']} | {split['build']:.2f} | {split['render']:.2f} | "
              f"{split['encode']:.2f} | {per_min:.1f} | {1000 / per_min:.1f} |", flush=True)
    if args.full_64:
        t = run_synth(64, args.full_64, args.workers)
        print(f"\nend to end: {args.full_64} subjects x 38 views at 64², {args.workers} workers: "
              f"{t / 60:.1f} min ({args.full_64 / t * 60:.1f} subjects/min)")


if __name__ == "__main__":
    main()
