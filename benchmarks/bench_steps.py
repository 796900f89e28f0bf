"""Fewer Stage I steps, and bf16 against fp32, on the bundled tiny model's procedural evaluation.

    python benchmarks/bench_steps.py --subjects 8 --dpm-steps 5 10 15 20 25

Synthesises ``--subjects`` new procedural heads (``facelift data synth``, 64², 4 held-out random
views each; seeds far from the training data's), then runs ``facelift eval procedural``'s
metrics (:func:`facelift.eval.protocol.run_procedural`) with Stage I sampled by DDIM at 50
steps (the default) and by DPM-Solver++ at each of ``--dpm-steps``; ``--dtype-check`` adds
DDIM-50 with ``--dtype bfloat16``. Prints one markdown row per setting (end-to-end and
Stage I masked PSNR) with the Stage I seconds per subject.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subjects", type=int, default=8)
    parser.add_argument("--dpm-steps", type=int, nargs="+", default=[5, 10, 15, 20, 25])
    parser.add_argument("--seed", type=int, default=90_000)
    parser.add_argument("--dtype-check", action="store_true", help="also DDIM-50 in bfloat16")
    args = parser.parse_args()

    import numpy as np
    import torch
    from PIL import Image

    from facelift.eval.protocol import procedural_subjects, run_procedural
    from facelift.pipeline import FaceLiftPipeline

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run([sys.executable, "-m", "facelift", "data", "synth", "-o", str(data), "--identities",
                        str(args.subjects), "--appearances", "1", "--resolution", "64", "--random-views", "4",
                        "--seed", str(args.seed), "--workers", "1"], check=True, capture_output=True)
        subjects = procedural_subjects(data, "all")
        settings = [("ddim", 50, "float32")] + [("dpm++", n, "float32") for n in args.dpm_steps]
        if args.dtype_check:
            settings.append(("ddim", 50, "bfloat16"))
        pipes = {}
        print("| sampler | steps | dtype | end-to-end PSNR-masked | Stage I PSNR-masked | end-to-end PSNR | "
              "Stage I s / subject |")
        print("|---|---|---|---|---|---|---|")
        for sampler, steps, dtype in settings:
            pipe = pipes.get(dtype) or pipes.setdefault(dtype, FaceLiftPipeline.from_pretrained("tiny", device="cpu",
                                                                                                  dtype=dtype))
            pipe.set_scheduler(sampler)
            spent = []

            def generate(image, pipe=pipe, steps=steps, spent=spent):
                arr = (image.clamp(0, 1) * 255).round().to(torch.uint8).numpy()
                t = time.perf_counter()
                views = pipe.generate_views(Image.fromarray(arr), num_inference_steps=steps)
                spent.append(time.perf_counter() - t)
                return torch.stack([torch.from_numpy(np.asarray(v.convert("RGB"), np.float32) / 255.0) for v in views])

            def reconstruct(views, cameras, pipe=pipe):
                return pipe.reconstruct_gaussians(views[..., :3].permute(0, 3, 1, 2), cameras)

            table = run_procedural(subjects, generate_views=generate, reconstruct_views=reconstruct)
            rows = {r[table.key]: r for r in table.rows}
            e2e, st1 = rows["end-to-end"], rows["stage1"]
            print(f"| {sampler} | {steps} | {dtype} | {e2e['PSNR-masked']:.2f} | {st1['PSNR-masked']:.2f} | "
                  f"{e2e['PSNR']:.2f} | {sum(spent) / len(spent):.2f} |", flush=True)


if __name__ == "__main__":
    main()
