"""``facelift data synth``, ``facelift data render-assets`` and ``facelift data head``: build multi-view
head datasets, and write single procedural heads."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from facelift.cli import group
from facelift.config import apply_overrides
from facelift.errors import FaceliftError


def _floats(text: str) -> tuple[float, float]:
    try:
        lo, hi = (float(t) for t in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LOW,HIGH degrees, got {text!r}") from None
    return lo, hi


def _kinds(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


def register(subparsers: argparse._SubParsersAction) -> None:
    data = group(subparsers, "data", "build multi-view head datasets (procedural or from head assets)")

    p = data.add_parser(
        "synth", help="render a dataset of procedural heads",
        description="Render procedural heads into the multi-view layout: per subject 6 Stage I views "
                    "and K random Stage II views (RGBA PNG), transforms.json, meta.json; index.json "
                    "with train/val/test split by identity. Rerun the same command to resume.")
    p.add_argument("-o", "--output", required=True, type=Path, help="dataset folder")
    p.add_argument("--preset", default="paper", help="settings preset: paper (512², 200x50) or tiny (64², 100x10)")
    p.add_argument("--identities", type=int, help="number of identities")
    p.add_argument("--appearances", type=int, help="appearances per identity")
    p.add_argument("--resolution", type=int, help="image size in pixels (square)")
    p.add_argument("--random-views", type=int, help="random Stage II views per subject (default 32)")
    p.add_argument("--elevation-range", type=_floats, help="LOW,HIGH elevation of random views in degrees, e.g. --elevation-range=-20,40 "
                        "(default -20,40)")
    p.add_argument("--lighting", type=_kinds,
                   help="comma list of ambient,environment,hdri (default ambient,environment; hdri alone "
                        "when --hdri is given)")
    p.add_argument("--hdri", type=Path,
                   help="folder of equirectangular .hdr/.exr environment maps: the hdri lighting draws one per "
                        "subject (its sun with soft shadows, the rest as SH irradiance), turned and exposed at random")
    p.add_argument("--lighting-mode", choices=("random", "each"),
                   help="random: one lighting per subject (default); each: every appearance under every lighting")
    p.add_argument("--azimuth-jitter", type=float, help="max |α| turning the 6-view rig per subject, degrees")
    p.add_argument("--supersample", type=int,
                   help="render at K x the resolution and average K x K blocks, as a camera or a downscale "
                        "would (default 1: render at the resolution itself)")
    p.add_argument("--extras", action="store_true", default=None,
                   help="glasses, hats, patterned tops and freckles on a share of the heads")
    p.add_argument("--seed", type=int, help="dataset seed")
    p.add_argument("--workers", type=int, default=1, help="parallel processes (default 1)")
    p.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="other SynthConfig overrides")
    p.set_defaults(func=_synth)

    r = data.add_parser(
        "render-assets", help="render head assets (.glb .gltf .obj .fbx .blend) with Blender",
        description="Render user-supplied head assets into the same layout with Blender (bpy) and Cycles: "
                    "normalised to the SPEC §3 frame, 6 fixed + K random cameras, ambient light or a "
                    "random HDR environment from --hdri. Needs: pip install 'facelift[blender]'.")
    r.add_argument("--assets", required=True, type=Path, help="folder of head assets")
    r.add_argument("-o", "--output", required=True, type=Path, help="dataset folder")
    r.add_argument("--hdri", type=Path, help="folder of .hdr/.exr environment maps (else ambient light only)")
    r.add_argument("--resolution", type=int, default=512)
    r.add_argument("--random-views", type=int, default=32)
    r.add_argument("--samples", type=int, default=128, help="Cycles samples per pixel")
    r.add_argument("--ambient-fraction", type=float, default=0.5,
                   help="share of subjects lit by ambient light when --hdri is given")
    r.add_argument("--fit", type=float, default=0.9,
                   help="largest half-extent of an asset after centring its bounding box (default 0.9)")
    r.add_argument("--yaw", type=float, default=0.0,
                   help="turn assets about +Z by this many degrees (for assets whose face is not toward -Y "
                        "after import)")
    r.add_argument("--seed", type=int, default=0)
    r.set_defaults(func=_render_assets)

    h = data.add_parser(
        "head", help="write one procedural head (or the bundled example head) as a Gaussian file",
        description="Write procedural head (IDENTITY, APPEARANCE) to -o, and/or the bundled example head "
                    "to --example (regenerates src/facelift/assets/example_head.ply). .ply, .splat or .spz.")
    h.add_argument("--example", type=Path, help="write the bundled example head to this file")
    h.add_argument("--identity", type=int, default=0, help="identity seed")
    h.add_argument("--appearance", type=int, default=0, help="appearance seed")
    h.add_argument("--spacing", type=float, default=None,
                   help="surface-sample spacing (default: the example head's, about 40k Gaussians)")
    h.add_argument("-o", "--output", type=Path, help="write head (identity, appearance) to this file")
    h.add_argument("--extras", action="store_true", help="with the glasses, hat, patterned top and freckles "
                                                          "that appearance draws")
    h.set_defaults(func=_head)


def _synth(args: argparse.Namespace) -> int:
    from facelift.data.synth import SYNTH_PRESETS, synth

    cfg = SYNTH_PRESETS.get_preset(args.preset)
    fields = {"identities": args.identities, "appearances": args.appearances, "resolution": args.resolution,
              "random_views": args.random_views, "elevation_range": args.elevation_range,
              "lighting": args.lighting, "lighting_mode": args.lighting_mode, "azimuth_jitter": args.azimuth_jitter, "seed": args.seed,
              "supersample": args.supersample, "extras": args.extras}
    if args.hdri is not None:
        fields["hdri"] = str(args.hdri)
        if args.lighting is None:
            fields["lighting"] = ("hdri",)
    cfg = replace(cfg, **{k: v for k, v in fields.items() if v is not None})
    cfg = apply_overrides(cfg, args.set)
    if args.workers < 1:
        raise FaceliftError(f"--workers must be >= 1, got {args.workers}")
    index = synth(args.output, cfg, workers=args.workers)
    print(f"dataset: {index}")
    return 0


def _head(args: argparse.Namespace) -> int:
    if not args.example and not args.output:
        raise FaceliftError("give --example PATH and/or -o PATH")
    from facelift.data.procedural import EXAMPLE_SPACING, example_head, make_head
    from facelift.formats.splats import save_gaussians

    heads = []
    if args.example:
        heads.append((args.example, lambda: example_head().gaussians))
    if args.output:
        spacing = EXAMPLE_SPACING if args.spacing is None else args.spacing
        heads.append((args.output, lambda: make_head(args.identity, args.appearance, spacing,
                                                     extras=args.extras).gaussians))
    for path, make in heads:
        g = make()
        save_gaussians(g, path)
        print(f"wrote {path} ({len(g)} Gaussians)")
    return 0


def _render_assets(args: argparse.Namespace) -> int:
    from facelift.data.blender import AssetRenderConfig, render_assets

    cfg = AssetRenderConfig(resolution=args.resolution, random_views=args.random_views, samples=args.samples,
                            ambient_fraction=args.ambient_fraction, fit=args.fit, yaw=args.yaw, seed=args.seed)
    index = render_assets(args.assets, args.output, hdri_dir=args.hdri, cfg=cfg)
    print(f"dataset: {index}")
    return 0
