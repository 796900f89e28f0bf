"""``facelift convert-official``: the public release's checkpoints → our safetensors folders."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "convert-official", help="convert the authors' OpenFaceLift release into a --weights folder",
        description="DIR: the release's download (mvdiffusion/pipeckpts + gslrm/ckpt_*.pt) -> OUT/{mvdiff, lrm, "
                    "facelift.json}, usable as 'facelift reconstruct --weights OUT'. With --gslrm CKPT instead: "
                    "only the GS-LRM checkpoint -> OUT/model.safetensors + OUT/config.json. Checkpoints are "
                    "loaded weights-only; the training loss's VGG19 (loss_calculator.*) is dropped from the "
                    "model; --vgg-out saves it for our perceptual loss.",
    )
    p.add_argument("release", type=Path, nargs="?", default=None, metavar="DIR", help="the release's download folder")
    p.add_argument("--gslrm", type=Path, default=None, metavar="CKPT", help="convert only this GS-LRM checkpoint")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    p.add_argument("--vgg-out", type=Path, default=None, metavar="FILE",
                   help="also write the VGG19 perceptual-loss weights here (.safetensors)")
    p.add_argument("--view-embeddings", type=Path, default=None, metavar="FILE",
                   help="the release's fixed view embeddings (clr_embeds.pt from its code tree; default: "
                        "found in DIR, else computed from the text encoder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.weights.convert import LICENSE_NOTICE, convert_release
    from facelift.errors import FaceliftError
    from facelift.lrm.convert import convert_official_gslrm_to_folder

    if (args.release is None) == (args.gslrm is None):
        raise FaceliftError("give either the release folder DIR or --gslrm CKPT")
    print(f"Licence notice: {LICENSE_NOTICE}")
    if args.gslrm is not None:
        folder = convert_official_gslrm_to_folder(args.gslrm, args.out, vgg_out=args.vgg_out)
    else:
        folder = convert_release(args.release, args.out, vgg_out=args.vgg_out, view_embeddings=args.view_embeddings)
    print(f"wrote {folder}")
    return 0
