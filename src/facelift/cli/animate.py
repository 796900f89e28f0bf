"""``facelift animate``: a photo and a driving video to an animated 3D head (paper §4.5)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cli._args import add_generation_arguments, add_sequence_arguments, check_output_folder
from facelift.cli._weights import add_weights_arguments, announce_download

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "animate", help="photo + driving video to an animated 3D head: OUT/frames/NNNNN.ply, OUT/novel_view.mp4",
        description="Reanimate the photo with the driving video's head pose and expression (2D), then lift "
                    "every animated frame to 3D, sharing the seed and the first frame's back and sides. "
                    "Writes OUT/animated_2d.mp4, OUT/frames/NNNNN.ply, OUT/sequence.json and "
                    "OUT/novel_view.mp4. Rerunning resumes.",
    )
    p.add_argument("photo", type=Path, help="the photo to animate")
    p.add_argument("--driving", type=Path, required=True, help="driving video (anything ffmpeg reads)")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    add_sequence_arguments(p, "driving frame")
    p.add_argument("--reanimator", choices=("landmarks", "liveportrait"), default="landmarks",
                   help="2D reanimation: landmarks (built in, offline: MediaPipe face mesh and a mesh warp) or "
                        "liveportrait (needs a LivePortrait checkout with its weights, --liveportrait-dir)")
    p.add_argument("--liveportrait-dir", type=Path, default=None,
                   help="the LivePortrait checkout (default $LIVEPORTRAIT_DIR)")
    p.add_argument("--consistency", choices=("head", "views", "off"), default="head",
                   help="what later frames take from the first: head (its Stage II head; each frame is "
                        "photo-fitted onto it), views (its right/back/left Stage I views) or off (every frame "
                        "lifted on its own, the flicker baseline) (default head)")
    add_weights_arguments(p)
    add_generation_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.animate import AnimateOptions, lift_animation, prepare_photo, reanimate_video, start_animation
    from facelift.errors import FaceliftError
    from facelift.media import video_info
    from facelift.pipeline import FaceLiftPipeline
    from facelift.reanimate import make_reanimator

    if not args.photo.is_file():
        raise FaceliftError(f"{args.photo}: photo not found")
    if not args.driving.is_file():
        raise FaceliftError(f"{args.driving}: video file not found")
    video_info(args.driving)  # an unreadable video fails before any model loads
    check_output_folder(args.out)
    opts = AnimateOptions(stride=args.stride, max_frames=args.max_frames, camera=args.camera, azimuth=args.azimuth,
                          elevation=args.elevation, size=args.size, seed=args.seed, num_inference_steps=args.steps,
                          guidance_scale=args.guidance, refine=args.refine, reanimator=args.reanimator,
                          consistency=args.consistency)
    pre = prepare_photo(args.photo, opts)  # no face in the photo: fails here
    reanimator = make_reanimator(args.reanimator, args.liveportrait_dir, args.device)
    # Pass 1 needs no FaceLift weights: a driving video without a face fails before they load.
    start_animation(pre, args.driving, args.out, opts)
    frames = reanimate_video(pre, args.driving, args.out, reanimator, opts)
    announce_download(args.weights, args.accept_license)
    pipe = FaceLiftPipeline.from_pretrained(args.weights, device=args.device, dtype=args.dtype,
                                            accept_license=args.accept_license)
    pipe.set_scheduler(args.scheduler)
    lift_animation(pipe, frames, args.out, opts, source=str(args.driving))
    log.info("wrote %s/animated_2d.mp4, %s/frames/*.ply and %s/novel_view.mp4", args.out, args.out, args.out)
    return 0
