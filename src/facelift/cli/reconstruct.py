"""``facelift reconstruct``: photos (or posed views) to 3D heads, one output folder per input."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from facelift.cli._args import add_generation_arguments, check_output_folder, positive_int
from facelift.cli._weights import add_weights_arguments, announce_download
from facelift.errors import FaceliftError
from facelift.formats.write import FORMATS, parse_formats

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "reconstruct", help="photo(s) to 3D Gaussian heads (Stage I views + Stage II Gaussians)",
        description="Reconstruct a 3D head from each input photo. Writes OUT/<stem>/{input.png, views.png, "
                    "gaussians.ply, turntable.mp4, cameras.json}. With --views DIR, skips Stage I and "
                    "reconstructs from your own posed views (a transforms.json folder). --format adds other "
                    "formats of the head (.spz, .html, .glb, ...).",
    )
    p.add_argument("inputs", nargs="*", help="image files, folders of images, or glob patterns")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    p.add_argument("--views", type=Path, action="append", default=[],
                   help="a folder with transforms.json and its images: skip Stage I (repeatable)")
    add_weights_arguments(p)
    add_generation_arguments(p)
    p.add_argument("--no-crop", action="store_true", help="input is already a prepared, centred face: do not detect/crop")
    p.add_argument("--keep-background", action="store_true", help="do not remove the background")
    p.add_argument("--frames", type=positive_int, default=150, help="turntable frames (default 150)")
    p.add_argument("--size", type=positive_int, default=512, help="turntable image size (default 512)")
    p.add_argument("--format", type=format_list, default=("ply",), metavar="LIST",
                   help=f"comma-separated formats of the head, each written as gaussians.<format>: any of "
                        f"{','.join(FORMATS)} (default ply), e.g. ply,spz,glb. The folder's head is a .ply, "
                        f".splat or .spz (ply is added when the list names none); html is a page that shows "
                        f"it offline, glb/obj a vertex-coloured mesh (Y-up; see 'facelift export --help')")
    p.add_argument("--overwrite", action="store_true", help="redo inputs whose outputs already exist")
    p.set_defaults(func=run)


def format_list(text: str) -> tuple[str, ...]:
    """``--format``: checked when the arguments are parsed, so a typo fails before any model loads."""
    try:
        return parse_formats(text)
    except FaceliftError as e:
        raise argparse.ArgumentTypeError(str(e).removeprefix(f"--format {text}: ")) from None


def run(args: argparse.Namespace) -> int:
    from facelift.batch import check_readable, plan_batch, process_share
    from facelift.outputs import TurntableSpec

    if not args.inputs and not args.views:
        raise FaceliftError("give at least one input image (or --views DIR)")
    check_output_folder(args.out)
    rank, world = process_share()
    todo = []
    for item in plan_batch(args.inputs, args.views, args.out, args.format, rank, world):
        if item.done and not args.overwrite:
            log.info("%s: already done in %s (use --overwrite to redo)", item.path, item.out)
        else:
            todo.append(item)
    if not todo:
        return 0
    # Every photo is decoded before any weights load: a bad file costs one line, not a model load.
    total = len(todo)
    todo, errors = check_readable(todo)
    for e in errors:
        log.error("facelift: error: %s (skipped)", e)
    failed = len(errors)
    if not todo:
        if total > 1:
            log.error("%d of %d inputs failed", failed, total)
        return 1

    from facelift.pipeline import FaceLiftPipeline

    device = args.device
    if device is None and world > 1:
        device = f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}"
    announce_download(args.weights, args.accept_license)
    pipe = FaceLiftPipeline.from_pretrained(args.weights, device=device, dtype=args.dtype,
                                            accept_license=args.accept_license)
    pipe.set_scheduler(args.scheduler)
    if any(item.kind == "image" for item in todo):
        pipe.require_stage1()
    spec = TurntableSpec(frames=args.frames, size=args.size)
    for item in todo:
        try:
            if item.kind == "image":
                result = pipe(item.path, seed=args.seed, num_inference_steps=args.steps, guidance_scale=args.guidance,
                              crop=not args.no_crop, remove_background=not args.keep_background,
                              refine=args.refine)
            else:
                result = pipe.reconstruct_views(item.path, refine=args.refine, seed=args.seed or 0)
            result.save(item.out, turntable=spec, format=",".join(args.format))
            log.info("%s -> %s", item.path, item.out)
        except FaceliftError as e:
            failed += 1
            log.error("facelift: error: %s (skipped)", e)
    if failed:
        log.error("%d of %d inputs failed", failed, total)
        return 1
    return 0
