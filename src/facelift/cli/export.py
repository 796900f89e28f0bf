"""``facelift export``: a Gaussian head in another splat format (.ply, .splat, .spz), as a web page (.html)
or as a vertex-coloured mesh (.glb, .obj)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.cli._args import check_output_file, positive_int
from facelift.errors import FaceliftError
from facelift.gaussians import SPLAT_SUFFIXES

log = logging.getLogger(__name__)

#: A self-contained web page that shows the head (facelift.formats.html).
PAGE_SUFFIXES = (".html",)

#: The mesh files facelift.formats.mesh writes; named here so the CLI starts without importing
#: that module (numba, 0.4 s) for every command.
MESH_SUFFIXES = (".glb", ".obj")

#: Every output type, in the order error messages list them.
OUT_SUFFIXES = SPLAT_SUFFIXES + PAGE_SUFFIXES + MESH_SUFFIXES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write a Gaussian head as .ply, .splat, .spz or a .html page",
        description="Convert HEAD (a .ply/.splat/.spz file or a 'facelift reconstruct' output folder) "
                    "to the format OUT's suffix names: .ply (3DGS PLY, float32), .splat (32 bytes a "
                    "splat, no view-dependent colour) or .spz (Niantic's compressed format, version 3, "
                    "stored in the axes of our PLY; see facelift.formats.spz), or .html (one self-contained "
                    "page that shows the head as splats in a browser, offline; see facelift.formats.html), or .glb / "
                    ".obj (a watertight vertex-coloured mesh of the surface; see facelift.formats.mesh).",
    )
    p.add_argument("head", type=Path, help=".ply / .splat / .spz file, or a 'facelift reconstruct' output folder")
    p.add_argument("-o", "--out", type=Path, required=True, help="output file: .ply, .splat, .spz, .html, .glb or .obj")
    p.add_argument("--faces", type=positive_int, default=None,
                   help="mesh only: decimate to about this many faces (default: marching cubes' full mesh)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facelift.gaussians import Gaussians

    # Every check that needs no loading comes first, so a typo costs nothing and writes nothing.
    check_format(args.out)
    mesh_out = args.out.suffix.lower() in MESH_SUFFIXES
    if args.faces is not None and not mesh_out:
        raise FaceliftError(f"{args.out}: --faces applies to mesh output ({', '.join(MESH_SUFFIXES)}) only")
    if args.faces is not None and args.faces < 4:
        raise FaceliftError(f"--faces {args.faces}: a closed mesh needs at least 4 faces")
    source = head_source(args.head)
    check_output_file(args.out)
    gaussians = Gaussians.load(source)
    if len(gaussians) == 0:
        raise FaceliftError(f"{source}: the head has no Gaussians; nothing to export")
    if mesh_out:
        return export_mesh(gaussians, source, args.out, args.faces)
    if args.out.suffix.lower() in PAGE_SUFFIXES:
        from facelift.formats.html import save_html

        save_html(gaussians, args.out)
    else:
        gaussians.save(args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({len(gaussians)} Gaussians, {size / 1e6:.2f} MB)")
    log.debug("%s -> %s: %d bytes in, %d bytes out", source, args.out, source.stat().st_size, size)
    return 0


def export_mesh(gaussians, source: Path, out: Path, faces: int | None) -> int:
    from facelift.formats.mesh import head_mesh, save_mesh

    try:
        mesh = head_mesh(gaussians, faces=faces)
    except FaceliftError as e:
        raise FaceliftError(f"{source}: {e}") from None
    save_mesh(mesh, out)
    print(f"wrote {out} ({len(mesh.faces)} faces, {len(mesh.vertices)} vertices, "
          f"{out.stat().st_size / 1e6:.2f} MB)")
    return 0


def check_format(out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix in OUT_SUFFIXES:
        return
    formats = ", ".join(OUT_SUFFIXES)
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
