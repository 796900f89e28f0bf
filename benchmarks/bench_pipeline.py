"""End to end: ``facelift reconstruct`` on the example photo, per stage, on this machine.

Times the tiny preset's architecture (Stage I: 64² tiny UNet; Stage II: tiny GS-LRM) with the
bundled weights when they exist, else with randomly initialised weights of the same shapes:
the compute is identical, only the picture is not. Each repeat runs once without photo-fit
(``refine="off"``) and once with the weights' own setting (``"auto"``: on for the bundled tiny),
side by side. Usage::

    python benchmarks/bench_pipeline.py [--weights tiny|DIR] [--steps 50] [--frames 150] [--repeats 2]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import torch

from facelift.lrm.config import LRM_PRESETS
from facelift.lrm.model import GSLRM
from facelift.mvdiff import MVDIFF_PRESETS, build_pipeline
from facelift.outputs import TurntableSpec
from facelift.pipeline import FaceLiftPipeline
from facelift.weights.folder import resolve_weights, save_weights_folder

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "astronaut.jpg"


def weights_folder(name: str, tmp: Path) -> tuple[Path, str]:
    try:
        return resolve_weights(name), name
    except Exception:
        torch.manual_seed(0)
        mv = build_pipeline(MVDIFF_PRESETS.get_preset("tiny").model)
        lrm = GSLRM(LRM_PRESETS.get_preset("tiny").model)
        return save_weights_folder(tmp / "random-tiny", mv, lrm), "tiny architecture, random weights"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="tiny")
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--frames", type=int, default=150)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, label = weights_folder(args.weights, Path(tmp))
        t0 = time.perf_counter()
        pipe = FaceLiftPipeline.from_pretrained(folder, device="cpu")
        load_s = time.perf_counter() - t0
        rows = []
        for r in range(args.repeats):
            for refine in ("off", "auto"):
                marks = {}
                t0 = time.perf_counter()
                out = pipe(EXAMPLE, seed=0, num_inference_steps=args.steps, refine=refine,
                           progress=lambda stage, frac: marks.setdefault(stage, time.perf_counter()))
                t_done = time.perf_counter()
                out.save(Path(tmp) / f"out{r}{refine}", turntable=TurntableSpec(frames=args.frames), progress=False)
                t_saved = time.perf_counter()
                rows.append({
                    "run": f"{r + 1}{' (cold)' if r == 0 else ''}, photo-fit {refine}",
                    "preprocess": marks["views"] - t0,
                    "stage I": marks["gaussians"] - marks["views"],
                    "stage II": marks.get("refine", t_done) - marks["gaussians"],
                    "photo-fit": t_done - marks.get("refine", t_done),
                    "gaussians": len(out.gaussians),
                    "outputs": t_saved - t_done,
                    "total": t_saved - t0,
                })
    print(f"weights: {label}; load {load_s:.2f} s; torch threads {torch.get_num_threads()}; "
          f"{platform.processor() or platform.machine()}")
    print(f"| run | preprocess (s) | Stage I, {args.steps} steps (s) | Stage II (s) | photo-fit (s) | Gaussians | "
          f"outputs incl. {args.frames}-frame turntable (s) | total (s) |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['run']} | " + " | ".join(f"{row[k]:.2f}" for k in ("preprocess", "stage I", "stage II",
              "photo-fit")) + f" | {row['gaussians']:,} | {row['outputs']:.2f} | {row['total']:.2f} |")


if __name__ == "__main__":
    main()
