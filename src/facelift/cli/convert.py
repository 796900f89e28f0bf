"""``facelift convert-official``: the public release's checkpoints → our safetensors folders."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "convert-official", help="convert the official OpenFaceLift GS-LRM checkpoint to our format",
        description="Read the release's GS-LRM checkpoint (torch pickle, loaded weights-only) and write "
                    "OUT/model.safetensors + OUT/config.json, loadable with "
                    "facelift.lrm.GSLRM.from_pretrained(OUT). The training loss's VGG19 (loss_calculator.*) is "
                    "dropped from the model; --vgg-out saves it for our perceptual loss.",
    )
    p.add_argument("--gslrm", type=Path, required=True, metavar="CKPT", help="the release's GS-LRM checkpoint file")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    p.add_argument("--vgg-out", type=Path, default=None, metavar="FILE",
                   help="also write the VGG19 perceptual-loss weights here (.safetensors)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.lrm.convert import convert_official_gslrm_to_folder

    folder = convert_official_gslrm_to_folder(args.gslrm, args.out, vgg_out=args.vgg_out)
    log.info("wrote %s", folder)
    return 0
