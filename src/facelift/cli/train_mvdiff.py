"""``facelift train mvdiff``: train the Stage I multi-view diffusion model."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from facelift.cli import group

if TYPE_CHECKING:
    from facelift.mvdiff.config import MVDiffConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = group(subparsers, "train", "train the models (Stage I multi-view diffusion, Stage II GS-LRM)")
    p = sub.add_parser(
        "mvdiff", help="train the multi-view diffusion model (Stage I)",
        description="Train Stage I on a dataset of heads with the 6 FaceLift views (ROOT/<subject>/transforms.json "
                    "+ images). The tiny preset first trains its small VAE (--stage vae), then the UNet jointly "
                    "with its small CLIP image encoder and view embeddings (--stage unet); --stage all (default) "
                    "does both. --stage decoder --init PIPELINE fine-tunes a trained pipeline's VAE decoder with the encoder frozen "
                    "(the latent space, and so the UNet, stay valid). Resumes from the run folder's latest checkpoint automatically. Multi-GPU: "
                    "'accelerate launch -m facelift train mvdiff ...'. Settings are a preset plus key=value "
                    "overrides, e.g. train.max_steps=4000 train.batch_size=2 model.attention=dense.",
    )
    p.add_argument("--preset", default=None, help="tiny (CPU, 64²) or paper (SD 2.1-unCLIP, 512²); default tiny, "
                                                   "or the run's saved config when resuming")
    p.add_argument("--data", type=Path, nargs="+", required=True,
                   help="training dataset folder(s); several are trained on as one (their subjects' union)")
    p.add_argument("--val-data", type=Path, default=None,
                   help="validation dataset (default: the 'val' split of --data, else its training split)")
    p.add_argument("--out", type=Path, required=True, help="run folder (checkpoints, logs, samples, pipeline/)")
    p.add_argument("--stage", choices=("all", "vae", "unet", "decoder"), default="all",
                   help="vae: the tiny VAE only; unet: the diffusion model (needs RUN/vae or --vae for tiny); "
                        "decoder: the VAE decoder of the --init pipeline, writing RUN/pipeline with it")
    p.add_argument("--vae", type=Path, default=None, help="trained VAE folder to use instead of RUN/vae (tiny)")
    p.add_argument("--init", default=None, metavar="PIPELINE",
                   help="start the UNet stage from a trained pipeline ('tiny', a pipeline folder or a run's "
                        "pipeline/): its UNet, image encoder, view embeddings and VAE (no VAE stage)")
    p.add_argument("--fresh", action="store_true", help="ignore existing checkpoints in --out (default: resume)")
    p.add_argument("--cpu", action="store_true", help="train on CPU even if a GPU is present")
    p.add_argument("--max-steps-this-run", type=int, default=None, metavar="N",
                   help="stop after N steps (checkpoint saved) without changing the schedule")
    p.add_argument("overrides", nargs="*", metavar="key=value", help="config overrides")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.errors import FaceliftError
    from facelift.train.mvdiff import (check_lr_min_ratio, check_mirror_share, load_dataset, resolve_config,
                                       train_mvdiff, train_vae)

    resume = not args.fresh
    cfg = resolve_config(args.preset, args.overrides, args.out, resume)
    if args.stage == "decoder":
        return _run_decoder(args, cfg)
    check_lr_min_ratio(cfg.train.lr_min_ratio)  # these two before a VAE stage could run first
    check_mirror_share(cfg.train.mirror_share, cfg.model.num_views)

    data = load_dataset(args.data, cfg.model.image_size, split="train")
    try:
        val = load_dataset(args.val_data or args.data[0], cfg.model.image_size, split="val" if not args.val_data else "all")
    except FaceliftError:
        if args.val_data:
            raise
        val = None  # no held-out split: validate on training subjects
    builds_vae = cfg.model.base is None
    if args.stage == "vae" and not builds_vae:
        raise FaceliftError(f"--stage vae trains the tiny preset's own VAE; model.base={cfg.model.base} "
                            "brings its VAE (use --stage unet)")
    if args.init is not None and (args.stage == "vae" or args.vae is not None):
        raise FaceliftError("--init brings its own VAE: it trains the UNet stage only (no --stage vae, no --vae)")
    if args.stage in ("all", "vae") and builds_vae and args.vae is None and args.init is None:
        if args.stage == "vae" or not (args.out / "vae" / "config.json").is_file():
            train_vae(cfg, data, args.out, resume=resume, cpu=args.cpu, max_steps_this_run=args.max_steps_this_run)
            if not (args.out / "vae" / "config.json").is_file():
                return 0  # stopped early by --max-steps-this-run; run again to continue
    if args.stage in ("all", "unet"):
        train_mvdiff(cfg, data, args.out, val_dataset=val, resume=resume, cpu=args.cpu,
                     max_steps_this_run=args.max_steps_this_run, vae_path=args.vae, init=args.init)
        final = args.out / "pipeline"
        print(f"pipeline: {final}" if final.is_dir() else "stopped before the last step; run again to go on")
    elif (args.out / "vae" / "config.json").is_file():
        print(f"VAE: {args.out / 'vae'}")
    return 0


def _run_decoder(args: argparse.Namespace, cfg: MVDiffConfig) -> int:
    from facelift.errors import FaceliftError
    from facelift.train.mvdiff import load_dataset
    from facelift.train.mvdiff_decoder import check_decoder_config, check_init_resolution, train_decoder

    if args.init is None:
        raise FaceliftError("--stage decoder fine-tunes a trained pipeline's decoder: give --init PIPELINE")
    if args.vae is not None:
        raise FaceliftError("--stage decoder trains the --init pipeline's own VAE (no --vae)")
    check_decoder_config(cfg)
    check_init_resolution(args.init, cfg.model.image_size)  # before the data and the pipeline load
    data = load_dataset(args.data, cfg.model.image_size, split="train")
    out = train_decoder(cfg, data, args.out, args.init, resume=not args.fresh, cpu=args.cpu,
                        max_steps_this_run=args.max_steps_this_run)
    print(f"pipeline: {out}" if (out / "model_index.json").is_file() else "stopped before the last step; run again to go on")
    return 0
