"""``facelift train lrm``: train the Stage II reconstructor (one CPU, or many GPUs via accelerate)."""

from __future__ import annotations

import argparse
from pathlib import Path

from facelift.cli import group


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = group(subparsers, "train", "train the models (Stage I multi-view diffusion, Stage II GS-LRM)")
    p = sub.add_parser(
        "lrm", help="train the GS-LRM reconstructor (Stage II)",
        description="Train GS-LRM on a multi-view dataset (ROOT/<subject>/transforms.json + images). "
                    "Runs on one CPU as is, and on many GPUs or nodes with "
                    "'accelerate launch -m facelift train lrm ...' (or torchrun). Settings are a preset plus "
                    "key=value overrides, e.g. steps=2000 model.layers=6 optim.lr=3e-4 loss.perceptual=0.5 "
                    "loss.vgg_weights=vgg19.safetensors.",
    )
    p.add_argument("--preset", default=None, help="tiny (CPU, 64²) or paper (512², width 1024, 24 layers); "
                                                   "default tiny, or the run's own config with --resume")
    p.add_argument("--data", type=Path, nargs="+", required=True,
                   help="training dataset folder(s); several are trained on as one (their subjects' union)")
    p.add_argument("--val-data", type=Path, default=None, help="validation dataset (default: the training data)")
    p.add_argument("--out", type=Path, required=True, help="run folder (checkpoints, logs, samples, final/)")
    p.add_argument("--init", default=None, metavar="CKPT",
                   help="start from weights: 'tiny', a folder/.safetensors of ours, a run folder, or the official GS-LRM "
                        "checkpoint (missing/unexpected keys are reported)")
    p.add_argument("--resume", action="store_true", help="continue the run in --out from its latest checkpoint")
    p.add_argument("--cpu", action="store_true", help="train on CPU even if a GPU is present")
    p.add_argument("--max-steps-this-run", type=int, default=None, metavar="N",
                   help="stop after N steps (checkpoint saved) without changing the schedule")
    p.add_argument("overrides", nargs="*", metavar="key=value", help="config overrides")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.train.lrm import resolve_config, train_lrm

    cfg = resolve_config(args.preset, args.overrides, args.out, args.resume)
    result = train_lrm(cfg, args.data, args.out, init=args.init, resume=args.resume, val_dir=args.val_data,
                       cpu=args.cpu, max_steps_this_run=args.max_steps_this_run)
    final = result.run_dir / "final"
    print(f"model: {final}" if final.is_dir() else f"stopped at step {result.step}; run again with --resume to go on")
    return 0
