"""``facelift reconstruct --views``: Stage II alone against Stage II + views-fit, side by side.

One procedural head (``facelift data synth``, seed 4242) rendered at ``--size``², its front,
side and back views given as a transforms.json folder, reconstructed with the bundled tiny
weights with ``refine="off"`` and ``"auto"`` (views-fit, 60 steps) in turns; reports seconds,
Gaussians and the PSNR over the input views before and after the fit. Usage::

    python benchmarks/bench_views_fit.py [--size 512] [--repeats 2]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

from facelift.cameras import read_transforms, write_transforms
from facelift.pipeline import FaceLiftPipeline

GIVEN = [0, 2, 3, 4]  # front, the sides, back


def make_views(tmp: Path, size: int) -> Path:
    data = tmp / "synth"
    subprocess.run([sys.executable, "-m", "facelift", "data", "synth", "-o", str(data), "--identities", "1",
                    "--appearances", "1", "--resolution", str(size), "--random-views", "0", "--seed", "4242",
                    "--workers", "1"], check=True, capture_output=True)
    subject = next(p for p in data.iterdir() if p.is_dir())
    cams, names, _ = read_transforms(subject / "transforms.json")
    views = tmp / "views"
    (views / "images").mkdir(parents=True)
    for i in GIVEN:
        shutil.copy(subject / names[i], views / names[i])
    write_transforms(views / "transforms.json", cams[GIVEN], [names[i] for i in GIVEN])
    return views


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    print(f"{platform.processor() or platform.machine()}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; {len(GIVEN)} views at {args.size}²")
    with tempfile.TemporaryDirectory() as tmp:
        views = make_views(Path(tmp), args.size)
        pipe = FaceLiftPipeline.from_pretrained("tiny", device="cpu")
        print("| run | refine | seconds | Gaussians | input-view PSNR before → after (dB) |")
        print("|---|---|---|---|---|")
        for r in range(args.repeats):
            for refine in ("off", "auto"):
                t = time.perf_counter()
                out = pipe.reconstruct_views(views, refine=refine, progress=False)
                dt = time.perf_counter() - t
                fit = (f"{out.info['views_fit_psnr_before']:.2f} → {out.info['views_fit_psnr_after']:.2f}"
                       if "views_fit_steps" in out.info else "–")
                print(f"| {r + 1} | {refine} | {dt:.1f} | {len(out.gaussians):,} | {fit} |", flush=True)


if __name__ == "__main__":
    main()
