"""``facelift render``: a turntable of a Gaussian PLY (or .splat, .spz, or a reconstruction folder's head)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cameras import FOV_DEG, RADIUS
from facelift.cli._args import positive_int
from facelift.errors import FaceliftError

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "render", help="render a 360° turntable of a Gaussian head (.ply / .splat / .spz)",
        description="Render an orbit around the origin (elevation fixed, starting at the front) of a "
                    "3DGS PLY, .splat or .spz file (or a 'facelift reconstruct' output folder's head) into an "
                    ".mp4, or numbered PNGs when OUT is a folder.",
    )
    p.add_argument("ply", type=Path, metavar="head",
                   help="Gaussian splat file (.ply, .splat or .spz), or a 'facelift reconstruct' output folder")
    p.add_argument("-o", "--out", type=Path, required=True, help="output .mp4 (or other video) or a folder")
    p.add_argument("--frames", type=positive_int, default=60, help="number of frames (default 60)")
    p.add_argument("--size", type=positive_int, default=512, help="square image size in pixels (default 512)")
    p.add_argument("--elevation", type=float, default=0.0, help="camera elevation in degrees (default 0)")
    p.add_argument("--radius", type=float, default=RADIUS, help=f"orbit radius (default {RADIUS})")
    p.add_argument("--fov", type=float, default=FOV_DEG, help=f"field of view in degrees (default {FOV_DEG:g})")
    p.add_argument("--fps", type=float, default=30.0, help="video frame rate (default 30)")
    p.add_argument("--background", default="white", help="white, black, grey or R,G,B (default white)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.outputs import load_head
    from facelift.turntable import is_video_path, parse_background, save_turntable

    background = parse_background(args.background)
    is_video_path(args.out)
    if args.fps <= 0:
        raise FaceliftError(f"--fps must be positive, got {args.fps}")
    source, gaussians = load_head(args.ply, "render")
    log.info("%s: %d Gaussians", source, len(gaussians))
    n = save_turntable(args.out, gaussians, fps=args.fps, frames=args.frames, size=args.size,
                       elevation=args.elevation, radius=args.radius, fov=args.fov, background=background)
    log.info("wrote %d frames to %s", n, args.out)
    return 0
