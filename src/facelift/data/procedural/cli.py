"""``python -m facelift.data.procedural``: write procedural heads as Gaussian files."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from facelift.data.procedural.assembly import EXAMPLE_SPACING, example_head, make_head
from facelift.formats.splats import save_gaussians

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate procedural heads as Gaussian PLY files.")
    parser.add_argument("--example", type=Path, help="write the bundled example head to this .ply")
    parser.add_argument("--identity", type=int, default=0, help="identity seed")
    parser.add_argument("--appearance", type=int, default=0, help="appearance seed")
    parser.add_argument("--spacing", type=float, default=EXAMPLE_SPACING,
                        help="surface-sample spacing (default %(default)s: about 40k Gaussians)")
    parser.add_argument("-o", "--output", type=Path, help="write head (identity, appearance) to this .ply/.splat")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.example:
        head = example_head()
        save_gaussians(head.gaussians, args.example)
        log.info("wrote %s (%d Gaussians)", args.example, len(head.gaussians))
    if args.output:
        head = make_head(args.identity, args.appearance, args.spacing)
        save_gaussians(head.gaussians, args.output)
        log.info("wrote %s (%d Gaussians)", args.output, len(head.gaussians))
    if not args.example and not args.output:
        parser.error("give --example PATH and/or -o PATH")
    return 0
