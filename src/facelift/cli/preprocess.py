"""``facelift preprocess``: show what Stage I will see — the photo framed as in the release, on white."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "preprocess", help="frame a photo as Stage I expects (background removed, face box ~194 px at 512²)",
        description="Load a photo (any common format, EXIF-rotated), remove the background onto white, and frame "
                    "the largest face as the public release does (face box ~194 px, centred at (251.8, 280.0) "
                    "on 512²). Writes a PNG, plus the face box and transform as JSON with --json.",
    )
    p.add_argument("input", type=Path, help="photo to preprocess")
    p.add_argument("-o", "--out", type=Path, required=True, help="output PNG")
    p.add_argument("--size", type=int, default=512, help="output side in pixels (default 512)")
    p.add_argument("--no-crop", action="store_true", help="input is already prepared: only resize/pad to the size")
    p.add_argument("--keep-background", action="store_true", help="do not replace the background with white")
    p.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write face box / transform here")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.atomic import atomic_path, atomic_write_text
    from facelift.errors import FaceliftError
    from facelift.preprocess import preprocess_image

    if args.size < 64:
        raise FaceliftError(f"--size must be at least 64, got {args.size}")
    result = preprocess_image(args.input, size=args.size, crop=not args.no_crop,
                              remove_background=not args.keep_background)
    with atomic_path(args.out) as tmp:
        result.image.save(tmp, format="PNG")
    log.info("wrote %s", args.out)
    if args.json:
        box = result.face_box
        info = {
            "input": str(args.input),
            "source_size": list(result.source_size),
            "num_faces": result.num_faces,
            "face_box_xyxy": None if box is None else [box.x0, box.y0, box.x1, box.y1],
            "transform": {"scale": result.transform.scale, "tx": result.transform.tx, "ty": result.transform.ty},
        }
        atomic_write_text(args.json, json.dumps(info, indent=2) + "\n")
        log.info("wrote %s", args.json)
    return 0
