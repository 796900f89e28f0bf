"""Would a texture atlas make the exported mesh look more like the splats than vertex colours do?

A texture atlas colours the surface more densely than its vertices: a baked texel is the colour
of the Gaussians at one surface point, bilinearly interpolated in between. The same colour
density is had, without the atlas, by splitting each triangle into 4**k (``trimesh.remesh.
subdivide``: midpoints, so the surface does not move) and colouring the new vertices the way
the export colours its vertices (:func:`facelift.formats.mesh.vertex_colors`). So the PSNR gain
of the subdivided mesh over the plain one is what an atlas of that density can add, and no
more (an atlas adds seams and filtering of its own).

Measured as tests/test_mesh_export.py measures the export: unlit z-buffer renders
(tests/mesh_raster.py) against the splats from the six Stage I cameras at 512², over white.

    python benchmarks/bench_mesh_texture.py [HEAD.ply]   (default: the bundled example head)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import trimesh

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from facelift.cameras import facelift_cameras  # noqa: E402
from facelift.formats.mesh import head_mesh, vertex_colors  # noqa: E402
from facelift.formats.splats import load_gaussians  # noqa: E402
from facelift.gaussians import Gaussians  # noqa: E402
from facelift.render import rasterize  # noqa: E402
from mesh_raster import psnr, render_mesh  # noqa: E402


def score(g, refs, cams, vertices, faces, colors) -> float:
    return float(np.mean([psnr(render_mesh(vertices, faces, colors, cams[i])[0], refs[i]) for i in range(len(cams))]))


def main() -> None:
    head = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "src" / "facelift" / "assets" / "example_head.ply"
    g = load_gaussians(head)
    cams = facelift_cameras(512)
    refs = [rasterize(g, cams[i]).rgb.numpy() for i in range(len(cams))]
    print(f"{head.name}: {len(g)} Gaussians")
    print("| mesh faces | vertex colours (dB) | colours at 4x density | 16x | 64x |")
    print("|---|---|---|---|---|")
    for faces in (None, 20_000, 5_000):
        start = time.perf_counter()
        mesh = head_mesh(g, faces=faces)
        v, f = np.asarray(mesh.vertices), np.asarray(mesh.faces)
        row = [score(g, refs, cams, v, f, mesh.visual.vertex_colors[:, :3] / 255.0)]
        for _ in range(3 if faces else 2):
            v, f = trimesh.remesh.subdivide(v, f)
            row.append(score(g, refs, cams, v, f, vertex_colors(g, v)))
        cells = " | ".join(f"{s:.2f}" for s in row) + (" | -" if len(row) < 4 else "")
        print(f"| {len(mesh.faces):,} | {cells} |  ({time.perf_counter() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
