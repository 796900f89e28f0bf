"""``facelift export-weights``: training runs -> a folder that ``--weights`` accepts."""

from __future__ import annotations

import argparse
from pathlib import Path

from facelift.cli._args import positive_int
from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export-weights", help="assemble a --weights folder from Stage I and Stage II training runs",
        description="Stage I: a pipeline folder or a 'facelift train mvdiff' run (newest checkpoint, EMA). "
                    "Stage II: a GS-LRM folder or a 'facelift train lrm' run (newest checkpoint).",
    )
    p.add_argument("--mvdiff", type=Path, required=True, help="Stage I pipeline folder or training run")
    p.add_argument("--lrm", type=Path, required=True, help="Stage II folder or training run")
    p.add_argument("-o", "--out", type=Path, required=True, help="weights folder to write")
    p.add_argument("--steps", type=positive_int, default=NUM_INFERENCE_STEPS,
                   help=f"default diffusion steps stored (default {NUM_INFERENCE_STEPS})")
    p.add_argument("--guidance", type=float, default=GUIDANCE_SCALE,
                   help=f"default guidance stored (default {GUIDANCE_SCALE:g})")
    p.add_argument("--name", default="", help="a name stored in facelift.json")
    p.add_argument("--lrm-fp16", action="store_true",
                   help="store the Stage II weights in fp16 (half the size; they load into fp32)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.weights.export import export_weights
    from facelift.weights.meta import WeightsMeta

    meta = WeightsMeta(name=args.name, stage1=str(args.mvdiff), stage2=str(args.lrm),
                       defaults={"num_inference_steps": args.steps, "guidance_scale": args.guidance})
    export_weights(args.mvdiff, args.lrm, args.out, meta, lrm_fp16=args.lrm_fp16)
    print(f"wrote {args.out}")
    return 0
