"""Mesh export (facelift.formats.mesh, ``facelift export HEAD -o OUT.glb|.obj``)."""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pytest
import torch
import trimesh

from facelift.cameras import RADIUS as RADIUS_ORBIT
from facelift.cameras import facelift_cameras, orbit_camera
from facelift.cli import main
from facelift.errors import FaceliftError
from facelift.formats.mesh import first_surface, head_mesh, save_mesh
from facelift.formats.splats import load_gaussians
from facelift.gaussians import Gaussians
from facelift.render import rasterize

from mesh_raster import psnr, render_mesh

EXAMPLE_HEAD = Path(__file__).resolve().parents[1] / "src" / "facelift" / "assets" / "example_head.ply"
RADIUS = 0.5
#: The sphere mesh's mean radius against the splats' outline, relative.
TOL_RADIUS = 0.02


def sphere_colour(directions: np.ndarray) -> np.ndarray:
    """A smooth colour (P, 3) of unit directions (P, 3): each channel follows one axis."""
    return 0.5 + 0.4 * directions


def sphere_of_gaussians(n: int = 6000, radius: float = RADIUS, scale: float = 0.02) -> Gaussians:
    """n opaque round Gaussians on a sphere (a Fibonacci lattice), coloured by direction."""
    i = np.arange(n) + 0.5
    z = 1.0 - 2.0 * i / n
    phi = math.pi * (1.0 + 5 ** 0.5) * i
    d = np.stack([np.sqrt(1 - z ** 2) * np.cos(phi), np.sqrt(1 - z ** 2) * np.sin(phi), z], axis=1)
    f = lambda a: torch.tensor(a, dtype=torch.float32)  # noqa: E731
    return Gaussians(means=f(radius * d), scales=torch.full((n, 3), scale),
                     rotations=f(np.tile([1.0, 0.0, 0.0, 0.0], (n, 1))), opacities=torch.full((n,), 0.95),
                     colors=f(sphere_colour(d)))


@pytest.fixture(scope="module")
def sphere_mesh():
    g = sphere_of_gaussians()
    return g, head_mesh(g, resolution=64)


@pytest.fixture(scope="module")
def example_mesh():
    g = load_gaussians(EXAMPLE_HEAD)
    start = time.perf_counter()
    mesh = head_mesh(g)
    return g, mesh, time.perf_counter() - start


def silhouette_radius(g: Gaussians) -> float:
    """The radius of the sphere whose outline matches the splats' alpha >= 0.5 from the front."""
    cam = orbit_camera(0.0, 0.0, size=512)
    alpha = rasterize(g, cam).alpha.numpy()
    t = math.sqrt((alpha >= 0.5).sum() / math.pi) / float(cam.fx)  # tan of the outline's half-angle
    return RADIUS_ORBIT * t / math.sqrt(1 + t * t)


def test_sphere_of_gaussians_gives_a_sphere(sphere_mesh):
    g, mesh = sphere_mesh
    assert mesh.is_watertight and mesh.volume > 0
    r = np.linalg.norm(mesh.vertices, axis=1)
    # The surface should wrap what the splats show: their outline, not their centres.
    expected = silhouette_radius(g)
    voxel = 2 * expected / 64
    assert abs(r.mean() - expected) < TOL_RADIUS * expected, (r.mean(), expected)
    assert r.std() < 0.25 * voxel and r.max() - r.min() < 2 * voxel
    colours = mesh.visual.vertex_colors[:, :3] / 255.0
    truth = sphere_colour(mesh.vertices / r[:, None])
    assert np.abs(colours - truth).mean() < 0.02 and np.abs(colours - truth).max() < 0.08


def test_decimation_keeps_a_closed_coloured_sphere():
    g = sphere_of_gaussians()
    mesh = head_mesh(g, resolution=64, faces=2000)
    assert 1500 <= len(mesh.faces) <= 2000 and mesh.is_watertight
    r = np.linalg.norm(mesh.vertices, axis=1)
    assert abs(r.mean() - silhouette_radius(g)) < TOL_RADIUS * RADIUS
    assert mesh.visual.vertex_colors.shape == (len(mesh.vertices), 4)


def test_floaters_are_dropped():
    g = sphere_of_gaussians()
    blob = sphere_of_gaussians(n=200, radius=0.06)
    blob.means += torch.tensor([0.9, 0.0, 0.0])
    mesh = head_mesh(Gaussians.cat([g, blob]), resolution=64)
    assert np.linalg.norm(mesh.vertices, axis=1).max() < RADIUS + 0.1


@pytest.mark.parametrize("where", [(3.0, 0.0, 0.0), (0.0, 0.0, 50.0)])
def test_a_far_stray_splat_leaves_the_sphere_as_it_was(sphere_mesh, where):
    """A stray far away must not size the grid: one splat at 50 units had made the voxel 0.4
    units and the sphere a lump of a few hundred faces."""
    g, clean = sphere_mesh
    stray = sphere_of_gaussians(n=1, radius=0.0)
    stray.means += torch.tensor(where)
    mesh = head_mesh(Gaussians.cat([g, stray]), resolution=64)
    assert mesh.is_watertight and len(mesh.faces) == len(clean.faces)
    np.testing.assert_allclose(np.linalg.norm(mesh.vertices, axis=1).mean(),
                               np.linalg.norm(clean.vertices, axis=1).mean(), rtol=1e-3)


def test_example_head_mesh_looks_like_the_splats(example_mesh, tmp_path):
    g, mesh, seconds = example_mesh
    assert mesh.is_watertight and len(mesh.faces) > 20_000
    # The measure README quotes: the mesh rendered with an unlit z-buffer (tests/mesh_raster.py)
    # against the splats from the six Stage I cameras at 512², over white; 27.9 dB mean when measured.
    cams = facelift_cameras(512)
    colours = mesh.visual.vertex_colors[:, :3] / 255.0
    scores = []
    for i in range(len(cams)):
        ref = rasterize(g, cams[i]).rgb.numpy()
        img, _ = render_mesh(np.asarray(mesh.vertices), np.asarray(mesh.faces), colours, cams[i])
        scores.append(psnr(img, ref))
    print(f"example head: {len(mesh.faces)} faces in {seconds:.1f} s, PSNR {np.round(scores, 2)} "
          f"mean {np.mean(scores):.2f} dB")
    assert min(scores) > 26.0 and np.mean(scores) > 27.0, scores
    assert seconds < 20.0


def test_example_head_glb_loads_back_with_vertex_colours(example_mesh, tmp_path):
    _, mesh, _ = example_mesh
    save_mesh(mesh, tmp_path / "head.glb")
    back = trimesh.load(tmp_path / "head.glb", force="mesh")
    assert len(back.faces) == len(mesh.faces) > 1000
    assert back.visual.kind == "vertex"
    assert np.array_equal(back.visual.vertex_colors, mesh.visual.vertex_colors)
    # Written Y-up, as glTF wants: our +Z (up) is the file's +Y, our -Y (the face's side) its +Z.
    x, y, z = np.asarray(mesh.vertices).T
    assert np.allclose(back.vertices, np.stack([x, z, -y], axis=1), atol=1e-6)


def test_cli_exports_glb_and_obj(tmp_path, capsys):
    head = tmp_path / "head.ply"
    sphere_of_gaussians().save_ply(head)
    assert main(["export", str(head), "-o", str(tmp_path / "out" / "head.glb"), "--faces", "3000"]) == 0
    assert "faces" in capsys.readouterr().out
    folder = tmp_path / "rec"  # a reconstruct output folder works as HEAD too
    folder.mkdir()
    sphere_of_gaussians().save_ply(folder / "gaussians.ply")
    assert main(["export", str(folder), "-o", str(tmp_path / "head.obj")]) == 0
    glb = trimesh.load(tmp_path / "out" / "head.glb", force="mesh")
    obj = trimesh.load(tmp_path / "head.obj", force="mesh")
    assert len(glb.faces) <= 3000 and glb.is_watertight and glb.visual.kind == "vertex"
    assert obj.visual.kind == "vertex" and len(obj.faces) > len(glb.faces)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["gaussians.ply", "head.glb", "head.obj", "head.ply",
                                                           "out", "rec"]


def test_the_dispatch_names_the_mesh_types_the_module_writes():
    from facelift.formats import mesh, write

    assert write.MESH_SUFFIXES + (write.MESH_PLY,) == mesh.MESH_SUFFIXES


def test_bad_inputs_are_one_line_errors_and_write_nothing(tmp_path, capsys):
    Gaussians.empty().save_ply(tmp_path / "empty.ply")
    clear = sphere_of_gaussians()
    clear.opacities[:] = 0.01
    clear.save_ply(tmp_path / "clear.ply")
    before = sorted(tmp_path.rglob("*"))
    for head, extra, needle in [("empty.ply", [], "no Gaussians"), ("clear.ply", [], "opacity below"),
                                ("empty.ply", ["--faces", "2"], "at least 4 faces"),
                                ("clear.ply", ["--faces", "100", "-o", str(tmp_path / "head.spz")],
                                 "--faces applies to mesh output")]:
        args = ["export", str(tmp_path / head), "-o", str(tmp_path / "head.glb"), *extra]
        assert main(args) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("facelift: error: ") and "\n" not in err and needle in err, err
    assert sorted(tmp_path.rglob("*")) == before
    with pytest.raises(FaceliftError, match="unknown mesh file type"):
        save_mesh(trimesh.creation.box(), tmp_path / "head.stl")
    with pytest.raises(FaceliftError, match="no Gaussians"):
        head_mesh(Gaussians.empty())


def test_a_failing_write_leaves_nothing(tmp_path, monkeypatch):
    mesh = trimesh.creation.box()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(trimesh.Trimesh, "export", broken)
    with pytest.raises(OSError):
        save_mesh(mesh, tmp_path / "head.glb")
    assert list(tmp_path.iterdir()) == []



def veiled_sphere() -> Gaussians:
    """An opaque sphere (radius 0.4) with a half-transparent disc (radius 0.25; its overlapping
    Gaussians of opacity 0.15 add up to alpha ~0.65) 0.15 in front of it toward -Y: photo-fit's
    layer over the Stage II head, in miniature."""
    core = sphere_of_gaussians(radius=0.4)
    xs = np.arange(-0.25, 0.2501, 0.015)
    x, z = np.meshgrid(xs, xs)
    keep = x ** 2 + z ** 2 <= 0.25 ** 2
    n = int(keep.sum())
    means = np.stack([x[keep], np.full(n, -0.55), z[keep]], axis=1)
    f = lambda a: torch.tensor(a, dtype=torch.float32)  # noqa: E731
    veil = Gaussians(means=f(means), scales=f(np.tile([0.015, 0.004, 0.015], (n, 1))),
                     rotations=f(np.tile([1.0, 0.0, 0.0, 0.0], (n, 1))), opacities=torch.full((n,), 0.15),
                     colors=torch.full((n, 3), 0.2))
    return Gaussians.cat([core, veil])


def test_fusion_sees_a_half_transparent_front_layer_where_the_eye_sees_it():
    g = veiled_sphere()
    veil = Gaussians(**{k: (None if v is None else v[6000:]) for k, v in vars(g).items()})
    front = orbit_camera(0.0, 0.0, size=128)
    assert len(veil) > 500 and 0.4 < rasterize(veil, front).alpha[64, 64] < 0.8  # half transparent
    veil_depth = RADIUS_ORBIT - 0.55
    # A render's depth is the alpha-weighted mean along the ray: between the veil and the sphere.
    assert rasterize(g, front).depth[64, 64] > veil_depth + 0.04
    # What the fusion renders sees: the veil, as the eye does.
    assert abs(float(rasterize(first_surface(g), front).depth[64, 64]) - veil_depth) < 0.01
