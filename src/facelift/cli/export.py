"""``facelift export``: a Gaussian head in another splat format (.ply, .splat, .spz) or as a web page (.html)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cli._args import check_output_file
from facelift.errors import FaceliftError
from facelift.gaussians import SPLAT_SUFFIXES

log = logging.getLogger(__name__)

#: A self-contained web page that shows the head (facelift.formats.html).
PAGE_SUFFIXES = (".html",)

#: Formats of issue 18 not written yet: named apart from typos so the message can say so.
PLANNED_SUFFIXES = (".glb", ".obj")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write a Gaussian head as .ply, .splat, .spz or a .html page",
        description="Convert HEAD (a .ply/.splat/.spz file or a 'facelift reconstruct' output folder) "
                    "to the format OUT's suffix names: .ply (3DGS PLY, float32), .splat (32 bytes a "
                    "splat, no view-dependent colour) or .spz (Niantic's compressed format, version 3, "
                    "stored in the axes of our PLY; see facelift.formats.spz), or .html (one self-contained "
                    "page that shows the head as splats in a browser, offline; see facelift.formats.html).",
    )
    p.add_argument("head", type=Path, help=".ply / .splat / .spz file, or a 'facelift reconstruct' output folder")
    p.add_argument("-o", "--out", type=Path, required=True, help="output file: .ply, .splat, .spz or .html")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.gaussians import Gaussians

    # Every check that needs no loading comes first, so a typo costs nothing and writes nothing.
    check_format(args.out)
    source = head_source(args.head)
    check_output_file(args.out)
    gaussians = Gaussians.load(source)
    if len(gaussians) == 0:
        raise FaceliftError(f"{source}: the head has no Gaussians; nothing to export")
    if args.out.suffix.lower() in PAGE_SUFFIXES:
        from facelift.formats.html import save_html

        save_html(gaussians, args.out)
    else:
        gaussians.save(args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({len(gaussians)} Gaussians, {size / 1e6:.2f} MB)")
    log.debug("%s -> %s: %d bytes in, %d bytes out", source, args.out, source.stat().st_size, size)
    return 0


def check_format(out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix in SPLAT_SUFFIXES + PAGE_SUFFIXES:
        return
    formats = ", ".join(SPLAT_SUFFIXES + PAGE_SUFFIXES)
    if suffix in PLANNED_SUFFIXES:
        raise FaceliftError(f"{out}: {suffix} export is not supported yet; use one of {formats}")
    what = f"unknown output type {suffix!r}" if suffix else "no suffix to say the output type"
    raise FaceliftError(f"{out}: {what}; use one of {formats}")


def head_source(head: Path) -> Path:
    """The splat file HEAD names: itself, or the head in a reconstruction folder."""
    from facelift.outputs import head_file

    if head.is_dir():
        return head_file(head)
    if not head.exists():
        raise FaceliftError(f"{head}: no such file or folder")
    if head.suffix.lower() not in SPLAT_SUFFIXES:
        raise FaceliftError(f"{head}: expected a .ply, .splat or .spz file, or a facelift reconstruct folder")
    return head
