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
    p.add_argument("--data", type=Path, required=True, help="training dataset folder")
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

    ev = group(subparsers, "eval", "evaluate: the paper's metrics and benchmark protocol")
    e = ev.add_parser(
        "lrm", help="held-out GS-LRM scores: 6 fixed views in, random views rendered (vs. a sphere baseline)",
        description="For each subject of a split: reconstruct from its 6 fixed views, render N of its random "
                    "views, report PSNR/SSIM over the image and over the union of the ground-truth and rendered "
                    "alpha masks, for the model and for a no-learning baseline (input pixels on a unit sphere).",
    )
    e.add_argument("--weights", required=True,
                   help="'tiny' (bundled), a GS-LRM folder (model.safetensors + config.json), a pipeline "
                        "weights folder (its lrm/), a checkpoint folder or a training run")
    e.add_argument("--data", type=Path, required=True, help="dataset folder (index.json with splits)")
    e.add_argument("--split", default="test", help="split to evaluate (default test)")
    e.add_argument("--views", type=int, default=8, help="random views rendered per subject (default 8)")
    e.add_argument("--limit", type=int, default=None, help="only the first N subjects")
    e.add_argument("-o", "--output", type=Path, default=None, help="also write the full report as JSON")
    e.set_defaults(func=run_eval)


def run(args: argparse.Namespace) -> int:
    from facelift.train.lrm import resolve_config, train_lrm

    cfg = resolve_config(args.preset, args.overrides, args.out, args.resume)
    result = train_lrm(cfg, args.data, args.out, init=args.init, resume=args.resume, val_dir=args.val_data,
                       cpu=args.cpu, max_steps_this_run=args.max_steps_this_run)
    final = result.run_dir / "final"
    print(f"model: {final}" if final.is_dir() else f"stopped at step {result.step}; run again with --resume to go on")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    import json

    from facelift.atomic import atomic_write_text
    from facelift.lrm import GSLRM
    from facelift.eval.lrm import evaluate_heldout

    model = GSLRM.from_pretrained(args.weights).eval()
    report = evaluate_heldout(model, args.data, split=args.split, n_views=args.views, limit=args.limit)
    print(f"{report['subjects']} subjects ({args.split}), {args.views} random views each, "
          f"{report['resolution']}²")
    print("| method | PSNR | SSIM | PSNR (masked) | SSIM (masked) |")
    print("|---|---|---|---|---|")
    for name in ("model", "baseline"):
        m = report[name]
        label = "GS-LRM" if name == "model" else "sphere baseline"
        print(f"| {label} | {m['psnr']:.2f} | {m['ssim']:.4f} | {m['psnr_masked']:.2f} | {m['ssim_masked']:.4f} |")
    b = report["error_budget"]
    print("GS-LRM masked squared error: " + ", ".join(
        f"{100 * b[k]['error']:.0f}% {label} ({100 * b[k]['pixels']:.0f}% of the masked pixels)"
        for k, label in (("missing", "inside the true silhouette where the render's alpha is <= 0.5"),
                         ("extra", "where only the render has alpha"),
                         ("lower_third", "in the image's lower third"))))
    if args.output:
        atomic_write_text(args.output, json.dumps(report, indent=2))
    return 0
