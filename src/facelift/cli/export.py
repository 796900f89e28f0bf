"""``facelift export``: a Gaussian head in another splat format (.ply, .splat, .spz), as a web page (.html)
or as a vertex-coloured mesh (.glb, .obj, or .ply with --mesh); the writing is
:func:`facelift.formats.write_head`."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cli._args import check_output_file, positive_int
from facelift.errors import FaceliftError
from facelift.formats.write import UP_AXES, check_export, write_head

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write a Gaussian head as .ply, .splat, .spz, a .html page or a .glb/.obj/.ply mesh",
        description="Convert HEAD (a .ply/.splat/.spz file or a 'facelift reconstruct' output folder) "
                    "to the format OUT's suffix names: .ply (3DGS PLY, float32), .splat (32 bytes a "
                    "splat, no view-dependent colour) or .spz (Niantic's compressed format, version 3, "
                    "stored in the axes of our PLY; see facelift.formats.spz), or .html (one self-contained "
                    "page that shows the head as splats in a browser, offline; see facelift.formats.html), or .glb / "
                    ".obj (a watertight vertex-coloured mesh of the surface; see facelift.formats.mesh). "
                    "For a mesh .ply (faces and vertex colours rather than Gaussians) add --mesh. "
                    "Axes: our world is Z-up with the face toward -Y; meshes are written Y-up (glTF's "
                    "frame), everything else Z-up, unless --up says otherwise.",
    )
    p.add_argument("head", type=Path, help=".ply / .splat / .spz file, or a 'facelift reconstruct' output folder")
    p.add_argument("-o", "--out", type=Path, required=True,
                   help="output file: .ply, .splat, .spz, .html, .glb or .obj (.ply with --mesh: a mesh)")
    p.add_argument("--mesh", action="store_true",
                   help="write a vertex-coloured mesh even to .ply (.glb and .obj are always meshes)")
    p.add_argument("--faces", type=positive_int, default=None,
                   help="mesh only: decimate to about this many faces (default: marching cubes' full mesh)")
    p.add_argument("--up", choices=UP_AXES, default=None,
                   help="the file's up axis: 'y' turns the head so +Y is up and the face looks toward +Z "
                        "(three.js, glTF, most web splat viewers); 'z' keeps our world (Z up, face toward "
                        "-Y). Default: y for meshes, z for .ply/.splat/.spz/.html")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.outputs import head_path, load_head

    # Every check that needs no loading comes first, so a typo costs nothing and writes nothing.
    check_export(args.out, faces=args.faces, up=args.up, mesh=args.mesh)
    head_path(args.head)
    check_output_file(args.out)
    source, gaussians = load_head(args.head, "export")
    try:
        written = write_head(gaussians, args.out, faces=args.faces, up=args.up, mesh=args.mesh)
    except FaceliftError as e:
        raise FaceliftError(f"{source}: {e}") from None
    print(f"wrote {written.describe()}")
    log.debug("%s -> %s: %d bytes in, %d bytes out", source, args.out, source.stat().st_size, written.bytes)
    return 0
