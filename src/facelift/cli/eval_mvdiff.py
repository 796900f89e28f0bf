"""``facelift eval mvdiff``: Stage I on held-out procedural identities vs the copy-the-input baseline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from facelift.cli import group
from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS, SEED


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = group(subparsers, "eval", "evaluate models and results")
    p = sub.add_parser(
        "mvdiff", help="Stage I views from the front view vs the truth, beside the copy-the-input baseline",
        description="Generate the 6 views of each held-out subject from its front view and score the 5 novel "
                    "views (masked PSNR, silhouette IoU, back view vs true back / input) for the model and for "
                    "copying the input into every view. Prints a markdown table.",
    )
    p.add_argument("--weights", required=True, help="Stage I pipeline folder (or cached hub id)")
    p.add_argument("--data", type=Path, required=True, help="dataset folder (index.json with identity splits)")
    p.add_argument("--split", default="test", help="train, val, test or all (default test: held-out identities)")
    p.add_argument("--steps", type=int, default=NUM_INFERENCE_STEPS, help=f"sampler steps (default {NUM_INFERENCE_STEPS})")
    p.add_argument("--guidance", type=float, default=GUIDANCE_SCALE,
                   help=f"classifier-free guidance scale (default {GUIDANCE_SCALE:g})")
    p.add_argument("--seed", type=int, default=SEED, help=f"Stage I seed (default {SEED})")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N subjects")
    p.add_argument("-o", "--output", type=Path, default=None, help="also write the table (.md) and numbers (.json)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.atomic import atomic_write_text
    from facelift.data.loaders import StageIDataset
    from facelift.mvdiff import FaceLiftMultiViewPipeline
    from facelift.mvdiff.evaluate import evaluate, meets_targets, pipeline_generator, to_markdown

    pipe = FaceLiftMultiViewPipeline.from_pretrained(args.weights)
    pipe.set_progress_bar_config(disable=True)
    data = StageIDataset(args.data, split=args.split, resolution=pipe.image_size)
    gen = pipeline_generator(pipe, args.steps, args.guidance, seed=args.seed)
    results = evaluate(gen, data, limit=args.limit)
    n = len(data) if args.limit is None else min(args.limit, len(data))
    table = to_markdown(results)
    checks = meets_targets(results)
    text = (f"{table}\n\n{n} subjects ({args.split} split of {args.data}), {args.steps} steps, guidance "
            f"{args.guidance}, seed {args.seed}\n" + "".join(f"- {k}: {'yes' if v else 'no'}\n" for k, v in checks.items()))
    sys.stdout.write(text)
    if args.output is not None:
        atomic_write_text(args.output.with_suffix(".md"), text)
        atomic_write_text(args.output.with_suffix(".json"),
                          json.dumps({"results": results, "checks": checks, "subjects": n, "steps": args.steps,
                                      "guidance": args.guidance, "seed": args.seed}, indent=2))
    return 0
