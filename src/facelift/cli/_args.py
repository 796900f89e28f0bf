"""Argument types and checks shared by the CLI modules."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from facelift.defaults import GUIDANCE_SCALE, NUM_INFERENCE_STEPS, SEED
from facelift.errors import FaceliftError


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def refine_setting(text: str) -> str | int:
    """``--refine``: "auto", "on", "off", or a positive number of photo-fit iterations."""
    value = text.strip().lower()
    if value in ("auto", "on", "off"):
        return value
    try:
        return positive_int(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"expected 'auto', 'on', 'off' or a positive number of iterations, "
                                         f"got {text!r}") from None


DTYPE_CHOICES = ("auto", "float32", "bfloat16")
DTYPE_HELP = ("precision of the UNet, VAE, CLIP encoder and GS-LRM (default auto: bf16 on CPUs with native "
              "bf16 units for paper-scale models, else float32; sampler, Gaussians and renderer stay float32)")

SCHEDULER_CHOICES = ("ddim", "dpm++")
SCHEDULER_HELP = ("Stage I sampler: ddim (the weights' own, 50 steps) or dpm++ (DPM-Solver++ 2M: "
                  "fewer --steps for the same quality; benchmarks/README.md, Fewer steps)")


REFINE_HELP = ("photo-fit refinement, the person's likeness (facelift.refine): 'auto' (the weights' "
               "default: on for the bundled tiny, off for release weights), 'on', 'off', or N iterations; "
               "with --views, the head is fitted to the views at their own resolution (views-fit)")


def add_sequence_arguments(p: argparse.ArgumentParser, frames: str = "frame") -> None:
    """The options of the commands that lift a video frame by frame (``video``, ``animate``):
    which frames are kept and the novel camera their heads are rendered from."""
    p.add_argument("--stride", type=positive_int, default=1, help=f"keep every K-th {frames} (default 1)")
    p.add_argument("--max-frames", type=positive_int, default=None, help="stop after N kept frames")
    p.add_argument("--camera", choices=("fixed", "orbit"), default="fixed",
                   help="novel camera: fixed, or orbiting once over the video (default fixed)")
    p.add_argument("--azimuth", type=float, default=30.0, help="novel camera azimuth in degrees (default 30)")
    p.add_argument("--elevation", type=float, default=0.0, help="novel camera elevation in degrees (default 0)")
    p.add_argument("--size", type=positive_int, default=512, help="rendered video size (default 512)")


def add_generation_arguments(p: argparse.ArgumentParser) -> None:
    """The options of every command that runs the stages on a photo: Stage I's seed, steps,
    guidance and sampler, photo-fit, and where and in what precision the models run."""
    p.add_argument("--seed", type=int, default=None, help=f"random seed of Stage I (default: the weights', {SEED} "
                   "for the bundled, 4 for the release)")
    p.add_argument("--steps", type=positive_int, default=None,
                   help=f"diffusion steps (default: the weights' own, {NUM_INFERENCE_STEPS} for the paper models)")
    p.add_argument("--guidance", type=float, default=None, help="classifier-free guidance (default: the weights' own; "
                   f"1.5 for the bundled tiny, {GUIDANCE_SCALE:g} for the release)")
    p.add_argument("--scheduler", choices=SCHEDULER_CHOICES, default="ddim", help=SCHEDULER_HELP)
    p.add_argument("--refine", type=refine_setting, default="auto", help=REFINE_HELP)
    p.add_argument("--device", default=None, help="cpu, cuda, cuda:1 ... (default: cuda if available)")
    p.add_argument("--dtype", choices=DTYPE_CHOICES, default="auto", help=DTYPE_HELP)


def check_output_folder(path: Path) -> None:
    """Cheap checks on an output folder, so a typo fails before weights are loaded or downloaded."""
    if path.exists() and not path.is_dir():
        raise FaceliftError(f"{path}: output must be a folder, and this is a file")
    _check_can_create(path, path, "the output folder")


def check_output_file(path: Path) -> None:
    """Cheap checks on an output file path, so a typo fails before the work is done."""
    if path.is_dir():
        raise FaceliftError(f"{path}: output must be a file, and this is a folder")
    _check_can_create(path, path.parent, "the output's folder")


def _check_can_create(path: Path, start: Path, what: str) -> None:
    """The nearest existing folder at or above ``start`` must be a writable folder."""
    parent = start
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise FaceliftError(f"{path}: cannot create {what} ({parent} is a file)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise FaceliftError(f"{path}: cannot write there ({parent} is not writable)")
