"""``facelift video``: a video of a face to a 4D head (one Gaussian set per frame)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cli._args import add_generation_arguments, add_sequence_arguments, check_output_folder
from facelift.cli._weights import add_weights_arguments, announce_download

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "video", help="video to 4D head: OUT/frames/NNNNN.ply and OUT/novel_view.mp4",
        description="Reconstruct every kept frame (same seed, crop smoothed over time), write one PLY per "
                    "frame and a video rendered at a fixed or orbiting novel camera. Rerunning resumes.",
    )
    p.add_argument("video", type=Path, help="input video (anything ffmpeg reads)")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    add_sequence_arguments(p)
    add_weights_arguments(p)
    add_generation_arguments(p)
    p.add_argument("--no-crop", action="store_true", help="frames are already prepared, centred faces")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.errors import FaceliftError
    from facelift.media import video_info
    from facelift.pipeline import FaceLiftPipeline
    from facelift.video4d import VideoOptions, reconstruct_video

    if not args.video.is_file():
        raise FaceliftError(f"{args.video}: video file not found")
    video_info(args.video)  # fail on an unreadable video before loading any weights
    check_output_folder(args.out)
    opts = VideoOptions(stride=args.stride, max_frames=args.max_frames, camera=args.camera, azimuth=args.azimuth,
                        elevation=args.elevation, size=args.size, seed=args.seed,
                        num_inference_steps=args.steps, guidance_scale=args.guidance, crop=not args.no_crop,
                        refine=args.refine)
    announce_download(args.weights, args.accept_license)
    pipe = FaceLiftPipeline.from_pretrained(args.weights, device=args.device, dtype=args.dtype,
                                            accept_license=args.accept_license)
    pipe.set_scheduler(args.scheduler)
    out = reconstruct_video(pipe, args.video, args.out, opts)
    log.info("wrote %s/frames/*.ply and %s/novel_view.mp4", out, out)
    return 0
